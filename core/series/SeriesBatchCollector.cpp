// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/SeriesBatchCollector.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace sasquatch {

struct TableShape
{
    std::size_t time = 0;
    bool longForm = false;
    std::size_t value = 0; // long form
    std::size_t field = 0; // long form
    std::optional<std::size_t> measurement;
    std::vector<std::size_t> tags;
    std::vector<std::size_t> fields; // wide form
};

namespace {

bool isReserved(std::string_view name)
{
    return name == "result" || name == "table" || name == "_start" || name == "_stop";
}

bool isPlottable(ColumnType type)
{
    return type == ColumnType::Double || type == ColumnType::Long || type == ColumnType::UnsignedLong ||
           type == ColumnType::Boolean;
}

std::string_view cellString(const ResultColumn &column, std::size_t row)
{
    if (column.isNull(row))
        return column.defaultText();
    return column.stringAt(row);
}

double cellDouble(const ResultColumn &column, std::size_t row)
{
    switch (column.type()) {
    case ColumnType::Double:
        return column.doubleAt(row);
    case ColumnType::Long:
        return static_cast<double>(column.int64At(row));
    case ColumnType::UnsignedLong:
        return static_cast<double>(column.uint64At(row));
    case ColumnType::Boolean:
        return column.boolAt(row) ? 1.0 : 0.0;
    default:
        return column.toDouble(row);
    }
}

QString tableName(const ResultTable &table)
{
    return QStringLiteral("table %1 of result \"%2\"").arg(table.tableId()).arg(QString::fromStdString(table.resultName()));
}

// Merges the (time, value) rows of one series from several batches: stable by time, the row
// added first wins on equal times.
SampleBatch mergeSeries(const std::vector<std::pair<const SampleBatch *, std::size_t>> &parts)
{
    SampleBatch out;
    out.topic = parts.front().first->topic;
    out.tags = parts.front().first->tags;
    BatchField merged{parts.front().first->fields[parts.front().second].name, {}};
    std::vector<std::pair<std::int64_t, double>> rows;
    for (const auto &[batch, field] : parts) {
        for (std::size_t r = 0; r < batch->times.size(); ++r)
            rows.emplace_back(batch->times[r], batch->fields[field].values[r]);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    rows.erase(std::unique(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first == b.first; }),
               rows.end());
    out.times.reserve(rows.size());
    merged.values.reserve(rows.size());
    for (const auto &[t, v] : rows) {
        out.times.push_back(t);
        merged.values.push_back(v);
    }
    out.fields.push_back(std::move(merged));
    return out;
}

bool sameTimes(const SampleBatch &a, const SampleBatch &b)
{
    return a.times.size() == b.times.size() &&
           (a.times.empty() ||
            (a.times.front() == b.times.front() && a.times.back() == b.times.back() &&
             std::memcmp(a.times.data(), b.times.data(), a.times.size() * sizeof(std::int64_t)) == 0));
}

} // namespace

void SeriesBatchCollector::clear()
{
    m_pending.clear();
    m_lastBySignature.clear();
    m_notes.clear();
}

std::string SeriesBatchCollector::signature(const SampleBatch &batch)
{
    std::string s = batch.topic;
    s += '\x1f';
    for (const auto &[k, v] : batch.tags) {
        s += k;
        s += '=';
        s += v;
        s += '\x1e';
    }
    s += '\x1f';
    for (const BatchField &f : batch.fields) {
        s += f.name;
        s += '\x1e';
    }
    return s;
}

Outcome<std::int64_t> SeriesBatchCollector::add(const ResultTable &table)
{
    const auto fail = [&](const QString &why) { return Failure{tableName(table) + QStringLiteral(": ") + why}; };
    TableShape shape;
    std::optional<std::size_t> time = table.columnIndex("_time");
    if (!time)
        time = table.columnIndex("time");
    if (!time)
        return fail(QStringLiteral("no _time or time column, nothing to plot"));
    if (table.column(*time).type() != ColumnType::DateTime)
        return fail(QStringLiteral("column \"%1\" is not a dateTime column").arg(QString::fromStdString(table.column(*time).name())));
    shape.time = *time;
    shape.measurement = table.columnIndex("_measurement");
    if (shape.measurement && table.column(*shape.measurement).type() != ColumnType::String)
        shape.measurement.reset();

    const auto value = table.columnIndex("_value");
    const auto field = table.columnIndex("_field");
    if (value && field && table.column(*field).type() == ColumnType::String) {
        if (!isPlottable(table.column(*value).type()))
            return fail(QStringLiteral("_value is of type %1, only numbers and booleans can be plotted")
                            .arg(QString::fromUtf8(columnTypeName(table.column(*value).type()))));
        shape.longForm = true;
        shape.value = *value;
        shape.field = *field;
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const ResultColumn &col = table.column(c);
            if (col.type() == ColumnType::String && c != *field && c != shape.measurement && !isReserved(col.name()))
                shape.tags.push_back(c);
        }
    } else {
        for (std::size_t c = 0; c < table.columnCount(); ++c) {
            const ResultColumn &col = table.column(c);
            if (c == shape.time || c == shape.measurement || isReserved(col.name()))
                continue;
            if (isPlottable(col.type()))
                shape.fields.push_back(c);
            else if (col.type() == ColumnType::String && col.isGroupKey())
                shape.tags.push_back(c);
            else
                m_notes.push_back(QStringLiteral("column \"%1\" of %2 is of type %3: not plotted")
                                      .arg(QString::fromStdString(col.name()), tableName(table),
                                           QString::fromUtf8(columnTypeName(col.type()))));
        }
        if (shape.fields.empty())
            return fail(QStringLiteral("no numeric or boolean column to plot"));
    }

    // Rows split where an identity column that is not a group key changes value.
    std::vector<std::size_t> identity;
    if (shape.measurement)
        identity.push_back(*shape.measurement);
    if (shape.longForm)
        identity.push_back(shape.field);
    identity.insert(identity.end(), shape.tags.begin(), shape.tags.end());
    std::vector<std::size_t> varying;
    for (std::size_t c : identity) {
        if (!table.column(c).isGroupKey())
            varying.push_back(c);
    }
    const std::size_t rows = table.rowCount();
    m_samplesAdded = 0;
    std::size_t start = 0;
    for (std::size_t r = 1; r <= rows; ++r) {
        bool split = r == rows;
        for (std::size_t i = 0; !split && i < varying.size(); ++i)
            split = cellString(table.column(varying[i]), r) != cellString(table.column(varying[i]), start);
        if (split) {
            addRun(table, shape, start, r);
            start = r;
        }
    }
    return m_samplesAdded;
}

void SeriesBatchCollector::addRun(const ResultTable &table, const TableShape &shape, std::size_t fromRow,
                                  std::size_t toRow)
{
    SampleBatch base;
    if (shape.measurement)
        base.topic = std::string(cellString(table.column(*shape.measurement), fromRow));
    for (std::size_t c : shape.tags) {
        const std::string_view v = cellString(table.column(c), fromRow);
        if (!v.empty())
            base.tags.emplace_back(table.column(c).name(), std::string(v));
    }
    base.tags = normalizedTags(std::move(base.tags));
    const ResultColumn &time = table.column(shape.time);

    const auto build = [&](const std::vector<std::size_t> &columns, const std::vector<std::string> &names) {
        SampleBatch batch = base;
        for (const std::string &name : names)
            batch.fields.push_back({name, {}});
        for (std::size_t r = fromRow; r < toRow; ++r) {
            if (time.isNull(r))
                continue;
            bool anyNull = false;
            for (std::size_t c : columns)
                anyNull = anyNull || table.column(c).isNull(r);
            if (anyNull)
                continue;
            batch.times.push_back(time.int64At(r));
            for (std::size_t i = 0; i < columns.size(); ++i)
                batch.fields[i].values.push_back(cellDouble(table.column(columns[i]), r));
        }
        m_samplesAdded += static_cast<std::int64_t>(batch.times.size() * batch.fields.size());
        if (!batch.times.empty())
            addBatch(std::move(batch));
    };

    if (shape.longForm) {
        build({shape.value}, {std::string(cellString(table.column(shape.field), fromRow))});
        return;
    }
    // Fields without a null in these rows travel together (one shared time column); a field
    // with nulls has fewer samples, so it gets a batch of its own.
    std::vector<std::size_t> dense;
    std::vector<std::string> denseNames;
    for (std::size_t c : shape.fields) {
        const ResultColumn &col = table.column(c);
        bool hasNull = false;
        if (col.nullCount() > 0) {
            for (std::size_t r = fromRow; r < toRow && !hasNull; ++r)
                hasNull = col.isNull(r);
        }
        if (hasNull) {
            build({c}, {col.name()});
        } else {
            dense.push_back(c);
            denseNames.push_back(col.name());
        }
    }
    if (!dense.empty())
        build(dense, denseNames);
}

void SeriesBatchCollector::addBatch(SampleBatch batch)
{
    const std::string key = signature(batch);
    if (const auto it = m_lastBySignature.find(key); it != m_lastBySignature.end()) {
        SampleBatch &last = m_pending[it->second];
        // The next piece of the same table: continue it.
        if (last.times.back() < batch.times.front()) {
            last.times.insert(last.times.end(), batch.times.begin(), batch.times.end());
            for (std::size_t f = 0; f < batch.fields.size(); ++f)
                last.fields[f].values.insert(last.fields[f].values.end(), batch.fields[f].values.begin(),
                                             batch.fields[f].values.end());
            return;
        }
    }
    m_lastBySignature[key] = m_pending.size();
    m_pending.push_back(std::move(batch));
}

std::vector<SampleBatch> SeriesBatchCollector::takeBatches()
{
    std::vector<SampleBatch> pending = std::move(m_pending);
    m_pending.clear();
    m_lastBySignature.clear();

    // A series in more than one pending batch: pull it out of them and merge by time.
    std::map<SeriesKey, std::vector<std::pair<const SampleBatch *, std::size_t>>> where;
    for (const SampleBatch &b : pending) {
        for (std::size_t f = 0; f < b.fields.size(); ++f)
            where[b.key(f)].emplace_back(&b, f);
    }
    std::vector<SampleBatch> merged;
    std::vector<std::vector<bool>> drop(pending.size());
    for (std::size_t i = 0; i < pending.size(); ++i)
        drop[i].assign(pending[i].fields.size(), false);
    for (const auto &[key, parts] : where) {
        if (parts.size() < 2)
            continue;
        merged.push_back(mergeSeries(parts));
        for (const auto &[batch, field] : parts)
            drop[static_cast<std::size_t>(batch - pending.data())][field] = true;
    }
    std::vector<SampleBatch> out;
    for (std::size_t i = 0; i < pending.size(); ++i) {
        SampleBatch &b = pending[i];
        std::vector<BatchField> kept;
        for (std::size_t f = 0; f < b.fields.size(); ++f) {
            if (!drop[i][f])
                kept.push_back(std::move(b.fields[f]));
        }
        if (kept.empty())
            continue;
        b.fields = std::move(kept);
        out.push_back(std::move(b));
    }
    for (SampleBatch &b : merged)
        out.push_back(std::move(b));

    // Batches of one stream with identical times become one batch: one time column in the store.
    std::vector<SampleBatch> result;
    for (SampleBatch &b : out) {
        auto it = std::find_if(result.begin(), result.end(), [&](const SampleBatch &r) {
            return r.topic == b.topic && r.tags == b.tags && sameTimes(r, b);
        });
        if (it == result.end()) {
            result.push_back(std::move(b));
            continue;
        }
        for (BatchField &f : b.fields)
            it->fields.push_back(std::move(f));
    }
    return result;
}

} // namespace sasquatch
