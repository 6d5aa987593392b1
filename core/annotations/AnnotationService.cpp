// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/AnnotationService.h"

#include "core/annotations/AnnotationStoreFactory.h"
#include "core/util/BackgroundTask.h"

namespace sasquatch {

namespace {

Failure noStore()
{
    return Failure{QStringLiteral("No annotation store: connect to an InfluxDB server first.")};
}

} // namespace

AnnotationService::AnnotationService(QObject *parent) : QObject(parent)
{
    m_pool.setMaxThreadCount(2);
}

AnnotationService::~AnnotationService()
{
    // Closing the window must not wait for a slow server: cancelled transfers end at once.
    for (const CancelToken &token : m_tokens)
        token.cancel();
    m_pool.waitForDone();
}

CancelToken AnnotationService::track(CancelToken token)
{
    if (m_pending <= 1)
        m_tokens.clear(); // only the new one is under way: the kept ones are all finished
    m_tokens.push_back(token);
    return token;
}

void AnnotationService::setStore(std::shared_ptr<AnnotationStore> store)
{
    m_store = std::move(store);
    ++m_generation;
    Q_EMIT storeChanged();
}

QString AnnotationService::storeDescription() const
{
    return m_store ? m_store->description() : QString();
}

void AnnotationService::connectTo(const ConnectionProfile &profile, const QString &secret,
                                  std::shared_ptr<HttpTransport> transport)
{
    const quint64 generation = ++m_generation;
    ++m_pending;
    Q_EMIT pendingChanged(m_pending);
    track(runInBackground(
        &m_pool, this,
        [profile, secret, transport](const CancelToken &cancel) {
            return makeAnnotationStore(profile, secret, transport, cancel);
        },
        [this, generation](Outcome<std::shared_ptr<AnnotationStore>> store) {
            --m_pending;
            Q_EMIT pendingChanged(m_pending);
            if (generation != m_generation)
                return; // another profile was chosen meanwhile
            if (!store) {
                m_store.reset();
                Q_EMIT storeFailed(store.failure());
                Q_EMIT storeChanged();
                return;
            }
            setStore(std::move(store).value());
        }));
}

template <class T, class Work>
CancelToken AnnotationService::submit(Work work, Callback<T> done, bool changes)
{
    if (!m_store) {
        // Still answered later, never from inside the call: callers need not guard re-entrancy.
        QMetaObject::invokeMethod(this, [done]() { done(noStore()); }, Qt::QueuedConnection);
        return {};
    }
    ++m_pending;
    Q_EMIT pendingChanged(m_pending);
    std::shared_ptr<AnnotationStore> store = m_store;
    return track(runInBackground(
        &m_pool, this, [store, work = std::move(work)](const CancelToken &cancel) { return work(*store, cancel); },
        [this, done = std::move(done), changes](Outcome<T> result) {
            --m_pending;
            Q_EMIT pendingChanged(m_pending);
            const bool ok = result.ok();
            done(std::move(result));
            if (ok && changes)
                Q_EMIT annotationsChanged();
        }));
}

CancelToken AnnotationService::list(const AnnotationFilter &filter, Callback<std::vector<Annotation>> done)
{
    return submit<std::vector<Annotation>>(
        [filter](AnnotationStore &store, const CancelToken &cancel) { return store.list(filter, cancel); },
        std::move(done), false);
}

CancelToken AnnotationService::create(const Annotation &annotation, Callback<Annotation> done)
{
    return submit<Annotation>(
        [annotation](AnnotationStore &store, const CancelToken &cancel) { return store.create(annotation, cancel); },
        std::move(done), true);
}

CancelToken AnnotationService::update(const Annotation &annotation, Callback<Annotation> done)
{
    return submit<Annotation>(
        [annotation](AnnotationStore &store, const CancelToken &cancel) { return store.update(annotation, cancel); },
        std::move(done), true);
}

CancelToken AnnotationService::remove(const QString &id, Callback<Done> done)
{
    return submit<Done>([id](AnnotationStore &store, const CancelToken &cancel) { return store.remove(id, cancel); },
                        std::move(done), true);
}

} // namespace sasquatch
