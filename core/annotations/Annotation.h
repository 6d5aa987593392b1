// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <utility>

namespace sasquatch {

/// A note on the time axis: "mirror lowered", "fault at 03:12 TAI". A point when start and end
/// are equal, a range otherwise. A plain value; stores give it an id when it is created.
struct Annotation
{
    /// Chronograf (1.x): a UUID; InfluxDB 2.x: the server's 16-hex-digit id. Empty until created.
    QString id;
    std::int64_t startNs = 0; ///< ns since the epoch, UTC
    std::int64_t endNs = 0;   ///< ns since the epoch, UTC; == startNs for a point
    QString text;
    QMap<QString, QString> tags; ///< user tags (Chronograf tags, 2.x stickers), sorted by key
    QString color;               ///< "#rrggbb" (what Chronograf writes), or empty for the default
    /// InfluxDB 2.x only: the stream the annotation belongs to (empty = the store's stream).
    QString stream;
    /// When this version was written (Chronograf's modified_time_ns); 0 when the store has none.
    std::int64_t modifiedNs = 0;

    bool isPoint() const { return startNs == endNs; }
    bool operator==(const Annotation &) const = default;

    /// What a user must fix before saving, empty when fine: end before start, empty text,
    /// reserved, empty or multi-line tag keys and values, a colour that is not #rrggbb.
    QStringList validate() const;

    /// Tag keys the stores use for themselves (Chronograf's fields and its `id` tag; the
    /// `time` column): a user tag of that name could not be read back.
    static bool isReservedTagKey(const QString &key);

    /// Parses "key=value" (the value may contain '=', may be empty); nullopt without a key.
    static std::optional<std::pair<QString, QString>> splitTag(const QString &keyEqualsValue);
};

} // namespace sasquatch

Q_DECLARE_METATYPE(sasquatch::Annotation)
