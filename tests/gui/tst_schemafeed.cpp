// SPDX-License-Identifier: GPL-3.0-or-later
// Catalog answers become the editors' completion schema: buckets, the current bucket's
// measurements, fields and tags; other buckets' answers are ignored; bursts are coalesced.
#include "gui/query/SchemaFeed.h"

#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;

namespace {

BucketInfo bucket(const QString &name)
{
    BucketInfo b;
    b.name = name;
    return b;
}

} // namespace

class tst_SchemaFeed : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void routesCatalogAnswers()
    {
        SchemaFeed feed;
        QSignalSpy changed(&feed, &SchemaFeed::schemaChanged);
        QSignalSpy current(&feed, &SchemaFeed::currentBucketChanged);
        feed.setBuckets({bucket(QStringLiteral("efd/autogen")), bucket(QStringLiteral("lsst.dm/autogen"))});
        feed.setTopics(bucket(QStringLiteral("efd/autogen")),
                       {QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"), QStringLiteral("lsst.sal.ATDome.position")});
        feed.setAllFields(bucket(QStringLiteral("efd/autogen")),
                          {MeasurementFields{QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"),
                                             {FieldKey{QStringLiteral("fx"), QStringLiteral("float")},
                                              FieldKey{QStringLiteral("zForce0"), QStringLiteral("float")}}},
                           MeasurementFields{QStringLiteral("lsst.sal.ATDome.position"),
                                             {FieldKey{QStringLiteral("azimuthPosition"), QStringLiteral("float")},
                                              FieldKey{QStringLiteral("fx"), QStringLiteral("float")}}}});
        feed.addFields(bucket(QStringLiteral("efd/autogen")), QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"),
                       {FieldKey{QStringLiteral("fy"), {}}}, {QStringLiteral("salIndex")});
        QCOMPARE(current.count(), 1);
        QCOMPARE(current.at(0).at(0).value<BucketInfo>().name, QStringLiteral("efd/autogen"));
        // Coalesced: one signal for the burst.
        QVERIFY(changed.wait(2000));
        QCOMPARE(changed.count(), 1);
        const SchemaSnapshot s = feed.schema();
        QCOMPARE(s.buckets, (QStringList{QStringLiteral("efd/autogen"), QStringLiteral("lsst.dm/autogen")}));
        QCOMPARE(s.measurements.size(), 2);
        QCOMPARE(s.fields, (QStringList{QStringLiteral("fx"), QStringLiteral("zForce0"), QStringLiteral("azimuthPosition"),
                                        QStringLiteral("fy")}));
        QCOMPARE(s.tagKeys, QStringList{QStringLiteral("salIndex")});
        QCOMPARE(changed.at(0).at(0).value<SchemaSnapshot>(), s);
    }

    void otherBucketsAreIgnoredAndSwitchingForgets()
    {
        SchemaFeed feed;
        feed.setTopics(bucket(QStringLiteral("efd/autogen")), {QStringLiteral("a")});
        feed.addFields(bucket(QStringLiteral("efd/autogen")), QStringLiteral("a"), {FieldKey{QStringLiteral("x"), {}}},
                       {QStringLiteral("t")});
        // A late answer about a bucket that is not current.
        feed.addFields(bucket(QStringLiteral("lsst.dm/autogen")), QStringLiteral("b"), {FieldKey{QStringLiteral("y"), {}}}, {});
        feed.setAllFields(bucket(QStringLiteral("lsst.dm/autogen")), {MeasurementFields{QStringLiteral("b"), {FieldKey{QStringLiteral("z"), {}}}}});
        QCOMPARE(feed.schema().fields, QStringList{QStringLiteral("x")});
        feed.setTopics(bucket(QStringLiteral("lsst.dm/autogen")), {QStringLiteral("b")});
        QCOMPARE(feed.currentBucket().name, QStringLiteral("lsst.dm/autogen"));
        QVERIFY(feed.schema().fields.isEmpty());
        QVERIFY(feed.schema().tagKeys.isEmpty());
        QCOMPARE(feed.schema().measurements, QStringList{QStringLiteral("b")});
        // Topics of the same bucket again keep its fields.
        feed.addFields(bucket(QStringLiteral("lsst.dm/autogen")), QStringLiteral("b"), {FieldKey{QStringLiteral("y"), {}}}, {});
        feed.setTopics(bucket(QStringLiteral("lsst.dm/autogen")), {QStringLiteral("b"), QStringLiteral("c")});
        QCOMPARE(feed.schema().fields, QStringList{QStringLiteral("y")});
    }

    void clearForgetsEverything()
    {
        SchemaFeed feed;
        QSignalSpy changed(&feed, &SchemaFeed::schemaChanged);
        feed.setBuckets({bucket(QStringLiteral("efd/autogen"))});
        feed.setTopics(bucket(QStringLiteral("efd/autogen")), {QStringLiteral("a")});
        feed.clear();
        feed.flush();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(feed.schema(), SchemaSnapshot{});
        QVERIFY(feed.currentBucket().name.isEmpty());
    }
};

QTEST_MAIN(tst_SchemaFeed)
#include "tst_schemafeed.moc"
