// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/TailCommand.h"

#include "core/cli/CliOutput.h"
#include "core/cli/CommandLine.h"
#include "core/cli/TailFormatter.h"
#include "core/connection/FileSecretStore.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/ProfileStore.h"
#include "core/http/CurlTransport.h"
#include "core/kafka/KafkaTail.h"
#include "core/kafka/SchemaRegistryClient.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QTimer>

#include <map>

namespace sasquatch {

namespace {

const QString kCommand = QStringLiteral("tail");

struct TailSettings
{
    KafkaConsumerConfig config;
    QString registryUrl;
    TailFormat format = TailFormat::Json;
    std::vector<std::string> fields;
    std::int64_t count = -1;
    std::int64_t duration_ms = -1;
};

/// The password of the profile's Kafka user: the environment first, then the store the user
/// chose for secrets in the GUI.
Outcome<QString> kafkaPassword(const ProfileStore &store, const ConnectionProfile &profile, bool fromProfile)
{
    const QString env = QProcessEnvironment::systemEnvironment().value(QStringLiteral("SASQUATCH_KAFKA_PASSWORD"));
    if (!env.isEmpty() || profile.kafkaUsername.isEmpty())
        return env;
    if (fromProfile) {
        std::unique_ptr<SecretStore> secrets;
        if (store.secretStorage() == SecretStorageMode::File && !store.secretsFile().isEmpty())
            secrets = std::make_unique<FileSecretStore>(store.secretsFile());
        else if (store.secretStorage() == SecretStorageMode::Keyring)
            secrets = std::make_unique<KeychainSecretStore>(std::chrono::seconds(5));
        if (secrets) {
            auto value = secrets->read(secretKey(profile.name, SecretKind::KafkaPassword));
            if (!value)
                return Failure{QStringLiteral("%1 Set SASQUATCH_KAFKA_PASSWORD instead.").arg(value.error()), kExitFailure};
            if (value->has_value() && !(*value)->isEmpty())
                return **value;
        }
    }
    return Failure{QStringLiteral("No password for Kafka user \"%1\": set SASQUATCH_KAFKA_PASSWORD (it is never read "
                                  "from the command line), or save it in the keyring from the GUI.")
                       .arg(profile.kafkaUsername),
                   kExitFailure};
}

} // namespace

int TailCommand::run(const QStringList &args, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Print Kafka messages as they arrive, decoded: Confluent-framed Avro through the Schema Registry,\n"
        "or JSON. Arrays are flattened as InfluxDB names them (xForce0 ... xForce11).\n"
        "The SCRAM password comes from SASQUATCH_KAFKA_PASSWORD or the keyring, never from the command line."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("TOPIC"), QStringLiteral("Kafka topics, e.g. lsst.sal.MTM1M3.forceActuatorData."),
                                 QStringLiteral("TOPIC..."));
    const QCommandLineOption profileOpt(QStringLiteral("profile"), QStringLiteral("Use the saved connection profile NAME."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption kafkaOpt(QStringLiteral("kafka"), QStringLiteral("Bootstrap servers host:port[,host:port]."),
                                      QStringLiteral("HOST:PORT"));
    const QCommandLineOption userOpt(QStringLiteral("kafka-user"), QStringLiteral("SASL SCRAM-SHA-512 user."), QStringLiteral("USER"));
    const QCommandLineOption caOpt(QStringLiteral("kafka-ca"), QStringLiteral("CA bundle (PEM) for the brokers' TLS."),
                                   QStringLiteral("FILE"));
    const QCommandLineOption plaintextOpt(QStringLiteral("plaintext"),
                                          QStringLiteral("No TLS to the brokers. The default without --profile and --kafka-user."));
    const QCommandLineOption tlsOpt(QStringLiteral("tls"), QStringLiteral("TLS to the brokers (the default with --kafka-user, or as the profile says)."));
    const QCommandLineOption insecureOpt(QStringLiteral("insecure"), QStringLiteral("Do not verify the brokers' certificates."));
    const QCommandLineOption registryOpt(QStringLiteral("schema-registry"), QStringLiteral("Schema Registry URL."),
                                         QStringLiteral("URL"));
    const QCommandLineOption fieldsOpt(QStringLiteral("fields"),
                                       QStringLiteral("Only these fields (flattened names, or array names for all elements)."),
                                       QStringLiteral("a,b"));
    const QCommandLineOption fromOpt(QStringLiteral("from"),
                                     QStringLiteral("Start: now (default), -30s/-5m/-2h (time ago), -N (last N per partition), beginning."),
                                     QStringLiteral("WHEN"), QStringLiteral("now"));
    const QCommandLineOption countOpt(QStringLiteral("count"), QStringLiteral("Stop after N messages."), QStringLiteral("N"));
    const QCommandLineOption durationOpt(QStringLiteral("duration"), QStringLiteral("Stop after S seconds."), QStringLiteral("S"));
    const QCommandLineOption formatOpt(QStringLiteral("format"), QStringLiteral("Output: json (default) or csv."),
                                       QStringLiteral("json|csv"), QStringLiteral("json"));
    parser.addOptions({profileOpt, kafkaOpt, userOpt, caOpt, plaintextOpt, tlsOpt, insecureOpt, registryOpt, fieldsOpt, fromOpt,
                       countOpt, durationOpt, formatOpt});

    CliOutput io(out, err);
    if (!parser.parse(args))
        return io.usageError(parser.errorText(), kCommand);
    if (parser.isSet(QStringLiteral("help"))) {
        io.out(CliOutput::helpText(parser.helpText(), kCommand));
        return kExitOk;
    }
    TailSettings s;
    s.config.topics = parser.positionalArguments();
    if (s.config.topics.isEmpty())
        return io.usageError(QStringLiteral("Name at least one topic."), kCommand);
    const QString fmt = parser.value(formatOpt);
    if (fmt != u"json" && fmt != u"csv")
        return io.usageError(QStringLiteral("--format must be json or csv, not \"%1\".").arg(fmt), kCommand);
    s.format = fmt == u"csv" ? TailFormat::Csv : TailFormat::Json;
    const auto start = KafkaStartPosition::parse(parser.value(fromOpt));
    if (!start)
        return io.usageError(QStringLiteral("--from must be now, beginning, -30s (time ago, s/m/h/d) or -N (last N messages), "
                                            "not \"%1\".")
                                 .arg(parser.value(fromOpt)),
                             kCommand);
    if (parser.isSet(countOpt)) {
        bool ok = false;
        s.count = parser.value(countOpt).toLongLong(&ok);
        if (!ok || s.count <= 0)
            return io.usageError(QStringLiteral("--count must be a positive number."), kCommand);
    }
    if (parser.isSet(durationOpt)) {
        bool ok = false;
        const double seconds = parser.value(durationOpt).toDouble(&ok);
        if (!ok || seconds <= 0)
            return io.usageError(QStringLiteral("--duration must be a positive number of seconds."), kCommand);
        s.duration_ms = std::int64_t(seconds * 1000);
    }
    for (const QString &f : parser.value(fieldsOpt).split(u',', Qt::SkipEmptyParts))
        s.fields.push_back(f.trimmed().toStdString());
    if (parser.isSet(plaintextOpt) && parser.isSet(tlsOpt))
        return io.usageError(QStringLiteral("--plaintext and --tls exclude each other."), kCommand);

    // Connection: the profile, then explicit flags over it.
    ProfileStore store;
    ConnectionProfile profile;
    const bool fromProfile = parser.isSet(profileOpt);
    if (fromProfile) {
        if (auto loaded = store.load(); !loaded)
            return io.failure(loaded.error());
        const ConnectionProfile *found = store.find(parser.value(profileOpt));
        if (!found)
            return io.usageError(QStringLiteral("No profile named \"%1\". Known profiles: %2")
                                     .arg(parser.value(profileOpt),
                                          store.names().isEmpty() ? QStringLiteral("(none)") : store.names().join(QStringLiteral(", "))),
                                 kCommand);
        profile = *found;
    } else {
        profile.name = QStringLiteral("command line");
    }
    if (parser.isSet(kafkaOpt))
        profile.kafkaBootstrap = parser.value(kafkaOpt);
    if (parser.isSet(userOpt))
        profile.kafkaUsername = parser.value(userOpt);
    if (parser.isSet(caOpt))
        profile.kafkaCaFile = parser.value(caOpt);
    // Without a profile: SCRAM users are on TLS (Sasquatch: SASL_SSL on 9094); a bare --kafka
    // without a user is a local or demo cluster, which speaks plaintext.
    if (!fromProfile)
        profile.kafkaTls = !profile.kafkaUsername.isEmpty();
    if (parser.isSet(plaintextOpt))
        profile.kafkaTls = false;
    if (parser.isSet(tlsOpt))
        profile.kafkaTls = true;
    if (parser.isSet(insecureOpt))
        profile.verifyTls = false;
    if (profile.kafkaBootstrap.isEmpty())
        return io.usageError(QStringLiteral("Say which brokers: --kafka HOST:PORT or --profile NAME."), kCommand);
    auto password = kafkaPassword(store, profile, fromProfile);
    if (!password)
        return io.failure(password.error());
    s.config = [&] {
        KafkaConsumerConfig c = KafkaConsumerConfig::fromProfile(profile, *password);
        c.topics = s.config.topics;
        return c;
    }();
    s.config.start = *start;
    s.registryUrl = parser.isSet(registryOpt) ? parser.value(registryOpt) : profile.schemaRegistryUrl;
    if (!s.registryUrl.isEmpty()) {
        SchemaRegistryOptions options;
        options.baseUrl = s.registryUrl;
        options.verifyTls = profile.verifyTls;
        options.caFile = profile.caFile;
        s.config.schemas = std::make_shared<SchemaRegistryClient>(std::make_shared<CurlTransport>(), options);
    }

    // Run: the consumer's worker decodes; this thread prints what the facade delivers.
    KafkaTail tail;
    TailFormatter formatter(s.format, s.fields);
    QEventLoop loop;
    int exitCode = kExitOk;
    std::int64_t printed = 0;
    std::string buffer;
    std::map<QString, std::int64_t> reportedErrors;
    QObject::connect(&tail, &KafkaTail::batchesReceived, &loop, [&](const DecodedBatchList &batches) {
        buffer.clear();
        for (const auto &b : batches) {
            for (std::size_t r = 0; r < b->rowCount() && (s.count < 0 || printed < s.count); ++r, ++printed)
                formatter.appendRow(*b, r, buffer);
        }
        io.outBytes(buffer.data(), buffer.size());
        std::fflush(out);
        if (s.count >= 0 && printed >= s.count)
            loop.quit();
    });
    QObject::connect(&tail, &KafkaTail::statsUpdated, &loop, [&](const KafkaTopicStatsList &stats) {
        for (const auto &t : stats) {
            auto &seen = reportedErrors[t.topic];
            if (t.decodeErrors > seen) {
                io.message(QStringLiteral("sasquatch-browser tail: %1: %2 undecodable message(s) skipped; last: %3\n")
                               .arg(t.topic)
                               .arg(t.decodeErrors - seen)
                               .arg(t.lastError));
                seen = t.decodeErrors;
            }
        }
    });
    QObject::connect(&tail, &KafkaTail::stateChanged, &loop, [&](KafkaConnectionState state, const QString &detail) {
        if (state == KafkaConnectionState::Connected && detail.isEmpty())
            return;
        if (state == KafkaConnectionState::Stopped)
            return;
        io.message(QStringLiteral("sasquatch-browser tail: %1%2\n")
                       .arg(connectionStateName(state), detail.isEmpty() ? QString() : QStringLiteral(": ") + detail));
        if (state == KafkaConnectionState::Failed) {
            exitCode = kExitFailure;
            loop.quit();
        }
    });
    const CancelToken interrupt = io.cancelOnInterrupt();
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (interrupt.isCancelled())
            loop.quit();
    });
    poll.start(50);
    if (s.duration_ms > 0)
        QTimer::singleShot(std::chrono::milliseconds(s.duration_ms), &loop, &QEventLoop::quit);
    if (auto started = tail.start(s.config); !started)
        return io.failure(started.error());
    loop.exec();
    tail.stop();
    return exitCode;
}

} // namespace sasquatch
