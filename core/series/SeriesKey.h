// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sasquatch {

/// Tag key/value pairs that tell series of the same topic and field apart (`salIndex=1`).
/// Kept sorted by key with unique keys (see normalizedTags), so equal sets compare equal.
using TagSet = std::vector<std::pair<std::string, std::string>>;

/// Identity of a series: topic (InfluxDB measurement = Kafka topic), field and tag set.
/// Ordered and comparable so it can key maps; displayName() is for legends.
struct SeriesKey
{
    std::string topic;
    std::string field;
    TagSet tags; ///< sorted by key, keys unique

    bool operator==(const SeriesKey &) const = default;
    // Not operator<=>: it needs <compare>, and Qt 6.4's moc fails to parse a source that
    // includes <compare> before any Qt header.
    bool operator<(const SeriesKey &other) const
    {
        if (topic != other.topic)
            return topic < other.topic;
        if (field != other.field)
            return field < other.field;
        return tags < other.tags;
    }

    /// "topic.field" followed by " [k=v, k2=v2]" when there are tags.
    std::string displayName() const;
};

/// The tags sorted by key; for a key given twice the first value is kept.
TagSet normalizedTags(TagSet tags);

} // namespace sasquatch
