// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/UploadCommand.h"

#include "core/cli/CliOutput.h"
#include "core/cli/CommandLine.h"
#include "core/cli/ConnectionOptions.h"
#include "core/http/CurlTransport.h"
#include "core/ingest/MetricFileReader.h"
#include "core/ingest/UploadReport.h"
#include "core/ingest/UploaderFactory.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QSaveFile>

namespace sasquatch {

namespace {

const QString kCommand = QStringLiteral("upload");

QString helpFooter()
{
    return QStringLiteral(
        "\nFiles (format told from the name and content, or --format):\n"
        "  lsst.verify job JSON   one record per measurement: metric, value, unit, identifiers from meta\n"
        "  metric records JSON    as analysis_tools' dispatcher prepares them (timestamp = unix s)\n"
        "  CSV                    header; optional units row; a time column (unix s/ms/us/ns or ISO 8601,\n"
        "                         UTC, or TAI when the column name or the text says so); identifier\n"
        "                         columns (visit, detector, band...); metric columns\n"
        "  line protocol          measurement[,tags] fields [timestamp], --precision ns|us|ms|s\n"
        "\nTopics are <namespace>.<name> (name: the metric, the CSV file's base name, the measurement);\n"
        "the Avro schema is inferred from the values as analysis_tools' dispatcher does.\n"
        "A file with an invalid record sends nothing unless --valid-only. Every problem is printed as\n"
        "file:line[:column]: reason. Exit status 0 only when every record was acknowledged.\n"
        "\nPaths:\n"
        "  rest-proxy  Confluent REST proxy v2, Avro (topics created through v3)   --rest-proxy-url\n"
        "  bridge      Strimzi Kafka bridge, JSON                                   --bridge-url\n"
        "  kafka       Kafka brokers (idempotent producer); Avro with Confluent framing when\n"
        "              --schema-registry-url is given, JSON values otherwise       --kafka-bootstrap\n"
        "  influx      InfluxDB 1.x /write or 2.x /api/v2/write                     --influx-url, --bucket\n"
        "Secrets: SASQUATCH_PASSWORD / SASQUATCH_TOKEN (InfluxDB), SASQUATCH_KAFKA_PASSWORD,\n"
        "SASQUATCH_PROXY_TOKEN (REST proxy / bridge bearer token); never on the command line.\n"
        "\nExamples:\n"
        "  sasquatch-browser upload job.json --via rest-proxy --profile usdf --dry-run\n"
        "  sasquatch-browser upload campaign.csv --via influx --influx-url http://localhost:8086 --bucket lsst.dm\n");
}

} // namespace

int UploadCommand::run(const QStringList &args, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Validate metric files and upload them to Sasquatch."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Metric files to upload."), QStringLiteral("FILE..."));
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption via(QStringLiteral("via"), QStringLiteral("Upload path: rest-proxy, bridge, kafka or influx."),
                                 QStringLiteral("PATH"));
    const QCommandLineOption ns(QStringLiteral("namespace"), QStringLiteral("Topic namespace (default lsst.dm)."),
                                QStringLiteral("NS"), QStringLiteral("lsst.dm"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Send every record to topic T."), QStringLiteral("T"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"), QStringLiteral("Print exactly what would be sent; send nothing."));
    const QCommandLineOption validOnly(QStringLiteral("valid-only"),
                                       QStringLiteral("Send the valid records of files that have invalid ones."));
    const QCommandLineOption report(QStringLiteral("report"), QStringLiteral("Write a JSON report of every record's fate to FILE."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("File format: auto, verify, records, csv or lp."),
                                    QStringLiteral("FMT"), QStringLiteral("auto"));
    const QCommandLineOption precision(QStringLiteral("precision"), QStringLiteral("Line-protocol timestamps: ns (default), us, ms, s."),
                                       QStringLiteral("P"), QStringLiteral("ns"));
    const QCommandLineOption timeUnit(QStringLiteral("time-unit"),
                                      QStringLiteral("CSV unix times: s, ms, us or ns (default: from their size)."), QStringLiteral("U"));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"), QStringLiteral("CSV times that do not say: utc (default) or tai."),
                                       QStringLiteral("S"));
    const QCommandLineOption restProxy(QStringLiteral("rest-proxy-url"), QStringLiteral("Confluent REST proxy URL."), QStringLiteral("URL"));
    const QCommandLineOption bridge(QStringLiteral("bridge-url"), QStringLiteral("Strimzi Kafka bridge URL."), QStringLiteral("URL"));
    const QCommandLineOption bootstrap(QStringLiteral("kafka-bootstrap"), QStringLiteral("Kafka brokers host:port[,...]."),
                                       QStringLiteral("HOSTS"));
    const QCommandLineOption kafkaUser(QStringLiteral("kafka-username"),
                                       QStringLiteral("Kafka SASL SCRAM-SHA-512 user (password: SASQUATCH_KAFKA_PASSWORD)."),
                                       QStringLiteral("USER"));
    const QCommandLineOption kafkaPlain(QStringLiteral("kafka-plaintext"), QStringLiteral("Connect to Kafka without TLS."));
    const QCommandLineOption registry(QStringLiteral("schema-registry-url"), QStringLiteral("Schema Registry URL (Kafka path: Avro)."),
                                      QStringLiteral("URL"));
    const QCommandLineOption partitions(QStringLiteral("partitions"), QStringLiteral("Partitions of topics created (default 1)."),
                                        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption replication(QStringLiteral("replication-factor"),
                                         QStringLiteral("Replication factor of topics created (default 3)."), QStringLiteral("N"),
                                         QStringLiteral("3"));
    parser.addOptions({via, ns, topic, dryRun, validOnly, report, format, precision, timeUnit, timeScale, restProxy, bridge,
                       bootstrap, kafkaUser, kafkaPlain, registry, partitions, replication});

    CliOutput io(out, err);
    const auto usage = [&](const QString &text) { return io.usageError(text, kCommand); };
    if (!parser.parse(args))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        io.out(CliOutput::helpText(parser.helpText(), kCommand) + helpFooter());
        return kExitOk;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return usage(QStringLiteral("Give at least one FILE to upload."));
    if (!parser.isSet(via))
        return usage(QStringLiteral("Say how to upload: --via rest-proxy, bridge, kafka or influx."));
    const auto path = parseUploadVia(parser.value(via));
    if (!path)
        return usage(QStringLiteral("--via must be rest-proxy, bridge, kafka or influx, not \"%1\".").arg(parser.value(via)));

    ReadOptions read;
    if (parser.value(format) != u"auto") {
        read.format = ingestFormatFromName(parser.value(format));
        if (read.format == IngestFormat::Unknown)
            return usage(QStringLiteral("--format must be auto, verify, records, csv or lp, not \"%1\".").arg(parser.value(format)));
    }
    if (auto p = parsePrecision(parser.value(precision)))
        read.precision = *p;
    else
        return usage(QStringLiteral("--precision must be ns, us, ms or s, not \"%1\".").arg(parser.value(precision)));
    if (parser.isSet(timeUnit)) {
        const QString u = parser.value(timeUnit);
        read.timeUnit = u == u"s" ? UnixTimeUnit::Seconds : u == u"ms" ? UnixTimeUnit::Milliseconds
                      : u == u"us" ? UnixTimeUnit::Microseconds : u == u"ns" ? UnixTimeUnit::Nanoseconds : UnixTimeUnit::Auto;
        if (read.timeUnit == UnixTimeUnit::Auto)
            return usage(QStringLiteral("--time-unit must be s, ms, us or ns, not \"%1\".").arg(u));
    }
    if (parser.isSet(timeScale)) {
        const QString s = parser.value(timeScale).toLower();
        if (s != u"utc" && s != u"tai")
            return usage(QStringLiteral("--time-scale must be utc or tai, not \"%1\".").arg(parser.value(timeScale)));
        read.timeScale = s == u"tai" ? TimeScale::Tai : TimeScale::Utc;
    }
    bool okPartitions = false, okReplication = false;
    UploadConnection target;
    target.via = *path;
    target.partitions = parser.value(partitions).toInt(&okPartitions);
    target.replicationFactor = parser.value(replication).toInt(&okReplication);
    if (!okPartitions || target.partitions < 1 || !okReplication || target.replicationFactor < 1)
        return usage(QStringLiteral("--partitions and --replication-factor must be positive whole numbers."));

    // The connection: a profile or --influx-url goes through the shared resolution (secrets
    // from the environment or keyring); the Kafka-side paths may do without InfluxDB.
    if (parser.isSet(QStringLiteral("profile")) || parser.isSet(QStringLiteral("influx-url")) || *path == UploadVia::Influx) {
        auto resolved = connection.resolve(parser);
        if (!resolved)
            return resolved.failure().httpStatus == kExitUsage ? usage(resolved.error()) : io.failure(resolved.error());
        target.profile = resolved->profile;
        target.influxSecret = resolved->secret;
        target.bucket = resolved->bucket;
    } else {
        target.profile.name = QStringLiteral("command line");
        if (parser.isSet(QStringLiteral("insecure")))
            target.profile.verifyTls = false;
        target.profile.caFile = parser.value(QStringLiteral("ca-file"));
    }
    if (parser.isSet(restProxy))
        target.profile.restProxyUrl = parser.value(restProxy);
    if (parser.isSet(bridge))
        target.profile.kafkaBridgeUrl = parser.value(bridge);
    if (parser.isSet(bootstrap))
        target.profile.kafkaBootstrap = parser.value(bootstrap);
    if (parser.isSet(kafkaUser))
        target.profile.kafkaUsername = parser.value(kafkaUser);
    if (parser.isSet(kafkaPlain))
        target.profile.kafkaTls = false;
    if (parser.isSet(registry))
        target.profile.schemaRegistryUrl = parser.value(registry);
    const auto env = QProcessEnvironment::systemEnvironment();
    target.kafkaPassword = env.value(QStringLiteral("SASQUATCH_KAFKA_PASSWORD"));
    target.httpToken = env.value(QStringLiteral("SASQUATCH_PROXY_TOKEN"));
    if (const QString missing = target.missing(); !missing.isEmpty())
        return usage(missing);
    if (*path == UploadVia::Kafka && !target.profile.kafkaUsername.isEmpty() && target.kafkaPassword.isEmpty())
        return io.failure(QStringLiteral("No password for Kafka user \"%1\": set SASQUATCH_KAFKA_PASSWORD.").arg(target.profile.kafkaUsername));

    // Read and plan.
    std::vector<ReadResult> results;
    for (const QString &file : files)
        results.push_back(MetricFileReader::readFile(file, read));
    UploadOptions options;
    options.ns = parser.value(ns);
    options.topic = parser.value(topic);
    options.policy = parser.isSet(validOnly) ? ValidationPolicy::ValidOnly : ValidationPolicy::AllOrNothing;
    options.target = target.target();
    if (!options.topic.isEmpty() && options.target == UploadTarget::Kafka && !UploadPlan::isValidTopicName(options.topic))
        return usage(QStringLiteral("--topic \"%1\" is not a valid Kafka topic name.").arg(options.topic));
    const UploadPlan plan = UploadPlan::build(std::move(results), options);
    UploadLedger ledger(plan);
    const auto uploader = makeUploader(target, std::make_shared<CurlTransport>());

    if (parser.isSet(dryRun)) {
        io.out(QStringLiteral("Dry run: nothing is sent. Target: %1\n").arg(uploader->describe()));
        for (const PlannedTopic &t : plan.topics())
            io.out(QStringLiteral("Topic %1: %2 record(s), Avro schema %3\n")
                       .arg(t.topic)
                       .arg(t.records.size())
                       .arg(QString::fromUtf8(t.schema.json())));
        for (const PlannedSend &send : uploader->dryRun(plan, ledger)) {
            io.out(QStringLiteral("\n%1%2\n").arg(send.target, send.records > 0 ? QStringLiteral("  (%1 record(s))").arg(send.records) : QString()));
            for (const QString &h : send.headers)
                io.out(h + u'\n');
            if (!send.body.isEmpty()) {
                io.outBytes(send.body.constData(), std::size_t(send.body.size()));
                if (!send.body.endsWith('\n'))
                    io.out(QStringLiteral("\n"));
            }
        }
        io.out(u'\n' + UploadReport::text(plan, ledger, 20, true));
    } else {
        io.message(QStringLiteral("Uploading %1 record(s) to %2\n").arg(plan.sendableCount()).arg(uploader->describe()));
        // A line on stderr about once a second, so that a long upload shows it is alive.
        QElapsedTimer sincePrint;
        sincePrint.start();
        uploader->upload(plan, ledger, io.cancelOnInterrupt(), [&](const UploadProgress &p) {
            if (sincePrint.elapsed() < 1000)
                return;
            sincePrint.restart();
            io.message(QStringLiteral("  %1 acknowledged, %2 failed of %3%4\n")
                           .arg(p.acknowledged)
                           .arg(p.failed)
                           .arg(p.total)
                           .arg(p.activity.isEmpty() ? QString() : QStringLiteral(": ") + p.activity));
        });
        io.out(UploadReport::text(plan, ledger));
    }
    if (parser.isSet(report)) {
        QSaveFile file(parser.value(report));
        const QByteArray json = UploadReport::json(plan, ledger, uploader->describe(), parser.isSet(dryRun));
        if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
            return io.failure(QStringLiteral("Cannot write the report %1: %2").arg(parser.value(report), file.errorString()));
    }
    // A file that could not be read has no records to count, but it is a failure all the same.
    int unreadable = 0;
    for (const ReadResult &file : plan.files())
        unreadable += file.readable ? 0 : 1;
    const QString unreadableText = unreadable == 0 ? QString()
                                                   : QStringLiteral(" %1 file(s) could not be read.").arg(unreadable);
    if (parser.isSet(dryRun))
        return ledger.heldBack() == 0 && unreadable == 0
                   ? kExitOk
                   : io.failure(QStringLiteral("%1 record(s) would not be sent.%2").arg(ledger.heldBack()).arg(unreadableText));
    if (unreadable > 0 && ledger.allAcknowledged())
        return io.failure(unreadableText.trimmed());
    if (!ledger.allAcknowledged())
        return io.failure(QStringLiteral("%1 of %2 record(s) acknowledged; %3 failed, %4 not sent.")
                              .arg(ledger.acknowledged())
                              .arg(ledger.size())
                              .arg(ledger.failed())
                              .arg(ledger.heldBack())
                              + unreadableText);
    return kExitOk;
}

} // namespace sasquatch
