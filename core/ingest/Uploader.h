// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/RetryPolicy.h"
#include "core/ingest/UploadLedger.h"
#include "core/util/CancelToken.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

namespace sasquatch {

/// How far an upload got, for progress bars (called on the uploading thread).
struct UploadProgress
{
    qsizetype acknowledged = 0;
    qsizetype failed = 0;
    qsizetype total = 0; ///< records meant to be sent
    QString activity;    ///< "POST /topics/lsst.dm.PA1 (500 records)"
};
using UploadProgressSink = std::function<void(const UploadProgress &)>;

/// One request (or Kafka message batch) exactly as it would go out, for --dry-run.
struct PlannedSend
{
    QString target;   ///< "POST https://host/sasquatch-rest-proxy/topics/lsst.dm.PA1"
    QStringList headers;
    QByteArray body;  ///< uncompressed
    qsizetype records = 0;
};

/// Sends the records of a plan somewhere and writes each one's fate into the ledger.
/// upload() blocks: run it off the GUI thread. It sends only what the ledger says needs
/// sending, so calling it again retries exactly the failed records.
class Uploader
{
public:
    virtual ~Uploader() = default;
    /// "Confluent REST proxy https://host/sasquatch-rest-proxy (Avro)".
    virtual QString describe() const = 0;
    /// What upload() would send now, without sending anything.
    virtual std::vector<PlannedSend> dryRun(const UploadPlan &plan, const UploadLedger &ledger) = 0;
    virtual void upload(const UploadPlan &plan, UploadLedger &ledger, const CancelToken &cancel,
                        const UploadProgressSink &progress) = 0;

    /// Retries for uploads: 5 attempts, backoff from 0.5 s, on 408/429/500/502/503/504,
    /// transport errors and timeouts, for POST too (a produce or write sent again is what the
    /// user asked for; InfluxDB overwrites identical points).
    static RetryPolicy defaultRetryPolicy();
};

} // namespace sasquatch
