// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/InfluxQlJsonParser.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace sasquatch::test {

/// An InfluxQlResultSink for tests of InfluxQlJsonParser: keeps the pieces and writes every
/// event, in order, as a ResultTableDump line (statement errors as `S <id> L<line>: <message>`).
class InfluxQlRecorder final : public InfluxQlResultSink
{
public:
    void tableReady(ResultTable &&table) override;
    void parseFailed(const ParseError &error) override;
    void statementFailed(const InfluxQlStatementError &error) override;

    QStringList events;
    std::vector<ResultTable> tables;

    /// What one parse gave.
    struct Outcome
    {
        QString dump; ///< events joined by '\n'
        std::vector<ResultTable> tables;
        bool failed = false;
        std::uint64_t rows = 0;    ///< rowsParsed()
        std::uint64_t bytes = 0;   ///< bytesFed()
        std::uint64_t emitted = 0; ///< tablesEmitted()
    };

    /// Parses `input` fed in chunks of chunkSize() bytes. `options`, space-separated:
    /// `rows=N` (maxRowsPerPiece, default 0 here), `epoch=ns|u|ms|s|m|h`,
    /// `hint=<column>:<double|long|ulong|string|bool|time>`.
    static Outcome parse(const QByteArray &input, const QString &options, const std::function<qsizetype()> &chunkSize);
    static void configure(InfluxQlJsonParser &parser, const QString &options);
};

/// One chunk line as influxd writes it: `series` is the series object's start (name, tags,
/// columns, without the closing brace), `values` the rows; `partial` marks series and result.
QByteArray chunkLine(int statement, const QByteArray &series, const QByteArray &values, bool partial);

/// An M1M3-like response of statement 0: `series` series (tag salIndex) x `rows` rows of
/// time,xForce0,zForce0, in lines of chunkSize rows when `chunked`, else one object per series.
QByteArray forceResponse(int series, int rows, int chunkSize, bool chunked);

} // namespace sasquatch::test
