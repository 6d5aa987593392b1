// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationStore.h"
#include "core/annotations/ChronografFormat.h"
#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace sasquatch {

class InfluxClient;

/// Annotations in Chronograf's measurement on InfluxDB 1.x (see ChronografFormat), so that
/// Chronograf shows ours and we show Chronograf's. Writes with /write line protocol, reads with
/// InfluxQL; creates the `chronograf` database when a write finds it missing.
///
/// Beyond what Chronograf does itself, an update or a delete also marks as deleted the older
/// live points of the same id in other series (tags changed, time moved), but never a newer
/// one: the newest version wins even when two people edit at once, and stale copies do not
/// come back in Chronograf.
class ChronografAnnotationStore final : public AnnotationStore
{
public:
    /// ns since the epoch; tests give two stores different clocks to play two writers.
    using Clock = std::function<std::int64_t()>;

    /// `secret` is the 1.x password (empty without authentication).
    ChronografAnnotationStore(ConnectionProfile profile, QString secret, std::shared_ptr<HttpTransport> transport,
                              Clock clock = {});

    QString description() const override;
    Outcome<std::vector<Annotation>> list(const AnnotationFilter &filter, const CancelToken &cancel = {}) override;
    Outcome<Annotation> find(const QString &id, const CancelToken &cancel = {}) override;
    Outcome<Annotation> create(const Annotation &annotation, const CancelToken &cancel = {}) override;
    Outcome<Annotation> update(const Annotation &annotation, const CancelToken &cancel = {}) override;
    Outcome<Done> remove(const QString &id, const CancelToken &cancel = {}) override;

private:
    InfluxClient client() const;
    /// Rows of SELECT * with `where`, read with the measurement's tag keys. A missing database
    /// or measurement is an empty answer.
    Outcome<std::vector<ChronografFormat::Row>> select(const QString &where, const CancelToken &cancel);
    /// Live rows of one id, all times.
    Outcome<std::vector<ChronografFormat::Row>> liveRows(const QString &id, const CancelToken &cancel);
    /// POST /write to chronograf/autogen; on "database not found" creates it and writes again.
    Outcome<Done> write(const QByteArray &lines, const QString &what, const CancelToken &cancel);
    /// The clock, but strictly increasing per store so two quick saves keep their order.
    std::int64_t nextModifiedNs();

    ConnectionProfile m_profile;
    QString m_secret;
    std::shared_ptr<HttpTransport> m_transport;
    Clock m_clock;
    std::atomic<std::int64_t> m_lastModifiedNs{0};
};

} // namespace sasquatch
