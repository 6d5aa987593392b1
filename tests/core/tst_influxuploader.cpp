// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxUploader against contract servers for what the 1.6 fixture cannot show: 413 splitting,
// the 2.x /api/v2/write API with a 422 partial write (InfluxDB v2 API reference: 204 written,
// 413 too large, 422 "partial write" with the rest written, 503 with Retry-After), and an
// answer that stops every later batch (404).
#include "core/http/CurlTransport.h"
#include "core/ingest/InfluxUploader.h"
#include "core/ingest/MetricFileReader.h"
#include "tests/support/ContractHttpServer.h"

#include <QBuffer>
#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

UploadPlan planOf(const QByteArray &lp)
{
    QByteArray copy = lp;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    std::vector<ReadResult> files;
    files.push_back(MetricFileReader::readDevice(buffer, QStringLiteral("points.lp")));
    UploadOptions options;
    options.target = UploadTarget::Influx;
    return UploadPlan::build(std::move(files), options);
}

const QByteArray kFive = "lsst.dm.m v=1 1\nlsst.dm.m v=2 2\nlsst.dm.m v=3 3\nlsst.dm.m v=4 4\nlsst.dm.m v=5 5\n";

RetryPolicy quick()
{
    RetryPolicy p = Uploader::defaultRetryPolicy();
    p.initialDelay = std::chrono::milliseconds(1);
    p.maxDelay = std::chrono::milliseconds(50);
    return p;
}

ConnectionProfile v1(const ContractHttpServer &server)
{
    ConnectionProfile p;
    p.name = QStringLiteral("contract");
    p.influxUrl = server.baseUrl();
    p.api = ApiFlavour::V1;
    p.database = QStringLiteral("lsst.dm");
    return p;
}

} // namespace

class tst_InfluxUploader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tooLargeSplitsTheBatch()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        server.on("POST", "/write", [](const ContractRequest &r) {
            return r.body.count('\n') > 2 ? ContractResponse::json(413, R"({"error":"Request Entity Too Large"})")
                                          : ContractResponse::noContent();
        });
        const UploadPlan plan = planOf(kFive);
        UploadLedger ledger(plan);
        InfluxUploader(InfluxWriteTarget{v1(server), {}, {}}, std::make_shared<CurlTransport>(), quick()).upload(plan, ledger, {}, {});
        QVERIFY(ledger.allAcknowledged());
        const auto writes = server.requestsTo("/write");
        // 5 lines → 413; the first 2 → 204; the other 3 → 413; then 1 and 2 → 204.
        QCOMPARE(writes.size(), std::size_t(5));
        QCOMPARE(writes[0].header("content-encoding"), QByteArray("gzip"));
        QCOMPARE(writes[0].queryValue("db"), std::optional<QString>(u"lsst.dm"_qs));
        QCOMPARE(writes[0].queryValue("precision"), std::optional<QString>(u"ns"_qs));
        QCOMPARE(writes[1].body, QByteArray("lsst.dm.m v=1 1\nlsst.dm.m v=2 2\n"));
    }

    void v2PartialWriteNamesTheDroppedLine()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        server.on("POST", "/api/v2/write", [](const ContractRequest &r) {
            if (r.body.contains("v=\"bad\""))
                return ContractResponse::json(422, "{\"code\":\"unprocessable entity\",\"message\":\"failure writing points to "
                                                   "database: partial write: field type conflict: input field \\\"v\\\" on "
                                                   "measurement \\\"lsst.dm.m\\\" is type string, already exists as type float "
                                                   "dropped=1\"}");
            return ContractResponse::noContent();
        });
        ConnectionProfile p = v1(server);
        p.api = ApiFlavour::V2;
        p.org = QStringLiteral("rubin");
        const UploadPlan plan = planOf("lsst.dm.m v=1 1\nlsst.dm.n v=\"bad\" 2\nlsst.dm.m v=3 3\n");
        UploadLedger ledger(plan);
        InfluxUploader(InfluxWriteTarget{p, QStringLiteral("t0ken"), QStringLiteral("lsst.dm")}, std::make_shared<CurlTransport>(), quick())
            .upload(plan, ledger, {}, {});
        QCOMPARE(ledger.status(0).fate, RecordFate::Acknowledged);
        QCOMPARE(ledger.status(2).fate, RecordFate::Acknowledged);
        QCOMPARE(ledger.status(1).fate, RecordFate::Failed);
        QVERIFY2(ledger.status(1).reason.startsWith(u"InfluxDB dropped the line \"lsst.dm.n v=\"bad\" 2\": "_qs)
                     && ledger.status(1).reason.contains(u"422"),
                 qPrintable(ledger.status(1).reason));
        const auto writes = server.requestsTo("/api/v2/write");
        QCOMPARE(writes[0].tokenAuth(), std::optional<QString>(u"t0ken"_qs));
        QCOMPARE(writes[0].queryValue("org"), std::optional<QString>(u"rubin"_qs));
        QCOMPARE(writes[0].queryValue("bucket"), std::optional<QString>(u"lsst.dm"_qs));
    }

    void unavailableThenWritten()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        server.onSequence("POST", "/write",
                          {ContractResponse::json(503, R"({"error":"service unavailable"})").header("Retry-After", "0"),
                           ContractResponse::noContent()});
        const UploadPlan plan = planOf(kFive);
        UploadLedger ledger(plan);
        InfluxUploader(InfluxWriteTarget{v1(server), {}, {}}, std::make_shared<CurlTransport>(), quick()).upload(plan, ledger, {}, {});
        QVERIFY(ledger.allAcknowledged());
        QCOMPARE(server.requestsTo("/write").size(), std::size_t(2));
    }

    void unknownDatabaseStopsEveryBatch()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        server.on("POST", "/write", ContractResponse::json(404, "{\"error\":\"database not found: \\\"lsst.dm\\\"\"}"));
        const UploadPlan plan = planOf(kFive);
        UploadLedger ledger(plan);
        InfluxUploader(InfluxWriteTarget{v1(server), {}, {}}, std::make_shared<CurlTransport>(), quick(), 2)
            .upload(plan, ledger, {}, {});
        QCOMPARE(ledger.failed(), qsizetype(5));
        QCOMPARE(server.requestsTo("/write").size(), std::size_t(1));
        for (int i = 0; i < 5; ++i)
            QVERIFY2(ledger.status(i).reason.contains(u"database not found"), qPrintable(ledger.status(i).reason));
    }
};

QTEST_GUILESS_MAIN(tst_InfluxUploader)
#include "tst_influxuploader.moc"
