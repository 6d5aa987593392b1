// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/parse/ResultTable.h"
#include "core/query/QueryBuilder.h"
#include "core/query/QueryLanguage.h"
#include "core/query/SchemaSnapshot.h"
#include "core/query/TimeVariables.h"
#include "gui/query/QueryRunRecord.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QSplitter;
class QTimer;

namespace sasquatch {

class CodeEditor;
class CsvExportJob;
class HttpTransport;
class QueryService;
class QueryToolBar;
class ResultTableModel;
class ResultsView;
class TimeRangePicker;
struct Failure;
struct QuerySummary;

/// One query tab: a toolbar (language, InfluxQL database, time range, Run/Cancel, progress),
/// the editor, the result table and a status line.
///
/// Ctrl+Enter runs, Esc cancels. A run streams its tables into the result model as they come
/// (QueryService); from 200 ms on the toolbar shows bytes received, rows parsed and elapsed
/// time. The status line then gives rows, tables, bytes and duration, or the server's error,
/// whose position (when it names one) is marked in the editor. Each run ends in runFinished()
/// for the history.
///
/// The time range: while the text is what the query builder wrote, another range (or language)
/// writes it again and runs it. A typed query follows it through the dashboard variables of
/// Chronograf (`:dashboardTime:`, `:upperDashboardTime:`, `:interval:`) and the InfluxDB UI
/// (`v.timeRangeStart`, `v.timeRangeStop`, `v.windowPeriod`), filled in when it runs
/// (core/query/TimeVariables); another range runs it again. A query with neither names its own
/// range, and the status line says how to make it follow the picker.
class QueryTab : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kProgressDelayMs = 200;

    /// `transport` is shared by all tabs (CurlTransport is thread-safe).
    explicit QueryTab(std::shared_ptr<HttpTransport> transport, QWidget *parent = nullptr);
    ~QueryTab() override;

    CodeEditor *editor() const { return m_editor; }
    ResultsView *resultsView() const { return m_view; }
    ResultTableModel *resultModel() const { return m_model; }
    TimeRangePicker *timeRangePicker() const { return m_range; }
    QueryService *service() const { return m_service; }

    void setLanguage(QueryLanguage language);
    QueryLanguage language() const;
    QString text() const;
    /// Replaces the text (a query typed elsewhere: history, command line); no longer a builder query.
    void setText(const QString &text);
    /// Writes the builder's query for this tab's results width and shows its range and language.
    /// False, with the reason in the status line, when it does not build.
    bool setGeneratedQuery(const QueryBuilder &builder, QueryLanguage language);
    /// True while the text is the one the builder wrote.
    bool isBuilderQuery() const;

    /// The server the queries go to; `secret` is the 1.x password or 2.x token.
    void setConnection(const ConnectionProfile &profile, const QString &secret);
    void setSchema(const SchemaSnapshot &schema);
    /// The bucket InfluxQL runs against (`db`/`rp`) unless the user picked another in this tab.
    void setDefaultBucket(const QString &bucket);
    QString bucket() const;

    void run();
    void cancel();
    bool isRunning() const;
    /// The status line's text.
    QString statusText() const;
    /// The width of the results in pixels (for the aggregation window).
    int resultsPixelWidth() const;

    /// Writes all rows to `path` as CSV on a worker thread; false when nothing to write or an
    /// export is running.
    bool exportCsv(const QString &path);
    /// Asks for a file, then exportCsv().
    void exportCsvInteractive();
    CsvExportJob *exportJob() const { return m_export; }

    /// The result as whole tables (pieces joined), for a plot.
    std::vector<ResultTable> resultTables() const;
    /// Emits sendToPlotRequested with resultTables(); false when there is no result.
    bool sendToPlot();

Q_SIGNALS:
    void runStarted();
    void runFinished(const sasquatch::QueryRunRecord &run);
    /// "Send to plot": the result tables (copies, pieces joined) and the query that made them.
    /// The plot workspace (next issue) will take them; until then the main window says so.
    void sendToPlotRequested(const std::vector<sasquatch::ResultTable> &tables, const QString &query);
    /// A short title for the tab (the builder's topic), or empty for the default.
    void titleChanged(const QString &title);
    void runningChanged(bool running);

private:
    QWidget *buildStatusBar();
    void onTables(const std::vector<ResultTable> &tables);
    void onProgress(qint64 bytes, qint64 rows, qint64 elapsedMs);
    void onFinished(const QuerySummary &summary);
    void onFailed(const Failure &failure, const QuerySummary &summary);
    void endRun(RunEnd end, std::int64_t rows, std::int64_t tables, const QString &error);
    void setRunning(bool running);
    void setStatus(const QString &text, const QString &color = {});
    void onRangeChanged();
    void onLanguageClicked(QueryLanguage chosen);
    /// Marks a server error's position (moved back through the variables' expansion).
    bool markError(const QString &message);
    void onExportFinished();
    void regenerate();

    std::shared_ptr<HttpTransport> m_transport;
    QueryService *m_service = nullptr;
    ResultTableModel *m_model = nullptr;
    CodeEditor *m_editor = nullptr;
    ResultsView *m_view = nullptr;
    QSplitter *m_splitter = nullptr;
    QueryToolBar *m_toolBar = nullptr;
    QComboBox *m_bucket = nullptr;        ///< the toolbar's
    TimeRangePicker *m_range = nullptr;   ///< the toolbar's
    QLabel *m_status = nullptr;
    QLabel *m_exportStatus = nullptr;
    QPushButton *m_exportCancel = nullptr;
    CsvExportJob *m_export = nullptr;
    QTimer *m_progressDelay = nullptr;

    bool m_connected = false;
    bool m_bucketChosen = false; ///< the user picked this tab's bucket: later defaults leave it
    QString m_defaultBucket;
    std::optional<QueryBuilder> m_recipe; ///< the builder behind the text, while unedited
    QString m_generatedText;
    // The run under way.
    QString m_runText;
    std::optional<TimeVariables> m_expansion; ///< when the run's text had dashboard variables
    QueryLanguage m_runLanguage = QueryLanguage::Flux;
    QDateTime m_runStartedAt;
    QElapsedTimer m_runClock;
    qint64 m_lastRows = 0;
};

} // namespace sasquatch
