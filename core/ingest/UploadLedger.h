// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/UploadPlan.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace sasquatch {

/// What became of one record.
enum class RecordFate : std::uint8_t {
    Pending,      ///< not sent yet (or sent with no answer yet)
    Acknowledged, ///< the server or broker confirmed it (partition/offset when Kafka)
    Failed,       ///< refused or lost, with the reason; a retry sends it again
    HeldBack,     ///< never to be sent: invalid, or its file is (all-or-nothing)
};

struct RecordStatus
{
    RecordFate fate = RecordFate::Pending;
    int partition = -1;
    std::int64_t offset = -1;
    QString reason;
    int sends = 0; ///< how many times it went out (retries included)
};

/// The fate of every record of a plan. Uploaders send only records that are Pending or Failed,
/// so a second upload with the same ledger retries exactly the failed ones, and an
/// acknowledged record is never sent again. Used from one thread at a time.
class UploadLedger
{
public:
    explicit UploadLedger(const UploadPlan &plan);

    const RecordStatus &status(int planned) const { return m_status[std::size_t(planned)]; }
    qsizetype size() const { return qsizetype(m_status.size()); }

    /// Whether the record is to be sent now (Pending or Failed).
    bool needsSending(int planned) const
    {
        const RecordFate f = m_status[std::size_t(planned)].fate;
        return f == RecordFate::Pending || f == RecordFate::Failed;
    }
    /// Records of `topic` that need sending, in plan order.
    std::vector<int> toSend(const PlannedTopic &topic) const;

    void markSent(int planned);
    void acknowledge(int planned, int partition = -1, std::int64_t offset = -1);
    void fail(int planned, const QString &reason);

    qsizetype acknowledged() const { return m_acknowledged; }
    qsizetype failed() const { return m_failed; }
    qsizetype heldBack() const { return m_heldBack; }
    /// Records that were meant to be sent (everything not held back).
    qsizetype sendable() const { return qsizetype(m_status.size()) - m_heldBack; }
    bool allAcknowledged() const { return m_acknowledged == qsizetype(m_status.size()); }

private:
    std::vector<RecordStatus> m_status;
    qsizetype m_acknowledged = 0;
    qsizetype m_failed = 0;
    qsizetype m_heldBack = 0;
};

} // namespace sasquatch
