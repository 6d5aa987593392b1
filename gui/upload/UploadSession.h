// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/ReadOptions.h"
#include "core/ingest/ReadResult.h"
#include "core/ingest/UploadPlan.h"
#include "core/ingest/UploaderFactory.h"
#include "core/util/CancelToken.h"

#include <QObject>
#include <QThreadPool>

#include <memory>

namespace sasquatch {

struct UploadProgress;
class HttpTransport;
class UploadLedger;

/// The upload window's worker facade: reads files and uploads on its own threads, and hands
/// results and progress back to the GUI thread through queued calls. One job at a time.
class UploadSession : public QObject
{
    Q_OBJECT
public:
    explicit UploadSession(std::shared_ptr<HttpTransport> transport, QObject *parent = nullptr);
    ~UploadSession() override; ///< cancels and waits for the worker

    /// Reads `paths` in the background; filesRead() brings the results.
    void read(const QStringList &paths, const ReadOptions &options);
    /// Uploads what `ledger` says still needs sending; the ledger is written on the worker
    /// thread until finished() (read it only then, or through progress()).
    void upload(std::shared_ptr<const UploadPlan> plan, std::shared_ptr<UploadLedger> ledger,
                const UploadConnection &connection);
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void filesRead(const std::vector<sasquatch::ReadResult> &results);
    void progressed(const sasquatch::UploadProgress &progress);
    void finished(const QString &target);

private:
    std::shared_ptr<HttpTransport> m_transport;
    QThreadPool m_pool;
    CancelToken m_cancel;
    bool m_busy = false;
};

} // namespace sasquatch
