// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <cstdio>

namespace sasquatch {

/// `sasquatch-browser tail TOPIC... --kafka HOST:PORT [--schema-registry URL] [--fields a,b]
/// [--from -30s|now|-N|beginning] [--count N] [--duration S] [--format json|csv]`: decodes
/// Kafka messages (Confluent Avro through the Schema Registry, or JSON) and prints one line
/// per message. Connection settings may come from --profile; the SCRAM password comes from
/// SASQUATCH_KAFKA_PASSWORD or the profile's secret store, never from argv.
class TailCommand
{
public:
    /// `args` starts with the program name followed by "tail". Messages to `out`, progress,
    /// connection state and decode errors to `err`; returns the exit code (0 when --count
    /// messages were printed, --duration passed or the user interrupted; 1 on failure; 2 bad usage).
    static int run(const QStringList &args, std::FILE *out, std::FILE *err);
};

} // namespace sasquatch
