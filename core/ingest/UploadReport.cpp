// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/UploadReport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sasquatch {

QString UploadReport::fateName(RecordFate fate)
{
    switch (fate) {
    case RecordFate::Acknowledged:
        return QStringLiteral("acknowledged");
    case RecordFate::Failed:
        return QStringLiteral("failed");
    case RecordFate::HeldBack:
        return QStringLiteral("not sent");
    case RecordFate::Pending:
        break;
    }
    return QStringLiteral("pending");
}

namespace {

struct Counts
{
    qsizetype records = 0, acknowledged = 0, failed = 0, heldBack = 0, pending = 0;
};

Counts countsOf(const UploadPlan &plan, const UploadLedger &ledger, int file)
{
    Counts c;
    for (std::size_t i = 0; i < plan.records().size(); ++i) {
        if (plan.records()[i].file != file)
            continue;
        ++c.records;
        switch (ledger.status(int(i)).fate) {
        case RecordFate::Acknowledged:
            ++c.acknowledged;
            break;
        case RecordFate::Failed:
            ++c.failed;
            break;
        case RecordFate::HeldBack:
            ++c.heldBack;
            break;
        case RecordFate::Pending:
            ++c.pending;
            break;
        }
    }
    return c;
}

} // namespace

QString UploadReport::text(const UploadPlan &plan, const UploadLedger &ledger, int maxRecordLines, bool dryRun)
{
    QString out;
    for (std::size_t f = 0; f < plan.files().size(); ++f) {
        const ReadResult &file = plan.files()[f];
        const Counts c = countsOf(plan, ledger, int(f));
        if (dryRun)
            out += QStringLiteral("%1 (%2): %3 record(s): %4 would be sent, %5 would not")
                       .arg(file.path, ingestFormatName(file.format))
                       .arg(c.records)
                       .arg(c.pending + c.failed)
                       .arg(c.heldBack);
        else
            out += QStringLiteral("%1 (%2): %3 record(s): %4 acknowledged, %5 failed, %6 not sent")
                       .arg(file.path, ingestFormatName(file.format))
                       .arg(c.records)
                       .arg(c.acknowledged)
                       .arg(c.failed)
                       .arg(c.heldBack);
        if (c.pending > 0 && !dryRun)
            out += QStringLiteral(", %1 not yet sent").arg(c.pending);
        out += u'\n';
        for (const QString &m : file.messages())
            out += QStringLiteral("  %1\n").arg(m);
        for (const QString &n : file.notes)
            out += QStringLiteral("  note: %1\n").arg(n);
        int shown = 0, hidden = 0;
        for (std::size_t i = 0; i < plan.records().size(); ++i) {
            const PlannedRecord &p = plan.records()[i];
            const RecordStatus &s = ledger.status(int(i));
            if (p.file != int(f) || s.fate != RecordFate::Failed)
                continue;
            if (maxRecordLines > 0 && shown >= maxRecordLines) {
                ++hidden;
                continue;
            }
            ++shown;
            out += QStringLiteral("  %1:%2: failed: %3\n").arg(file.path).arg(plan.record(int(i)).line).arg(s.reason);
        }
        if (hidden > 0)
            out += QStringLiteral("  ... and %1 more failed record(s) (--report FILE lists them all)\n").arg(hidden);
        if (c.heldBack > 0 && file.readable && file.validCount() > 0 && c.heldBack > qsizetype(file.records.size()) - file.validCount()
            && plan.options().policy == ValidationPolicy::AllOrNothing)
            out += QStringLiteral("  nothing from this file was sent: it has invalid records (--valid-only sends the valid ones)\n");
    }
    return out;
}

QByteArray UploadReport::json(const UploadPlan &plan, const UploadLedger &ledger, const QString &target, bool dryRun)
{
    QJsonArray files;
    for (std::size_t f = 0; f < plan.files().size(); ++f) {
        const ReadResult &file = plan.files()[f];
        const Counts c = countsOf(plan, ledger, int(f));
        QJsonArray outcomes;
        for (std::size_t i = 0; i < plan.records().size(); ++i) {
            const PlannedRecord &p = plan.records()[i];
            if (p.file != int(f))
                continue;
            const RecordStatus &s = ledger.status(int(i));
            QJsonObject o{{QStringLiteral("line"), qint64(plan.record(int(i)).line)},
                          {QStringLiteral("fate"), fateName(s.fate)}};
            if (p.topic >= 0)
                o.insert(QStringLiteral("topic"), plan.topics()[std::size_t(p.topic)].topic);
            if (s.partition >= 0)
                o.insert(QStringLiteral("partition"), s.partition);
            if (s.offset >= 0)
                o.insert(QStringLiteral("offset"), qint64(s.offset));
            if (!s.reason.isEmpty())
                o.insert(QStringLiteral("reason"), s.reason);
            outcomes.append(o);
        }
        files.append(QJsonObject{{QStringLiteral("path"), file.path},
                                 {QStringLiteral("format"), ingestFormatName(file.format)},
                                 {QStringLiteral("records"), qint64(c.records)},
                                 {QStringLiteral("acknowledged"), qint64(c.acknowledged)},
                                 {QStringLiteral("failed"), qint64(c.failed)},
                                 {QStringLiteral("notSent"), qint64(c.heldBack)},
                                 {QStringLiteral("problems"), QJsonArray::fromStringList(file.messages())},
                                 {QStringLiteral("notes"), QJsonArray::fromStringList(file.notes)},
                                 {QStringLiteral("outcomes"), outcomes}});
    }
    const QJsonObject root{{QStringLiteral("target"), target},
                           {QStringLiteral("dryRun"), dryRun},
                           {QStringLiteral("allAcknowledged"), ledger.allAcknowledged()},
                           {QStringLiteral("files"), files}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace sasquatch
