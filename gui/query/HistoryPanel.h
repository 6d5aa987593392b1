// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryHistory.h"
#include "core/query/QueryLanguage.h"
#include "gui/query/QueryRunRecord.h"

#include <QWidget>

#include <cstdint>

class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTabWidget;

namespace sasquatch {

/// Where a query picked from the history opens.
enum class OpenIn : std::uint8_t { CurrentTab, NewTab };

/// The query history of the active profile (the last 500 runs, newest first, one entry per
/// distinct query; QueryHistory) and the named saved queries, with one search box for both.
/// Double-click (or Enter) loads a query into the current tab; the context menu opens it in
/// a new tab, copies it, saves it under a name or removes it. Saved queries can be renamed and
/// deleted. Every change is written to disk at once (QueryHistory::save is atomic).
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    /// `history` must outlive the panel; it is read when the panel is built.
    explicit HistoryPanel(QueryHistory &history, QWidget *parent = nullptr);

    /// Shows `profile`'s history (runs are recorded under it).
    void setProfile(const QString &profile);
    const QString &profile() const { return m_profile; }
    /// Records a run under the current profile and saves.
    void record(const HistoryEntry &entry);
    /// Records a query tab's run (an error run keeps its message).
    void record(const QueryRunRecord &run);

    /// Saves a named query and saves the file; the failure says why not (name taken, blank).
    Outcome<Done> saveQuery(const QString &name, QueryLanguage language, const QString &text,
                            ExistingName existing = ExistingName::Refuse);
    /// Asks for a name (suggesting `suggestion`), asks before replacing, then saves.
    void promptSaveQuery(const QString &text, QueryLanguage language, const QString &suggestion = {});
    Outcome<Done> renameSaved(const QString &oldName, const QString &newName);
    bool deleteSaved(const QString &name);

    void setFilterText(const QString &text);
    void showSaved();
    void showHistory();
    QListWidget *historyList() const { return m_historyList; }
    QListWidget *savedList() const { return m_savedList; }
    /// Re-reads the lists from the history (after a change made elsewhere).
    void refresh();

Q_SIGNALS:
    void queryActivated(const QString &text, sasquatch::QueryLanguage language, sasquatch::OpenIn where);
    /// The "Save current…" button: the owner answers with promptSaveQuery(current text).
    void saveCurrentRequested();
    /// Something for the status line (a failed save of the history file, ...).
    void notice(const QString &text, bool error);

private:
    void persist();
    void activate(QListWidgetItem *item, OpenIn where);
    void showHistoryMenu(const QPoint &at);
    void showSavedMenu(const QPoint &at);
    void renameCurrentSaved();
    void deleteCurrentSaved();
    void updateButtons();

    QueryHistory &m_history;
    QString m_profile;
    QLineEdit *m_search = nullptr;
    QTabWidget *m_tabs = nullptr;
    QListWidget *m_historyList = nullptr;
    QListWidget *m_savedList = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_saveCurrent = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
};

} // namespace sasquatch
