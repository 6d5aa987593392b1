// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogService's bulk topic load against an InfluxDB 1.x contract fixture. The answers follow
// the InfluxDB 1.x /query reference: SHOW FIELD KEYS and SHOW TAG KEYS without FROM give one
// series per measurement (columns fieldKey/fieldType and tagKey); SHOW TAG KEYS lists only
// measurements that have tags.
#include "core/http/CurlTransport.h"
#include "core/influx/CatalogService.h"
#include "tests/support/ContractHttpServer.h"

#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

const QString kReb = QStringLiteral("lsst.MTCamera.focal_plane_Reb");
const QString kHeartbeat = QStringLiteral("lsst.sal.MTCamera.logevent_heartbeat");

const QByteArray kMeasurements =
    R"({"results":[{"statement_id":0,"series":[{"name":"measurements","columns":["name"],)"
    R"("values":[["lsst.MTCamera.focal_plane_Reb"],["lsst.sal.MTCamera.logevent_heartbeat"]]}]}]})";
const QByteArray kFieldKeys =
    R"({"results":[{"statement_id":0,"series":[)"
    R"({"name":"lsst.MTCamera.focal_plane_Reb","columns":["fieldKey","fieldType"],"values":[["temp","float"]]},)"
    R"({"name":"lsst.sal.MTCamera.logevent_heartbeat","columns":["fieldKey","fieldType"],)"
    R"("values":[["heartbeat","boolean"]]}]}]})";
// The reviewer's example of the bulk answer, plus a key listed twice (shards that disagree).
const QByteArray kTagKeys =
    R"({"results":[{"statement_id":0,"series":[{"name":"lsst.MTCamera.focal_plane_Reb","columns":["tagKey"],)"
    R"("values":[["Raft"],["Reb"],["Raft"]]}]}]})";

BucketInfo bucket(const QString &rp, bool isDefault)
{
    BucketInfo b;
    b.database = QStringLiteral("lsst.MTCamera");
    b.retentionPolicy = rp;
    b.name = b.database + u'/' + rp;
    b.isDefault = isDefault;
    return b;
}

const MeasurementFields *find(const std::vector<MeasurementFields> &all, const QString &measurement)
{
    for (const auto &m : all)
        if (m.measurement == measurement)
            return &m;
    return nullptr;
}

} // namespace

class tst_CatalogService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ContractHttpServer> m_server;

    void serve(const ContractResponse &tagAnswer)
    {
        m_server->on("GET", QStringLiteral("/query"), [tagAnswer](const ContractRequest &r) {
            const QString q = r.queryValue(QStringLiteral("q")).value_or(QString());
            if (q.startsWith(QStringLiteral("SHOW MEASUREMENTS")))
                return ContractResponse::json(200, kMeasurements);
            if (q.startsWith(QStringLiteral("SHOW FIELD KEYS")))
                return ContractResponse::json(200, kFieldKeys);
            if (q.startsWith(QStringLiteral("SHOW TAG KEYS")))
                return tagAnswer;
            return ContractResponse::json(400, R"({"error":"test: unexpected query"})");
        });
    }

    struct Loaded
    {
        std::vector<MeasurementFields> all;
        qsizetype failures = 0; ///< failed() signals
    };

    /// Runs loadTopics and returns what allFieldsLoaded carried.
    Loaded loadAll(const BucketInfo &b)
    {
        CatalogService service(std::make_shared<CurlTransport>());
        ConnectionProfile p;
        p.name = QStringLiteral("contract");
        p.influxUrl = m_server->baseUrl();
        p.api = ApiFlavour::V1;
        service.setProfile(p, QString());
        QSignalSpy loaded(&service, &CatalogService::allFieldsLoaded);
        QSignalSpy failed(&service, &CatalogService::failed);
        service.loadTopics(b);
        if (!loaded.wait(10000))
            return {};
        return {loaded.takeFirst().at(1).value<std::vector<MeasurementFields>>(), failed.size()};
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ContractHttpServer>();
        QVERIFY(m_server->start().ok());
    }

    void bulkTagKeysJoinTheFields()
    {
        serve(ContractResponse::json(200, kTagKeys));
        const auto [all, failures] = loadAll(bucket(QStringLiteral("autogen"), true));
        QCOMPARE(failures, 0);
        QCOMPARE(all.size(), size_t(2));
        const MeasurementFields *reb = find(all, kReb);
        QVERIFY(reb);
        QCOMPARE(reb->fields.size(), size_t(1));
        QVERIFY(reb->tags.has_value());
        QCOMPARE(*reb->tags, (QStringList{QStringLiteral("Raft"), QStringLiteral("Reb")}));
        // Not in SHOW TAG KEYS: known to have no tags (expanding it needs no request).
        const MeasurementFields *heartbeat = find(all, kHeartbeat);
        QVERIFY(heartbeat);
        QVERIFY(heartbeat->tags.has_value());
        QVERIFY(heartbeat->tags->isEmpty());
        // The default policy: no FROM clause (fast on 1.x), as for the field keys.
        const auto requests = m_server->requestsTo(QStringLiteral("/query"));
        QStringList statements;
        for (const auto &r : requests)
            statements << r.queryValue(QStringLiteral("q")).value_or(QString());
        QVERIFY2(statements.contains(QStringLiteral("SHOW TAG KEYS ON \"lsst.MTCamera\"")),
                 qPrintable(statements.join(u'|')));
    }

    void otherPolicyUsesFrom()
    {
        serve(ContractResponse::json(200, kTagKeys));
        const auto [all, failures] = loadAll(bucket(QStringLiteral("week"), false));
        QCOMPARE(failures, 0);
        QCOMPARE(all.size(), size_t(2));
        QStringList statements;
        for (const auto &r : m_server->requestsTo(QStringLiteral("/query")))
            statements << r.queryValue(QStringLiteral("q")).value_or(QString());
        QVERIFY2(statements.contains(QStringLiteral("SHOW TAG KEYS ON \"lsst.MTCamera\" FROM \"week\"./.*/")),
                 qPrintable(statements.join(u'|')));
        QVERIFY2(statements.contains(QStringLiteral("SHOW FIELD KEYS ON \"lsst.MTCamera\" FROM \"week\"./.*/")),
                 qPrintable(statements.join(u'|')));
    }

    void failedTagQueryKeepsTheFields_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("statement error") << 200 << QByteArray(R"({"results":[{"statement_id":0,"error":"timeout"}]})");
        QTest::newRow("server error") << 500 << QByteArray(R"({"error":"internal error"})");
        QTest::newRow("not json") << 200 << QByteArray("<html>proxy</html>");
    }

    void failedTagQueryKeepsTheFields()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        serve(ContractResponse::json(status, body));
        const auto [all, failures] = loadAll(bucket(QStringLiteral("autogen"), true));
        QCOMPARE(all.size(), size_t(2));
        for (const auto &m : all) {
            QCOMPARE(m.fields.size(), size_t(1));
            QVERIFY2(!m.tags.has_value(), qPrintable(m.measurement)); // unknown: asked per topic later
        }
        QCOMPARE(failures, 0); // the fields arrived; nothing to report
    }
};

QTEST_GUILESS_MAIN(tst_CatalogService)
#include "tst_catalogservice.moc"
