// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationStore.h"
#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <vector>

namespace sasquatch {

/// The GUI thread's handle on the annotation store. Every call returns at once with a token
/// that cancels it; the store works on a worker thread and the answer comes back to the
/// callback on this object's thread. Successful saves and deletes also emit
/// annotationsChanged(), so that every list and plot overlay refreshes.
class AnnotationService : public QObject
{
    Q_OBJECT
public:
    template <class T>
    using Callback = std::function<void(Outcome<T>)>;

    explicit AnnotationService(QObject *parent = nullptr);
    ~AnnotationService() override; ///< cancels what is under way and waits for the workers

    /// Uses `store` from now on (nullptr: none). Emits storeChanged().
    void setStore(std::shared_ptr<AnnotationStore> store);
    /// Picks the store for `profile` in the background (pinging when its API is auto), then
    /// setStore(); a failure is reported by storeFailed().
    void connectTo(const ConnectionProfile &profile, const QString &secret, std::shared_ptr<HttpTransport> transport);
    bool hasStore() const { return m_store != nullptr; }
    /// The store's description, or empty without a store.
    QString storeDescription() const;

    CancelToken list(const AnnotationFilter &filter, Callback<std::vector<Annotation>> done);
    CancelToken create(const Annotation &annotation, Callback<Annotation> done);
    CancelToken update(const Annotation &annotation, Callback<Annotation> done);
    CancelToken remove(const QString &id, Callback<Done> done);

    int pending() const { return m_pending; }

Q_SIGNALS:
    void storeChanged();
    void storeFailed(const sasquatch::Failure &failure);
    /// A create, update or remove succeeded: lists and overlays should ask again.
    void annotationsChanged();
    void pendingChanged(int count);

private:
    template <class T, class Work>
    CancelToken submit(Work work, Callback<T> done, bool changes);

    /// Keeps `token` to cancel at destruction (finished ones are dropped as new ones come).
    CancelToken track(CancelToken token);

    std::shared_ptr<AnnotationStore> m_store;
    std::vector<CancelToken> m_tokens;
    quint64 m_generation = 0;
    int m_pending = 0;
    QThreadPool m_pool;
};

} // namespace sasquatch
