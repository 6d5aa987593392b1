// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/InfluxQlJsonGenerator.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace sasquatch::test {

namespace {

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

InfluxQlJsonGenerator::InfluxQlJsonGenerator(int series, int rowsPerSeries, int chunkRows, InfluxQlBody body)
    : m_series(series), m_rowsPerSeries(rowsPerSeries), m_chunkRows(std::max(1, chunkRows)), m_body(body)
{
}

std::int64_t InfluxQlJsonGenerator::timeAt(int series, int row)
{
    const std::uint64_t h = mix(std::uint64_t(series) << 32 | std::uint32_t(row));
    return kStartNs + std::int64_t(row) * kPeriodNs + std::int64_t(h % 997);
}

double InfluxQlJsonGenerator::valueAt(int series, int row)
{
    const std::uint64_t h = mix(~(std::uint64_t(series) << 32 | std::uint32_t(row)));
    return double(std::int64_t(h % 24'000'000) - 12'000'000) / 1024.0;
}

void InfluxQlJsonGenerator::appendChunk(std::string &out)
{
    const bool single = m_body == InfluxQlBody::Single;
    const int end = single ? m_rowsPerSeries : std::min(m_row + m_chunkRows, m_rowsPerSeries);
    const bool seriesDone = end == m_rowsPerSeries;
    const bool lastChunk = seriesDone && m_current + 1 == m_series;
    if (!single || m_current == 0)
        out += R"({"results":[{"statement_id":0,"series":[)";
    else
        out += ',';
    out += R"({"name":"lsst.sal.MTM1M3.forceActuatorData","tags":{"salIndex":")";
    out += std::to_string(m_current);
    out += R"("},"columns":["time","xForce0"],"values":[)";
    char number[64];
    for (int row = m_row; row < end; ++row) {
        if (row > m_row)
            out += ',';
        out += '[';
        out += std::to_string(timeAt(m_current, row));
        out += ',';
        const auto r = std::to_chars(number, number + sizeof number, valueAt(m_current, row));
        out.append(number, std::size_t(r.ptr - number));
        out += ']';
    }
    out += ']';
    if (!seriesDone)
        out += R"(,"partial":true)";
    out += '}';
    if (!single || lastChunk) {
        out += ']';
        if (!lastChunk)
            out += R"(,"partial":true)";
        out += "}]}\n";
    }
    m_row = end;
    if (seriesDone) {
        m_row = 0;
        ++m_current;
    }
}

QByteArray InfluxQlJsonGenerator::next(int bytes)
{
    std::string out;
    while (out.size() < std::size_t(bytes) && m_current < m_series)
        appendChunk(out);
    return QByteArray(out.data(), qsizetype(out.size()));
}

QByteArray InfluxQlJsonGenerator::whole(int series, int rowsPerSeries, int chunkRows, InfluxQlBody body)
{
    InfluxQlJsonGenerator g(series, rowsPerSeries, chunkRows, body);
    QByteArray all;
    for (QByteArray piece = g.next(1 << 20); !piece.isEmpty(); piece = g.next(1 << 20))
        all += piece;
    return all;
}

} // namespace sasquatch::test
