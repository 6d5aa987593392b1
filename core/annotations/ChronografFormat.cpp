// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/ChronografFormat.h"

#include <unordered_map>

namespace sasquatch {

namespace {

QByteArray seriesKey(const QString &id, const QMap<QString, QString> &tags)
{
    // Tags sorted by key, as InfluxDB keeps them anyway; `id` takes its place among them.
    QMap<QString, QString> all = tags;
    all.insert(QStringLiteral("id"), id);
    QByteArray key = ChronografFormat::kMeasurement.toUtf8();
    for (auto it = all.cbegin(); it != all.cend(); ++it)
        key += ',' + ChronografFormat::escapeTag(it.key()) + '=' + ChronografFormat::escapeTag(it.value());
    return key;
}

bool toInt64(const QVariant &v, std::int64_t &out)
{
    bool ok = false;
    const qint64 value = v.toLongLong(&ok);
    if (ok && (v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::ULongLong || v.typeId() == QMetaType::Int))
        out = value;
    else if (v.typeId() == QMetaType::Double) // a float written by another tool: take it
        out = std::int64_t(v.toDouble());
    else
        return false;
    return true;
}

} // namespace

QByteArray ChronografFormat::escapeTag(const QString &text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 4);
    for (const char c : utf8) {
        if (c == ',' || c == '=' || c == ' ')
            out += '\\';
        out += c;
    }
    return out;
}

QByteArray ChronografFormat::quoteField(const QString &text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
    return out;
}

QByteArray ChronografFormat::livePoint(const Annotation &a, std::int64_t modifiedNs)
{
    QByteArray line = seriesKey(a.id, a.tags);
    line += " deleted=false,start_time=" + QByteArray::number(qint64(a.startNs))
          + "i,modified_time_ns=" + QByteArray::number(qint64(modifiedNs)) + "i,text=" + quoteField(a.text)
          + ",color=" + quoteField(a.color) + ' ' + QByteArray::number(qint64(a.endNs)) + '\n';
    return line;
}

QByteArray ChronografFormat::deletedPoint(const QString &id, const QMap<QString, QString> &tags, std::int64_t timeNs,
                                          std::int64_t modifiedNs)
{
    QByteArray line = seriesKey(id, tags);
    line += " deleted=true,start_time=0i,modified_time_ns=" + QByteArray::number(qint64(modifiedNs))
          + "i,text=\"\" " + QByteArray::number(qint64(timeNs)) + '\n';
    return line;
}

Outcome<std::vector<ChronografFormat::Row>> ChronografFormat::readRows(const InfluxQlSeries &series,
                                                                       const QSet<QString> &tagKeys)
{
    const int cTime = series.column(u"time"), cStart = series.column(u"start_time"),
              cModified = series.column(u"modified_time_ns"), cText = series.column(u"text"),
              cId = series.column(u"id"), cColor = series.column(u"color"), cDeleted = series.column(u"deleted");
    std::vector<Row> rows;
    if (series.rows.empty())
        return rows;
    for (const auto &[column, name] : {std::pair(cTime, "time"), std::pair(cStart, "start_time"),
                                       std::pair(cModified, "modified_time_ns"), std::pair(cId, "id")})
        if (column < 0)
            return Failure{QStringLiteral("chronograf.autogen.annotations has no \"%1\" column; it does not hold "
                                          "Chronograf annotations.")
                               .arg(QLatin1String(name))};
    std::vector<int> tagColumns;
    for (int c = 0; c < series.columns.size(); ++c)
        if (c != cId && tagKeys.contains(series.columns[c]))
            tagColumns.push_back(c);
    rows.reserve(series.rows.size());
    for (std::size_t r = 0; r < series.rows.size(); ++r) {
        const auto &cells = series.rows[r];
        auto cell = [&](int c) { return c >= 0 && c < int(cells.size()) ? cells[c] : QVariant(); };
        Row row;
        Annotation &a = row.annotation;
        a.id = cell(cId).toString();
        row.deleted = cell(cDeleted).toBool();
        if (a.id.isEmpty() || !toInt64(cell(cTime), a.endNs) || !toInt64(cell(cModified), a.modifiedNs)
            || !toInt64(cell(cStart), a.startNs))
            return Failure{QStringLiteral("chronograf.autogen.annotations, row %1 (id \"%2\"): id, time, start_time or "
                                          "modified_time_ns is missing or not an integer.")
                               .arg(r + 1)
                               .arg(a.id)};
        a.text = cell(cText).toString();
        if (cColor >= 0 && cell(cColor).typeId() == QMetaType::QString)
            a.color = cell(cColor).toString();
        for (const int c : tagColumns)
            if (const QVariant v = cell(c); v.typeId() == QMetaType::QString && !v.toString().isEmpty())
                a.tags.insert(series.columns[c], v.toString());
        rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<Annotation> ChronografFormat::newestLive(const std::vector<Row> &rows)
{
    std::unordered_map<QString, std::size_t> newest; // id -> index in `out`
    std::vector<Annotation> out;
    for (const Row &row : rows) {
        if (row.deleted)
            continue;
        const auto it = newest.find(row.annotation.id);
        if (it == newest.end()) {
            newest.emplace(row.annotation.id, out.size());
            out.push_back(row.annotation);
        } else if (row.annotation.modifiedNs > out[it->second].modifiedNs) {
            out[it->second] = row.annotation;
        }
    }
    return out;
}

} // namespace sasquatch
