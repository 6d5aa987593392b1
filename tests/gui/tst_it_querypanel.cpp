// SPDX-License-Identifier: GPL-3.0-or-later
// The query panel end to end in the main window (offscreen) against the real influxd of the
// CTest fixture (Debian's InfluxDB 1.x with the demo catalog): an InfluxQL query typed in a
// tab returns rows, a parse error is marked where influxd says, and fields chosen in the topic
// tree become a builder query that runs and lands in the history.
#include "core/catalog/TopicTreeModel.h"
#include "core/connection/ProfileStore.h"
#include "core/query/ResultTableModel.h"
#include "gui/app/ConnectionController.h"
#include "gui/app/MainWindow.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/HistoryPanel.h"
#include "gui/query/QueryBuilderPanel.h"
#include "gui/query/QueryPanel.h"
#include "gui/query/QueryTab.h"
#include "gui/query/QueryWorkspace.h"
#include "gui/query/TimeRangePicker.h"
#include "gui/topics/TopicBrowser.h"
#include "tests/support/InfluxFixture.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

const QString kFad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");

QueryRunRecord waitForRun(QueryTab *tab)
{
    QSignalSpy finished(tab, &QueryTab::runFinished);
    if (!finished.wait(30000))
        return {};
    return finished.at(0).at(0).value<QueryRunRecord>();
}

} // namespace

class tst_ItQueryPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    std::unique_ptr<ConnectionController> m_controller;
    std::unique_ptr<MainWindow> m_window;

    QueryWorkspace &workspace() { return *m_window->queryWorkspace(); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString url = InfluxFixture::url();
        if (url.isEmpty())
            return;
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        ProfileStore store;
        store.setSecretStorage(SecretStorageMode::File, m_home.filePath(QStringLiteral("secrets.json")));
        QVERIFY(store.save().ok());
        m_controller = std::make_unique<ConnectionController>();
        m_window = std::make_unique<MainWindow>(*m_controller);
        QVERIFY(m_controller->initialize().isEmpty());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_controller->useDemo(url);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->topicBrowser()->model().topicCount() >= 2000, 30000);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_controller.reset();
    }

    void typedInfluxQlReturnsRows()
    {
        QVERIFY(m_window);
        QueryTab *tab = workspace().openQuery(
            QStringLiteral("SELECT * FROM \"efd\".\"autogen\".\"lsst.sal.ATDome.position\" LIMIT 5"), QueryLanguage::InfluxQl);
        const QueryRunRecord run = waitForRun(tab);
        QCOMPARE(run.end, RunEnd::Completed);
        QVERIFY2(run.rows >= 1, qPrintable(tab->statusText()));
        QVERIFY(tab->resultModel()->rowCount() >= 1);
        QVERIFY(tab->resultModel()->columnOf("time") >= 0);
        QVERIFY(tab->resultModel()->columnOf("azimuthPosition") >= 0);
        QVERIFY(tab->statusText().startsWith(QStringLiteral("✓")));
        QCOMPARE(workspace().panel()->currentQueryTab(), tab);
    }

    void parseErrorIsMarkedWhereInfluxdSays()
    {
        QVERIFY(m_window);
        QueryTab *tab = workspace().panel()->newQueryTab({}, QueryLanguage::InfluxQl);
        tab->setText(QStringLiteral("SELECT azimuthPosition\nFORM \"lsst.sal.ATDome.position\""));
        tab->run();
        const QueryRunRecord run = waitForRun(tab);
        QCOMPARE(run.end, RunEnd::Failed);
        QVERIFY2(run.error.contains(QStringLiteral("FORM")), qPrintable(run.error));
        const auto markers = tab->editor()->errorMarkers();
        QCOMPARE(markers.size(), 1);
        QCOMPARE(markers[0].line, 2);
        QCOMPARE(markers[0].column, 1);
    }

    void treeFieldsBecomeABuilderQuery()
    {
        QVERIFY(m_window);
        TopicBrowser *topics = m_window->topicBrowser();
        TopicTreeModel &model = topics->model();
        topics->revealTopic(kFad);
        topics->view()->expand(model.indexOfTopic(kFad));
        QTRY_VERIFY_WITH_TIMEOUT(model.loadState(kFad) == FieldLoadState::Loaded, 15000);
        const QModelIndex fx = model.indexOfField(kFad, QStringLiteral("fx"));
        const QModelIndex fz = model.indexOfField(kFad, QStringLiteral("fz"));
        QVERIFY(fx.isValid() && fz.isValid());
        QItemSelectionModel *selection = topics->view()->selectionModel();
        selection->setCurrentIndex(fx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selection->select(fz, QItemSelectionModel::Select | QItemSelectionModel::Rows);

        QueryBuilderPanel *builder = workspace().builder();
        QCOMPARE(builder->bucket(), QStringLiteral("efd/autogen"));
        QCOMPARE(builder->language(), QueryLanguage::InfluxQl); // the fixture is 1.x
        builder->setMode(QueryMode::Raw);
        builder->timeRangePicker()->setRange(TimeRange::fromPreset(RangePreset::Past30Days));
        QVERIFY2(builder->previewText().startsWith(QStringLiteral("SELECT \"fx\", \"fz\" FROM \"efd\".\"autogen\".\"") + kFad),
                 qPrintable(builder->previewText()));
        QVERIFY(builder->generateInto(BuildTarget::NewTab));
        QueryTab *tab = workspace().panel()->currentQueryTab();
        QVERIFY(tab && tab->isBuilderQuery());
        const QueryRunRecord run = tab->isRunning() ? waitForRun(tab) : QueryRunRecord{};
        QCOMPARE(run.end, RunEnd::Completed);
        QVERIFY2(run.rows >= 1, qPrintable(tab->statusText()));
        QVERIFY(tab->resultModel()->columnOf("fx") >= 0);
        QVERIFY(tab->resultModel()->columnOf("fz") >= 0);
        QCOMPARE(tab->resultModel()->columnOf("fy"), -1);

        // Every run of this test is in the history of the demo profile, newest first.
        QListWidget *history = workspace().historyPanel()->historyList();
        QTRY_COMPARE(history->count(), 3);
        QVERIFY(history->item(0)->toolTip().startsWith(QStringLiteral("SELECT \"fx\", \"fz\"")));
    }
};

QTEST_MAIN(tst_ItQueryPanel)
#include "tst_it_querypanel.moc"
