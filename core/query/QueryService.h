// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"
#include "core/parse/ResultTable.h"
#include "core/query/QueryTypes.h"
#include "core/util/Outcome.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <memory>
#include <vector>

namespace sasquatch {

/// The GUI thread's handle on running queries: one query at a time runs on a worker thread
/// (QueryRunner) and its results come back as signals on this object's thread, batched.
///
///     auto *service = new QueryService(std::make_shared<CurlTransport>(), this);
///     service->setProfile(profile, secret);
///     connect(service, &QueryService::tablesReceived, model, &ResultTableModel::appendTables);
///     connect(service, &QueryService::progress, this, &QueryPanel::showProgress);
///     connect(service, &QueryService::finished, this, &QueryPanel::showSummary);
///     connect(service, &QueryService::failed, this, &QueryPanel::showFailure);
///     service->start(QueryRequest{QueryLanguage::Flux, text});   // Esc: service->cancel()
///
/// Every start() ends in exactly one finished() or failed(), after all of its
/// tablesReceived(), unless another start(), setProfile() or the destructor abandons it first:
/// an abandoned query is cancelled and emits nothing more. Tables arrive in stream order,
/// coalesced every kBatchInterval, so that a view updates ~30 times a second however fast the
/// rows come. A query stopped by cancel(), by its budget or by an error still delivers what
/// arrived before the stop, then failed().
class QueryService : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kBatchInterval{33};
    /// progress() also fires this often while nothing arrives, so that elapsed time moves.
    static constexpr std::chrono::milliseconds kIdleProgressInterval{250};

    /// `transport` must be thread-safe (CurlTransport is).
    explicit QueryService(std::shared_ptr<HttpTransport> transport, QObject *parent = nullptr);
    /// Cancels a running query and waits for its worker (at most ~50 ms).
    ~QueryService() override;

    /// The server to query; `secret` is the 1.x password or the 2.x token. Abandons a running
    /// query.
    void setProfile(const ConnectionProfile &profile, const QString &secret);
    const ConnectionProfile &profile() const { return m_profile; }

    /// Runs `request`, abandoning the query still running, if any. Returns at once.
    void start(const QueryRequest &request);
    /// Stops the running query; failed() follows with failure.cancelled set. No-op when idle.
    void cancel();
    /// Between start() and its finished()/failed().
    bool isRunning() const { return m_current != nullptr; }

Q_SIGNALS:
    /// The next tables or pieces of the result, in order (see ResultTable for pieces). Emitted
    /// on this object's thread; a receiver that keeps them copies them.
    void tablesReceived(const std::vector<sasquatch::ResultTable> &tables);
    /// Body bytes received (after gzip decoding), rows parsed and time since start().
    void progress(qint64 bytes, qint64 rows, qint64 elapsedMs);
    /// The whole response was read. InfluxQL statements that failed while the others ran are
    /// in summary.statementErrors (summary.succeeded() is false then).
    void finished(const sasquatch::QuerySummary &summary);
    /// The query failed, was cancelled (failure.cancelled) or stopped at its budget
    /// (summary.status says which); failure.message is for the user.
    void failed(const sasquatch::Failure &failure, const sasquatch::QuerySummary &summary);

private:
    struct Run;
    void abandon();
    void drain(bool final);
    void complete(const std::shared_ptr<Run> &run, const QuerySummary &summary);

    std::shared_ptr<HttpTransport> m_transport;
    ConnectionProfile m_profile;
    QString m_secret;
    std::shared_ptr<Run> m_current;
    QTimer m_timer;
    QThreadPool m_pool;
};

} // namespace sasquatch
