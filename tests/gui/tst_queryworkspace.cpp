// SPDX-License-Identifier: GPL-3.0-or-later
// The query workspace in a main window offscreen, connected through ConnectionController to a
// contract fixture server that answers as InfluxDB 1.x does (InfluxDB 1.x API reference: /ping
// 204 with X-Influxdb-Version, /query JSON): catalog answers become completion names, the
// topic-tree selection becomes a builder query that runs, every run lands in the history, and
// a history entry loads back into the editor.
#include "core/catalog/TopicTreeModel.h"
#include "core/connection/ProfileStore.h"
#include "gui/app/ConnectionController.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/HistoryItemDelegate.h"
#include "gui/query/HistoryPanel.h"
#include "gui/query/QueryBuilderPanel.h"
#include "gui/query/QueryPanel.h"
#include "gui/query/QueryTab.h"
#include "gui/query/QueryWorkspace.h"
#include "gui/query/SchemaFeed.h"
#include "gui/topics/TopicBrowser.h"
#include "tests/support/ContractHttpServer.h"

#include <QDockWidget>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

const QString kFad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");

QByteArray seriesJson(int rows)
{
    QByteArray values;
    for (int i = 0; i < rows; ++i)
        values += (i ? "," : "") + QByteArray("[") + QByteArray::number(1795403520000000000LL + i * 1000000000LL) + ","
                  + QByteArray::number(i * 0.5) + "]";
    return R"({"results":[{"statement_id":0,"series":[{"name":"lsst.sal.MTM1M3.forceActuatorData","columns":["time","fx"],"values":[)"
           + values + "]}]}]}\n";
}

QPushButton *button(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class tst_QueryWorkspace : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;
    ContractHttpServer m_server;
    std::unique_ptr<ConnectionController> m_controller;
    std::unique_ptr<QMainWindow> m_window;
    TopicBrowser *m_topics = nullptr;
    QueryWorkspace *m_workspace = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        // A private config dir with secrets in a file: no keyring prompt.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        ProfileStore store;
        store.setSecretStorage(SecretStorageMode::File, m_home.filePath(QStringLiteral("secrets.json")));
        QVERIFY(store.save().ok());

        QVERIFY(m_server.start().ok());
        ContractResponse pong = ContractResponse::noContent();
        pong.header("X-Influxdb-Version", "1.8.10");
        m_server.on("*", QStringLiteral("/ping"), pong);
        m_server.on("*", QStringLiteral("/query"), [](const ContractRequest &r) {
            const QString q = r.param(QStringLiteral("q")).value_or(QString());
            if (q.startsWith(QStringLiteral("SHOW")))
                return ContractResponse::text(200, R"({"results":[{"statement_id":0}]})" "\n", "application/json");
            return ContractResponse::text(200, seriesJson(q.contains(QStringLiteral("LIMIT 3")) ? 3 : 12), "application/json");
        });

        m_controller = std::make_unique<ConnectionController>();
        m_window = std::make_unique<QMainWindow>();
        m_window->menuBar()->addMenu(QStringLiteral("File"));
        m_topics = new TopicBrowser;
        auto *dock = new QDockWidget(QStringLiteral("Catalog"));
        dock->setWidget(m_topics);
        m_window->addDockWidget(Qt::LeftDockWidgetArea, dock);
        m_workspace = new QueryWorkspace(*m_window, *m_controller, m_topics, new QLabel(QStringLiteral("details")),
                                         m_home.filePath(QStringLiteral("history.json")));
        m_workspace->populateMenu(m_window->menuBar()->addMenu(QStringLiteral("Query")));
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(m_controller->initialize().isEmpty());
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_controller.reset();
    }

    void assemblesTheWindow()
    {
        QCOMPARE(m_window->centralWidget(), m_workspace->panel());
        QCOMPARE(m_workspace->panel()->tabText(0), QStringLiteral("Topic"));
        QCOMPARE(m_window->dockWidgetArea(m_workspace->builderDock()), Qt::RightDockWidgetArea);
        QCOMPARE(m_window->dockWidgetArea(m_workspace->historyDock()), Qt::RightDockWidgetArea);
        QMenu *query = m_window->menuBar()->actions().last()->menu();
        QStringList items;
        for (QAction *a : query->actions())
            if (!a->isSeparator())
                items << a->text();
        QVERIFY2(items.contains(QStringLiteral("&New query tab")) && items.contains(QStringLiteral("&Run"))
                     && items.contains(QStringLiteral("&Export results to CSV…")),
                 qPrintable(items.join(u',')));
    }

    void commandLineQueryRunsOnceTheServerAnswered()
    {
        // Opened before any connection: it waits for the profile, its secret and /ping, then
        // runs in the server's language (InfluxQL on 1.x).
        QueryTab *tab = m_workspace->openQuery(QStringLiteral("SELECT fx FROM \"efd\".\"autogen\".\"m\" LIMIT 3"));
        QSignalSpy finished(tab, &QueryTab::runFinished);
        QCOMPARE(m_server.requestsTo(QStringLiteral("/query")).size(), std::size_t(0));
        m_controller->useDemo(m_server.baseUrl());
        QVERIFY(finished.wait(15000));
        QCOMPARE(tab->language(), QueryLanguage::InfluxQl);
        QVERIFY2(tab->statusText().contains(QStringLiteral("3 rows")), qPrintable(tab->statusText()));
        // It is in the history of the demo profile.
        QListWidget *history = m_workspace->historyPanel()->historyList();
        QTRY_COMPARE(history->count(), 1);
        QCOMPARE(history->item(0)->data(HistoryItemDelegate::TitleRole).toString(), tab->text());
        QCOMPARE(m_workspace->historyPanel()->profile(), QStringLiteral("local demo"));
    }

    void catalogAnswersBecomeCompletionNames()
    {
        CatalogService &catalog = m_controller->catalog();
        BucketInfo efd;
        efd.name = QStringLiteral("efd/autogen");
        efd.database = QStringLiteral("efd");
        efd.retentionPolicy = QStringLiteral("autogen");
        Q_EMIT catalog.bucketsLoaded({efd});
        Q_EMIT catalog.topicsLoaded(efd, {kFad});
        Q_EMIT catalog.fieldsLoaded(efd, kFad, {FieldKey{QStringLiteral("fx"), QStringLiteral("float")}},
                                    {QStringLiteral("salIndex")});
        m_workspace->schemaFeed()->flush();
        QueryTab *tab = m_workspace->panel()->newQueryTab();
        const SchemaSnapshot &schema = tab->editor()->schema();
        QCOMPARE(schema.buckets, QStringList{QStringLiteral("efd/autogen")});
        QCOMPARE(schema.measurements, QStringList{kFad});
        QCOMPARE(schema.fields, QStringList{QStringLiteral("fx")});
        QCOMPARE(schema.tagKeys, QStringList{QStringLiteral("salIndex")});
        QCOMPARE(tab->bucket(), QStringLiteral("efd/autogen"));
        QCOMPARE(m_workspace->builder()->bucket(), QStringLiteral("efd/autogen"));
    }

    void treeSelectionBuildsAndRunsAQuery()
    {
        TopicTreeModel &model = m_topics->model();
        m_topics->setTopics({kFad});
        m_topics->setTopicFields(kFad, {FieldKey{QStringLiteral("fx"), QStringLiteral("float")},
                                        FieldKey{QStringLiteral("fy"), QStringLiteral("float")}},
                                 {});
        const QModelIndex fx = model.indexOfField(kFad, QStringLiteral("fx"));
        const QModelIndex fy = model.indexOfField(kFad, QStringLiteral("fy"));
        QVERIFY(fx.isValid() && fy.isValid());
        QTreeView *view = m_topics->view();
        view->selectionModel()->setCurrentIndex(fx, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->selectionModel()->select(fy, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QueryBuilderPanel *builder = m_workspace->builder();
        QCOMPARE(builder->selection().topic, kFad);
        QCOMPARE(builder->selection().fields.size(), std::size_t(2));
        QVERIFY2(builder->previewText().contains(QStringLiteral("mean(\"fx\")")), qPrintable(builder->previewText()));

        const int tabs = m_workspace->panel()->count();
        QTest::mouseClick(button(builder, QStringLiteral("Open in new tab")), Qt::LeftButton);
        QCOMPARE(m_workspace->panel()->count(), tabs + 1);
        QueryTab *tab = m_workspace->panel()->currentQueryTab();
        QVERIFY(tab);
        QVERIFY(tab->isBuilderQuery());
        QCOMPARE(tab->language(), builder->language());
        QSignalSpy finished(tab, &QueryTab::runFinished);
        QVERIFY(tab->isRunning() || finished.count() == 1);
        if (finished.isEmpty())
            QVERIFY(finished.wait(10000));
        QCOMPARE(finished.at(0).at(0).value<QueryRunRecord>().rows, 12);
        QCOMPARE(m_workspace->panel()->tabText(m_workspace->panel()->currentIndex()), QStringLiteral("forceActuatorData"));
        QTRY_COMPARE(m_workspace->historyPanel()->historyList()->item(0)->data(HistoryItemDelegate::TitleRole).toString(),
                     tab->text().simplified());
    }

    void doubleClickOnATopicShowsItsDetails()
    {
        QVERIFY(m_workspace->panel()->currentQueryTab());
        const QModelIndex topic = m_topics->model().indexOfTopic(kFad);
        Q_EMIT m_topics->view()->doubleClicked(topic);
        QCOMPARE(m_workspace->panel()->currentIndex(), 0);
        QVERIFY(!m_workspace->panel()->currentQueryTab());
    }

    void historyEntryLoadsIntoTheEditor()
    {
        QueryTab *tab = m_workspace->panel()->newQueryTab();
        QVERIFY(tab->text().isEmpty());
        QListWidget *history = m_workspace->historyPanel()->historyList();
        QVERIFY(history->count() >= 2);
        const QString wanted = history->item(1)->data(HistoryItemDelegate::TitleRole).toString();
        history->setCurrentRow(1);
        history->setFocus();
        QTest::keyClick(history, Qt::Key_Return);
        QCOMPARE(m_workspace->panel()->currentQueryTab(), tab);
        QCOMPARE(tab->text().simplified(), wanted);
        QVERIFY(!tab->isRunning()); // loading does not run
        // The file has both runs: another history object reads them back.
        QueryHistory reread(m_home.filePath(QStringLiteral("history.json")));
        QVERIFY(reread.load().ok());
        QCOMPARE(reread.entries(QStringLiteral("local demo")).size(), std::size_t(2));
    }
};

QTEST_MAIN(tst_QueryWorkspace)
#include "tst_queryworkspace.moc"
