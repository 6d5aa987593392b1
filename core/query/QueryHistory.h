// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"
#include "core/util/Outcome.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <vector>

namespace sasquatch {

/// How a query run ended.
enum class HistoryStatus : std::uint8_t { Ok, Error, Cancelled };

/// One run of a query.
struct HistoryEntry
{
    QString text;
    QueryLanguage language = QueryLanguage::Flux;
    QDateTime ranAt;             ///< when it started, UTC
    std::int64_t durationMs = 0; ///< until the last row or the error
    std::int64_t rowCount = 0;   ///< rows received (also for failed or cancelled runs)
    HistoryStatus status = HistoryStatus::Ok;
    QString error;               ///< the message when status is Error

    bool operator==(const HistoryEntry &) const = default;
};

/// A query the user named and kept.
struct SavedQuery
{
    QString name;
    QueryLanguage language = QueryLanguage::Flux;
    QString text;

    bool operator==(const SavedQuery &) const = default;
};

/// Whether saving a query under an existing name replaces it.
enum class ExistingName : std::uint8_t { Refuse, Replace };

/// The query history of each connection profile (the last kMaxEntriesPerProfile runs, most
/// recent first, one entry per distinct query) and the user's named queries, persisted as one
/// JSON file in the XDG data directory.
///
/// The file is never lost: save() writes through QSaveFile (atomic rename) after copying the
/// previous file to `<file>.bak`; a file that does not read back (damaged, or written by a
/// newer version) is not overwritten but moved aside to `<file>.damaged-<UTC stamp>`, and
/// load() falls back to the `.bak` and says so in its error.
class QueryHistory
{
public:
    static constexpr std::size_t kMaxEntriesPerProfile = 500;

    /// `filePath` empty = defaultPath().
    explicit QueryHistory(QString filePath = {});

    /// `<AppDataLocation>/query-history.json` (e.g. ~/.local/share/sasquatch-browser/).
    static QString defaultPath();
    const QString &filePath() const { return m_filePath; }

    /// Reads the file. A missing file is an empty history. A damaged file gives an error
    /// naming the file and the problem; the backup is loaded instead when it is readable
    /// (the error says so), else the history starts empty. Nothing on disk is changed.
    Outcome<Done> load();
    /// Writes atomically, keeping the previous file as `.bak` (see the class comment).
    Outcome<Done> save() const;

    /// Adds a run at the top of `profile`'s list. A run of a query already listed (same
    /// language and normalizedText) replaces that entry, so re-running moves it to the top.
    void record(const QString &profile, HistoryEntry entry);
    /// `profile`'s runs, most recent first (empty for an unknown profile).
    const std::vector<HistoryEntry> &entries(const QString &profile) const;
    /// The entries whose text contains every blank-separated word of `words`, ignoring case,
    /// in history order. Blank `words` = all entries.
    std::vector<HistoryEntry> search(const QString &profile, QStringView words) const;
    /// Profiles that have a history, sorted.
    QStringList profiles() const;
    /// Removes one entry; false when the index is out of range.
    bool removeEntry(const QString &profile, std::size_t index);
    void clearProfile(const QString &profile);
    /// Moves a history to a renamed profile (merged by recency when the new name has one).
    void renameProfile(const QString &oldName, const QString &newName);

    /// Named queries, sorted by name ignoring case.
    const std::vector<SavedQuery> &savedQueries() const { return m_saved; }
    /// The saved query of that name (ignoring case), or nullptr.
    const SavedQuery *findSaved(QStringView name) const;
    /// Names are trimmed, must not be empty and are unique ignoring case.
    Outcome<Done> addSaved(SavedQuery query, ExistingName existing = ExistingName::Refuse);
    Outcome<Done> renameSaved(QStringView oldName, const QString &newName);
    bool removeSaved(QStringView name);
    /// Saved queries whose name or text contains every word, ignoring case.
    std::vector<SavedQuery> searchSaved(QStringView words) const;

    /// The text that identifies a query for de-duplication: blank runs outside string literals
    /// ('...', "...", `...`) collapsed to one space, ends trimmed.
    static QString normalizedText(QStringView text);

private:
    QString m_filePath;
    std::map<QString, std::vector<HistoryEntry>> m_history;
    std::vector<SavedQuery> m_saved;
};

} // namespace sasquatch
