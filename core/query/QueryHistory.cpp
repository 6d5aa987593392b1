// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryHistory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace sasquatch {

namespace {

constexpr int kFormatVersion = 1;

QString languageKey(QueryLanguage language)
{
    return language == QueryLanguage::Flux ? QStringLiteral("flux") : QStringLiteral("influxql");
}

std::optional<QueryLanguage> languageFromKey(const QJsonValue &value)
{
    const QString key = value.toString();
    if (key == u"flux")
        return QueryLanguage::Flux;
    if (key == u"influxql")
        return QueryLanguage::InfluxQl;
    return std::nullopt;
}

QString statusKey(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Error: return QStringLiteral("error");
    case HistoryStatus::Cancelled: return QStringLiteral("cancelled");
    case HistoryStatus::Ok: break;
    }
    return QStringLiteral("ok");
}

std::optional<HistoryStatus> statusFromKey(const QJsonValue &value)
{
    const QString key = value.toString();
    if (key == u"ok")
        return HistoryStatus::Ok;
    if (key == u"error")
        return HistoryStatus::Error;
    if (key == u"cancelled")
        return HistoryStatus::Cancelled;
    return std::nullopt;
}

struct Contents
{
    std::map<QString, std::vector<HistoryEntry>> history;
    std::vector<SavedQuery> saved;
};

QJsonObject entryToJson(const HistoryEntry &e)
{
    QJsonObject o{{QStringLiteral("text"), e.text},
                  {QStringLiteral("language"), languageKey(e.language)},
                  {QStringLiteral("ranAt"), e.ranAt.toUTC().toString(Qt::ISODateWithMs)},
                  {QStringLiteral("durationMs"), static_cast<qint64>(e.durationMs)},
                  {QStringLiteral("rows"), static_cast<qint64>(e.rowCount)},
                  {QStringLiteral("status"), statusKey(e.status)}};
    if (!e.error.isEmpty())
        o[u"error"] = e.error;
    return o;
}

Outcome<HistoryEntry> entryFromJson(const QJsonValue &value)
{
    if (!value.isObject())
        return Failure{QStringLiteral("it is not an object")};
    const QJsonObject o = value.toObject();
    HistoryEntry e;
    e.text = o.value(u"text").toString();
    if (e.text.isEmpty())
        return Failure{QStringLiteral("it has no query text")};
    const auto language = languageFromKey(o.value(u"language"));
    if (!language)
        return Failure{QStringLiteral("its language \"%1\" is neither flux nor influxql")
                           .arg(o.value(u"language").toVariant().toString())};
    e.language = *language;
    e.ranAt = QDateTime::fromString(o.value(u"ranAt").toString(), Qt::ISODateWithMs);
    if (!e.ranAt.isValid())
        return Failure{QStringLiteral("its time \"%1\" is not an ISO 8601 date and time")
                           .arg(o.value(u"ranAt").toVariant().toString())};
    e.ranAt = e.ranAt.toUTC();
    e.durationMs = static_cast<std::int64_t>(o.value(u"durationMs").toDouble());
    e.rowCount = static_cast<std::int64_t>(o.value(u"rows").toDouble());
    const auto status = statusFromKey(o.value(u"status"));
    if (!status)
        return Failure{QStringLiteral("its status \"%1\" is not ok, error or cancelled")
                           .arg(o.value(u"status").toVariant().toString())};
    e.status = *status;
    e.error = o.value(u"error").toString();
    return e;
}

QByteArray serialize(const std::map<QString, std::vector<HistoryEntry>> &history, const std::vector<SavedQuery> &saved)
{
    QJsonObject profiles;
    for (const auto &[profile, entries] : history) {
        QJsonArray list;
        for (const HistoryEntry &e : entries)
            list.append(entryToJson(e));
        profiles[profile] = list;
    }
    QJsonArray savedList;
    for (const SavedQuery &s : saved)
        savedList.append(QJsonObject{{QStringLiteral("name"), s.name},
                                     {QStringLiteral("language"), languageKey(s.language)},
                                     {QStringLiteral("text"), s.text}});
    const QJsonObject root{{QStringLiteral("version"), kFormatVersion},
                           {QStringLiteral("history"), profiles},
                           {QStringLiteral("saved"), savedList}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

// The problem is worded to follow "<file> ".
Outcome<Contents> parse(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Failure{QStringLiteral("is not valid JSON (%1 at byte %2)").arg(error.errorString()).arg(error.offset)};
    if (!doc.isObject())
        return Failure{QStringLiteral("does not hold a JSON object")};
    const QJsonObject root = doc.object();
    const int version = root.value(u"version").toInt(0);
    if (version > kFormatVersion)
        return Failure{QStringLiteral("was written by a newer Sasquatch Browser (format %1; this one reads %2)")
                           .arg(version).arg(kFormatVersion)};
    if (version < 1)
        return Failure{QStringLiteral("has no format version: it is not a query history file")};
    if (!root.value(u"history").isObject() || !root.value(u"saved").isArray())
        return Failure{QStringLiteral("lacks its \"history\" object or \"saved\" list")};

    Contents contents;
    const QJsonObject profiles = root.value(u"history").toObject();
    for (auto it = profiles.begin(); it != profiles.end(); ++it) {
        if (!it.value().isArray())
            return Failure{QStringLiteral("has a history for profile \"%1\" that is not a list").arg(it.key())};
        std::vector<HistoryEntry> entries;
        const QJsonArray list = it.value().toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            auto entry = entryFromJson(list.at(i));
            if (!entry)
                return Failure{QStringLiteral("has a bad entry %1 in the history of profile \"%2\": %3")
                                   .arg(i + 1).arg(it.key(), entry.error())};
            entries.push_back(std::move(entry).value());
        }
        contents.history[it.key()] = std::move(entries);
    }
    const QJsonArray saved = root.value(u"saved").toArray();
    for (qsizetype i = 0; i < saved.size(); ++i) {
        const QJsonObject o = saved.at(i).toObject();
        const auto language = languageFromKey(o.value(u"language"));
        SavedQuery q{o.value(u"name").toString().trimmed(), language.value_or(QueryLanguage::Flux),
                     o.value(u"text").toString()};
        if (q.name.isEmpty() || !language)
            return Failure{QStringLiteral("has a bad saved query %1: it needs a name and a language (flux or influxql)")
                               .arg(i + 1)};
        contents.saved.push_back(std::move(q));
    }
    return contents;
}

Outcome<Contents> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("Cannot read the query history %1: %2").arg(path, file.errorString())};
    auto contents = parse(file.readAll());
    if (!contents)
        return Failure{QStringLiteral("The query history %1 %2").arg(path, contents.error())};
    return contents;
}

QString backupPath(const QString &path)
{
    return path + QStringLiteral(".bak");
}

// Lower-case words of a search string.
QStringList searchWords(QStringView words)
{
    return words.toString().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
}

bool containsAll(const QString &haystack, const QStringList &words)
{
    return std::all_of(words.begin(), words.end(),
                       [&](const QString &w) { return haystack.contains(w, Qt::CaseInsensitive); });
}

void sortSaved(std::vector<SavedQuery> &saved)
{
    std::stable_sort(saved.begin(), saved.end(), [](const SavedQuery &a, const SavedQuery &b) {
        return QString::compare(a.name, b.name, Qt::CaseInsensitive) < 0;
    });
}

const std::vector<HistoryEntry> kNoEntries;

} // namespace

QueryHistory::QueryHistory(QString filePath)
    : m_filePath(filePath.isEmpty() ? defaultPath() : std::move(filePath))
{
}

QString QueryHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/query-history.json");
}

Outcome<Done> QueryHistory::load()
{
    m_history.clear();
    m_saved.clear();
    if (!QFileInfo::exists(m_filePath))
        return Done{};
    auto contents = readFile(m_filePath);
    if (contents) {
        m_history = std::move(contents->history);
        m_saved = std::move(contents->saved);
        sortSaved(m_saved);
        return Done{};
    }
    const QString bak = backupPath(m_filePath);
    if (QFileInfo::exists(bak)) {
        if (auto backup = readFile(bak)) {
            m_history = std::move(backup->history);
            m_saved = std::move(backup->saved);
            sortSaved(m_saved);
            return Failure{QStringLiteral("%1. The backup %2 (saved %3) was loaded instead; the damaged file will be "
                                          "kept beside it when the history is next saved.")
                               .arg(contents.error(), bak,
                                    QFileInfo(bak).lastModified().toUTC().toString(Qt::ISODate))};
        }
    }
    return Failure{QStringLiteral("%1. The history starts empty; the damaged file will be kept beside it when the "
                                  "history is next saved.")
                       .arg(contents.error())};
}

Outcome<Done> QueryHistory::save() const
{
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return Failure{QStringLiteral("Cannot create the folder %1 for the query history.").arg(info.absolutePath())};
    if (info.exists()) {
        if (readFile(m_filePath)) {
            // One generation back: a damaged write or a bad edit can be undone by hand.
            const QString bak = backupPath(m_filePath);
            if (QFileInfo::exists(bak) && !QFile::remove(bak))
                return Failure{QStringLiteral("Cannot replace the backup %1.").arg(bak)};
            if (!QFile::copy(m_filePath, bak))
                return Failure{QStringLiteral("Cannot back up the query history to %1.").arg(bak)};
        } else {
            // Never overwrite what could not be read: it may be a newer format or repairable.
            const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
            QString aside = m_filePath + QStringLiteral(".damaged-") + stamp;
            for (int n = 2; QFileInfo::exists(aside); ++n)
                aside = m_filePath + QStringLiteral(".damaged-") + stamp + u'-' + QString::number(n);
            if (!QFile::rename(m_filePath, aside))
                return Failure{QStringLiteral("Cannot move the unreadable query history %1 aside to %2; not saving "
                                              "over it.")
                                   .arg(m_filePath, aside)};
        }
    }
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QStringLiteral("Cannot write the query history %1: %2").arg(m_filePath, file.errorString())};
    file.write(serialize(m_history, m_saved));
    if (!file.commit())
        return Failure{QStringLiteral("Cannot write the query history %1: %2").arg(m_filePath, file.errorString())};
    return Done{};
}

void QueryHistory::record(const QString &profile, HistoryEntry entry)
{
    std::vector<HistoryEntry> &list = m_history[profile];
    const QString key = normalizedText(entry.text);
    std::erase_if(list, [&](const HistoryEntry &e) { return e.language == entry.language && normalizedText(e.text) == key; });
    list.insert(list.begin(), std::move(entry));
    if (list.size() > kMaxEntriesPerProfile)
        list.resize(kMaxEntriesPerProfile);
}

const std::vector<HistoryEntry> &QueryHistory::entries(const QString &profile) const
{
    const auto it = m_history.find(profile);
    return it == m_history.end() ? kNoEntries : it->second;
}

std::vector<HistoryEntry> QueryHistory::search(const QString &profile, QStringView words) const
{
    const QStringList list = searchWords(words);
    std::vector<HistoryEntry> found;
    for (const HistoryEntry &e : entries(profile))
        if (containsAll(e.text, list))
            found.push_back(e);
    return found;
}

QStringList QueryHistory::profiles() const
{
    QStringList names;
    for (const auto &[profile, list] : m_history)
        if (!list.empty())
            names << profile;
    return names;
}

bool QueryHistory::removeEntry(const QString &profile, std::size_t index)
{
    const auto it = m_history.find(profile);
    if (it == m_history.end() || index >= it->second.size())
        return false;
    it->second.erase(it->second.begin() + static_cast<std::ptrdiff_t>(index));
    return true;
}

void QueryHistory::clearProfile(const QString &profile)
{
    m_history.erase(profile);
}

void QueryHistory::renameProfile(const QString &oldName, const QString &newName)
{
    if (oldName == newName)
        return;
    const auto it = m_history.find(oldName);
    if (it == m_history.end())
        return;
    std::vector<HistoryEntry> moved = std::move(it->second);
    m_history.erase(it);
    // Re-record oldest first so that recency order and de-duplication hold in the merge.
    std::vector<HistoryEntry> &target = m_history[newName];
    std::vector<HistoryEntry> merged = std::move(target);
    merged.insert(merged.end(), moved.begin(), moved.end());
    std::stable_sort(merged.begin(), merged.end(),
                     [](const HistoryEntry &a, const HistoryEntry &b) { return a.ranAt > b.ranAt; });
    target.clear();
    for (auto e = merged.rbegin(); e != merged.rend(); ++e)
        record(newName, *e);
}

const SavedQuery *QueryHistory::findSaved(QStringView name) const
{
    const QStringView trimmed = name.trimmed();
    for (const SavedQuery &q : m_saved)
        if (q.name.compare(trimmed, Qt::CaseInsensitive) == 0)
            return &q;
    return nullptr;
}

Outcome<Done> QueryHistory::addSaved(SavedQuery query, ExistingName existing)
{
    query.name = query.name.trimmed();
    if (query.name.isEmpty())
        return Failure{QStringLiteral("A saved query needs a name.")};
    if (query.text.trimmed().isEmpty())
        return Failure{QStringLiteral("The query \"%1\" has no text to save.").arg(query.name)};
    if (const SavedQuery *old = findSaved(query.name)) {
        if (existing == ExistingName::Refuse)
            return Failure{QStringLiteral("A saved query named \"%1\" already exists.").arg(old->name)};
        removeSaved(old->name);
    }
    m_saved.push_back(std::move(query));
    sortSaved(m_saved);
    return Done{};
}

Outcome<Done> QueryHistory::renameSaved(QStringView oldName, const QString &newName)
{
    const QString name = newName.trimmed();
    if (name.isEmpty())
        return Failure{QStringLiteral("A saved query needs a name.")};
    const SavedQuery *found = findSaved(oldName);
    if (!found)
        return Failure{QStringLiteral("There is no saved query named \"%1\".").arg(oldName.toString())};
    const SavedQuery *clash = findSaved(name);
    if (clash && clash != found)
        return Failure{QStringLiteral("A saved query named \"%1\" already exists.").arg(clash->name)};
    for (SavedQuery &q : m_saved)
        if (&q == found)
            q.name = name;
    sortSaved(m_saved);
    return Done{};
}

bool QueryHistory::removeSaved(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    return std::erase_if(m_saved, [&](const SavedQuery &q) { return q.name.compare(trimmed, Qt::CaseInsensitive) == 0; })
           > 0;
}

std::vector<SavedQuery> QueryHistory::searchSaved(QStringView words) const
{
    const QStringList list = searchWords(words);
    std::vector<SavedQuery> found;
    for (const SavedQuery &q : m_saved)
        if (containsAll(q.name + u'\n' + q.text, list))
            found.push_back(q);
    return found;
}

QString QueryHistory::normalizedText(QStringView text)
{
    QString out;
    out.reserve(text.size());
    QChar quote;          // the open literal's quote, or null outside literals
    bool escaped = false; // the previous character inside a literal was a backslash
    bool pendingBlank = false;
    for (const QChar c : text) {
        if (!quote.isNull()) {
            out += c;
            if (escaped)
                escaped = false;
            else if (c == u'\\')
                escaped = true;
            else if (c == quote)
                quote = QChar();
            continue;
        }
        if (c.isSpace()) {
            pendingBlank = !out.isEmpty();
            continue;
        }
        if (pendingBlank)
            out += u' ';
        pendingBlank = false;
        out += c;
        if (c == u'\'' || c == u'"' || c == u'`')
            quote = c;
    }
    return out;
}

} // namespace sasquatch
