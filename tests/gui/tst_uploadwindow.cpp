// SPDX-License-Identifier: GPL-3.0-or-later
// The upload window offscreen: a file with invalid rows previewed (cells marked, reasons listed),
// sent with --valid-only semantics through a bridge contract server, report shown and saved.
#include "core/http/CurlTransport.h"
#include "core/ingest/UploadLedger.h"
#include "gui/upload/UploadPreviewModel.h"
#include "gui/upload/UploadWindow.h"
#include "tests/support/ContractHttpServer.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;

class tst_UploadWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void previewProblemsUploadAndReport()
    {
        ContractHttpServer bridge;
        QVERIFY(bridge.start().ok());
        auto next = std::make_shared<int>(0);
        bridge.on("POST", "/topics/lsst.dm.campaign", [next](const ContractRequest &request) {
            const QJsonArray records = QJsonDocument::fromJson(request.body).object().value("records").toArray();
            QJsonArray offsets;
            for (qsizetype i = 0; i < records.size(); ++i)
                offsets.append(QJsonObject{{"partition", 0}, {"offset", (*next)++}});
            return ContractResponse::json(200, QJsonDocument(QJsonObject{{"offsets", offsets}}).toJson(QJsonDocument::Compact));
        });
        QTemporaryDir dir;
        const QString csv = dir.filePath("campaign.csv");
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("time,visit,band,PA1\n"
                    "2026-11-23T03:00:00Z,1,g,1.5\n"
                    "2026-11-23T03:01:00Z,2,r,abc\n"
                    "2026-11-23T25:00:00Z,3,i,2.5\n"
                    "2026-11-23T03:03:00Z,4,z,3.5\n");
        }
        ConnectionProfile profile;
        profile.name = QStringLiteral("test");
        profile.influxUrl = QStringLiteral("http://127.0.0.1:1");
        profile.kafkaBridgeUrl = bridge.baseUrl();
        UploadWindow window({profile}, {}, std::make_shared<CurlTransport>());
        QAbstractItemModelTester tester(window.previewModel());
        window.show();
        QSignalSpy ready(&window, &UploadWindow::filesReady);
        window.addFiles({csv});
        QVERIFY(ready.wait(10000));

        UploadPreviewModel *model = window.previewModel();
        QCOMPARE(model->rowCount(), 4);
        // visit, band, PA1 after the fixed columns; the bad time is shown as written in the time column.
        int pa1 = -1;
        const int time = UploadPreviewModel::TimeColumn;
        for (int c = 0; c < model->columnCount(); ++c) {
            if (model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() == u"PA1")
                pa1 = c;
            QVERIFY(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString() != u"time");
        }
        QVERIFY(pa1 > 0);
        QVERIFY(model->isInvalid(model->index(1, pa1)));
        QCOMPARE(model->data(model->index(1, pa1), Qt::ToolTipRole).toString(),
                 u"column \"PA1\" holds numbers (since line 2); \"abc\" is not a number"_qs);
        QVERIFY(model->data(model->index(1, pa1), Qt::BackgroundRole).isValid());
        QVERIFY(model->isInvalid(model->index(2, time)));
        QCOMPARE(model->data(model->index(2, time), Qt::DisplayRole).toString(), u"2026-11-23T25:00:00Z"_qs);
        QCOMPARE(model->data(model->index(3, time), Qt::DisplayRole).toString(), u"2026-11-23T03:03:00Z"_qs);
        QVERIFY(!model->isInvalid(model->index(0, pa1)));
        QCOMPARE(window.problemsList()->count(), 2);
        QCOMPARE(window.problemsList()->item(0)->text(),
                 u"campaign.csv:3:4: column \"PA1\" holds numbers (since line 2); \"abc\" is not a number"_qs);

        // All or nothing: nothing to send until "valid only" is chosen.
        window.pathCombo()->setCurrentIndex(1); // the bridge
        QVERIFY(!window.uploadButton()->isEnabled());
        window.validOnlyBox()->setChecked(true);
        QVERIFY(window.uploadButton()->isEnabled());

        QSignalSpy done(&window, &UploadWindow::uploadFinished);
        QTest::mouseClick(window.uploadButton(), Qt::LeftButton);
        QVERIFY(window.isBusy() || done.count() == 1);
        QVERIFY(done.count() == 1 || done.wait(10000));
        QCOMPARE(window.ledger()->acknowledged(), qsizetype(2));
        QCOMPARE(window.progressBar()->value(), 2);
        QCOMPARE(window.progressBar()->maximum(), 2);
        QCOMPARE(window.countsLabel()->text(), u"2 acknowledged, 0 failed of 2"_qs);
        QVERIFY(window.reportView()->toPlainText().contains(u"4 record(s): 2 acknowledged, 0 failed, 2 not sent"));
        QCOMPARE(model->data(model->index(0, UploadPreviewModel::FateColumn), Qt::DisplayRole).toString(), u"acknowledged"_qs);
        QCOMPARE(model->data(model->index(1, UploadPreviewModel::FateColumn), Qt::DisplayRole).toString(), u"not sent"_qs);
        QCOMPARE(bridge.requestsTo("/topics/lsst.dm.campaign").size(), std::size_t(1));
        const QJsonObject report = QJsonDocument::fromJson(window.reportJson()).object();
        QCOMPARE(report.value("files").toArray()[0].toObject().value("acknowledged").toInt(), 2);
        QVERIFY(!window.uploadButton()->isEnabled() || window.ledger()->failed() == 0);
    }

    void cancelStopsASlowUpload()
    {
        ContractHttpServer bridge;
        QVERIFY(bridge.start().ok());
        ContractResponse slow = ContractResponse::json(200, R"({"offsets":[{"partition":0,"offset":1}]})");
        slow.delayBeforeHeaders = std::chrono::milliseconds(5000);
        bridge.on("POST", "/topics/lsst.dm.slow", slow);
        QTemporaryDir dir;
        const QString csv = dir.filePath("slow.csv");
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("time,PA1\n1795000000,1.5\n");
        }
        ConnectionProfile profile;
        profile.name = QStringLiteral("test");
        profile.influxUrl = QStringLiteral("http://127.0.0.1:1");
        profile.kafkaBridgeUrl = bridge.baseUrl();
        UploadWindow window({profile}, {}, std::make_shared<CurlTransport>());
        QSignalSpy ready(&window, &UploadWindow::filesReady);
        window.addFiles({csv});
        QVERIFY(ready.wait(10000));
        window.pathCombo()->setCurrentIndex(1);
        QSignalSpy done(&window, &UploadWindow::uploadFinished);
        QElapsedTimer timer;
        timer.start();
        QTest::mouseClick(window.uploadButton(), Qt::LeftButton);
        QVERIFY(window.isBusy());
        QVERIFY(bridge.waitForRequests(1, std::chrono::milliseconds(5000)));
        for (QPushButton *b : window.findChildren<QPushButton *>())
            if (b->text() == u"Cancel")
                QTest::mouseClick(b, Qt::LeftButton);
        QVERIFY(done.wait(3000));
        QVERIFY2(timer.elapsed() < 4000, "cancel must not wait for the server");
        QCOMPARE(window.ledger()->failed(), qsizetype(1));
        QVERIFY(window.reportView()->toPlainText().contains(u"1 failed"));
    }
};

QTEST_MAIN(tst_UploadWindow)
#include "tst_uploadwindow.moc"
