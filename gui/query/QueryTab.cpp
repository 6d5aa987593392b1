// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/QueryTab.h"

#include "core/query/QueryErrorLocation.h"
#include "core/query/QueryService.h"
#include "core/query/QuerySelection.h"
#include "core/query/ResultTableModel.h"
#include "core/query/WindowPeriod.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/CsvExportJob.h"
#include "gui/query/QueryToolBar.h"
#include "gui/query/ResultsView.h"
#include "gui/query/TimeRangePicker.h"

#include <QAction>
#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

const QString kOk = QStringLiteral("#68d391");
const QString kError = QStringLiteral("#fc8181");
const QString kWarning = QStringLiteral("#f6ad55");
const QString kDim = QStringLiteral("palette(placeholder-text)");

QString byteText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString secondsText(double seconds)
{
    if (seconds < 1.0)
        return QObject::tr("%1 ms").arg(qRound(seconds * 1000));
    return QObject::tr("%1 s").arg(seconds, 0, 'f', seconds < 10 ? 2 : 1);
}

QString countText(qint64 n)
{
    return QLocale().toString(n);
}

/// "1 row", "12,345 rows": English plurals without a translation file loaded.
QString counted(qint64 n, const QString &one, const QString &many)
{
    return countText(n) + u' ' + (n == 1 ? one : many);
}

} // namespace

QueryTab::QueryTab(std::shared_ptr<HttpTransport> transport, QWidget *parent)
    : QWidget(parent), m_transport(std::move(transport))
{
    m_service = new QueryService(m_transport, this);
    m_model = new ResultTableModel(this);
    m_export = new CsvExportJob(this);
    m_progressDelay = new QTimer(this);
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(kProgressDelayMs);

    m_editor = new CodeEditor;
    m_editor->setPlaceholderText(tr("Write Flux or InfluxQL here, or let the query builder write it.  Ctrl+Enter runs, "
                                    "Esc cancels, Ctrl+Space completes."));
    m_view = new ResultsView;
    m_view->setResultModel(m_model);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({170, 530});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_toolBar = new QueryToolBar;
    m_range = m_toolBar->timeRangePicker();
    m_bucket = m_toolBar->bucketBox();
    layout->addWidget(m_toolBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(buildStatusBar());

    connect(m_editor, &CodeEditor::runRequested, this, &QueryTab::run);
    connect(m_editor, &CodeEditor::cancelRequested, this, &QueryTab::cancel);
    connect(m_service, &QueryService::tablesReceived, this, &QueryTab::onTables);
    connect(m_service, &QueryService::progress, this, &QueryTab::onProgress);
    connect(m_service, &QueryService::finished, this, &QueryTab::onFinished);
    connect(m_service, &QueryService::failed, this, &QueryTab::onFailed);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        m_toolBar->setProgressVisible(true);
        onProgress(0, m_lastRows, m_runClock.elapsed());
    });
    connect(m_toolBar, &QueryToolBar::runClicked, this, &QueryTab::run);
    connect(m_toolBar, &QueryToolBar::cancelClicked, this, &QueryTab::cancel);
    connect(m_toolBar, &QueryToolBar::languageClicked, this, &QueryTab::onLanguageClicked);
    connect(m_toolBar, &QueryToolBar::bucketChosen, this, [this] { m_bucketChosen = true; });
    connect(m_range, &TimeRangePicker::rangeChanged, this, &QueryTab::onRangeChanged);
    auto resultActions = [this] {
        const bool rows = m_model->rowCount() > 0;
        m_view->exportAction()->setEnabled(rows);
        m_view->plotAction()->setEnabled(m_model->tableCount() > 0);
    };
    connect(m_model, &QAbstractItemModel::rowsInserted, this, resultActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, resultActions);
    resultActions();
    connect(m_view, &ResultsView::runRequested, this, &QueryTab::run);
    connect(m_view, &ResultsView::cancelRequested, this, &QueryTab::cancel);
    connect(m_view, &ResultsView::exportRequested, this, &QueryTab::exportCsvInteractive);
    connect(m_view, &ResultsView::sendToPlotRequested, this, &QueryTab::sendToPlot);
    connect(m_view, &ResultsView::notice, this, [this](const QString &text) { setStatus(text); });
    connect(m_export, &CsvExportJob::progress, this, [this](qint64 written, qint64 total) {
        m_exportStatus->setText(tr("Exporting %1: %2 of %3 rows")
                                    .arg(QFileInfo(m_export->path()).fileName(), countText(written), countText(total)));
    });
    connect(m_export, &CsvExportJob::finished, this, &QueryTab::onExportFinished);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (m_recipe && m_editor->toPlainText() != m_generatedText)
            m_recipe.reset();
    });
    setFocusProxy(m_editor);
    setRunning(false);
    setStatus(tr("Not connected."), kDim);
}

QueryTab::~QueryTab()
{
    // The export reads the model's tables in place: it must stop before the model goes.
    m_export->cancel();
    m_export->waitForFinished();
}

QWidget *QueryTab::buildStatusBar()
{
    auto *bar = new QFrame;
    bar->setObjectName(QStringLiteral("queryStatusBar"));
    bar->setStyleSheet(QStringLiteral("#queryStatusBar { border-top: 1px solid palette(mid); }"));
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(8, 4, 8, 4);
    m_status = new QLabel;
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setAccessibleName(tr("Query status"));
    m_exportStatus = new QLabel;
    m_exportStatus->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_exportCancel = new QPushButton(tr("Cancel export"));
    m_exportCancel->setFlat(true);
    m_exportCancel->hide();
    connect(m_exportCancel, &QPushButton::clicked, m_export, &CsvExportJob::cancel);
    row->addWidget(m_status, 1);
    row->addWidget(m_exportStatus);
    row->addWidget(m_exportCancel);
    // The result actions, where the eye is after a run (also in the table's context menu).
    for (QAction *action : {m_view->exportAction(), m_view->plotAction()}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(button);
    }
    return bar;
}

void QueryTab::setLanguage(QueryLanguage language)
{
    m_toolBar->setLanguage(language);
    m_editor->setLanguage(language);
}

QueryLanguage QueryTab::language() const
{
    return m_toolBar->language();
}

QString QueryTab::text() const
{
    return m_editor->toPlainText();
}

void QueryTab::setText(const QString &text)
{
    m_recipe.reset();
    m_editor->setPlainText(text);
}

bool QueryTab::setGeneratedQuery(const QueryBuilder &builder, QueryLanguage language)
{
    QueryBuilder recipe = builder;
    recipe.setPixelWidth(resultsPixelWidth());
    const Outcome<QString> text = recipe.build(language);
    if (!text) {
        setStatus(text.error(), kError);
        return false;
    }
    setLanguage(language);
    {
        const QSignalBlocker block(m_range);
        m_range->setRange(recipe.timeRange());
    }
    m_generatedText = *text;
    m_editor->setPlainText(*text);
    m_recipe = recipe; // after setPlainText: the edit watcher drops the recipe on other text
    if (!recipe.selection().bucket.isEmpty() && !m_bucketChosen)
        setDefaultBucket(recipe.selection().bucket);
    Q_EMIT titleChanged(recipe.selection().measurement.section(u'.', -1));
    return true;
}

bool QueryTab::isBuilderQuery() const
{
    return m_recipe.has_value();
}

void QueryTab::regenerate()
{
    if (!m_recipe)
        return;
    QueryBuilder recipe = *m_recipe;
    recipe.setTimeRange(m_range->range());
    if (setGeneratedQuery(recipe, language()))
        run();
}

void QueryTab::onRangeChanged()
{
    if (m_recipe) {
        regenerate();
    } else if (TimeVariables::uses(language(), text())) {
        run();
    } else if (!text().trimmed().isEmpty()) {
        setStatus(language() == QueryLanguage::Flux
                      ? tr("This query names its own time range. To follow the picker, write range(start: "
                           "v.timeRangeStart, stop: v.timeRangeStop) and every: v.windowPeriod.")
                      : tr("This query names its own time range. To follow the picker, write WHERE time >= "
                           ":dashboardTime: AND time < :upperDashboardTime: and GROUP BY time(:interval:)."),
                  kWarning);
    }
}

void QueryTab::onLanguageClicked(QueryLanguage chosen)
{
    if (m_recipe && m_recipe->build(chosen)) {
        // A builder query is written again in the other language, so switching compares both.
        setGeneratedQuery(*m_recipe, chosen);
        return;
    }
    setLanguage(chosen);
}

void QueryTab::setConnection(const ConnectionProfile &profile, const QString &secret)
{
    const bool wasRunning = isRunning();
    m_service->setProfile(profile, secret); // abandons a running query: it was for another server
    if (wasRunning)
        endRun(RunEnd::Cancelled, m_model->rowCountTotal(), std::int64_t(m_model->tableCount()), {});
    m_connected = true;
    setStatus(tr("Ready: %1.").arg(profile.name), kDim);
}

void QueryTab::setSchema(const SchemaSnapshot &schema)
{
    m_editor->setSchema(schema);
    const QString current = bucket();
    const QSignalBlocker block(m_bucket);
    m_bucket->clear();
    m_bucket->addItems(schema.buckets);
    const QString wanted = current.isEmpty() ? m_defaultBucket : current;
    if (m_bucket->findText(wanted) < 0 && !wanted.isEmpty())
        m_bucket->addItem(wanted);
    m_bucket->setCurrentText(wanted);
}

void QueryTab::setDefaultBucket(const QString &bucket)
{
    m_defaultBucket = bucket;
    if (m_bucketChosen)
        return;
    if (m_bucket->findText(bucket) < 0)
        m_bucket->addItem(bucket);
    m_bucket->setCurrentText(bucket);
}

QString QueryTab::bucket() const
{
    return m_bucket->currentText();
}

void QueryTab::run()
{
    const QString query = text();
    if (query.trimmed().isEmpty()) {
        setStatus(tr("Nothing to run: write a query, or build one from the topic tree."), kWarning);
        return;
    }
    if (!m_connected) {
        setStatus(tr("Not connected: choose a connection profile first."), kError);
        return;
    }
    if (m_export->isRunning()) {
        setStatus(tr("Wait for the CSV export to finish, or cancel it, before running again."), kWarning);
        return;
    }
    if (isRunning()) // starting again abandons the run under way: it ends here, as cancelled
        endRun(RunEnd::Cancelled, m_model->rowCountTotal(), std::int64_t(m_model->tableCount()), {});

    QueryRequest request;
    request.language = language();
    request.text = query;
    // Dashboard variables (:dashboardTime:, v.timeRangeStart…) take this tab's range; the
    // window follows the width of the results, as the builder's does.
    m_expansion.reset();
    if (TimeVariables::uses(request.language, query)) {
        const TimeRange range = m_range->range();
        m_expansion = TimeVariables::expand(request.language, query, range,
                                            windowPeriodNs(range.durationNs(), resultsPixelWidth()));
        request.text = m_expansion->text();
    }
    if (request.language == QueryLanguage::InfluxQl) {
        QuerySelection where; // splits `db/rp` the way the query builder does
        where.setBucket(bucket());
        request.database = where.database;
        request.retentionPolicy = where.retentionPolicy;
    }
    m_editor->clearErrorMarkers();
    m_model->clear();
    m_runText = query;
    m_runLanguage = request.language;
    m_runStartedAt = QDateTime::currentDateTimeUtc();
    m_runClock.start();
    m_lastRows = 0;
    setRunning(true);
    setStatus(tr("Running…"), kDim);
    Q_EMIT runStarted();
    m_service->start(request);
}

void QueryTab::cancel()
{
    if (isRunning())
        m_service->cancel();
    else if (m_export->isRunning())
        m_export->cancel();
}

bool QueryTab::isRunning() const
{
    return m_service->isRunning();
}

QString QueryTab::statusText() const
{
    return m_status->text();
}

int QueryTab::resultsPixelWidth() const
{
    const int width = m_view->viewport()->width();
    return width > 50 ? width : QueryBuilder::kDefaultPixelWidth;
}

void QueryTab::onTables(const std::vector<ResultTable> &tables)
{
    m_model->appendTables(tables);
}

void QueryTab::onProgress(qint64 bytes, qint64 rows, qint64 elapsedMs)
{
    m_lastRows = rows;
    if (!m_toolBar->isProgressVisible())
        return;
    m_toolBar->setProgressText(tr("%1 received · %2 rows · %3")
                                   .arg(byteText(bytes), countText(rows), secondsText(double(elapsedMs) / 1000.0)));
}

void QueryTab::onFinished(const QuerySummary &summary)
{
    const QString counts = tr("%1 in %2").arg(counted(qint64(summary.rows), tr("row"), tr("rows")),
                                              counted(qint64(summary.tables), tr("table"), tr("tables")));
    QString facts = tr("%1 · %2 · %3").arg(counts, secondsText(summary.seconds()), byteText(qint64(summary.bytes)));
    if (m_expansion)
        facts += QStringLiteral(" · ") + m_range->range().label(m_range->scale());
    if (summary.succeeded()) {
        setStatus(QStringLiteral("✓ ") + facts, kOk);
        endRun(RunEnd::Completed, qint64(summary.rows), qint64(summary.tables), {});
        return;
    }
    // InfluxQL statements that failed while others ran: the rows are shown, the errors too.
    const QString errors = summary.errorText();
    for (const QueryStatementError &e : summary.statementErrors)
        markError(e.message);
    setStatus(QStringLiteral("⚠ ") + facts + u'\n' + errors, kWarning);
    endRun(RunEnd::Failed, qint64(summary.rows), qint64(summary.tables), errors);
}

void QueryTab::onFailed(const Failure &failure, const QuerySummary &summary)
{
    const qint64 rows = qint64(summary.rows);
    if (failure.cancelled) {
        setStatus(tr("Cancelled after %1 · %2 kept").arg(secondsText(summary.seconds()), counted(rows, tr("row"), tr("rows"))),
                  kDim);
        endRun(RunEnd::Cancelled, rows, qint64(summary.tables), {});
        return;
    }
    if (summary.status == QueryStatus::BudgetExceeded) {
        setStatus(QStringLiteral("⚠ ") + failure.message + u'\n'
                      + tr("%1 kept.").arg(counted(rows, tr("row"), tr("rows"))),
                  kWarning);
        endRun(RunEnd::Failed, rows, qint64(summary.tables), failure.message);
        return;
    }
    const bool marked = markError(failure.message);
    setStatus(QStringLiteral("✗ ") + failure.message + (marked ? tr("  (marked in the editor)") : QString()), kError);
    endRun(RunEnd::Failed, rows, qint64(summary.tables), failure.message);
}

bool QueryTab::markError(const QString &message)
{
    if (!m_expansion)
        return m_editor->markServerError(message);
    // The server saw the expanded text: its position is moved back to what the user wrote.
    const auto at = QueryErrorLocation::find(message);
    if (!at)
        return false;
    const QueryErrorLocation original = m_expansion->originalLocation(*at);
    m_editor->setErrorMarker(original.line, original.column, message);
    return true;
}

void QueryTab::endRun(RunEnd end, std::int64_t rows, std::int64_t tables, const QString &error)
{
    setRunning(false);
    QueryRunRecord record;
    record.text = m_runText;
    record.language = m_runLanguage;
    record.startedAt = m_runStartedAt;
    record.durationMs = m_runClock.isValid() ? m_runClock.elapsed() : 0;
    record.rows = rows;
    record.tables = tables;
    record.end = end;
    record.error = error;
    Q_EMIT runFinished(record);
}

void QueryTab::setRunning(bool running)
{
    m_progressDelay->stop();
    if (running)
        m_progressDelay->start();
    else
        m_toolBar->setProgressVisible(false);
    m_toolBar->setRunning(running);
    Q_EMIT runningChanged(running);
}

void QueryTab::setStatus(const QString &text, const QString &color)
{
    m_status->setText(text);
    m_status->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1;").arg(color));
    m_status->setToolTip(text);
}

bool QueryTab::exportCsv(const QString &path)
{
    if (m_model->rowCount() == 0) {
        setStatus(tr("Nothing to export: run a query first."), kWarning);
        return false;
    }
    if (isRunning()) {
        setStatus(tr("Wait for the query to finish before exporting."), kWarning);
        return false;
    }
    if (!m_export->start(*m_model, path)) {
        setStatus(tr("An export is already running."), kWarning);
        return false;
    }
    m_exportStatus->setText(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    m_exportStatus->show();
    m_exportCancel->show();
    return true;
}

void QueryTab::exportCsvInteractive()
{
    if (m_model->rowCount() == 0) {
        setStatus(tr("Nothing to export: run a query first."), kWarning);
        return;
    }
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("query-%1.csv").arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export results to CSV"), QDir(dir).filePath(name),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        exportCsv(path);
}

void QueryTab::onExportFinished()
{
    if (!m_export->result())
        return;
    const Outcome<std::int64_t> &result = *m_export->result();
    m_exportCancel->hide();
    m_exportStatus->clear();
    m_exportStatus->hide();
    if (result)
        setStatus(tr("Exported %1 to %2").arg(counted(*result, tr("row"), tr("rows")), QDir::toNativeSeparators(m_export->path())),
                  kOk);
    else
        setStatus(result.error(), result.failure().cancelled ? kDim : kError);
}

std::vector<ResultTable> QueryTab::resultTables() const
{
    std::vector<ResultTable> tables;
    tables.reserve(m_model->tableCount());
    for (std::size_t t = 0; t < m_model->tableCount(); ++t) {
        const std::int64_t first = m_model->tableFirstRow(t);
        const std::int64_t count = m_model->tableRowCount(t);
        if (count == 0 || first > INT_MAX) {
            tables.push_back(m_model->tableHead(t)); // empty tables keep their group key for a legend
            continue;
        }
        ResultTable whole;
        bool started = false;
        for (std::int64_t row = first; row < first + count && row <= INT_MAX;) {
            const auto where = m_model->locate(int(row));
            if (!where || !where->piece)
                break;
            if (!started) {
                whole = *where->piece;
                whole.setContinuation(Continuation::No);
                started = true;
            } else {
                whole.appendRows(*where->piece);
            }
            row += std::int64_t(where->piece->rowCount() - where->pieceRow);
        }
        tables.push_back(std::move(whole));
    }
    return tables;
}

bool QueryTab::sendToPlot()
{
    if (m_model->tableCount() == 0) {
        setStatus(tr("Nothing to plot: run a query first."), kWarning);
        return false;
    }
    Q_EMIT sendToPlotRequested(resultTables(), m_runText.isEmpty() ? text() : m_runText);
    return true;
}

} // namespace sasquatch
