// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/FluxCsvGenerator.h"

#include "core/parse/Rfc3339.h"

#include <charconv>
#include <string>

namespace sasquatch::test {

namespace {

std::uint64_t mix(std::uint64_t x)
{
    // splitmix64: a value per (table, row) without carrying state between pieces.
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

} // namespace

FluxCsvGenerator::FluxCsvGenerator(int tables, int rowsPerTable) : m_tables(tables), m_rowsPerTable(rowsPerTable) {}

std::int64_t FluxCsvGenerator::timeAt(int table, int row)
{
    const std::uint64_t h = mix(std::uint64_t(table) << 32 | std::uint32_t(row));
    return kStartNs + std::int64_t(row) * kPeriodNs + std::int64_t(h % 997);
}

double FluxCsvGenerator::valueAt(int table, int row)
{
    const std::uint64_t h = mix(~(std::uint64_t(table) << 32 | std::uint32_t(row)));
    // Forces in newtons with a few decimals, like M1M3 telemetry stored as float.
    return double(std::int64_t(h % 24'000'000) - 12'000'000) / 1024.0;
}

QByteArray FluxCsvGenerator::next(int bytes)
{
    if (m_done)
        return {};
    std::string out;
    out.reserve(std::size_t(bytes) + 256);
    if (!m_headerDone) {
        out += "#datatype,string,long,dateTime:RFC3339,double,string,string\r\n"
               "#group,false,false,false,false,true,true\r\n"
               "#default,_result,,,,,\r\n"
               ",result,table,_time,_value,_field,_measurement\r\n";
        m_headerDone = true;
    }
    char number[64];
    while (out.size() < std::size_t(bytes) && m_table < m_tables) {
        out += ",,";
        out += std::to_string(m_table);
        out += ',';
        appendRfc3339Nano(out, timeAt(m_table, m_row));
        out += ',';
        const auto r = std::to_chars(number, number + sizeof number, valueAt(m_table, m_row));
        out.append(number, std::size_t(r.ptr - number));
        out += ",xForce";
        out += std::to_string(m_table);
        out += ",lsst.sal.MTM1M3.forceActuatorData\r\n";
        ++m_rowsDone;
        if (++m_row == m_rowsPerTable) {
            m_row = 0;
            ++m_table;
        }
    }
    if (m_table == m_tables) {
        out += "\r\n";
        m_done = true;
    }
    return QByteArray(out.data(), qsizetype(out.size()));
}

QByteArray FluxCsvGenerator::whole(int tables, int rowsPerTable)
{
    FluxCsvGenerator g(tables, rowsPerTable);
    QByteArray all;
    for (QByteArray piece = g.next(1 << 20); !piece.isEmpty(); piece = g.next(1 << 20))
        all += piece;
    return all;
}

} // namespace sasquatch::test
