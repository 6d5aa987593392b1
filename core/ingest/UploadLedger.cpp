// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/UploadLedger.h"

namespace sasquatch {

UploadLedger::UploadLedger(const UploadPlan &plan)
{
    m_status.resize(plan.records().size());
    for (std::size_t i = 0; i < m_status.size(); ++i) {
        const PlannedRecord &p = plan.records()[i];
        if (!p.heldBack.isEmpty()) {
            m_status[i].fate = RecordFate::HeldBack;
            m_status[i].reason = p.heldBack;
            ++m_heldBack;
        }
    }
}

std::vector<int> UploadLedger::toSend(const PlannedTopic &topic) const
{
    std::vector<int> out;
    out.reserve(topic.records.size());
    for (int i : topic.records)
        if (needsSending(i))
            out.push_back(i);
    return out;
}

void UploadLedger::markSent(int planned)
{
    RecordStatus &s = m_status[std::size_t(planned)];
    Q_ASSERT(s.fate != RecordFate::Acknowledged && s.fate != RecordFate::HeldBack);
    ++s.sends;
}

void UploadLedger::acknowledge(int planned, int partition, std::int64_t offset)
{
    RecordStatus &s = m_status[std::size_t(planned)];
    if (s.fate == RecordFate::Acknowledged)
        return;
    if (s.fate == RecordFate::Failed)
        --m_failed;
    s.fate = RecordFate::Acknowledged;
    s.partition = partition;
    s.offset = offset;
    s.reason.clear();
    ++m_acknowledged;
}

void UploadLedger::fail(int planned, const QString &reason)
{
    RecordStatus &s = m_status[std::size_t(planned)];
    if (s.fate == RecordFate::Acknowledged || s.fate == RecordFate::HeldBack)
        return; // an acknowledgement is final
    if (s.fate != RecordFate::Failed)
        ++m_failed;
    s.fate = RecordFate::Failed;
    s.reason = reason;
}

} // namespace sasquatch
