// SPDX-License-Identifier: GPL-3.0-or-later
// Units and descriptions from Avro schemas (core/catalog/FieldDocs, core/kafka/TopicSchemaService):
// SAL schemas put `units` and `description` on every field, arrays once for all elements;
// InfluxDB flattens arrays as zForce0 … zForce155, and the docs must find them by those names.
#include "core/catalog/FieldDocs.h"
#include "core/kafka/AvroSchema.h"
#include "core/kafka/MemorySchemaSource.h"
#include "core/kafka/TopicSchemaService.h"

#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;

namespace {

// SAL-shaped: units and descriptions, a fixed-length array (its default gives the length),
// a nullable field and SAL's "unitless".
const QByteArray kForces =
    "{\"type\":\"record\",\"name\":\"forceActuatorData\",\"namespace\":\"lsst.sal.MTM1M3\",\"fields\":["
    "{\"name\":\"private_efdStamp\",\"type\":\"double\",\"units\":\"second\",\"description\":\"UTC time for EFD timestamp\"},"
    "{\"name\":\"salIndex\",\"type\":\"long\",\"units\":\"unitless\",\"description\":\"SAL index\"},"
    "{\"name\":\"zForce\",\"type\":{\"type\":\"array\",\"items\":\"float\"},\"default\":[0,0,0],"
    "\"units\":\"N\",\"description\":\"Z forces\"},"
    "{\"name\":\"fz\",\"type\":[\"null\",\"double\"],\"units\":\"N\",\"description\":\"Total Z force\"},"
    "{\"name\":\"zForce1x\",\"type\":\"double\",\"units\":\"mm\",\"description\":\"Not an element\"}]}";

/// A source that fails like a registry that is down.
class BrokenSource final : public SchemaSource
{
public:
    Outcome<QByteArray> schemaJson(std::int32_t, const CancelToken &) override { return Failure{QStringLiteral("down"), 503}; }
    Outcome<QByteArray> latestSchemaJson(const QString &subject, const CancelToken &) override
    {
        ++asks;
        return Failure{QStringLiteral("Subject %1: HTTP 503 Service Unavailable").arg(subject), 503};
    }
    QString describe() const override { return QStringLiteral("broken"); }
    std::atomic<int> asks{0};
};

} // namespace

class tst_FieldDocs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lookup_data();
    void lookup();
    void fromSchemaAndLayoutAgree();
    void describedFromSource();
    void unknownSubjectNotAskedAgain();
    void failureReported();
    void learnFromLayout();
};

void tst_FieldDocs::lookup_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("description");
    QTest::newRow("scalar") << QStringLiteral("fz") << true << QStringLiteral("N") << QStringLiteral("Total Z force");
    QTest::newRow("array element") << QStringLiteral("zForce2") << true << QStringLiteral("N") << QStringLiteral("Z forces");
    QTest::newRow("element past the declared length") << QStringLiteral("zForce155") << true << QStringLiteral("N")
                                                       << QStringLiteral("Z forces");
    QTest::newRow("scalar with digits wins over an array") << QStringLiteral("zForce1x") << true << QStringLiteral("mm")
                                                           << QStringLiteral("Not an element");
    QTest::newRow("unitless is no unit") << QStringLiteral("salIndex") << true << QString() << QStringLiteral("SAL index");
    QTest::newRow("array name alone is not a field") << QStringLiteral("zForce") << false << QString() << QString();
    QTest::newRow("leading zero is not an element") << QStringLiteral("zForce01") << false << QString() << QString();
    QTest::newRow("unknown") << QStringLiteral("yForce0") << false << QString() << QString();
}

void tst_FieldDocs::lookup()
{
    QFETCH(QString, field);
    QFETCH(bool, found);
    QFETCH(QString, unit);
    QFETCH(QString, description);
    auto schema = AvroSchema::parse(kForces);
    QVERIFY2(schema, qPrintable(schema.error()));
    const FieldDocs docs = TopicSchemaService::docsOf(**schema);
    const FieldDoc *doc = docs.find(field);
    QCOMPARE(doc != nullptr, found);
    if (doc) {
        QCOMPARE(doc->unit, unit);
        QCOMPARE(doc->description, description);
    }
    std::vector<FieldInfo> fields{{field, FieldType::Float, QStringLiteral("old"), {}}};
    QCOMPARE(docs.apply(fields), found);
    QCOMPARE(fields.front().unit, found ? unit : QStringLiteral("old"));
}

void tst_FieldDocs::fromSchemaAndLayoutAgree()
{
    auto schema = AvroSchema::parse(kForces);
    QVERIFY(schema);
    const FieldDocs fromSchema = TopicSchemaService::docsOf(**schema);
    const FieldDocs fromLayout = TopicSchemaService::docsOf(*(*schema)->layout());
    QVERIFY(!fromSchema.isEmpty());
    QVERIFY(fromSchema == fromLayout);
}

void tst_FieldDocs::describedFromSource()
{
    auto source = std::make_shared<MemorySchemaSource>();
    const QString topic = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
    source->registerSchema(topic + QStringLiteral("-value"), kForces);
    TopicSchemaService service;
    service.setSource(source);
    QSignalSpy described(&service, &TopicSchemaService::described);
    service.describe(topic);
    service.describe(topic); // asked once while the first ask runs
    QVERIFY(described.wait(5000));
    QCOMPARE(described.size(), 1);
    QCOMPARE(described.front().at(0).toString(), topic);
    QVERIFY(service.docs(topic));
    QCOMPARE(service.docs(topic)->find(QStringLiteral("zForce7"))->unit, QStringLiteral("N"));
    service.describe(topic); // known: no new ask, no new signal
    QTest::qWait(50);
    QCOMPARE(described.size(), 1);
    // Another connection forgets what the last one said.
    service.setSource(std::make_shared<MemorySchemaSource>());
    QVERIFY(!service.docs(topic));
}

void tst_FieldDocs::unknownSubjectNotAskedAgain()
{
    TopicSchemaService service;
    auto memory = std::make_shared<MemorySchemaSource>();
    service.setSource(memory);
    QSignalSpy described(&service, &TopicSchemaService::described);
    QSignalSpy failed(&service, &TopicSchemaService::failed);
    service.describe(QStringLiteral("lsst.dm.metric"));
    QTest::qWait(300);
    QCOMPARE(described.size(), 0);
    QCOMPARE(failed.size(), 0); // not every measurement has a subject: not an error
    memory->registerSchema(QStringLiteral("lsst.dm.metric-value"), kForces);
    service.describe(QStringLiteral("lsst.dm.metric")); // remembered as absent: not asked
    QTest::qWait(100);
    QCOMPARE(described.size(), 0);
}

void tst_FieldDocs::failureReported()
{
    auto source = std::make_shared<BrokenSource>();
    TopicSchemaService service;
    service.setSource(source);
    QSignalSpy failed(&service, &TopicSchemaService::failed);
    service.describe(QStringLiteral("lsst.sal.ATDome.position"));
    QVERIFY(failed.wait(5000));
    QVERIFY2(failed.front().at(1).toString().contains(QStringLiteral("503")), qPrintable(failed.front().at(1).toString()));
    // A failure is not remembered: asking again asks the source again.
    service.describe(QStringLiteral("lsst.sal.ATDome.position"));
    QVERIFY(failed.wait(5000));
    QCOMPARE(source->asks.load(), 2);
}

void tst_FieldDocs::learnFromLayout()
{
    auto schema = AvroSchema::parse(kForces);
    QVERIFY(schema);
    TopicSchemaService service; // no source: live messages still teach it
    QSignalSpy described(&service, &TopicSchemaService::described);
    const QString topic = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
    service.learn(topic, *(*schema)->layout());
    QCOMPARE(described.size(), 1);
    service.learn(topic, *(*schema)->layout()); // the same docs: nothing new
    QCOMPARE(described.size(), 1);
    QCOMPARE(service.docs(topic)->find(QStringLiteral("fz"))->description, QStringLiteral("Total Z force"));
}

QTEST_GUILESS_MAIN(tst_FieldDocs)
#include "tst_fielddocs.moc"
