// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/util/Outcome.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace sasquatch {

/// Annotations in the JSON of InfluxDB 2.x's /api/v2private/annotations (influxdb
/// annotation.go: AnnotationCreate, AnnotationEvent, ReadAnnotations; OpenAPI
/// svc/annotationd). The 2.x model differs from ours, so:
/// - text: `summary` is the first line (at most 255 characters, the server's limit) and
///   `message` the whole text when it says more; reading takes `message` when present;
/// - colour: a sticker named `color` (2.x has no colour), the other stickers are the tags;
/// - times: RFC 3339 with nanoseconds, UTC.
class V2AnnotationJson
{
public:
    static constexpr int kMaxSummaryChars = 255;
    static constexpr int kMaxMessageChars = 4096;

    /// AnnotationCreate: {stream, summary, message?, stickers, startTime, endTime}. A text over
    /// the server's message limit is refused here, with the limit named.
    static Outcome<nlohmann::json> toCreate(const Annotation &a, const QString &defaultStream);
    /// An AnnotationEvent ({id, stream, summary, ...}) or a ReadAnnotation (without stream).
    static Outcome<Annotation> fromEvent(const nlohmann::json &event, const QString &stream = {});
    /// The list answer: [{stream, annotations:[ReadAnnotation...]}].
    static Outcome<std::vector<Annotation>> fromList(const nlohmann::json &list);

    /// The first line of `text`, cut to kMaxSummaryChars characters (not UTF-16 units).
    static QString summaryOf(const QString &text);
};

} // namespace sasquatch
