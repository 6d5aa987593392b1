// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace sasquatch {

/// Which annotations to show: those overlapping a time range, carrying every given tag, and
/// whose text contains a phrase. Every part is optional; an empty filter takes everything.
struct AnnotationFilter
{
    std::optional<std::int64_t> startNs; ///< keep annotations ending at or after this
    std::optional<std::int64_t> endNs;   ///< keep annotations starting at or before this
    QMap<QString, QString> tags;         ///< all must be present with these values
    QString text;                        ///< case-insensitive substring of the text

    bool operator==(const AnnotationFilter &) const = default;

    /// True when `a` passes every part of the filter.
    bool matches(const Annotation &a) const;
    /// The annotations that match, in place; the order is kept.
    void apply(std::vector<Annotation> &annotations) const;

    /// For presets: tags and text only (a saved filter should not pin a time range).
    QJsonObject toJson() const;
    static AnnotationFilter fromJson(const QJsonObject &json);
};

/// Orders annotations by start time, then end time, then id (what lists and plots show).
void sortAnnotations(std::vector<Annotation> &annotations);

} // namespace sasquatch
