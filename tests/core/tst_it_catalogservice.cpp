// SPDX-License-Identifier: GPL-3.0-or-later
// CatalogService's bulk topic load against the real influxd started by the CTest fixture
// (Debian's InfluxDB 1.x): measurements written with tags, as Telegraf writes the EFD's camera
// databases (avro_tags Raft, Reb, Sensor ...), report their tag keys with the fields.
#include "core/http/CurlTransport.h"
#include "core/influx/CatalogService.h"
#include "core/influx/InfluxClient.h"
#include "tests/support/InfluxFixture.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

const QString kReb = QStringLiteral("lsst.MTCamera.focal_plane_Reb");
const QString kSensor = QStringLiteral("lsst.MTCamera.focal_plane_Ccd");
const QString kHeartbeat = QStringLiteral("lsst.sal.MTCamera.logevent_heartbeat");

const MeasurementFields *find(const std::vector<MeasurementFields> &all, const QString &measurement)
{
    for (const auto &m : all)
        if (m.measurement == measurement)
            return &m;
    return nullptr;
}

} // namespace

class tst_ItCatalogService : public QObject
{
    Q_OBJECT
private:
    QString m_url;
    QString m_database;
    std::shared_ptr<HttpTransport> m_transport = std::make_shared<CurlTransport>();

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.name = QStringLiteral("fixture");
        p.influxUrl = m_url;
        p.api = ApiFlavour::Auto;
        return p;
    }

    bool write(InfluxClient &client, const QString &rp, const QByteArray &lines)
    {
        std::vector<std::pair<QString, QString>> query{{QStringLiteral("db"), m_database}};
        if (!rp.isEmpty())
            query.emplace_back(QStringLiteral("rp"), rp);
        HttpRequest request = client.makeRequest(HttpMethod::Post, QStringLiteral("/write"), query);
        request.body = lines;
        auto done = client.perform(request, {});
        if (!done)
            qWarning("write: %s", qPrintable(done.error()));
        return done.ok();
    }

    BucketInfo bucket(const QString &rp)
    {
        InfluxClient client(profile(), {}, m_transport);
        auto buckets = client.listBuckets();
        if (buckets)
            for (const auto &b : buckets.value())
                if (b.database == m_database && b.retentionPolicy == rp)
                    return b;
        return {};
    }

    std::vector<MeasurementFields> loadAll(const BucketInfo &b)
    {
        CatalogService service(m_transport);
        service.setProfile(profile(), QString());
        QSignalSpy topics(&service, &CatalogService::topicsLoaded);
        QSignalSpy loaded(&service, &CatalogService::allFieldsLoaded);
        QSignalSpy failed(&service, &CatalogService::failed);
        service.loadTopics(b);
        if (!loaded.wait(30000)) {
            for (const auto &f : failed)
                qWarning("%s: %s", qPrintable(f.at(0).toString()), qPrintable(f.at(1).value<Failure>().message));
            return {};
        }
        [&] { QCOMPARE(failed.size(), 0); }();
        [&] { QCOMPARE(topics.size(), 1); }();
        return loaded.takeFirst().at(1).value<std::vector<MeasurementFields>>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = InfluxFixture::url();
        if (m_url.isEmpty())
            return;
        m_database = QStringLiteral("lsst.MTCamera_it_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        InfluxClient client(profile(), {}, m_transport);
        const QString statements = QStringLiteral("CREATE DATABASE \"%1\"; "
                                                  "CREATE RETENTION POLICY \"week\" ON \"%1\" DURATION 7d REPLICATION 1")
                                       .arg(m_database);
        auto created = client.influxQl(statements, {}, {}, HttpMethod::Post);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        // Points of now - 1 h, so that the 7-day policy keeps them.
        const QByteArray ns = QByteArray::number((QDateTime::currentMSecsSinceEpoch() - 3'600'000) * 1'000'000);
        QVERIFY(write(client, {},
                      "lsst.MTCamera.focal_plane_Reb,Raft=R22,Reb=Reb0 temp=1 " + ns + "\n"
                      "lsst.MTCamera.focal_plane_Reb,Raft=R22,Reb=Reb1 temp=2 " + ns + "\n"
                      "lsst.MTCamera.focal_plane_Ccd,Raft=R22,Sensor=S11 temp=3,voltage=12.5 " + ns + "\n"
                      "lsst.sal.MTCamera.logevent_heartbeat heartbeat=true " + ns + "\n"));
        QVERIFY(write(client, QStringLiteral("week"),
                      "lsst.MTCamera.focal_plane_Reb,Raft=R01,Reb=Reb2,Agent=daq temp=4 " + ns + "\n"));
    }

    void cleanupTestCase()
    {
        if (m_url.isEmpty() || m_database.isEmpty())
            return;
        InfluxClient client(profile(), {}, m_transport);
        (void)client.influxQl(QStringLiteral("DROP DATABASE \"%1\"").arg(m_database), {}, {}, HttpMethod::Post);
    }

    void defaultPolicyReportsTags()
    {
        if (m_url.isEmpty())
            return;
        const BucketInfo autogen = bucket(QStringLiteral("autogen"));
        QVERIFY(autogen.isDefault);
        const auto all = loadAll(autogen);
        QCOMPARE(all.size(), size_t(3));
        const MeasurementFields *reb = find(all, kReb);
        QVERIFY(reb);
        QCOMPARE(reb->fields.size(), size_t(1));
        QVERIFY(reb->tags.has_value());
        // InfluxDB 1.x indexes series per database, so the tag of the "week" point shows here too.
        QCOMPARE(*reb->tags, (QStringList{QStringLiteral("Agent"), QStringLiteral("Raft"), QStringLiteral("Reb")}));
        const MeasurementFields *sensor = find(all, kSensor);
        QVERIFY(sensor);
        QCOMPARE(sensor->fields.size(), size_t(2));
        QCOMPARE(sensor->tags.value_or(QStringList()), (QStringList{QStringLiteral("Raft"), QStringLiteral("Sensor")}));
        const MeasurementFields *heartbeat = find(all, kHeartbeat);
        QVERIFY(heartbeat);
        QVERIFY(heartbeat->tags.has_value()); // known: no tags
        QVERIFY(heartbeat->tags->isEmpty());
    }

    void otherPolicyReportsItsTags()
    {
        if (m_url.isEmpty())
            return;
        const BucketInfo week = bucket(QStringLiteral("week"));
        QCOMPARE(week.retentionPolicy, QStringLiteral("week"));
        QVERIFY(!week.isDefault);
        const auto all = loadAll(week);
        const MeasurementFields *reb = find(all, kReb);
        QVERIFY(reb);
        QVERIFY(reb->tags.has_value());
        QVERIFY2(reb->tags->contains(QStringLiteral("Agent")), qPrintable(reb->tags->join(u',')));
        QVERIFY(reb->tags->contains(QStringLiteral("Reb")));
    }

    void perTopicTagsAgree()
    {
        if (m_url.isEmpty())
            return;
        // The per-topic load (what expanding a topic without bulk tags does) says the same.
        const BucketInfo autogen = bucket(QStringLiteral("autogen"));
        const auto all = loadAll(autogen);
        CatalogService service(m_transport);
        service.setProfile(profile(), QString());
        QSignalSpy loaded(&service, &CatalogService::fieldsLoaded);
        for (const QString &topic : {kReb, kSensor, kHeartbeat}) {
            loaded.clear();
            service.loadFields(autogen, topic);
            QVERIFY(loaded.wait(30000));
            const MeasurementFields *bulk = find(all, topic);
            QVERIFY(bulk && bulk->tags);
            QCOMPARE(loaded.at(0).at(3).toStringList(), *bulk->tags);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ItCatalogService)
#include "tst_it_catalogservice.moc"
