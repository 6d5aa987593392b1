// SPDX-License-Identifier: GPL-3.0-or-later
// A query tab offscreen against a contract fixture server that answers as InfluxDB does
// (POST /api/v2/query in annotated CSV, InfluxDB v2 API reference; GET /query in InfluxQL
// JSON, InfluxDB 1.x API reference): rows appear, progress and Esc, server errors marked in
// the editor, CSV export, builder queries that follow the range and language.
#include "core/http/CurlTransport.h"
#include "core/query/ResultTableModel.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/CsvExportJob.h"
#include "gui/query/QueryTab.h"
#include "gui/query/ResultsView.h"
#include "gui/query/TimeRangePicker.h"
#include "tests/support/ContractHttpServer.h"

#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace sasquatch;
using namespace sasquatch::test;
using namespace std::chrono_literals;

namespace {

// Three tables (fx, fy, fz) of _measurement m: five rows.
const QByteArray kFluxCsv = "#datatype,string,long,dateTime:RFC3339,double,string,string\r\n"
                            "#group,false,false,false,false,true,true\r\n"
                            "#default,_result,,,,,\r\n"
                            ",result,table,_time,_value,_field,_measurement\r\n"
                            ",,0,2026-11-23T03:12:00Z,1.5,fx,m\r\n"
                            ",,0,2026-11-23T03:12:01Z,2.5,fx,m\r\n"
                            ",,1,2026-11-23T03:12:00Z,-1,fy,m\r\n"
                            ",,1,2026-11-23T03:12:01Z,-2,fy,m\r\n"
                            ",,2,2026-11-23T03:12:00Z,7,fz,m\r\n"
                            "\r\n";

const QByteArray kInfluxQlJson = R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","fx"],)"
                                 R"("values":[[1795403520000000000,0.5],[1795403521000000000,1.5]]}]}]})"
                                 "\n";

ConnectionProfile profile(const ContractHttpServer &server, ApiFlavour api)
{
    ConnectionProfile p;
    p.name = QStringLiteral("contract");
    p.influxUrl = server.baseUrl();
    p.api = api;
    p.org = api == ApiFlavour::V2 ? QStringLiteral("rubin") : QString();
    return p;
}

/// A Flux answer that sends a one-row table every `gap`: slow enough to watch and cancel, and
/// tables complete while it runs.
ContractResponse trickle(int rows, std::chrono::milliseconds gap)
{
    ContractResponse r;
    r.header("Content-Type", "text/csv; charset=utf-8");
    r.framing = ContractFraming::Chunked;
    auto next = std::make_shared<int>(-1);
    r.producer = [next, rows, gap]() -> QByteArray {
        const int i = (*next)++;
        if (i < 0)
            return "#datatype,string,long,dateTime:RFC3339,double\r\n#group,false,false,false,false\r\n"
                   "#default,_result,,,\r\n,result,table,_time,_value\r\n";
        if (i >= rows)
            return {};
        std::this_thread::sleep_for(gap);
        return ",," + QByteArray::number(i) + ",2026-11-23T03:12:00Z," + QByteArray::number(i) + "\r\n";
    };
    return r;
}

QPushButton *buttonNamed(QueryTab &tab, const QString &accessibleName)
{
    for (QPushButton *b : tab.findChildren<QPushButton *>())
        if (b->accessibleName() == accessibleName)
            return b;
    return nullptr;
}

QPushButton *runButton(QueryTab &tab)
{
    return buttonNamed(tab, QStringLiteral("Run or cancel"));
}

QueryBuilder builder(TimeRange range)
{
    QuerySelection s;
    s.setBucket(QStringLiteral("efd/autogen"));
    s.measurement = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
    s.setFieldNames({QStringLiteral("fx")});
    QueryBuilder b(s, range);
    b.setMode(QueryMode::Aggregated);
    return b;
}

} // namespace

class tst_QueryTab : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ContractHttpServer> m_server;
    std::unique_ptr<QueryTab> m_tab;
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    void makeTab(ApiFlavour api)
    {
        m_tab = std::make_unique<QueryTab>(m_transport);
        m_tab->resize(1000, 700);
        m_tab->show();
        m_tab->setConnection(profile(*m_server, api), QStringLiteral("t0ken"));
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ContractHttpServer>();
        QVERIFY(m_server->start().ok());
    }
    void cleanup()
    {
        m_tab.reset();
        m_server.reset();
    }

    void runShowsRowsAndCounts()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), ContractResponse::chunked(200, "text/csv; charset=utf-8", {kFluxCsv}));
        makeTab(ApiFlavour::V2);
        m_tab->setLanguage(QueryLanguage::Flux);
        m_tab->setText(QStringLiteral("from(bucket: \"efd/autogen\") |> range(start: -1h)"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        QTest::keyClick(m_tab->editor(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_tab->resultModel()->rowCount(), 5);
        QCOMPARE(m_tab->resultModel()->tableCount(), std::size_t(3));
        QCOMPARE(m_tab->resultModel()->cellText(2, m_tab->resultModel()->columnOf("_field")), QStringLiteral("fy"));
        QVERIFY2(m_tab->statusText().contains(QStringLiteral("5 rows in 3 tables")), qPrintable(m_tab->statusText()));
        const auto run = finished.at(0).at(0).value<QueryRunRecord>();
        QCOMPARE(run.end, RunEnd::Completed);
        QCOMPARE(run.rows, 5);
        QCOMPARE(run.tables, 3);
        QCOMPARE(run.language, QueryLanguage::Flux);
        QCOMPARE(run.text, m_tab->text());
        QVERIFY(run.startedAt.isValid());
        QVERIFY(!m_tab->isRunning());
        QVERIFY(runButton(*m_tab)->text().contains(QStringLiteral("Run")));
        // What went out: the documented body, with the token.
        const auto requests = m_server->requestsTo(QStringLiteral("/api/v2/query"));
        QCOMPARE(requests.size(), std::size_t(1));
        QVERIFY(requests[0].body.contains("range(start: -1h)"));
        QCOMPARE(requests[0].tokenAuth(), std::optional<QString>(QStringLiteral("t0ken")));
    }

    void influxQlRunsAgainstTheTabsDatabase()
    {
        m_server->on("*", QStringLiteral("/query"), ContractResponse::text(200, kInfluxQlJson, "application/json"));
        makeTab(ApiFlavour::V1);
        m_tab->setLanguage(QueryLanguage::InfluxQl);
        m_tab->setDefaultBucket(QStringLiteral("efd/autogen"));
        m_tab->setText(QStringLiteral("SELECT fx FROM m"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_tab->resultModel()->rowCount(), 2);
        const auto requests = m_server->requestsTo(QStringLiteral("/query"));
        QCOMPARE(requests.size(), std::size_t(1));
        QCOMPARE(requests[0].param(QStringLiteral("db")), std::optional<QString>(QStringLiteral("efd")));
        QCOMPARE(requests[0].param(QStringLiteral("rp")), std::optional<QString>(QStringLiteral("autogen")));
        QCOMPARE(requests[0].param(QStringLiteral("q")), std::optional<QString>(QStringLiteral("SELECT fx FROM m")));
    }

    void progressShowsAndEscCancels()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), trickle(400, 25ms));
        makeTab(ApiFlavour::V2);
        m_tab->setText(QStringLiteral("from(bucket: \"efd\") |> range(start: -30d)"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        QSignalSpy running(m_tab.get(), &QueryTab::runningChanged);
        m_tab->run();
        QVERIFY(m_tab->isRunning());
        QVERIFY(runButton(*m_tab)->text().contains(QStringLiteral("Cancel")));
        // Nothing before 200 ms, then bytes, rows and time.
        auto *progress = m_tab->findChild<QProgressBar *>();
        QVERIFY(progress);
        QVERIFY(!progress->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(progress->isVisible(), 3000);
        QLabel *label = nullptr;
        for (QLabel *l : m_tab->findChildren<QLabel *>())
            if (l->accessibleName() == QStringLiteral("Query progress"))
                label = l;
        QVERIFY(label);
        QTRY_VERIFY_WITH_TIMEOUT(label->text().contains(QStringLiteral("rows")) && label->text().contains(QStringLiteral("received")),
                                 3000);
        QTRY_VERIFY_WITH_TIMEOUT(m_tab->resultModel()->rowCount() > 0, 5000); // rows stream in while running
        QTest::keyClick(m_tab->editor(), Qt::Key_Escape);
        QVERIFY(finished.wait(3000));
        const auto run = finished.at(0).at(0).value<QueryRunRecord>();
        QCOMPARE(run.end, RunEnd::Cancelled);
        QVERIFY(run.rows < 400);
        QVERIFY(!m_tab->isRunning());
        QVERIFY(!progress->isVisible());
        QVERIFY2(m_tab->statusText().startsWith(QStringLiteral("Cancelled")), qPrintable(m_tab->statusText()));
        QCOMPARE(running.last().at(0).toBool(), false);
    }

    void fluxErrorIsMarkedInTheEditor()
    {
        // InfluxDB answers a Flux compilation error with 400 and {"code","message"}.
        m_server->on("POST", QStringLiteral("/api/v2/query"),
                     ContractResponse::json(400, R"({"code":"invalid","message":"compilation failed: error @2:6-2:12: undefined identifier fliter"})"));
        makeTab(ApiFlavour::V2);
        m_tab->setText(QStringLiteral("from(bucket: \"efd\")\n  |> fliter(fn: (r) => true)"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QVERIFY(finished.wait(10000));
        const auto run = finished.at(0).at(0).value<QueryRunRecord>();
        QCOMPARE(run.end, RunEnd::Failed);
        QVERIFY2(run.error.contains(QStringLiteral("undefined identifier fliter")), qPrintable(run.error));
        const auto markers = m_tab->editor()->errorMarkers();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers[0].line, 2);
        QCOMPARE(markers[0].column, 6);
        QVERIFY(m_tab->statusText().contains(QStringLiteral("undefined identifier fliter")));
        QVERIFY(m_tab->statusText().contains(QStringLiteral("marked in the editor")));
        // The next run clears the marker.
        m_server->on("POST", QStringLiteral("/api/v2/query"), ContractResponse::chunked(200, "text/csv", {kFluxCsv}));
        m_tab->run();
        QVERIFY(m_tab->editor()->errorMarkers().isEmpty());
        QVERIFY(finished.wait(10000));
    }

    void influxQlParseErrorIsMarked()
    {
        m_server->on("*", QStringLiteral("/query"),
                     ContractResponse::json(400, R"({"error":"error parsing query: found FORM, expected FROM at line 1, char 10"})"));
        makeTab(ApiFlavour::V1);
        m_tab->setLanguage(QueryLanguage::InfluxQl);
        m_tab->setText(QStringLiteral("SELECT fx FORM m"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QVERIFY(finished.wait(10000));
        const auto markers = m_tab->editor()->errorMarkers();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers[0].line, 1);
        QCOMPARE(markers[0].column, 10);
        QVERIFY(m_tab->statusText().contains(QStringLiteral("found FORM")));
    }

    void nothingToRunOrNoConnection()
    {
        m_tab = std::make_unique<QueryTab>(m_transport);
        QSignalSpy started(m_tab.get(), &QueryTab::runStarted);
        m_tab->setText(QStringLiteral("SELECT 1"));
        m_tab->run();
        QVERIFY(m_tab->statusText().contains(QStringLiteral("Not connected")));
        m_tab->setConnection(profile(*m_server, ApiFlavour::V1), {});
        m_tab->setText(QStringLiteral("   \n"));
        m_tab->run();
        QVERIFY(m_tab->statusText().contains(QStringLiteral("Nothing to run")));
        QCOMPARE(started.count(), 0);
        QCOMPARE(m_server->requestCount(), 0);
    }

    void exportsTheResultToCsv()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), ContractResponse::chunked(200, "text/csv", {kFluxCsv}));
        makeTab(ApiFlavour::V2);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("result.csv"));
        QVERIFY(!m_tab->exportCsv(path)); // nothing yet
        m_tab->setText(QStringLiteral("from(bucket: \"efd\") |> range(start: -1h)"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QVERIFY(finished.wait(10000));
        QSignalSpy exported(m_tab->exportJob(), &CsvExportJob::finished);
        QVERIFY(m_tab->exportCsv(path));
        QVERIFY(exported.wait(10000));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.startsWith("result,table,_time,_value,_field,_measurement\r\n_result,0,2026-11-23T03:12:00Z,1.5,fx,m\r\n"),
                 csv.constData());
        QCOMPARE(csv.count("\r\n"), 6);
        QVERIFY2(m_tab->statusText().contains(QStringLiteral("Exported 5 rows")), qPrintable(m_tab->statusText()));
    }

    void sendToPlotGivesWholeTables()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), ContractResponse::chunked(200, "text/csv", {kFluxCsv}));
        makeTab(ApiFlavour::V2);
        QSignalSpy plotted(m_tab.get(), &QueryTab::sendToPlotRequested);
        QVERIFY(!m_tab->sendToPlot());
        m_tab->setText(QStringLiteral("from(bucket: \"efd\") |> range(start: -1h)"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QVERIFY(finished.wait(10000));
        m_tab->resultsView()->plotAction()->trigger();
        QCOMPARE(plotted.count(), 1);
        const auto tables = plotted.at(0).at(0).value<std::vector<ResultTable>>();
        QCOMPARE(tables.size(), std::size_t(3));
        QCOMPARE(tables[0].rowCount(), std::size_t(2));
        QCOMPARE(tables[2].rowCount(), std::size_t(1));
        QCOMPARE(plotted.at(0).at(1).toString(), m_tab->text());
    }

    void builderQueryFollowsRangeAndLanguage()
    {
        m_server->on("*", QStringLiteral("/query"), ContractResponse::text(200, kInfluxQlJson, "application/json"));
        m_server->on("POST", QStringLiteral("/api/v2/query"), ContractResponse::chunked(200, "text/csv", {kFluxCsv}));
        makeTab(ApiFlavour::V1);
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        QSignalSpy titles(m_tab.get(), &QueryTab::titleChanged);
        const QueryBuilder b = builder(TimeRange::fromPreset(RangePreset::Past1Hour));
        QVERIFY(m_tab->setGeneratedQuery(b, QueryLanguage::InfluxQl));
        QVERIFY(m_tab->isBuilderQuery());
        QCOMPARE(titles.last().at(0).toString(), QStringLiteral("forceActuatorData"));
        QueryBuilder expected = b;
        expected.setPixelWidth(m_tab->resultsPixelWidth());
        QCOMPARE(m_tab->text(), *expected.build(QueryLanguage::InfluxQl));
        QCOMPARE(m_tab->timeRangePicker()->range(), b.timeRange());
        QCOMPARE(m_tab->bucket(), QStringLiteral("efd/autogen"));

        // Another range writes the query again and runs it.
        m_tab->timeRangePicker()->setRange(TimeRange::fromPreset(RangePreset::Past6Hours));
        expected.setTimeRange(TimeRange::fromPreset(RangePreset::Past6Hours));
        QCOMPARE(m_tab->text(), *expected.build(QueryLanguage::InfluxQl));
        QVERIFY(m_tab->text().contains(QStringLiteral("now() - 6h")));
        QVERIFY(finished.wait(10000));
        QCOMPARE(m_server->requestsTo(QStringLiteral("/query")).size(), std::size_t(1));

        // So does the other language.
        buttonNamed(*m_tab, QStringLiteral("Language: Flux"))->click();
        QCOMPARE(m_tab->language(), QueryLanguage::Flux);
        QCOMPARE(m_tab->text(), *expected.build(QueryLanguage::Flux));

        // An edited query names its own range: the picker then says so and runs nothing.
        m_tab->editor()->moveCursor(QTextCursor::End);
        QTest::keyClicks(m_tab->editor(), QStringLiteral(" "));
        QVERIFY(!m_tab->isBuilderQuery());
        const QString edited = m_tab->text();
        QTRY_VERIFY(!m_tab->isRunning());
        const int before = m_server->requestCount();
        m_tab->timeRangePicker()->setRange(TimeRange::fromPreset(RangePreset::Past7Days));
        QCOMPARE(m_tab->text(), edited);
        QVERIFY(!m_tab->isRunning());
        QVERIFY(m_tab->statusText().contains(QStringLiteral("names its own time range")));
        QVERIFY(m_tab->statusText().contains(QStringLiteral("v.timeRangeStart"))); // how to make it follow
        QCOMPARE(m_server->requestCount(), before);
    }

    void dashboardVariablesFollowThePicker()
    {
        // Chronograf's variables in a typed InfluxQL query: the tab's range fills them in.
        m_server->on("*", QStringLiteral("/query"), ContractResponse::text(200, kInfluxQlJson, "application/json"));
        makeTab(ApiFlavour::V1);
        m_tab->setLanguage(QueryLanguage::InfluxQl);
        const QString typed = QStringLiteral("SELECT mean(fx) FROM m WHERE time >= :dashboardTime: AND time < "
                                             ":upperDashboardTime: GROUP BY time(:interval:)");
        m_tab->setText(typed);
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QVERIFY(finished.wait(10000));
        auto sent = m_server->requestsTo(QStringLiteral("/query")).back().param(QStringLiteral("q")).value_or(QString());
        QVERIFY2(sent.startsWith(QStringLiteral("SELECT mean(fx) FROM m WHERE time >= now() - 1h AND time < now() GROUP BY time(")),
                 qPrintable(sent));
        QCOMPARE(finished.at(0).at(0).value<QueryRunRecord>().text, typed); // the history keeps the variables
        QVERIFY(m_tab->statusText().contains(QStringLiteral("Past 1h")));

        // Another range runs it again with that range.
        m_tab->timeRangePicker()->setRange(TimeRange::fromPreset(RangePreset::Past6Hours));
        QVERIFY(finished.wait(10000));
        sent = m_server->requestsTo(QStringLiteral("/query")).back().param(QStringLiteral("q")).value_or(QString());
        QVERIFY2(sent.contains(QStringLiteral("time >= now() - 6h")), qPrintable(sent));
        QCOMPARE(m_tab->text(), typed);
    }

    void errorPositionsAreMovedBackThroughVariables()
    {
        // The server numbers characters in the text it got; the marker goes where the user typed.
        const QString typed = QStringLiteral("SELECT fx FROM m WHERE time > :dashboardTime: GROPU BY time(1m)");
        // Expanded: "SELECT fx FROM m WHERE time > now() - 1h GROPU BY time(1m)": GROPU at char 42.
        m_server->on("*", QStringLiteral("/query"),
                     ContractResponse::json(400, R"({"error":"error parsing query: found GROPU, expected ; at line 1, char 42"})"));
        makeTab(ApiFlavour::V1);
        m_tab->setLanguage(QueryLanguage::InfluxQl);
        m_tab->setText(typed);
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QVERIFY(finished.wait(10000));
        const auto markers = m_tab->editor()->errorMarkers();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers[0].line, 1);
        QCOMPARE(markers[0].column, int(typed.indexOf(QStringLiteral("GROPU"))) + 1);
    }

    void runningAgainEndsTheFirstRunAsCancelled()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), trickle(200, 25ms));
        makeTab(ApiFlavour::V2);
        m_tab->setText(QStringLiteral("from(bucket: \"efd\") |> range(start: -1h)"));
        QSignalSpy finished(m_tab.get(), &QueryTab::runFinished);
        m_tab->run();
        QTest::qWait(100);
        m_tab->run();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).value<QueryRunRecord>().end, RunEnd::Cancelled);
        QVERIFY(m_tab->isRunning());
        m_tab->cancel();
        QVERIFY(finished.wait(3000));
        QCOMPARE(finished.count(), 2);
    }
};

QTEST_MAIN(tst_QueryTab)
#include "tst_querytab.moc"
