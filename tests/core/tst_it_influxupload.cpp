// SPDX-License-Identifier: GPL-3.0-or-later
// Direct InfluxDB upload against the real influxd of the CTest fixture.
#include "core/http/CurlTransport.h"
#include "core/influx/InfluxClient.h"
#include "core/ingest/InfluxUploader.h"
#include "core/ingest/MetricFileReader.h"
#include "tests/support/InfluxFixture.h"

#include <QBuffer>
#include <QTest>

using namespace sasquatch;

namespace {

UploadPlan planOf(const QByteArray &csvText, const QString &name)
{
    QByteArray csv = csvText;
    QBuffer buffer(&csv);
    buffer.open(QIODevice::ReadOnly);
    std::vector<ReadResult> files;
    files.push_back(MetricFileReader::readDevice(buffer, name));
    UploadOptions options;
    options.target = UploadTarget::Influx;
    return UploadPlan::build(std::move(files), options);
}

ConnectionProfile profileFor(const QString &url, const QString &database)
{
    ConnectionProfile p;
    p.name = QStringLiteral("fixture");
    p.influxUrl = url;
    p.api = ApiFlavour::Auto; // /ping tells 1.x
    p.database = database;
    return p;
}

} // namespace

class tst_it_InfluxUpload : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    std::shared_ptr<CurlTransport> m_transport = std::make_shared<CurlTransport>();

    std::int64_t countOf(const QString &database, const QString &measurement, const QString &field)
    {
        InfluxClient client(profileFor(m_url, database), {}, m_transport);
        auto result = client.influxQl(QStringLiteral("SELECT count(\"%1\") FROM \"%2\"").arg(field, measurement), database);
        if (!result || result->empty() || result->front().series.empty())
            return 0;
        return std::int64_t(result->front().series.front().rows.front().at(1).toDouble());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = test::InfluxFixture::url();
        if (m_url.isEmpty())
            return;
        InfluxClient client(profileFor(m_url, {}), {}, m_transport);
        QVERIFY(client.influxQl(QStringLiteral("DROP DATABASE upload_it"), {}, {}, HttpMethod::Post).ok());
        QVERIFY(client.influxQl(QStringLiteral("CREATE DATABASE upload_it"), {}, {}, HttpMethod::Post).ok());
    }

    void success()
    {
        if (m_url.isEmpty())
            return;
        QByteArray csv("time,visit,band,PA1,note\n");
        for (int i = 0; i < 12; ++i)
            csv += QByteArray::number(1795000000 + i) + "," + QByteArray::number(i) + ",g," + QByteArray::number(i * 0.5) + ",run " + QByteArray::number(i) + "\n";
        const UploadPlan plan = planOf(csv, QStringLiteral("campaign.csv"));
        UploadLedger ledger(plan);
        // Batches of 5 lines: three requests, one of them short.
        InfluxUploader uploader(InfluxWriteTarget{profileFor(m_url, QStringLiteral("upload_it")), {}, {}}, m_transport,
                                Uploader::defaultRetryPolicy(), 5);
        int progressCalls = 0;
        uploader.upload(plan, ledger, {}, [&](const UploadProgress &) { ++progressCalls; });
        QString problems;
        for (int i = 0; i < ledger.size(); ++i)
            if (ledger.status(i).fate != RecordFate::Acknowledged)
                problems += QStringLiteral("%1: %2\n").arg(i).arg(ledger.status(i).reason);
        QVERIFY2(ledger.allAcknowledged(), qPrintable(problems));
        QVERIFY(progressCalls > 3);
        QCOMPARE(countOf(QStringLiteral("upload_it"), QStringLiteral("lsst.dm.campaign"), QStringLiteral("PA1")), std::int64_t(12));
        // Uploading again sends nothing: every record is acknowledged.
        uploader.upload(plan, ledger, {}, {});
        for (int i = 0; i < 12; ++i)
            QCOMPARE(ledger.status(i).sends, 1);
    }

    void unknownDatabase()
    {
        if (m_url.isEmpty())
            return;
        const UploadPlan plan = planOf("time,PA1\n1795000000,1\n1795000001,2\n", QStringLiteral("campaign.csv"));
        UploadLedger ledger(plan);
        InfluxUploader uploader(InfluxWriteTarget{profileFor(m_url, QStringLiteral("no_such_db")), {}, {}}, m_transport);
        uploader.upload(plan, ledger, {}, {});
        QCOMPARE(ledger.failed(), qsizetype(2));
        const QString reason = ledger.status(1).reason;
        QVERIFY2(reason.contains(u"404") && reason.contains(u"database not found: \"no_such_db\""), qPrintable(reason));
    }

    void partialWriteNamesTheDroppedLine()
    {
        if (m_url.isEmpty())
            return;
        // PA2 exists as a float; the file's PA2 is text in its second row only.
        InfluxClient client(profileFor(m_url, QStringLiteral("upload_it")), {}, m_transport);
        HttpRequest seed = client.makeRequest(HttpMethod::Post, QStringLiteral("/write"), {{QStringLiteral("db"), QStringLiteral("upload_it")}});
        seed.body = "lsst.dm.conflict PA1=0.5,PA2=1.5 1794999999000000000\n";
        QVERIFY(client.perform(seed, {}).ok());
        const UploadPlan plan = planOf("time,PA1,PA2\n1795000000,1.5,\n1795000001,2.5,abc\n1795000002,3.5,\n",
                                       QStringLiteral("conflict.csv"));
        UploadLedger ledger(plan);
        InfluxUploader uploader(InfluxWriteTarget{profileFor(m_url, QStringLiteral("upload_it")), {}, {}}, m_transport);
        uploader.upload(plan, ledger, {}, {});
        QCOMPARE(ledger.status(0).fate, RecordFate::Acknowledged);
        QCOMPARE(ledger.status(2).fate, RecordFate::Acknowledged);
        QCOMPARE(ledger.status(1).fate, RecordFate::Failed);
        const QString reason = ledger.status(1).reason;
        QVERIFY2(reason.startsWith(u"InfluxDB dropped the line \"lsst.dm.conflict PA1=2.5,PA2=\"abc\" 1795000001000000000\": "_qs)
                     && reason.contains(u"field type conflict"),
                 qPrintable(reason));
        QCOMPARE(countOf(QStringLiteral("upload_it"), QStringLiteral("lsst.dm.conflict"), QStringLiteral("PA1")), std::int64_t(3));
    }
};

QTEST_GUILESS_MAIN(tst_it_InfluxUpload)
#include "tst_it_influxupload.moc"
