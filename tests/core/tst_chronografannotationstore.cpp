// SPDX-License-Identifier: GPL-3.0-or-later
// ChronografFormat byte for byte, and ChronografAnnotationStore's handling of a server without
// the chronograf database, against a contract server answering as InfluxDB 1.x does (/write:
// 404 {"error":"database not found: \"chronograf\""}; /query: statement errors inside 200). The
// store against a real influxd is tst_it_chronografannotationstore.
#include "core/annotations/ChronografAnnotationStore.h"
#include "core/annotations/ChronografFormat.h"
#include "core/http/CurlTransport.h"
#include "tests/support/ContractHttpServer.h"

#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

Annotation sample()
{
    Annotation a;
    a.id = QStringLiteral("6f1b7c4e-2d3a-4b5c-8d9e-0a1b2c3d4e5f");
    a.startNs = 1'795'000'000'000'000'000;
    a.endNs = 1'795'000'060'000'000'000;
    a.text = QStringLiteral("say \"hi\" C:\\ 2\nlines");
    a.tags.insert(QStringLiteral("csc"), QStringLiteral("MTM1M3"));
    a.tags.insert(QStringLiteral("with space"), QStringLiteral("a,b=c d"));
    a.color = QStringLiteral("#e5533d");
    return a;
}

const QByteArray kDatabaseNotFound = "{\"error\":\"database not found: \\\"chronograf\\\"\"}";

} // namespace

class tst_ChronografAnnotationStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ContractHttpServer> m_server;

    ChronografAnnotationStore store()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("contract");
        p.influxUrl = m_server->baseUrl();
        p.api = ApiFlavour::V1;
        p.username = QStringLiteral("chronograf-user");
        return ChronografAnnotationStore(p, QStringLiteral("pw"), std::make_shared<CurlTransport>(),
                                         [] { return std::int64_t(1'795'000'100'000'000'007); });
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ContractHttpServer>();
        QVERIFY(m_server->start().ok());
    }

    void livePointIsChronografs()
    {
        QCOMPARE(ChronografFormat::livePoint(sample(), 42),
                 QByteArray("annotations,csc=MTM1M3,id=6f1b7c4e-2d3a-4b5c-8d9e-0a1b2c3d4e5f,with\\ space=a\\,b\\=c\\ d "
                            "deleted=false,start_time=1795000000000000000i,modified_time_ns=42i,"
                            "text=\"say \\\"hi\\\" C:\\\\ 2\nlines\",color=\"#e5533d\" 1795000060000000000\n"));
    }

    void deletedPointIsChronografs()
    {
        QCOMPARE(ChronografFormat::deletedPoint(QStringLiteral("x"), {{QStringLiteral("a"), QStringLiteral("b")}}, 5, 9),
                 QByteArray("annotations,a=b,id=x deleted=true,start_time=0i,modified_time_ns=9i,text=\"\" 5\n"));
    }

    void readsRowsTagsApartFromFields()
    {
        InfluxQlSeries s;
        s.name = QStringLiteral("annotations");
        s.columns = QStringList{QStringLiteral("time"), QStringLiteral("color"), QStringLiteral("csc"),
                                QStringLiteral("deleted"), QStringLiteral("extra"), QStringLiteral("id"),
                                QStringLiteral("modified_time_ns"), QStringLiteral("start_time"), QStringLiteral("text")};
        s.rows.push_back({qint64(20), QStringLiteral("#fff000"), QStringLiteral("MTM1M3"), false, QStringLiteral("field"),
                          QStringLiteral("a"), qint64(1), qint64(10), QStringLiteral("old")});
        s.rows.push_back({qint64(30), QVariant(), QVariant(), false, QVariant(), QStringLiteral("a"), qint64(2), qint64(30),
                          QStringLiteral("new")});
        s.rows.push_back({qint64(40), QVariant(), QVariant(), true, QVariant(), QStringLiteral("a"), qint64(3), qint64(0),
                          QString()});
        const QSet<QString> tagKeys{QStringLiteral("csc"), QStringLiteral("id")};
        auto rows = ChronografFormat::readRows(s, tagKeys);
        QVERIFY2(rows.ok(), qPrintable(rows.error()));
        QCOMPARE(int(rows->size()), 3);
        const Annotation &first = rows->at(0).annotation;
        QCOMPARE(first.tags, (QMap<QString, QString>{{QStringLiteral("csc"), QStringLiteral("MTM1M3")}}));
        QCOMPARE(first.startNs, 10);
        QCOMPARE(first.endNs, 20);
        QCOMPARE(first.color, QStringLiteral("#fff000"));
        QVERIFY(rows->at(2).deleted);
        // Newest live version wins; the deleted row (newer still) is not a version.
        const auto newest = ChronografFormat::newestLive(rows.value());
        QCOMPARE(int(newest.size()), 1);
        QCOMPARE(newest.front().text, QStringLiteral("new"));
        QCOMPARE(newest.front().tags, (QMap<QString, QString>{}));

        s.columns.removeAt(s.columns.indexOf(u"start_time"));
        auto broken = ChronografFormat::readRows(s, tagKeys);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().contains(QStringLiteral("start_time")), qPrintable(broken.error()));
    }

    void createsTheDatabaseWhenMissing()
    {
        m_server->onSequence("POST", QStringLiteral("/write"),
                             {ContractResponse::json(404, kDatabaseNotFound), ContractResponse::noContent()});
        m_server->on("POST", QStringLiteral("/query"), ContractResponse::json(200, "{\"results\":[{\"statement_id\":0}]}"));
        auto created = store().create(sample());
        QVERIFY2(created.ok(), qPrintable(created.error()));
        QCOMPARE(created->modifiedNs, 1'795'000'100'000'000'007);
        const auto requests = m_server->requests();
        QCOMPARE(int(requests.size()), 3);
        QCOMPARE(requests[0].path, QStringLiteral("/write"));
        QCOMPARE(requests[1].path, QStringLiteral("/query"));
        QCOMPARE(requests[1].param(QStringLiteral("q")), std::optional<QString>(QStringLiteral("CREATE DATABASE \"chronograf\"")));
        QCOMPARE(requests[2].path, QStringLiteral("/write"));
        for (const int i : {0, 2}) {
            QCOMPARE(requests[i].queryValue(QStringLiteral("db")), std::optional<QString>(QStringLiteral("chronograf")));
            QCOMPARE(requests[i].queryValue(QStringLiteral("rp")), std::optional<QString>(QStringLiteral("autogen")));
            QCOMPARE(requests[i].queryValue(QStringLiteral("precision")), std::optional<QString>(QStringLiteral("ns")));
            QCOMPARE(requests[i].basicAuth(), (std::optional<std::pair<QString, QString>>({QStringLiteral("chronograf-user"),
                                                                                          QStringLiteral("pw")})));
            QCOMPARE(requests[i].body, ChronografFormat::livePoint(created.value(), created->modifiedNs));
        }
    }

    void saysWhyTheDatabaseCouldNotBeCreated()
    {
        m_server->on("POST", QStringLiteral("/write"), ContractResponse::json(404, kDatabaseNotFound));
        m_server->on("POST", QStringLiteral("/query"),
                     ContractResponse::json(403, "{\"error\":\"error authorizing query: chronograf-user not authorized to "
                                                 "execute statement 'CREATE DATABASE chronograf', requires admin privilege\"}"));
        auto created = store().create(sample());
        QVERIFY(!created.ok());
        QCOMPARE(created.failure().httpStatus, 403);
        QVERIFY2(created.error().contains(QStringLiteral("could not be created")), qPrintable(created.error()));
        QVERIFY2(created.error().contains(QStringLiteral("requires admin privilege")), qPrintable(created.error()));
    }

    void missingDatabaseListsNothing()
    {
        // What influxd 1.6.7 answers for a lone SELECT on a database that does not exist.
        m_server->on("GET", QStringLiteral("/query"),
                     ContractResponse::json(200, "{\"results\":[{\"statement_id\":0,\"error\":\"database not found: chronograf\"}]}"));
        auto listed = store().list({});
        QVERIFY2(listed.ok(), qPrintable(listed.error()));
        QVERIFY(listed->empty());
        QCOMPARE(m_server->requestCount(), 1); // no tag keys asked for when there are no rows
        const ContractRequest q = m_server->requests().front();
        QCOMPARE(q.queryValue(QStringLiteral("epoch")), std::optional<QString>(QStringLiteral("ns")));
        QCOMPARE(q.queryValue(QStringLiteral("q")),
                 std::optional<QString>(QStringLiteral("SELECT * FROM \"chronograf\".\"autogen\".\"annotations\" "
                                                       "WHERE \"deleted\" = false")));
    }

    void readsTagKeysSeparately()
    {
        m_server->on("GET", QStringLiteral("/query"), [](const ContractRequest &r) {
            const QString q = r.queryValue(QStringLiteral("q")).value_or(QString());
            if (q.startsWith(QStringLiteral("SHOW TAG KEYS")))
                return ContractResponse::json(200, "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"annotations\","
                                                   "\"columns\":[\"tagKey\"],\"values\":[[\"csc\"],[\"id\"]]}]}]}");
            return ContractResponse::json(200, "{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"annotations\","
                                               "\"columns\":[\"time\",\"color\",\"csc\",\"deleted\",\"id\",\"modified_time_ns\","
                                               "\"start_time\",\"text\"],\"values\":[[20,\"#ffffff\",\"MTM1M3\",false,\"a\",1,10,\"x\"]]}]}]}");
        });
        auto listed = store().list({});
        QVERIFY2(listed.ok(), qPrintable(listed.error()));
        QCOMPARE(int(listed->size()), 1);
        QCOMPARE(listed->front().tags, (QMap<QString, QString>{{QStringLiteral("csc"), QStringLiteral("MTM1M3")}}));
        QCOMPARE(listed->front().color, QStringLiteral("#ffffff"));
        QCOMPARE(m_server->requestCount(), 2);
    }

    void otherStatementErrorsFail()
    {
        m_server->on("GET", QStringLiteral("/query"),
                     ContractResponse::json(200, "{\"results\":[{\"statement_id\":0,\"error\":\"max-select-point limit exceeded\"}]}"));
        auto listed = store().list({});
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().contains(QStringLiteral("max-select-point")), qPrintable(listed.error()));
    }
};

QTEST_GUILESS_MAIN(tst_ChronografAnnotationStore)
#include "tst_chronografannotationstore.moc"
