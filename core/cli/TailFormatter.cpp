// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/TailFormatter.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sasquatch {

namespace {

void appendJsonString(const std::string &s, std::string &out)
{
    out += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void appendCsvText(const std::string &s, std::string &out)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos) {
        out += s;
        return;
    }
    out += '"';
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

template <class T>
void appendShortest(T value, std::string &out)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

} // namespace

TailFormatter::TailFormatter(TailFormat format, std::vector<std::string> fields)
    : m_format(format), m_fields(std::move(fields))
{
}

bool TailFormatter::selects(const LayoutField &field) const
{
    if (m_fields.empty())
        return true;
    return std::find(m_fields.begin(), m_fields.end(), field.name) != m_fields.end()
           || (!field.arrayName.empty() && std::find(m_fields.begin(), m_fields.end(), field.arrayName) != m_fields.end());
}

void TailFormatter::appendValue(const DecodedBatch &batch, std::size_t row, std::size_t field, std::string &out) const
{
    const LayoutField &f = batch.layout().fields[field];
    const KafkaValue v = batch.value(row, field);
    const bool json = m_format == TailFormat::Json;
    if (std::holds_alternative<std::monostate>(v)) {
        if (json)
            out += "null";
    } else if (const auto *b = std::get_if<bool>(&v)) {
        out += *b ? "true" : "false";
    } else if (const auto *i = std::get_if<std::int64_t>(&v)) {
        appendShortest(*i, out);
    } else if (const auto *d = std::get_if<double>(&v)) {
        if (!std::isfinite(*d)) {
            if (json)
                out += "null"; // JSON has no NaN or infinity
            else
                out += std::isnan(*d) ? "NaN" : (*d > 0 ? "Inf" : "-Inf");
        } else if (std::trunc(*d) == *d && std::abs(*d) < 9007199254740992.0) {
            // Whole numbers in full (1681248783000000, not 1.681248783e+15), while exact.
            appendShortest(std::int64_t(*d), out);
        } else if (f.type == KafkaValueType::Float) {
            appendShortest(float(*d), out); // 0.1f, not 0.10000000149011612
        } else {
            appendShortest(*d, out);
        }
    } else if (const auto *s = std::get_if<std::string>(&v)) {
        if (json)
            appendJsonString(*s, out);
        else
            appendCsvText(*s, out);
    }
}

void TailFormatter::appendRow(const DecodedBatch &batch, std::size_t row, std::string &out)
{
    const MessageLayout &layout = batch.layout();
    const KafkaMessageMeta &meta = batch.meta(row);
    if (m_format == TailFormat::Json) {
        out += "{\"topic\":";
        appendJsonString(batch.topic(), out);
        out += ",\"partition\":";
        appendShortest(meta.partition, out);
        out += ",\"offset\":";
        appendShortest(meta.offset, out);
        out += ",\"timestamp_ms\":";
        appendShortest(meta.timestamp_ms, out);
        out += ",\"fields\":{";
        bool first = true;
        for (std::size_t i = 0; i < layout.fields.size(); ++i) {
            if (!selects(layout.fields[i]))
                continue;
            if (!first)
                out += ',';
            first = false;
            appendJsonString(layout.fields[i].name, out);
            out += ':';
            appendValue(batch, row, i, out);
        }
        out += "}}\n";
        return;
    }
    if (!m_headerWritten) {
        if (!m_fields.empty()) {
            // Whole arrays named in --fields expand to their elements, in the layout's order.
            for (const std::string &name : m_fields) {
                bool expanded = false;
                for (const auto &f : layout.fields)
                    if (f.arrayName == name) {
                        m_columns.push_back(f.name);
                        expanded = true;
                    }
                if (!expanded)
                    m_columns.push_back(name);
            }
        } else {
            for (const auto &f : layout.fields)
                m_columns.push_back(f.name);
        }
        out += "topic,partition,offset,timestamp_ms";
        for (const auto &c : m_columns) {
            out += ',';
            appendCsvText(c, out);
        }
        out += '\n';
        m_headerWritten = true;
    }
    if (m_lastLayout != batch.layoutPtr()) {
        m_lastLayout = batch.layoutPtr();
        m_columnOfField.assign(m_columns.size(), -1);
        for (std::size_t c = 0; c < m_columns.size(); ++c)
            m_columnOfField[c] = layout.indexOf(m_columns[c]);
    }
    appendCsvText(batch.topic(), out);
    out += ',';
    appendShortest(meta.partition, out);
    out += ',';
    appendShortest(meta.offset, out);
    out += ',';
    appendShortest(meta.timestamp_ms, out);
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        out += ',';
        if (m_columnOfField[c] >= 0)
            appendValue(batch, row, std::size_t(m_columnOfField[c]), out);
    }
    out += '\n';
}

} // namespace sasquatch
