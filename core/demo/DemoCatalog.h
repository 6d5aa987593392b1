// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoTypes.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <vector>

namespace sasquatch {

/// The synthetic SAL catalog of the demo server: ~60 real CSC names (indexed ones with
/// their salIndex values), their telemetry, `logevent_*`, `command_*` and `ackcmd` topics
/// modelled on ts_xml with typed fields, units and fixed-length arrays, every topic carrying
/// the private fields of DOMAIN.md; plus the other Sasquatch databases (lsst.dm,
/// lsst.verify, ...) and a few MirrorMaker 2 replica topics kept in their own database.
///
/// Pure data, identical on every run (no clock, no randomness), built once and shared:
/// the seeder writes it to influxd and the Kafka simulator can publish it.
class DemoCatalog
{
public:
    static constexpr const char *kEfdDatabase = "efd";
    /// MirrorMaker 2 replicas live apart so that `efd` looks like a single site's EFD.
    static constexpr const char *kReplicaDatabase = "efd_replica";
    /// Source-cluster alias MirrorMaker 2 prefixes to replicated topic names.
    static constexpr const char *kReplicaSource = "summit";
    /// TAI − UTC in seconds (since 2017-01-01).
    static constexpr int kTaiMinusUtcSeconds = 37;

    /// The catalog, built on first use (thread-safe).
    static const DemoCatalog &instance();

    /// Empty unless the compiled-in spec text is broken (a programming error the unit test
    /// catches); the catalog then holds what was read before the error.
    const QString &buildError() const { return m_buildError; }

    const std::vector<DemoCsc> &cscs() const { return m_cscs; }
    const DemoCsc *csc(const QString &name) const;

    /// Every SAL topic, CSC by CSC: the CSC's own topics, then the generic ones.
    const std::vector<DemoTopic> &topics() const { return m_topics; }
    /// Topic by measurement name ("lsst.sal.MTM1M3.forceActuatorData"), or nullptr.
    const DemoTopic *topic(const QString &measurement) const;
    /// Topic by CSC and short name ("MTM1M3", "forceActuatorData"), or nullptr.
    const DemoTopic *topic(const QString &csc, const QString &name) const;
    std::vector<const DemoTopic *> topicsOf(const QString &csc) const;
    int topicCount(DemoTopicKind kind) const;
    /// Sum of valueCount() over all topics: the number of SHOW FIELD KEYS rows in `efd`.
    qint64 fieldKeyCount() const;

    /// lsst.dm, lsst.verify, lsst.square.metrics, lsst.prompt, lsst.ATCamera, lsst.MTCamera.
    const std::vector<DemoDatabase> &otherDatabases() const { return m_otherDatabases; }
    /// Topics replicated into kReplicaDatabase as "summit.<measurement>".
    const std::vector<const DemoTopic *> &replicatedTopics() const { return m_replicated; }
    static QString replicaMeasurement(const DemoTopic &topic);
    /// `efd`, the other databases, then the replica database.
    QStringList databaseNames() const;

    /// SHA-1 over the whole catalog: a cached demo data directory seeded from another
    /// catalog is rebuilt rather than reused.
    const QByteArray &fingerprint() const { return m_fingerprint; }

private:
    DemoCatalog();
    bool addSpec(const QByteArrayView text);
    void addGenericTopics(const DemoCsc &csc, size_t firstOwnTopic);
    void addPrivateFields();
    void buildOtherDatabases();
    void computeFingerprint();

    QString m_buildError;
    std::vector<DemoCsc> m_cscs;
    std::vector<DemoTopic> m_topics;
    QHash<QString, int> m_topicIndex;
    std::vector<DemoDatabase> m_otherDatabases;
    std::vector<const DemoTopic *> m_replicated;
    QByteArray m_fingerprint;
};

} // namespace sasquatch
