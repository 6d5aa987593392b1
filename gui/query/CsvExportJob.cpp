// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/CsvExportJob.h"

#include "core/parse/ResultTable.h"
#include "core/query/CsvWriter.h"
#include "core/query/ResultTableModel.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace sasquatch {

CsvExportJob::CsvExportJob(QObject *parent) : QObject(parent), m_ticker(new QTimer(this))
{
    // Progress is polled from the worker's counters rather than signalled by the worker, so the
    // worker never touches this object.
    m_ticker->setInterval(100);
    connect(m_ticker, &QTimer::timeout, this, [this] { Q_EMIT progress(rowsWritten(), m_totalRows); });
    connect(&m_watcher, &QFutureWatcher<Outcome<std::int64_t>>::finished, this, [this] {
        m_ticker->stop();
        m_result = m_watcher.result();
        Q_EMIT progress(rowsWritten(), m_totalRows);
        Q_EMIT finished();
    });
}

CsvExportJob::~CsvExportJob()
{
    cancel();
    waitForFinished();
}

bool CsvExportJob::start(const ResultTableModel &model, const QString &path)
{
    if (isRunning())
        return false;
    // Collect the pieces here, on the model's thread: the model's row index is not safe to
    // read while the GUI thread appends, but the pieces themselves never move (see the model).
    std::vector<const ResultTable *> pieces;
    pieces.reserve(model.pieceCount());
    const int rows = model.rowCount();
    for (int row = 0; row < rows;) {
        const auto where = model.locate(row);
        if (!where || !where->piece || where->piece->rowCount() == 0)
            break;
        pieces.push_back(where->piece);
        row += int(where->piece->rowCount() - where->pieceRow);
    }
    m_path = path;
    m_totalRows = rows;
    m_state = std::make_shared<State>();
    m_watcher.setFuture(QtConcurrent::run(&CsvExportJob::write, std::move(pieces), path, m_state));
    m_ticker->start();
    return true;
}

void CsvExportJob::cancel()
{
    if (m_state)
        m_state->cancel = true;
}

bool CsvExportJob::isRunning() const
{
    return m_watcher.isRunning();
}

void CsvExportJob::waitForFinished()
{
    m_watcher.waitForFinished();
}

Outcome<std::int64_t> CsvExportJob::write(std::vector<const ResultTable *> pieces, QString path,
                                          std::shared_ptr<State> state)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QObject::tr("Cannot write %1: %2").arg(QFileInfo(path).fileName(), file.errorString())};
    CsvWriter writer(file);
    for (const ResultTable *piece : pieces) {
        if (state->cancel) {
            file.cancelWriting();
            return Failure{QObject::tr("Export cancelled; %1 was not written.").arg(QFileInfo(path).fileName()), 0, true};
        }
        if (const auto written = writer.writeTable(*piece); !written) {
            file.cancelWriting();
            return Failure{QObject::tr("Writing %1 failed: %2").arg(QFileInfo(path).fileName(), written.error())};
        }
        state->rows = writer.rowsWritten();
    }
    if (const auto flushed = writer.finish(); !flushed) {
        file.cancelWriting();
        return Failure{QObject::tr("Writing %1 failed: %2").arg(QFileInfo(path).fileName(), flushed.error())};
    }
    if (!file.commit())
        return Failure{QObject::tr("Writing %1 failed: %2").arg(QFileInfo(path).fileName(), file.errorString())};
    return writer.rowsWritten();
}

} // namespace sasquatch
