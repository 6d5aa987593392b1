// SPDX-License-Identifier: GPL-3.0-or-later
// The central tab widget offscreen: the Topic page stays first and cannot be closed; query
// tabs open with Ctrl+T and close with Ctrl+W; new tabs get the connection, schema, bucket and
// default language; runs of every tab reach runFinished.
#include "core/http/CurlTransport.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/QueryPanel.h"
#include "gui/query/QueryTab.h"
#include "tests/support/ContractHttpServer.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;

class tst_QueryPanel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<QueryPanel> m_panel;
    QWidget *m_topicPage = nullptr;

private Q_SLOTS:
    void init()
    {
        m_topicPage = new QLabel(QStringLiteral("topic details"));
        m_panel = std::make_unique<QueryPanel>(m_topicPage, std::make_shared<CurlTransport>());
        m_panel->resize(1000, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    }
    void cleanup() { m_panel.reset(); }

    void topicPageComesFirstAndStays()
    {
        QCOMPARE(m_panel->count(), 1);
        QCOMPARE(m_panel->tabText(0), QStringLiteral("Topic"));
        QCOMPARE(m_panel->widget(0), m_topicPage);
        QVERIFY(!m_panel->tabBar()->tabButton(0, QTabBar::RightSide));
        QVERIFY(!m_panel->currentQueryTab());
        m_panel->closeQueryTab(0);
        QCOMPARE(m_panel->count(), 1);
        QVERIFY(!m_panel->closeTabAction()->isEnabled());
    }

    void ctrlTOpensAndCtrlWCloses()
    {
        QTest::keyClick(m_panel.get(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(m_panel->count(), 2);
        QCOMPARE(m_panel->tabText(1), QStringLiteral("Query 1"));
        QVERIFY(m_panel->currentQueryTab());
        QVERIFY(m_panel->tabBar()->tabButton(1, QTabBar::RightSide)); // closable
        QTest::keyClick(m_panel->currentQueryTab()->editor(), Qt::Key_T, Qt::ControlModifier);
        QCOMPARE(m_panel->count(), 3);
        QCOMPARE(m_panel->tabText(2), QStringLiteral("Query 2"));
        QCOMPARE(m_panel->queryTabs().size(), 2);
        QTest::keyClick(m_panel->currentQueryTab()->editor(), Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(m_panel->count(), 2);
        QCOMPARE(m_panel->tabText(1), QStringLiteral("Query 1"));
        // The × of a tab closes it too.
        Q_EMIT m_panel->tabCloseRequested(1);
        QCOMPARE(m_panel->count(), 1);
        QVERIFY(!m_panel->currentQueryTab());
    }

    void newTabsGetWhatThePanelKnows()
    {
        SchemaSnapshot schema;
        schema.buckets = {QStringLiteral("efd/autogen"), QStringLiteral("lsst.dm/autogen")};
        schema.measurements = {QStringLiteral("lsst.sal.ATDome.position")};
        m_panel->setSchema(schema);
        m_panel->setDefaultBucket(QStringLiteral("efd/autogen"));
        m_panel->setDefaultLanguage(QueryLanguage::InfluxQl);
        QueryTab *tab = m_panel->newQueryTab(QStringLiteral("SELECT 1"));
        QCOMPARE(tab->language(), QueryLanguage::InfluxQl);
        QCOMPARE(tab->editor()->language(), QueryLanguage::InfluxQl);
        QCOMPARE(tab->editor()->schema(), schema);
        QCOMPARE(tab->bucket(), QStringLiteral("efd/autogen"));
        QCOMPARE(tab->text(), QStringLiteral("SELECT 1"));
        QVERIFY(tab->statusText().contains(QStringLiteral("Not connected")));
        // Later changes reach open tabs.
        schema.fields = {QStringLiteral("azimuthPosition")};
        m_panel->setSchema(schema);
        QCOMPARE(tab->editor()->schema().fields, QStringList{QStringLiteral("azimuthPosition")});
        ConnectionProfile p;
        p.name = QStringLiteral("somewhere");
        p.influxUrl = QStringLiteral("http://127.0.0.1:9");
        m_panel->setConnection(p, QString());
        QVERIFY(tab->statusText().contains(QStringLiteral("somewhere")));
        QueryTab *flux = m_panel->newQueryTab({}, QueryLanguage::Flux);
        QCOMPARE(flux->language(), QueryLanguage::Flux);
        QVERIFY(flux->statusText().contains(QStringLiteral("somewhere")));
    }

    void loadingUsesTheShownQueryTabOrANewOne()
    {
        QueryTab *made = m_panel->queryTabForLoading(); // Topic page shown: a new tab
        QCOMPARE(m_panel->count(), 2);
        QCOMPARE(m_panel->queryTabForLoading(), made);
        m_panel->showTopicPage();
        QCOMPARE(m_panel->currentIndex(), 0);
        QVERIFY(m_panel->queryTabForLoading() != made);
        QCOMPARE(m_panel->count(), 3);
    }

    void runsOfEveryTabAreReported()
    {
        // InfluxDB 1.x API reference: GET /query answers JSON results.
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        server.on("*", QStringLiteral("/query"),
                  ContractResponse::text(200, R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[[1,2]]}]}]})"
                                              "\n",
                                         "application/json"));
        ConnectionProfile p;
        p.name = QStringLiteral("contract");
        p.influxUrl = server.baseUrl();
        p.api = ApiFlavour::V1;
        m_panel->setConnection(p, QString());
        m_panel->setDefaultLanguage(QueryLanguage::InfluxQl);
        QSignalSpy finished(m_panel.get(), &QueryPanel::runFinished);
        QueryTab *a = m_panel->newQueryTab(QStringLiteral("SELECT v FROM m"));
        QueryTab *b = m_panel->newQueryTab(QStringLiteral("SELECT v FROM m LIMIT 1"));
        a->run();
        b->run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
        QStringList texts{finished.at(0).at(0).value<QueryRunRecord>().text, finished.at(1).at(0).value<QueryRunRecord>().text};
        texts.sort();
        QCOMPARE(texts, (QStringList{QStringLiteral("SELECT v FROM m"), QStringLiteral("SELECT v FROM m LIMIT 1")}));
    }

    void reportsTheResultsWidth()
    {
        QSignalSpy widths(m_panel.get(), &QueryPanel::resultsWidthChanged);
        QueryTab *tab = m_panel->newQueryTab();
        QVERIFY(!widths.isEmpty());
        widths.clear();
        m_panel->resize(1400, 700);
        QTRY_VERIFY(!widths.isEmpty());
        QCOMPARE(widths.last().at(0).toInt(), tab->resultsPixelWidth());
        QVERIFY(tab->resultsPixelWidth() > 1000);
    }

    void builderTitleNamesTheTab()
    {
        QueryTab *tab = m_panel->newQueryTab();
        QuerySelection s;
        s.setBucket(QStringLiteral("efd/autogen"));
        s.measurement = QStringLiteral("lsst.sal.ATDome.position");
        s.setFieldNames({QStringLiteral("azimuthPosition")});
        QVERIFY(tab->setGeneratedQuery(QueryBuilder(s, TimeRange()), QueryLanguage::Flux));
        QCOMPARE(m_panel->tabText(1), QStringLiteral("position"));
        QVERIFY(m_panel->tabToolTip(1).contains(QStringLiteral("Query 1")));
    }
};

QTEST_MAIN(tst_QueryPanel)
#include "tst_querypanel.moc"
