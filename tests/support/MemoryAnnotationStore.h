// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationStore.h"

#include <QMutex>

#include <map>
#include <optional>

namespace sasquatch::test {

/// A complete AnnotationStore in memory, for testing the code above the store (the GUI) where
/// the interesting part is what was saved, not the wire. Thread-safe. Ids are UUIDs, as in
/// Chronograf, and a given id is kept (undoing a delete brings the same annotation back).
class MemoryAnnotationStore final : public AnnotationStore
{
public:
    QString description() const override;
    Outcome<std::vector<Annotation>> list(const AnnotationFilter &filter, const CancelToken &cancel = {}) override;
    Outcome<Annotation> find(const QString &id, const CancelToken &cancel = {}) override;
    Outcome<Annotation> create(const Annotation &annotation, const CancelToken &cancel = {}) override;
    Outcome<Annotation> update(const Annotation &annotation, const CancelToken &cancel = {}) override;
    Outcome<Done> remove(const QString &id, const CancelToken &cancel = {}) override;

    /// Until cleared, every save and delete fails with `failure` (as a read-only server would).
    void setWriteFailure(std::optional<Failure> failure);
    /// Every annotation, for inspection.
    std::vector<Annotation> all() const;

private:
    std::int64_t nextModifiedNs();

    mutable QMutex m_mutex;
    std::map<QString, Annotation> m_annotations;
    std::optional<Failure> m_writeFailure;
    std::int64_t m_lastModifiedNs = 0;
};

} // namespace sasquatch::test
