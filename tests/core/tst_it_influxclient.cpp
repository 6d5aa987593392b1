// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxClient against the real influxd started by the CTest fixture (Debian's InfluxDB 1.x).
#include "core/http/CurlTransport.h"
#include "core/influx/InfluxClient.h"
#include "tests/support/InfluxFixture.h"

#include <QTest>
#include <QUuid>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

class tst_ItInfluxClient : public QObject
{
    Q_OBJECT
private:
    InfluxClient client(ApiFlavour api = ApiFlavour::Auto)
    {
        ConnectionProfile p;
        p.name = QStringLiteral("fixture");
        p.influxUrl = InfluxFixture::url();
        p.api = api;
        p.database = QStringLiteral("efd");
        return InfluxClient(p, QString(), std::make_shared<CurlTransport>());
    }

    static QString uniqueName(const char *prefix)
    {
        return QString::fromLatin1(prefix) + QUuid::createUuid().toString(QUuid::Id128).left(8);
    }

    BucketInfo efdBucket(InfluxClient &c)
    {
        auto buckets = c.listBuckets();
        for (const auto &b : buckets.value())
            if (b.database == u"efd" && b.isDefault)
                return b;
        return {};
    }

private Q_SLOTS:
    void ping()
    {
        auto c = client();
        auto info = c.ping();
        QVERIFY2(info.ok(), qPrintable(info.error()));
        QCOMPARE(info->flavour, ApiFlavour::V1);
        QVERIFY(info->version.startsWith(QStringLiteral("1.")));
    }

    void listsBuckets()
    {
        auto c = client();
        auto buckets = c.listBuckets();
        QVERIFY2(buckets.ok(), qPrintable(buckets.error()));
        const BucketInfo efd = efdBucket(c);
        QCOMPARE(efd.name, QStringLiteral("efd/autogen"));
        QCOMPARE(efd.retentionPolicy, QStringLiteral("autogen"));
        QCOMPARE(efd.retentionSeconds, 0);       // autogen keeps forever
        QCOMPARE(efd.shardGroupSeconds, 7 * 86400); // InfluxDB's default for infinite retention
        QVERIFY(efd.isDefault);
    }

    void createsDatabaseAndRetentionPolicy()
    {
        auto c = client();
        BucketSpec spec;
        spec.database = uniqueName("tst_db_");
        spec.retentionPolicy = QStringLiteral("week");
        spec.retentionSeconds = 7 * 86400;
        spec.shardGroupSeconds = 86400;
        spec.makeDefault = true;
        auto created = c.createBucket(spec);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        auto buckets = c.listBuckets();
        QVERIFY(buckets.ok());
        bool found = false;
        for (const auto &b : buckets.value()) {
            if (b.name == spec.database + QStringLiteral("/week")) {
                found = true;
                QCOMPARE(b.retentionSeconds, 7 * 86400);
                QCOMPARE(b.shardGroupSeconds, 86400);
                QVERIFY(b.isDefault);
            }
        }
        QVERIFY(found);
    }

    void createWithHostileNameStaysAName()
    {
        auto c = client();
        BucketSpec spec;
        spec.database = uniqueName("x\" ; DROP DATABASE efd; \"");
        auto created = c.createBucket(spec);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        auto buckets = c.listBuckets();
        QVERIFY(buckets.ok());
        QStringList names;
        for (const auto &b : buckets.value())
            names << b.database;
        QVERIFY(names.contains(spec.database));
        QVERIFY(names.contains(QStringLiteral("efd")));
    }

    void rejectsInvalidBucket()
    {
        auto c = client();
        BucketSpec spec;
        spec.database = QStringLiteral("efd");
        spec.retentionPolicy = QStringLiteral("short");
        spec.retentionSeconds = 60;
        auto created = c.createBucket(spec);
        QVERIFY(!created.ok());
        QCOMPARE(created.error(), QStringLiteral("The retention period must be at least 1 hour, or infinite."));
    }

    void listsMeasurementsFieldsAndTags()
    {
        auto c = client();
        const BucketInfo efd = efdBucket(c);
        auto topics = c.listMeasurements(efd);
        QVERIFY2(topics.ok(), qPrintable(topics.error()));
        QVERIFY2(topics->size() >= 2000, qPrintable(QString::number(topics->size())));
        const QString m1m3 = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
        QVERIFY(topics->contains(m1m3));
        auto fields = c.listFieldKeys(efd, m1m3);
        QVERIFY2(fields.ok(), qPrintable(fields.error()));
        QStringList names;
        for (const auto &f : fields.value())
            names << f.name;
        QVERIFY(names.contains(QStringLiteral("zForce155")));
        QVERIFY(names.contains(QStringLiteral("private_efdStamp")));
        QVERIFY(fields->size() >= 812);
        for (const auto &f : fields.value())
            if (f.name == u"zForce0")
                QCOMPARE(f.type, QStringLiteral("float"));
        auto all = c.listAllFieldKeys(efd);
        QVERIFY2(all.ok(), qPrintable(all.error()));
        QCOMPARE(all->size(), size_t(topics->size()));
        auto tags = c.listTagKeys(efd, m1m3);
        QVERIFY2(tags.ok(), qPrintable(tags.error()));
    }

    void statementErrorsAndParseErrors()
    {
        auto c = client();
        auto parse = c.influxQl(QStringLiteral("SELEKT * FROM x"), QStringLiteral("efd"));
        QVERIFY(!parse.ok());
        QCOMPARE(parse.failure().httpStatus, 400);
        QVERIFY2(parse.error().contains(QStringLiteral("error parsing query")), qPrintable(parse.error()));
        auto missing = c.influxQl(QStringLiteral("SHOW FIELD KEYS ON \"no_such_db_here\""), {});
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().contains(QStringLiteral("database not found")), qPrintable(missing.error()));
    }

    void hostileMeasurementNameReturnsNothing()
    {
        auto c = client();
        const BucketInfo efd = efdBucket(c);
        for (const QString &name : {QStringLiteral("a\"b"), QStringLiteral("x' OR 1=1"), QStringLiteral("/.*/")}) {
            auto fields = c.listFieldKeys(efd, name);
            QVERIFY2(fields.ok(), qPrintable(fields.error()));
            QVERIFY2(fields->empty(), qPrintable(name));
        }
    }

    void unreachableServer()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("nowhere");
        p.influxUrl = QStringLiteral("http://127.0.0.1:9");
        InfluxClient c(p, QString(), std::make_shared<CurlTransport>());
        auto info = c.ping();
        QVERIFY(!info.ok());
        QVERIFY2(info.error().contains(QStringLiteral("127.0.0.1:9")), qPrintable(info.error()));
    }
};

QTEST_GUILESS_MAIN(tst_ItInfluxClient)
#include "tst_it_influxclient.moc"
