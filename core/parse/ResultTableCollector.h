// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTableSink.h"

#include <optional>
#include <vector>

namespace sasquatch {

/// How ResultTableCollector treats the pieces of a large table.
enum class PieceHandling : std::uint8_t {
    Merge, ///< append continuation pieces to the table they continue
    Keep,  ///< keep every piece as its own entry
};

/// A sink that keeps everything: for small results (schema queries, tests) where streaming
/// does not matter.
class ResultTableCollector final : public ResultTableSink
{
public:
    explicit ResultTableCollector(PieceHandling pieces = PieceHandling::Merge) : m_pieces(pieces) {}

    void tableReady(ResultTable &&table) override;
    void parseFailed(const ParseError &error) override;

    const std::vector<ResultTable> &tables() const { return m_tables; }
    /// Moves the tables out, leaving the collector empty.
    std::vector<ResultTable> takeTables();
    const std::optional<ParseError> &error() const { return m_error; }
    void clear();

private:
    PieceHandling m_pieces;
    std::vector<ResultTable> m_tables;
    std::optional<ParseError> m_error;
};

} // namespace sasquatch
