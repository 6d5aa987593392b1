// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/DecodedBatch.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_set>

namespace sasquatch {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

DecodedBatch::DecodedBatch(std::string topic, std::shared_ptr<const MessageLayout> layout)
    : m_topic(std::move(topic)), m_layout(std::move(layout))
{
    m_real.resize(m_layout->realColumns);
    m_integer.resize(m_layout->integerColumns);
    m_text.resize(m_layout->textColumns);
}

KafkaValue DecodedBatch::value(std::size_t row, std::size_t field) const
{
    const LayoutField &f = m_layout->fields[field];
    if (isNull(row, field))
        return std::monostate{};
    switch (columnKind(f.type)) {
    case KafkaColumnKind::Real:
        if (f.type == KafkaValueType::Boolean)
            return m_real[f.slot][row] != 0.0;
        return m_real[f.slot][row];
    case KafkaColumnKind::Integer:
        return m_integer[f.slot][row];
    case KafkaColumnKind::Text:
        return m_text[f.slot][row];
    }
    return std::monostate{};
}

double DecodedBatch::number(std::size_t row, std::size_t field) const
{
    const LayoutField &f = m_layout->fields[field];
    switch (columnKind(f.type)) {
    case KafkaColumnKind::Real:
        return m_real[f.slot][row];
    case KafkaColumnKind::Integer:
        return isNull(row, field) ? kNaN : double(m_integer[f.slot][row]);
    case KafkaColumnKind::Text:
        break;
    }
    return kNaN;
}

bool DecodedBatch::isNull(std::size_t row, std::size_t field) const
{
    const LayoutField &f = m_layout->fields[field];
    if (!f.nullable)
        return false;
    if (columnKind(f.type) == KafkaColumnKind::Real)
        return std::isnan(m_real[f.slot][row]);
    const std::pair<std::uint32_t, std::uint32_t> key{std::uint32_t(row), std::uint32_t(field)};
    return std::binary_search(m_nulls.begin(), m_nulls.end(), key);
}

std::vector<std::uint32_t> DecodedBatch::selectFields(const MessageLayout &layout, const std::vector<std::string> &only)
{
    const std::unordered_set<std::string_view> wanted(only.begin(), only.end());
    std::vector<std::uint32_t> out;
    out.reserve(only.empty() ? layout.fields.size() : only.size());
    for (std::size_t i = 0; i < layout.fields.size(); ++i) {
        const LayoutField &f = layout.fields[i];
        if (columnKind(f.type) == KafkaColumnKind::Text)
            continue;
        if (!only.empty() && !wanted.count(f.name))
            continue;
        out.push_back(std::uint32_t(i));
    }
    return out;
}

SampleBatch DecodedBatch::toSampleBatch(const std::vector<std::string> &only) const
{
    return toSampleBatch(selectFields(*m_layout, only));
}

SampleBatch DecodedBatch::toSampleBatch(std::span<const std::uint32_t> fields) const
{
    SampleBatch batch;
    batch.topic = m_topic;
    batch.times.reserve(m_rows);
    for (std::size_t r = 0; r < m_rows; ++r)
        batch.times.push_back(m_meta[r].time_ns);
    batch.fields.reserve(fields.size());
    for (const std::uint32_t i : fields) {
        const LayoutField &f = m_layout->fields[i];
        BatchField &out = batch.fields.emplace_back();
        out.name = f.name;
        if (columnKind(f.type) == KafkaColumnKind::Real) {
            out.values.assign(m_real[f.slot].begin(), m_real[f.slot].begin() + std::ptrdiff_t(m_rows));
        } else {
            out.values.resize(m_rows);
            const std::int64_t *column = m_integer[f.slot].data();
            for (std::size_t r = 0; r < m_rows; ++r)
                out.values[r] = double(column[r]);
            if (f.nullable)
                for (const auto &[row, field] : m_nulls)
                    if (field == i)
                        out.values[row] = kNaN;
        }
    }
    return batch;
}

SampleBatch DecodedBatch::takeSamples(std::span<const std::uint32_t> fields) const
{
    if (!m_samples)
        return toSampleBatch(fields);
    SampleBatch out = std::move(*m_samples);
    m_samples.reset();
    return out;
}

void DecodedBatch::reserve(std::size_t rows)
{
    if (rows <= m_capacity)
        return;
    m_capacity = rows;
    m_meta.reserve(rows);
    for (auto &c : m_real)
        c.resize(rows);
    for (auto &c : m_integer)
        c.resize(rows);
    for (auto &c : m_text)
        c.resize(rows);
}

std::size_t DecodedBatch::addRow(const KafkaMessageMeta &meta)
{
    if (m_rows == m_capacity)
        reserve(std::max<std::size_t>(64, m_capacity * 2));
    m_meta.push_back(meta);
    for (auto &c : m_text)
        c[m_rows].clear();
    return m_rows++;
}

void DecodedBatch::dropLastRow()
{
    if (m_rows == 0)
        return;
    --m_rows;
    m_meta.pop_back();
    while (!m_nulls.empty() && m_nulls.back().first == m_rows)
        m_nulls.pop_back();
}

void DecodedBatch::setNull(std::size_t row, const LayoutField &field)
{
    const auto index = std::uint32_t(&field - m_layout->fields.data());
    // Rows are written in order, so appending keeps the list sorted.
    m_nulls.emplace_back(std::uint32_t(row), index);
    if (columnKind(field.type) == KafkaColumnKind::Integer)
        m_integer[field.slot][row] = 0;
    else if (columnKind(field.type) == KafkaColumnKind::Text)
        m_text[field.slot][row].clear();
}

void DecodedBatch::finish()
{
    // Only the size changes: giving the spare room back would copy every column, and a batch
    // lives only until the GUI thread has appended it to the series store.
    m_capacity = m_rows;
    for (auto &c : m_real)
        c.resize(m_rows);
    for (auto &c : m_integer)
        c.resize(m_rows);
    for (auto &c : m_text)
        c.resize(m_rows);
}

} // namespace sasquatch
