// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/kafka/KafkaStartPosition.h"
#include "core/kafka/MessageDecoder.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sasquatch {

class SchemaSource;

/// Everything a KafkaConsumer needs. Built from a ConnectionProfile with fromProfile(), or by
/// hand (tests, the demo's mock cluster).
struct KafkaConsumerConfig
{
    QString bootstrapServers;   ///< host:port[,host:port]
    QString username;           ///< SASL SCRAM-SHA-512 when not empty
    QString password;           ///< from the SecretStore or SASQUATCH_KAFKA_PASSWORD; never logged
    bool tls = true;            ///< SASL_SSL / SSL; off only for a plaintext (local) cluster
    bool verifyTls = true;      ///< broker certificate verification
    QString caFile;             ///< CA bundle (PEM) for the brokers; empty = system store
    QString groupId;            ///< empty = a private "sasquatch-browser-<random>" group
    bool commitOffsets = false; ///< a viewer never moves anybody's offsets unless asked

    QStringList topics;
    KafkaStartPosition start;
    std::shared_ptr<SchemaSource> schemas; ///< may be null: Avro messages then fail to decode (counted)
    KafkaValueFormat valueFormat = KafkaValueFormat::Auto;

    /// Decoded rows are handed over at least this often (and per ~4096 rows).
    std::chrono::milliseconds batchInterval{20};
    /// Topics whose batches the worker thread also converts to SampleBatch (DecodedBatch::
    /// takeSamples), with the fields wanted (empty: every numeric field): what a live plot
    /// appends, converted off the GUI thread.
    std::map<std::string, std::vector<std::string>> sampleFields;
    /// How often per-topic stats are published.
    std::chrono::milliseconds statsInterval{1000};
    /// Extra librdkafka properties (name, value), applied last.
    std::vector<std::pair<std::string, std::string>> extraProperties;

    /// Bootstrap, SCRAM user, TLS CA and verification from `profile` (kafkaBootstrap,
    /// kafkaUsername, kafkaCaFile, kafkaTls, verifyTls); `password` from the secret store.
    static KafkaConsumerConfig fromProfile(const ConnectionProfile &profile, const QString &password);

    /// Problems a user must fix before starting (no bootstrap servers, no topics, user without
    /// password); empty when fine.
    QStringList validate() const;
};

} // namespace sasquatch
