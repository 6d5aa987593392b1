// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace sasquatch {

class ResultTable;
class ResultTableModel;

/// Writes a query result to a CSV file (core/query/CsvWriter: RFC 4180, one header per table
/// shape) on a worker thread, with progress and cancel, so that exporting ten million rows
/// does not freeze the window. The file appears only when complete (QSaveFile); a cancelled
/// or failed export leaves any previous file of that name untouched.
///
/// The job reads the model's tables in place: the model must not be cleared while it runs
/// (the query tab refuses to run a new query until the export ends).
class CsvExportJob : public QObject
{
    Q_OBJECT
public:
    explicit CsvExportJob(QObject *parent = nullptr);
    /// Cancels a running export and waits for the worker to stop.
    ~CsvExportJob() override;

    /// Starts writing every row of `model` to `path`. False (and nothing started) while another
    /// export runs.
    bool start(const ResultTableModel &model, const QString &path);
    void cancel();
    bool isRunning() const;
    /// Blocks until the worker has stopped (for tests and shutdown).
    void waitForFinished();

    const QString &path() const { return m_path; }
    std::int64_t totalRows() const { return m_totalRows; }
    std::int64_t rowsWritten() const { return m_state ? m_state->rows.load() : 0; }
    /// How the last export ended: rows written, or the failure (Failure::cancelled when
    /// cancelled). Nullopt before the first one ends.
    const std::optional<Outcome<std::int64_t>> &result() const { return m_result; }

Q_SIGNALS:
    /// About ten times a second while writing.
    void progress(qint64 rowsWritten, qint64 totalRows);
    /// The export ended; result() says how.
    void finished();

private:
    struct State
    {
        std::atomic<bool> cancel{false};
        std::atomic<std::int64_t> rows{0};
    };
    static Outcome<std::int64_t> write(std::vector<const ResultTable *> pieces, QString path,
                                       std::shared_ptr<State> state);

    QFutureWatcher<Outcome<std::int64_t>> m_watcher;
    std::shared_ptr<State> m_state;
    QTimer *m_ticker = nullptr;
    QString m_path;
    std::int64_t m_totalRows = 0;
    std::optional<Outcome<std::int64_t>> m_result;
};

} // namespace sasquatch
