// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/MemoryAnnotationStore.h"

#include "core/time/TimeRange.h"

#include <QMutexLocker>
#include <QUuid>

namespace sasquatch::test {

QString MemoryAnnotationStore::description() const
{
    return QStringLiteral("annotations in memory (not saved)");
}

std::int64_t MemoryAnnotationStore::nextModifiedNs()
{
    m_lastModifiedNs = std::max(TimeRange::currentTimeNs(), m_lastModifiedNs + 1);
    return m_lastModifiedNs;
}

void MemoryAnnotationStore::setWriteFailure(std::optional<Failure> failure)
{
    QMutexLocker lock(&m_mutex);
    m_writeFailure = std::move(failure);
}

std::vector<Annotation> MemoryAnnotationStore::all() const
{
    QMutexLocker lock(&m_mutex);
    std::vector<Annotation> out;
    for (const auto &[id, a] : m_annotations)
        out.push_back(a);
    sortAnnotations(out);
    return out;
}

Outcome<std::vector<Annotation>> MemoryAnnotationStore::list(const AnnotationFilter &filter, const CancelToken &cancel)
{
    if (cancel.isCancelled())
        return Failure{QStringLiteral("Cancelled."), 0, true};
    std::vector<Annotation> out = all();
    filter.apply(out);
    return out;
}

Outcome<Annotation> MemoryAnnotationStore::find(const QString &id, const CancelToken &)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_annotations.find(id);
    if (it == m_annotations.end())
        return Failure{QStringLiteral("There is no annotation with id \"%1\".").arg(id), 404};
    return it->second;
}

Outcome<Annotation> MemoryAnnotationStore::create(const Annotation &annotation, const CancelToken &)
{
    if (const QStringList problems = annotation.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    QMutexLocker lock(&m_mutex);
    if (m_writeFailure)
        return *m_writeFailure;
    Annotation stored = annotation;
    if (stored.id.isEmpty())
        stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stored.modifiedNs = nextModifiedNs();
    m_annotations[stored.id] = stored;
    return stored;
}

Outcome<Annotation> MemoryAnnotationStore::update(const Annotation &annotation, const CancelToken &)
{
    if (const QStringList problems = annotation.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    QMutexLocker lock(&m_mutex);
    if (m_writeFailure)
        return *m_writeFailure;
    const auto it = m_annotations.find(annotation.id);
    if (it == m_annotations.end())
        return Failure{QStringLiteral("There is no annotation with id \"%1\" (it may have been deleted).").arg(annotation.id),
                       404};
    it->second = annotation;
    it->second.modifiedNs = nextModifiedNs();
    return it->second;
}

Outcome<Done> MemoryAnnotationStore::remove(const QString &id, const CancelToken &)
{
    QMutexLocker lock(&m_mutex);
    if (m_writeFailure)
        return *m_writeFailure;
    if (m_annotations.erase(id) == 0)
        return Failure{QStringLiteral("There is no annotation with id \"%1\".").arg(id), 404};
    return Done{};
}

} // namespace sasquatch::test
