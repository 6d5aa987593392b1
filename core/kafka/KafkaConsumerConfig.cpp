// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/KafkaConsumerConfig.h"

namespace sasquatch {

KafkaConsumerConfig KafkaConsumerConfig::fromProfile(const ConnectionProfile &profile, const QString &password)
{
    KafkaConsumerConfig config;
    config.bootstrapServers = profile.kafkaBootstrap;
    config.username = profile.kafkaUsername;
    config.password = password;
    config.tls = profile.kafkaTls;
    config.verifyTls = profile.verifyTls;
    config.caFile = profile.kafkaCaFile;
    return config;
}

QStringList KafkaConsumerConfig::validate() const
{
    QStringList problems;
    if (bootstrapServers.trimmed().isEmpty())
        problems << QStringLiteral("No Kafka bootstrap servers (host:port).");
    if (topics.isEmpty())
        problems << QStringLiteral("No topics to tail.");
    for (const QString &t : topics)
        if (t.trimmed().isEmpty())
            problems << QStringLiteral("An empty topic name.");
    if (!username.isEmpty() && password.isEmpty())
        problems << QStringLiteral("No password for Kafka user \"%1\".").arg(username);
    if ((start.mode == KafkaStartMode::LastN || start.mode == KafkaStartMode::SecondsAgo) && start.amount <= 0)
        problems << QStringLiteral("The start position needs a positive amount.");
    return problems;
}

} // namespace sasquatch
