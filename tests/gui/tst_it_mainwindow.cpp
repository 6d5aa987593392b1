// SPDX-License-Identifier: GPL-3.0-or-later
// GUI smoke test (offscreen): the main window on the demo stack's influxd (the CTest fixture)
// lists the buckets, fills the topic tree and filters it.
#include "core/catalog/TopicTreeModel.h"
#include "core/connection/ProfileStore.h"
#include "gui/app/ConnectionController.h"
#include "gui/app/MainWindow.h"
#include "gui/topics/BucketBrowser.h"
#include "gui/topics/TopicBrowser.h"
#include "tests/support/InfluxFixture.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

class tst_ItMainWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        // A private config dir, with secrets in a file so that no keyring prompt appears.
        qputenv("XDG_CONFIG_HOME", m_home.path().toUtf8());
        ProfileStore store;
        store.setSecretStorage(SecretStorageMode::File, m_home.filePath(QStringLiteral("secrets.json")));
        QVERIFY(store.save().ok());
    }

    void opensOnDemoStackAndFillsTree()
    {
        ConnectionController controller;
        MainWindow window(controller);
        QVERIFY(controller.initialize().isEmpty());
        QVERIFY(controller.profiles().find(QStringLiteral("summit"))); // templates seeded on first start
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        controller.useDemo(InfluxFixture::url());
        TopicTreeModel &model = window.topicBrowser()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model.topicCount() >= 2000, 30000);
        QCOMPARE(controller.activeProfile(), QStringLiteral("local demo"));
        QVERIFY(!window.bucketBrowser()->buckets().empty());

        // top level: lsst
        QVERIFY(model.rowCount() >= 1);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("lsst"));

        // The filter narrows the tree to MTM1M3 forceActuatorData first.
        QTRY_VERIFY_WITH_TIMEOUT(!window.topicBrowser()->isIndexing(), 30000);
        auto *filter = window.topicBrowser()->findChild<QLineEdit *>();
        QVERIFY(filter);
        QTest::keyClicks(filter, QStringLiteral("m1m3 fad"));
        QTRY_VERIFY_WITH_TIMEOUT(model.isSearchApplied(), 5000);
        QModelIndex node = model.index(0, 0);
        while (model.rowCount(node) > 0
               && TopicNodeType(node.data(TopicTreeModel::NodeTypeRole).toInt()) != TopicNodeType::Topic)
            node = model.index(0, 0, node);
        QCOMPARE(node.data(TopicTreeModel::TopicRole).toString(), QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));

        // Expanding the topic loads its fields lazily; zForce shows as one array node.
        window.topicBrowser()->setFilterText(QString());
        QTRY_VERIFY(!model.isSearchApplied());
        window.topicBrowser()->revealTopic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
        const QModelIndex topic = model.indexOfTopic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
        window.topicBrowser()->view()->expand(topic);
        QTRY_VERIFY_WITH_TIMEOUT(model.loadState(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData")) == FieldLoadState::Loaded,
                                 15000);
        const QModelIndex zForce = model.indexOfField(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"), QStringLiteral("zForce"));
        QVERIFY(zForce.isValid());
        QCOMPARE(zForce.data(TopicTreeModel::ArrayLengthRole).toInt(), 156);
    }
};

QTEST_MAIN(tst_ItMainWindow)
#include "tst_it_mainwindow.moc"
