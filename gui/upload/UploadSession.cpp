// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/upload/UploadSession.h"

#include "core/http/HttpTransport.h"
#include "core/ingest/MetricFileReader.h"
#include "core/ingest/UploadLedger.h"
#include "core/util/BackgroundTask.h"

#include <QElapsedTimer>
#include <QPointer>

namespace sasquatch {

UploadSession::UploadSession(std::shared_ptr<HttpTransport> transport, QObject *parent)
    : QObject(parent), m_transport(std::move(transport))
{
    m_pool.setMaxThreadCount(1);
}

UploadSession::~UploadSession()
{
    m_cancel.cancel();
    m_pool.waitForDone();
}

void UploadSession::read(const QStringList &paths, const ReadOptions &options)
{
    m_busy = true;
    runInBackground(
        &m_pool, this,
        [paths, options](const CancelToken &cancel) {
            std::vector<ReadResult> results;
            for (const QString &p : paths) {
                if (cancel.isCancelled())
                    break;
                results.push_back(MetricFileReader::readFile(p, options));
            }
            return results;
        },
        [this](std::vector<ReadResult> results) {
            m_busy = false;
            Q_EMIT filesRead(results);
        });
}

void UploadSession::upload(std::shared_ptr<const UploadPlan> plan, std::shared_ptr<UploadLedger> ledger,
                           const UploadConnection &connection)
{
    m_busy = true;
    m_cancel = runInBackground(
        &m_pool, this,
        [plan, ledger, connection, transport = m_transport, self = QPointer<UploadSession>(this)](const CancelToken &cancel) {
            auto uploader = makeUploader(connection, transport);
            QElapsedTimer sinceLast;
            sinceLast.start();
            // Progress crosses to the GUI thread at most every 50 ms (and always at the end).
            uploader->upload(*plan, *ledger, cancel, [&](const UploadProgress &p) {
                if (sinceLast.elapsed() < 50 && p.acknowledged + p.failed < p.total)
                    return;
                sinceLast.restart();
                QMetaObject::invokeMethod(
                    self.data(), [self, p]() { if (self) Q_EMIT self->progressed(p); }, Qt::QueuedConnection);
            });
            return uploader->describe();
        },
        [this, ledger](QString target) {
            m_busy = false;
            Q_EMIT progressed(UploadProgress{ledger->acknowledged(), ledger->failed(), ledger->sendable(), QString()});
            Q_EMIT finished(target);
        });
}

void UploadSession::cancel()
{
    m_cancel.cancel();
}

} // namespace sasquatch
