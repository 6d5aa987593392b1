// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace sasquatch {

/// What a SAL topic carries, read from its short name.
enum class TopicKind : quint8 {
    Telemetry, ///< lsst.sal.<CSC>.<name> without a known prefix
    Event,     ///< lsst.sal.<CSC>.logevent_*
    Command,   ///< lsst.sal.<CSC>.command_*
    Ackcmd,    ///< lsst.sal.<CSC>.ackcmd
    Other,     ///< anything that is not lsst.sal.<CSC>.<name> (lsst.dm metrics, lsst.verify, ...)
};

/// Lower-case word for a kind, as shown in the topic tree: "telemetry", "event", "command",
/// "ackcmd", "other".
QString topicKindName(TopicKind kind);

/// A parsed InfluxDB measurement name (= Kafka topic name), e.g. `lsst.sal.MTM1M3.forceActuatorData`
/// or its MirrorMaker 2 replica `summit.lsst.sal.MTM1M3.forceActuatorData`.
///
/// Parsing never fails: odd names (no dots, empty segments, quotes, non-ASCII) give an `Other` topic
/// whose segments are the name split on '.', empty segments kept.
class TopicName
{
public:
    TopicName() = default;
    explicit TopicName(const QString &measurement);

    /// The measurement name exactly as given.
    const QString &fullName() const { return m_full; }
    /// fullName() split on '.', including the replica source (empty segments kept).
    const QStringList &segments() const { return m_segments; }

    /// True for a MirrorMaker 2 replica: `<source>.lsst.…` whose first segment is not `lsst`.
    bool isReplica() const { return m_originStart > 0; }
    /// The replica's source cluster alias ("summit"), empty when not a replica.
    QString replicaSource() const;
    /// The name as on the source cluster: fullName() without the replica prefix.
    QString originName() const;
    /// segments() without the replica prefix.
    QStringList originSegments() const;
    /// Index in segments() where originSegments() start (0, or 1 for a replica).
    int originStart() const { return m_originStart; }

    TopicKind kind() const { return m_kind; }
    /// True for `lsst.sal.<CSC>.<topic>` (after any replica prefix).
    bool isSal() const { return m_kind != TopicKind::Other; }
    /// The CSC ("MTM1M3") for names under `lsst.sal.`, else empty.
    QString csc() const;
    /// Index in segments() of the CSC segment, -1 when there is none.
    int cscSegment() const { return m_cscSegment; }
    /// The topic's own name: what follows `lsst.sal.<CSC>.` for SAL topics
    /// ("logevent_summaryState"), the last segment otherwise.
    const QString &shortName() const { return m_short; }

    bool isEmpty() const { return m_full.isEmpty(); }

    bool operator==(const TopicName &other) const { return m_full == other.m_full; }

private:
    QString m_full;
    QStringList m_segments;
    QString m_short;
    int m_originStart = 0;
    int m_cscSegment = -1;
    TopicKind m_kind = TopicKind::Other;
};

} // namespace sasquatch
