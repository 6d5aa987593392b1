// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/QueryCommand.h"

#include "core/cli/CliOutput.h"
#include "core/cli/CommandLine.h"
#include "core/cli/ConnectionOptions.h"
#include "core/http/CurlTransport.h"
#include "core/query/CsvWriter.h"
#include "core/query/JsonLinesWriter.h"
#include "core/query/QueryResultSink.h"
#include "core/query/QueryRunner.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <optional>

namespace sasquatch {

namespace {

const QString kCommand = QStringLiteral("query");

enum class Format { Csv, Json, Stats };

/// Where the rows go, in the chosen format. Nothing is kept: each piece is written and dropped.
class OutputSink final : public QueryResultSink
{
public:
    OutputSink(Format format, QIODevice &device)
    {
        if (format == Format::Csv)
            m_csv.emplace(device, CsvIdentityColumns::Include);
        else if (format == Format::Json)
            m_json.emplace(device);
    }

    Outcome<Done> tableReady(ResultTable &&table) override
    {
        if (m_csv)
            return m_csv->writeTable(table);
        if (m_json)
            return m_json->writeTable(table);
        return Done{};
    }
    void statementFailed(const QueryStatementError &error) override
    {
        if (m_json)
            (void)m_json->writeStatementError(error); // a write error shows at finish()
    }
    Outcome<Done> finish()
    {
        if (m_csv)
            return m_csv->finish();
        if (m_json)
            return m_json->finish();
        return Done{};
    }

private:
    std::optional<CsvWriter> m_csv;
    std::optional<JsonLinesWriter> m_json;
};

/// "1000", "500M", "2G", "1.5GiB", "64k": bytes (K/M/G/T are powers of 1024).
std::optional<std::uint64_t> parseByteSize(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtT]?)(?:i?[bB])?\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const int power = unit.isEmpty() ? 0 : int(QStringLiteral("KMGT").indexOf(unit)) + 1;
    for (int i = 0; i < power; ++i)
        value *= 1024.0;
    if (value < 1 || value > 9.0e18)
        return std::nullopt;
    return std::uint64_t(value);
}

std::optional<QueryLanguage> languageFromName(const QString &name)
{
    const QString n = name.toLower();
    if (n == u"flux")
        return QueryLanguage::Flux;
    if (n == u"influxql" || n == u"sql" || n == u"iql")
        return QueryLanguage::InfluxQl;
    return std::nullopt;
}

QString helpFooter()
{
    return QStringLiteral(
        "\nOutput formats:\n"
        "  csv    RFC 4180 (CRLF, quotes where needed). Columns: result, table, then the table's\n"
        "         columns; a header row before the first table and again whenever the set of\n"
        "         column names changes. Times RFC3339Nano UTC, null = empty field.\n"
        "  json   JSON Lines: one object per table piece, streamed as it arrives:\n"
        "         {\"result\":\"_result\",\"table\":0,\"continuation\":false,\n"
        "          \"columns\":[{\"name\":\"_time\",\"type\":\"dateTime:RFC3339\",\"group\":false},...],\n"
        "          \"rows\":[[\"2024-05-01T00:00:00.02Z\",12.5,...],...]}\n"
        "         continuation=true marks more rows of the table before it. Times are RFC3339Nano\n"
        "         strings; long/unsignedLong exact integers; NaN/+Inf/-Inf as strings; null as null.\n"
        "         A failed InfluxQL statement: {\"result\":\"1\",\"statement\":\"...\",\"error\":\"...\"}.\n"
        "  stats  one line: {\"rows\":N,\"tables\":T,\"bytes\":B,\"seconds\":S} (bytes of the\n"
        "         response body after gzip decoding; seconds from sending to the last byte).\n"
        "\nThe result is streamed, never held whole: there is no memory limit unless --max-points or\n"
        "--max-bytes sets one. InfluxQL runs on the database of --database or --bucket DB[/RP].\n"
        "With --out, the file appears only when the query succeeded (written to a temporary file,\n"
        "then renamed). A failed InfluxQL statement fails the command (exit 1) after the other\n"
        "statements' rows were written (to stdout; --out then leaves no file).\n"
        "\nExamples:\n"
        "  sasquatch-browser query --profile usdf --flux 'from(bucket: \"efd/autogen\") |> range(start: -5m)\n"
        "      |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\")' --out m1m3.csv\n"
        "  sasquatch-browser query --profile usdf --database efd --format stats \\\n"
        "      --influxql 'SELECT mean(\"xForce0\") FROM \"lsst.sal.MTM1M3.forceActuatorData\" WHERE time > now() - 1h GROUP BY time(1m)'\n");
}

} // namespace

int QueryCommand::run(const QStringList &args, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Run one Flux or InfluxQL query and write its result as CSV, JSON lines or a summary.\n"
        "Secrets come from SASQUATCH_PASSWORD / SASQUATCH_TOKEN or the keyring, never from the command line."));
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption flux(QStringLiteral("flux"), QStringLiteral("The Flux query to run."), QStringLiteral("TEXT"));
    const QCommandLineOption influxql(QStringLiteral("influxql"), QStringLiteral("The InfluxQL query to run."),
                                      QStringLiteral("TEXT"));
    const QCommandLineOption file(QStringLiteral("file"),
                                  QStringLiteral("Read the query from F (\"-\" = stdin); .flux is Flux, .influxql/.iql/.sql "
                                                 "InfluxQL, otherwise say --language."),
                                  QStringLiteral("F"));
    const QCommandLineOption language(QStringLiteral("language"), QStringLiteral("Language of --file: flux or influxql."),
                                      QStringLiteral("flux|influxql"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output: csv (default), json or stats."),
                                    QStringLiteral("csv|json|stats"), QStringLiteral("csv"));
    const QCommandLineOption outFile(QStringLiteral("out"), QStringLiteral("Write to FILE (atomically) instead of stdout."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption maxPoints(QStringLiteral("max-points"),
                                       QStringLiteral("Stop with an error past N rows (default: no limit)."),
                                       QStringLiteral("N"));
    const QCommandLineOption maxBytes(QStringLiteral("max-bytes"),
                                      QStringLiteral("Stop with an error once the parsed rows took SIZE of memory in all "
                                                     "(e.g. 500M, 2G; default: no limit)."),
                                      QStringLiteral("SIZE"));
    const QCommandLineOption chunkSize(QStringLiteral("chunk-size"),
                                       QStringLiteral("InfluxQL: rows per chunk the server sends (default: the server's)."),
                                       QStringLiteral("N"));
    parser.addOptions({flux, influxql, file, language, format, outFile, maxPoints, maxBytes, chunkSize});

    CliOutput io(out, err);
    const auto usage = [&](const QString &text) { return io.usageError(text, kCommand); };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        io.out(CliOutput::helpText(parser.helpText(), kCommand) + helpFooter());
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));

    // The query and its language.
    const int sources = int(parser.isSet(flux)) + int(parser.isSet(influxql)) + int(parser.isSet(file));
    if (sources != 1)
        return usage(sources == 0 ? QStringLiteral("Give the query: --flux TEXT, --influxql TEXT or --file F.")
                                  : QStringLiteral("Give only one of --flux, --influxql and --file."));
    std::optional<QueryLanguage> chosen;
    if (parser.isSet(language)) {
        chosen = languageFromName(parser.value(language));
        if (!chosen)
            return usage(QStringLiteral("--language must be flux or influxql, not \"%1\".").arg(parser.value(language)));
    }
    QueryRequest request;
    if (parser.isSet(file)) {
        const QString path = parser.value(file);
        QFile f;
        const bool opened = path == u"-" ? f.open(stdin, QIODevice::ReadOnly) : (f.setFileName(path), f.open(QIODevice::ReadOnly));
        if (!opened)
            return io.failure(QStringLiteral("Cannot read the query from %1: %2").arg(path, f.errorString()));
        request.text = QString::fromUtf8(f.readAll());
        if (!chosen && path != u"-")
            chosen = languageFromName(QFileInfo(path).suffix());
        if (!chosen)
            return usage(QStringLiteral("Cannot tell the language of \"%1\": name it .flux or .influxql, or say "
                                        "--language flux|influxql.")
                             .arg(path));
        request.language = *chosen;
    } else {
        const bool isFlux = parser.isSet(flux);
        request.language = isFlux ? QueryLanguage::Flux : QueryLanguage::InfluxQl;
        if (chosen && *chosen != request.language)
            return usage(QStringLiteral("--language %1 contradicts --%2.")
                             .arg(parser.value(language), isFlux ? QStringLiteral("flux") : QStringLiteral("influxql")));
        request.text = parser.value(isFlux ? flux : influxql);
    }
    if (request.text.trimmed().isEmpty())
        return usage(QStringLiteral("The query is empty."));

    // Output and limits.
    Format fmt = Format::Csv;
    if (const QString f = parser.value(format); f == u"json")
        fmt = Format::Json;
    else if (f == u"stats")
        fmt = Format::Stats;
    else if (f != u"csv")
        return usage(QStringLiteral("--format must be csv, json or stats, not \"%1\".").arg(f));
    request.budget = QueryBudget::unlimited();
    if (parser.isSet(maxPoints)) {
        bool ok = false;
        request.budget.maxPoints = parser.value(maxPoints).toULongLong(&ok);
        if (!ok || request.budget.maxPoints == 0)
            return usage(QStringLiteral("--max-points must be a positive whole number, not \"%1\".").arg(parser.value(maxPoints)));
    }
    if (parser.isSet(maxBytes)) {
        const auto bytes = parseByteSize(parser.value(maxBytes));
        if (!bytes)
            return usage(QStringLiteral("--max-bytes must be a size such as 500M or 2G, not \"%1\".").arg(parser.value(maxBytes)));
        request.budget.maxBytes = *bytes;
    }
    if (parser.isSet(chunkSize)) {
        bool ok = false;
        request.chunkSize = parser.value(chunkSize).toInt(&ok);
        if (!ok || request.chunkSize <= 0)
            return usage(QStringLiteral("--chunk-size must be a positive whole number, not \"%1\".").arg(parser.value(chunkSize)));
    }

    auto resolved = connection.resolve(parser);
    if (!resolved)
        return resolved.failure().httpStatus == kExitUsage ? usage(resolved.error()) : io.failure(resolved.error());
    if (const QString bucket = resolved->bucket; !bucket.isEmpty()) {
        request.database = bucket.section(u'/', 0, 0);
        request.retentionPolicy = bucket.contains(u'/') ? bucket.section(u'/', 1) : QString();
    }

    // --out goes through a temporary file renamed on success, so a failure leaves no half file.
    std::unique_ptr<QFileDevice> device;
    if (parser.isSet(outFile)) {
        auto save = std::make_unique<QSaveFile>(parser.value(outFile));
        if (!save->open(QIODevice::WriteOnly))
            return io.failure(QStringLiteral("Cannot write %1: %2").arg(parser.value(outFile), save->errorString()));
        device = std::move(save);
    } else {
        auto console = std::make_unique<QFile>();
        if (!console->open(out, QIODevice::WriteOnly))
            return io.failure(QStringLiteral("Cannot write to the standard output: %1").arg(console->errorString()));
        device = std::move(console);
    }
    auto *save = qobject_cast<QSaveFile *>(device.get());

    OutputSink sink(fmt, *device);
    QueryRunner runner(resolved->profile, resolved->secret, std::make_shared<CurlTransport>());
    const QuerySummary summary = runner.run(request, sink, io.cancelOnInterrupt());
    Outcome<Done> written = sink.finish();
    if (written && fmt == Format::Stats && summary.succeeded()) {
        const QString line = QStringLiteral("{\"rows\":%1,\"tables\":%2,\"bytes\":%3,\"seconds\":%4}\n")
                                 .arg(summary.rows)
                                 .arg(summary.tables)
                                 .arg(summary.bytes)
                                 .arg(summary.seconds(), 0, 'f', 3);
        const QByteArray bytes = line.toUtf8();
        if (device->write(bytes) != bytes.size())
            written = Failure{QStringLiteral("Cannot write the summary: %1").arg(device->errorString())};
    }
    if (written && !device->flush())
        written = Failure{QStringLiteral("Cannot write: %1").arg(device->errorString())};

    if (!summary.succeeded() || !written) {
        if (save)
            save->cancelWriting();
        QStringList problems;
        if (!summary.succeeded())
            problems << summary.errorText();
        if (!written && summary.status != QueryStatus::Failed)
            problems << written.error();
        QString message = problems.join(u'\n');
        if (summary.status == QueryStatus::BudgetExceeded)
            message += QStringLiteral(" Or raise --max-points / --max-bytes.");
        return io.failure(message);
    }
    if (save && !save->commit())
        return io.failure(QStringLiteral("Cannot write %1: %2").arg(save->fileName(), save->errorString()));
    return kExitOk;
}

} // namespace sasquatch
