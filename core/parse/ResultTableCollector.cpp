// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/ResultTableCollector.h"

#include <utility>

namespace sasquatch {

void ResultTableCollector::tableReady(ResultTable &&table)
{
    if (m_pieces == PieceHandling::Merge && table.isContinuation() && !m_tables.empty()) {
        ResultTable &last = m_tables.back();
        if (last.resultName() == table.resultName() && last.tableId() == table.tableId()
            && last.appendRows(table))
            return;
    }
    m_tables.push_back(std::move(table));
}

void ResultTableCollector::parseFailed(const ParseError &error)
{
    m_error = error;
}

std::vector<ResultTable> ResultTableCollector::takeTables()
{
    return std::exchange(m_tables, {});
}

void ResultTableCollector::clear()
{
    m_tables.clear();
    m_error.reset();
}

} // namespace sasquatch
