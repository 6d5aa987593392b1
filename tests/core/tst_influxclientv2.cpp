// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxClient against an InfluxDB 2.x contract fixture: responses in tests/fixtures/influxdb2,
// written from the InfluxDB v2 API reference (see the README there).
#include "core/http/CurlTransport.h"
#include "core/influx/InfluxClient.h"
#include "tests/support/ContractHttpServer.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

ContractResponse fixture(const QString &name)
{
    auto r = ContractResponse::fromHttpFile(QStringLiteral(SASQUATCH_TEST_FIXTURES "/influxdb2/") + name);
    if (!r)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(r.error()));
    return r.value();
}

ContractResponse csv(const QString &name)
{
    QFile f(QStringLiteral(SASQUATCH_TEST_FIXTURES "/influxdb2/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(name));
    return ContractResponse::text(200, f.readAll(), "text/csv; charset=utf-8");
}

} // namespace

class tst_InfluxClientV2 : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ContractHttpServer> m_server;

    InfluxClient client(ApiFlavour api = ApiFlavour::Auto)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("v2");
        p.influxUrl = m_server->baseUrl();
        p.api = api;
        p.org = QStringLiteral("rubin");
        return InfluxClient(p, QStringLiteral("tok-123"), std::make_shared<CurlTransport>());
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ContractHttpServer>();
        QVERIFY(m_server->start().ok());
        m_server->on("GET", QStringLiteral("/ping"), fixture(QStringLiteral("ping.http")));
        m_server->on("GET", QStringLiteral("/api/v2/orgs"), fixture(QStringLiteral("orgs.http")));
        m_server->on("GET", QStringLiteral("/api/v2/buckets"), [](const ContractRequest &r) {
            return r.queryValue(QStringLiteral("offset")).value_or(QStringLiteral("0")) == u"0"
                       ? fixture(QStringLiteral("buckets-page1.http"))
                       : fixture(QStringLiteral("buckets-page2.http"));
        });
    }

    void detectsFlavourFromPing()
    {
        auto c = client();
        auto info = c.ping();
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->flavour, ApiFlavour::V2);
        QCOMPARE(info->version, QStringLiteral("v2.7.4"));
        QCOMPARE(info->build, QStringLiteral("OSS"));
    }

    void flavourFromVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("flavour");
        QTest::newRow("oss 1.8") << "1.8.10" << int(ApiFlavour::V1);
        QTest::newRow("enterprise") << "1.12.4-c1.12.4" << int(ApiFlavour::V1);
        QTest::newRow("debian") << "1.6.7~rc0" << int(ApiFlavour::V1);
        QTest::newRow("v2") << "v2.7.4" << int(ApiFlavour::V2);
        QTest::newRow("2 without v") << "2.1.1" << int(ApiFlavour::V2);
        QTest::newRow("unknown") << "cloud" << -1;
    }
    void flavourFromVersion()
    {
        QFETCH(QString, version);
        QFETCH(int, flavour);
        const auto f = sasquatch::flavourFromVersion(version);
        QCOMPARE(f ? int(*f) : -1, flavour);
    }

    void listsBucketsAcrossPages()
    {
        auto c = client();
        auto buckets = c.listBuckets();
        QVERIFY2(buckets.ok(), qPrintable(buckets.error()));
        QCOMPARE(buckets->size(), size_t(3));
        // user buckets first, by name; system buckets last
        QCOMPARE(buckets->at(0).name, QStringLiteral("efd"));
        QCOMPARE(buckets->at(0).retentionSeconds, 2592000);
        QCOMPARE(buckets->at(0).shardGroupSeconds, 604800);
        QCOMPARE(buckets->at(0).description, QStringLiteral("Engineering and Facilities Database"));
        QCOMPARE(buckets->at(1).name, QStringLiteral("lsst.dm"));
        QCOMPARE(buckets->at(1).retentionSeconds, 0); // empty rules = infinite
        QCOMPARE(buckets->at(2).name, QStringLiteral("_monitoring"));
        QVERIFY(buckets->at(2).isSystem);
        const auto requests = m_server->requestsTo(QStringLiteral("/api/v2/buckets"));
        QCOMPARE(requests.size(), size_t(2));
        QCOMPARE(requests[0].queryValue(QStringLiteral("org")), QStringLiteral("rubin"));
        QCOMPARE(requests[1].queryValue(QStringLiteral("offset")), QStringLiteral("2"));
        QCOMPARE(requests[0].tokenAuth(), QStringLiteral("tok-123"));
    }

    void createsBucket()
    {
        m_server->on("POST", QStringLiteral("/api/v2/buckets"), fixture(QStringLiteral("bucket-created.http")));
        auto c = client();
        BucketSpec spec;
        spec.name = QStringLiteral("faro");
        spec.retentionSeconds = 7 * 86400;
        spec.shardGroupSeconds = 86400;
        auto created = c.createBucket(spec);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        const auto posts = m_server->requestsTo(QStringLiteral("/api/v2/buckets"));
        const auto &post = posts.back();
        QCOMPARE(post.method, QByteArray("POST"));
        const auto body = nlohmann::json::parse(post.body.toStdString());
        QCOMPARE(body["orgID"].get<std::string>(), std::string("a1b2c3d4e5f60718"));
        QCOMPARE(body["name"].get<std::string>(), std::string("faro"));
        QCOMPARE(body["retentionRules"][0]["everySeconds"].get<int>(), 604800);
        QCOMPARE(body["retentionRules"][0]["type"].get<std::string>(), std::string("expire"));
    }

    void createBucketConflictShowsServerMessage()
    {
        m_server->on("POST", QStringLiteral("/api/v2/buckets"), fixture(QStringLiteral("bucket-conflict.http")));
        auto c = client();
        BucketSpec spec;
        spec.name = QStringLiteral("efd");
        auto created = c.createBucket(spec);
        QVERIFY(!created.ok());
        QCOMPARE(created.failure().httpStatus, 422);
        QVERIFY2(created.error().contains(QStringLiteral("bucket with name efd already exists")), qPrintable(created.error()));
    }

    void createBucketValidates()
    {
        auto c = client(ApiFlavour::V2);
        BucketSpec spec;
        spec.name = QStringLiteral("_tasks");
        auto created = c.createBucket(spec);
        QVERIFY(!created.ok());
        QVERIFY(created.error().contains(QStringLiteral("reserved")));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void unauthorized()
    {
        m_server->on("GET", QStringLiteral("/api/v2/buckets"), fixture(QStringLiteral("unauthorized.http")));
        auto c = client(ApiFlavour::V2);
        auto buckets = c.listBuckets();
        QVERIFY(!buckets.ok());
        QCOMPARE(buckets.failure().httpStatus, 401);
        QVERIFY2(buckets.error().contains(QStringLiteral("unauthorized access")), qPrintable(buckets.error()));
        QVERIFY2(!buckets.error().contains(QStringLiteral("tok-123")), qPrintable(buckets.error()));
    }

    void schemaThroughFlux()
    {
        m_server->on("POST", QStringLiteral("/api/v2/query"), [](const ContractRequest &r) {
            const auto body = nlohmann::json::parse(r.body.toStdString(), nullptr, false);
            const QString flux = QString::fromStdString(body.value("query", std::string()));
            if (body["dialect"]["annotations"].size() != 3)
                return ContractResponse::json(400, "{\"code\":\"invalid\",\"message\":\"test: annotations missing\"}");
            if (flux.contains(QStringLiteral("schema.measurements(")))
                return csv(QStringLiteral("measurements.csv"));
            if (flux.contains(QStringLiteral("schema.measurementFieldKeys(")))
                return csv(QStringLiteral("field-keys.csv"));
            if (flux.contains(QStringLiteral("schema.measurementTagKeys(")))
                return csv(QStringLiteral("tag-keys.csv"));
            if (flux.contains(QStringLiteral("last()")))
                return csv(QStringLiteral("field-last.csv"));
            return ContractResponse::json(400, "{\"code\":\"invalid\",\"message\":\"unexpected query\"}");
        });
        auto c = client(ApiFlavour::V2);
        BucketInfo efd;
        efd.name = QStringLiteral("efd");
        auto topics = c.listMeasurements(efd);
        QVERIFY2(topics.ok(), qPrintable(topics.error()));
        QCOMPARE(*topics, QStringList({QStringLiteral("lsst.sal.ATDome.position"),
                                       QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"),
                                       QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState")}));
        const QString m1m3 = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
        auto fields = c.listFieldKeys(efd, m1m3);
        QVERIFY2(fields.ok(), qPrintable(fields.error()));
        QCOMPARE(fields->size(), size_t(4));
        QCOMPARE(fields->at(0), (FieldKey{QStringLiteral("xForce0"), QStringLiteral("float")}));
        QCOMPARE(fields->at(3), (FieldKey{QStringLiteral("private_seqNum"), QStringLiteral("integer")}));
        auto tags = c.listTagKeys(efd, m1m3);
        QVERIFY2(tags.ok(), qPrintable(tags.error()));
        QCOMPARE(*tags, QStringList{QStringLiteral("salIndex")});
        auto all = c.listAllFieldKeys(efd);
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QCOMPARE(all->size(), size_t(1));
        QCOMPARE(all->at(0).fields.size(), size_t(4));
        // The same last() answer carries the tag keys: its tables' group keys.
        QVERIFY(all->at(0).tags.has_value());
        QCOMPARE(*all->at(0).tags, QStringList{QStringLiteral("salIndex")});
        auto allTags = c.listAllTagKeys(efd);
        QVERIFY2(allTags.ok(), qPrintable(allTags.error()));
        QCOMPARE(allTags->size(), 1);
        QCOMPARE(allTags->value(m1m3), QStringList{QStringLiteral("salIndex")});
        const auto lastQueries = m_server->requestsTo(QStringLiteral("/api/v2/query"));
        QVERIFY(lastQueries.back().body.contains("drop(columns:"));
        // The bucket name reached Flux as an escaped string literal.
        const auto queries = m_server->requestsTo(QStringLiteral("/api/v2/query"));
        QVERIFY(!queries.empty());
        QVERIFY(queries[0].body.contains("bucket: \\\"efd\\\""));
        QCOMPARE(queries[0].queryValue(QStringLiteral("org")), QStringLiteral("rubin"));
    }

    void fluxErrorInsideBody()
    {
        // A Flux error after status 200 arrives as an error table (annotated CSV reference).
        m_server->on("POST", QStringLiteral("/api/v2/query"),
                     ContractResponse::text(200,
                                            "#datatype,string,string\r\n#group,true,true\r\n#default,,\r\n,error,reference\r\n"
                                            ",\"schema: bucket \"\"nope\"\" not found\",897\r\n\r\n",
                                            "text/csv"));
        auto c = client(ApiFlavour::V2);
        BucketInfo b;
        b.name = QStringLiteral("nope");
        auto topics = c.listMeasurements(b);
        QVERIFY(!topics.ok());
        QVERIFY2(topics.error().contains(QStringLiteral("bucket \"nope\" not found")), qPrintable(topics.error()));
    }
};

QTEST_GUILESS_MAIN(tst_InfluxClientV2)
#include "tst_influxclientv2.moc"
