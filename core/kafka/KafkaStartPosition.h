// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace sasquatch {

/// Where a tail starts reading each partition.
enum class KafkaStartMode : std::uint8_t {
    Now,        ///< only messages produced from now on (the end of each partition)
    SecondsAgo, ///< messages from now - amount seconds (rd_kafka_offsets_for_times; the end when the broker answers -1)
    LastN,      ///< the last `amount` messages of each partition (high watermark - amount)
    Beginning,  ///< everything the brokers still keep
};

struct KafkaStartPosition
{
    KafkaStartMode mode = KafkaStartMode::Now;
    std::int64_t amount = 0; ///< seconds for SecondsAgo, messages for LastN

    /// Parses the --from syntax: "now", "beginning", "-30s" / "-5m" / "-2h" (a time ago),
    /// "-N" (last N messages per partition). nullopt when it is none of these.
    static std::optional<KafkaStartPosition> parse(const QString &text);
    /// The --from text of this position.
    QString text() const;

    bool operator==(const KafkaStartPosition &) const = default;
};

} // namespace sasquatch
