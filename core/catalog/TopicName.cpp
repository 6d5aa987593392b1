// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/TopicName.h"

namespace sasquatch {

namespace {
const QString kLsst = QStringLiteral("lsst");
const QString kSal = QStringLiteral("sal");
} // namespace

QString topicKindName(TopicKind kind)
{
    switch (kind) {
    case TopicKind::Telemetry: return QStringLiteral("telemetry");
    case TopicKind::Event: return QStringLiteral("event");
    case TopicKind::Command: return QStringLiteral("command");
    case TopicKind::Ackcmd: return QStringLiteral("ackcmd");
    case TopicKind::Other: break;
    }
    return QStringLiteral("other");
}

TopicName::TopicName(const QString &measurement)
    : m_full(measurement)
{
    if (m_full.isEmpty())
        return;
    m_segments = m_full.split(QLatin1Char('.'));
    const qsizetype n = m_segments.size();

    // MirrorMaker 2's default replication policy prefixes "<source alias>." to the topic name.
    // Only names that continue with "lsst." are taken as replicas: a bare "<a>.<b>" is ambiguous.
    if (n >= 3 && !m_segments[0].isEmpty() && m_segments[0] != kLsst && m_segments[1] == kLsst)
        m_originStart = 1;

    const qsizetype o = m_originStart;
    if (n - o >= 3 && m_segments[o] == kLsst && m_segments[o + 1] == kSal && !m_segments[o + 2].isEmpty())
        m_cscSegment = int(o + 2);

    if (m_cscSegment >= 0 && n - o >= 4) {
        m_short = m_segments.mid(m_cscSegment + 1).join(QLatin1Char('.'));
        if (!m_short.isEmpty()) {
            if (m_short.startsWith(QLatin1String("logevent_")))
                m_kind = TopicKind::Event;
            else if (m_short.startsWith(QLatin1String("command_")))
                m_kind = TopicKind::Command;
            else if (m_short == QLatin1String("ackcmd"))
                m_kind = TopicKind::Ackcmd;
            else
                m_kind = TopicKind::Telemetry;
            return;
        }
    }
    m_short = m_segments.constLast();
}

QString TopicName::replicaSource() const
{
    return m_originStart > 0 ? m_segments.constFirst() : QString();
}

QString TopicName::originName() const
{
    if (m_originStart == 0)
        return m_full;
    return m_full.mid(m_segments.constFirst().size() + 1);
}

QStringList TopicName::originSegments() const
{
    return m_originStart == 0 ? m_segments : m_segments.mid(m_originStart);
}

QString TopicName::csc() const
{
    return m_cscSegment >= 0 ? m_segments[m_cscSegment] : QString();
}

} // namespace sasquatch
