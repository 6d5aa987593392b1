// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/InfluxQlRecorder.h"

#include "tests/support/ResultTableDump.h"

#include <QHash>

namespace sasquatch::test {

void InfluxQlRecorder::tableReady(ResultTable &&table)
{
    events << dumpResultTable(table);
    tables.push_back(std::move(table));
}

void InfluxQlRecorder::parseFailed(const ParseError &error)
{
    events << dumpParseError(error);
}

void InfluxQlRecorder::statementFailed(const InfluxQlStatementError &error)
{
    events << QStringLiteral("S %1 L%2: %3").arg(error.statementId).arg(error.line).arg(QString::fromStdString(error.message));
}

void InfluxQlRecorder::configure(InfluxQlJsonParser &parser, const QString &options)
{
    parser.setMaxRowsPerPiece(0);
    for (const QString &option : options.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString value = option.section(QLatin1Char('='), 1);
        if (option.startsWith(QLatin1String("rows="))) {
            parser.setMaxRowsPerPiece(value.toULongLong());
        } else if (option.startsWith(QLatin1String("epoch="))) {
            static const QHash<QString, InfluxQlEpoch> kEpochs = {
                {QStringLiteral("ns"), InfluxQlEpoch::Nanoseconds}, {QStringLiteral("u"), InfluxQlEpoch::Microseconds},
                {QStringLiteral("ms"), InfluxQlEpoch::Milliseconds}, {QStringLiteral("s"), InfluxQlEpoch::Seconds},
                {QStringLiteral("m"), InfluxQlEpoch::Minutes},       {QStringLiteral("h"), InfluxQlEpoch::Hours}};
            parser.setEpoch(kEpochs.value(value));
        } else if (option.startsWith(QLatin1String("hint="))) {
            static const QHash<QString, ColumnType> kTypes = {
                {QStringLiteral("double"), ColumnType::Double}, {QStringLiteral("long"), ColumnType::Long},
                {QStringLiteral("ulong"), ColumnType::UnsignedLong}, {QStringLiteral("string"), ColumnType::String},
                {QStringLiteral("bool"), ColumnType::Boolean}, {QStringLiteral("time"), ColumnType::DateTime}};
            parser.setColumnType(value.section(QLatin1Char(':'), 0, 0).toStdString(),
                                 kTypes.value(value.section(QLatin1Char(':'), 1)));
        }
    }
}

InfluxQlRecorder::Outcome InfluxQlRecorder::parse(const QByteArray &input, const QString &options,
                                                  const std::function<qsizetype()> &chunkSize)
{
    InfluxQlRecorder sink;
    InfluxQlJsonParser parser(sink);
    configure(parser, options);
    qsizetype pos = 0;
    while (pos < input.size()) {
        const qsizetype n = std::min(chunkSize(), input.size() - pos);
        if (!parser.feed(input.constData() + pos, static_cast<std::size_t>(n)))
            break;
        pos += n;
    }
    parser.finish();
    Outcome out;
    out.dump = sink.events.join(QLatin1Char('\n'));
    out.tables = std::move(sink.tables);
    out.failed = parser.failed();
    out.rows = parser.rowsParsed();
    out.bytes = parser.bytesFed();
    out.emitted = parser.tablesEmitted();
    return out;
}

QByteArray chunkLine(int statement, const QByteArray &series, const QByteArray &values, bool partial)
{
    return "{\"results\":[{\"statement_id\":" + QByteArray::number(statement) + ",\"series\":[" + series
           + ",\"values\":[" + values + "]" + (partial ? ",\"partial\":true}],\"partial\":true}]}\n" : "}]}]}\n");
}

QByteArray forceResponse(int series, int rows, int chunkSize, bool chunked)
{
    QByteArray body;
    for (int s = 0; s < series; ++s) {
        const QByteArray head = R"({"name":"lsst.sal.MTM1M3.forceActuatorData","tags":{"salIndex":")" + QByteArray::number(s)
                                + R"("},"columns":["time","xForce0","zForce0"])";
        const int step = chunked ? chunkSize : rows;
        for (int start = 0; start < rows; start += step) {
            const int end = std::min(rows, start + step);
            QByteArray values;
            for (int r = start; r < end; ++r)
                values += (r > start ? ",[" : "[") + QByteArray::number(1732406400000000000LL + r * 20'000'000LL + s) + ","
                          + QByteArray::number(r * 0.25 - 100.125, 'g', 17) + "," + QByteArray::number(-r * 0.5 - 0.75, 'g', 17)
                          + "]";
            body += chunkLine(0, head, values, end < rows);
        }
    }
    return body;
}

} // namespace sasquatch::test
