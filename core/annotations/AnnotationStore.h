// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/annotations/AnnotationFilter.h"
#include "core/util/CancelToken.h"
#include "core/util/Outcome.h"

#include <QString>

#include <vector>

namespace sasquatch {

/// Where annotations live: Chronograf's measurement on InfluxDB 1.x, the /api/v2private API on
/// 2.x, or memory. Blocking and thread-safe: call it from worker threads (the GUI goes
/// through AnnotationService), several at once if need be.
///
/// A failed save returns a Failure with the HTTP status and the server's words; the caller
/// still holds the annotation it tried to save, so nothing typed is lost.
class AnnotationStore
{
public:
    virtual ~AnnotationStore() = default;

    /// Where the annotations go, for status lines: "Chronograf annotations in chronograf/autogen".
    virtual QString description() const = 0;

    /// Annotations matching `filter` (time range overlap, tags, text), sorted by start time.
    /// When two people edited the same annotation, the newest version is returned.
    virtual Outcome<std::vector<Annotation>> list(const AnnotationFilter &filter, const CancelToken &cancel = {}) = 0;
    /// The current version of one annotation; a Failure when there is none (or it was deleted).
    virtual Outcome<Annotation> find(const QString &id, const CancelToken &cancel = {}) = 0;
    /// Saves a new annotation and returns it as stored (with its id and modification time).
    /// Stores with client-made ids (Chronograf) keep a non-empty id, which is how undoing a
    /// delete brings the same annotation back.
    virtual Outcome<Annotation> create(const Annotation &annotation, const CancelToken &cancel = {}) = 0;
    /// Replaces the annotation with `annotation.id` and returns it as stored.
    virtual Outcome<Annotation> update(const Annotation &annotation, const CancelToken &cancel = {}) = 0;
    virtual Outcome<Done> remove(const QString &id, const CancelToken &cancel = {}) = 0;
};

} // namespace sasquatch
