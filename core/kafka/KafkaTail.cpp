// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/KafkaTail.h"

#include "core/kafka/KafkaConsumer.h"

#include <QMetaObject>
#include <QPointer>

#include <atomic>
#include <memory>

namespace sasquatch {

KafkaTail::KafkaTail(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<sasquatch::DecodedBatchList>();
    qRegisterMetaType<sasquatch::KafkaTopicStatsList>();
    qRegisterMetaType<sasquatch::KafkaConnectionState>();
}

KafkaTail::~KafkaTail()
{
    stop();
}

Outcome<Done> KafkaTail::start(KafkaConsumerConfig config)
{
    stop();
    const quint64 generation = ++m_generation;
    QPointer<KafkaTail> self(this);
    // The worker posts to this object's thread; a run's leftovers are dropped by generation.
    const auto post = [self, generation](auto &&fn) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, fn = std::forward<decltype(fn)>(fn)]() mutable {
                if (self && self->m_generation == generation)
                    fn(*self);
            },
            Qt::QueuedConnection);
    };
    KafkaConsumer::Callbacks callbacks;
    // Deliveries posted and not yet handled by this thread: the consumer holds its next flush
    // while one is pending (see Callbacks::ready).
    auto pending = std::make_shared<std::atomic<int>>(0);
    callbacks.batches = [post, pending](DecodedBatchList batches) {
        ++*pending;
        post([batches = std::move(batches), pending](KafkaTail &t) {
            Q_EMIT t.batchesReceived(batches);
            --*pending; // after the receivers are done: rows gather while they work
        });
    };
    callbacks.ready = [pending] { return pending->load() == 0; };
    callbacks.stats = [post](KafkaTopicStatsList stats) {
        post([stats = std::move(stats)](KafkaTail &t) {
            t.m_stats = stats;
            Q_EMIT t.statsUpdated(t.m_stats);
        });
    };
    callbacks.state = [post](KafkaConnectionState state, QString detail) {
        post([state, detail = std::move(detail)](KafkaTail &t) {
            t.m_state = state;
            Q_EMIT t.stateChanged(state, detail);
        });
    };
    auto consumer = std::make_unique<KafkaConsumer>(std::move(config), std::move(callbacks));
    if (auto started = consumer->start(); !started)
        return started;
    m_consumer = std::move(consumer);
    return Done{};
}

void KafkaTail::stop()
{
    if (!m_consumer)
        return;
    ++m_generation; // whatever the worker queued from now on is stale
    m_consumer.reset();
    m_stats.clear();
    if (m_state != KafkaConnectionState::Stopped) {
        m_state = KafkaConnectionState::Stopped;
        Q_EMIT stateChanged(m_state, QString());
    }
}

bool KafkaTail::isRunning() const
{
    return m_consumer && m_consumer->isRunning();
}

} // namespace sasquatch
