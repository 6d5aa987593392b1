// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoCatalogSpecParser.h"

#include <QSet>
#include <QTest>

using namespace sasquatch;

class tst_DemoCatalog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsWithoutError();
    void hasTheRealCscs_data();
    void hasTheRealCscs();
    void counts();
    void everyKindIsPresent();
    void m1m3ForceActuatorData();
    void everyTopicHasThePrivateFields();
    void indexedCscsCarrySalIndex();
    void fieldNamesAreUniqueAndFlattened();
    void telemetryRatesAreSensible();
    void otherDatabases();
    void replicas();
    void deterministic();
    void parserRejectsBadSpecs_data();
    void parserRejectsBadSpecs();
    void parserReadsArraysAndUnits();
    void words_data();
    void words();
};

void tst_DemoCatalog::buildsWithoutError()
{
    QCOMPARE(DemoCatalog::instance().buildError(), QString());
}

void tst_DemoCatalog::hasTheRealCscs_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QList<int>>("indices");
    const QList<int> none;
    for (const char *n : {"MTM1M3", "MTM2", "MTMount", "MTRotator", "MTDome", "MTDomeTrajectory",
                          "MTPtg", "MTAOS", "MTM1M3TS", "MTCamera", "CCCamera", "ATCamera", "ATMCS",
                          "ATPtg", "ATDome", "ATDomeTrajectory", "ATHexapod", "ATPneumatics", "ATAOS",
                          "ATSpectrograph", "ATWhiteLight", "ATMonochromator", "Watcher",
                          "WeatherForecast", "EAS", "GIS", "HVAC", "LEDProjector", "TunableLaser"})
        QTest::newRow(n) << QString::fromLatin1(n) << none;
    QTest::newRow("MTHexapod") << QStringLiteral("MTHexapod") << QList<int>{1, 2};
    QTest::newRow("MTAirCompressor") << QStringLiteral("MTAirCompressor") << QList<int>{1, 2};
    for (const char *n : {"ESS", "Scheduler", "ScriptQueue", "Script", "DIMM", "DSM", "Electrometer",
                          "FiberSpectrograph", "GenericCamera", "LinearStage", "MTVMS", "OCPS", "PMD",
                          "Test"})
        QTest::newRow(n) << QString::fromLatin1(n) << QList<int>{-1};
}

void tst_DemoCatalog::hasTheRealCscs()
{
    QFETCH(QString, name);
    QFETCH(QList<int>, indices);
    const DemoCsc *csc = DemoCatalog::instance().csc(name);
    QVERIFY2(csc, qPrintable(name));
    if (indices == QList<int>{-1}) {
        QVERIFY2(csc->isIndexed(), qPrintable(name + QStringLiteral(" should be indexed")));
    } else {
        const QList<int> actual(csc->salIndices.begin(), csc->salIndices.end());
        QCOMPARE(actual, indices);
    }
    QVERIFY(!DemoCatalog::instance().topicsOf(name).empty());
}

void tst_DemoCatalog::counts()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    QVERIFY2(catalog.cscs().size() >= 50, qPrintable(QString::number(catalog.cscs().size())));
    QVERIFY2(catalog.topics().size() >= 2000, qPrintable(QString::number(catalog.topics().size())));
    qInfo("%d CSCs, %d topics (%d telemetry, %d events, %d commands, %d ackcmd), %lld field keys",
          int(catalog.cscs().size()), int(catalog.topics().size()),
          catalog.topicCount(DemoTopicKind::Telemetry), catalog.topicCount(DemoTopicKind::Event),
          catalog.topicCount(DemoTopicKind::Command), catalog.topicCount(DemoTopicKind::Ackcmd),
          catalog.fieldKeyCount());
    const DemoCsc *ess = catalog.csc(QStringLiteral("ESS"));
    QVERIFY(ess && ess->salIndices.size() >= 10);
    QSet<QString> names;
    for (const DemoCsc &c : catalog.cscs())
        names.insert(c.name);
    QCOMPARE(qsizetype(names.size()), qsizetype(catalog.cscs().size()));
}

void tst_DemoCatalog::everyKindIsPresent()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    QVERIFY(catalog.topicCount(DemoTopicKind::Telemetry) >= 240);
    QVERIFY(catalog.topicCount(DemoTopicKind::Event) >= 1000);
    QVERIFY(catalog.topicCount(DemoTopicKind::Command) >= 400);
    QCOMPARE(catalog.topicCount(DemoTopicKind::Ackcmd), int(catalog.cscs().size()));
    for (const DemoCsc &csc : catalog.cscs()) {
        for (const char *generic : {"logevent_summaryState", "logevent_heartbeat", "logevent_errorCode",
                                    "logevent_softwareVersions", "logevent_configurationApplied",
                                    "logevent_logMessage", "command_start", "command_enable",
                                    "command_setLogLevel", "ackcmd"}) {
            const DemoTopic *t = catalog.topic(csc.name, QString::fromLatin1(generic));
            QVERIFY2(t, qPrintable(csc.name + u'.' + QString::fromLatin1(generic)));
        }
    }
    for (const DemoTopic &t : catalog.topics()) {
        switch (t.kind) {
        case DemoTopicKind::Telemetry:
            QVERIFY(!t.name.startsWith(QStringLiteral("logevent_")) && !t.name.startsWith(QStringLiteral("command_")));
            break;
        case DemoTopicKind::Event:
            QVERIFY(t.name.startsWith(QStringLiteral("logevent_")));
            break;
        case DemoTopicKind::Command:
            QVERIFY(t.name.startsWith(QStringLiteral("command_")));
            break;
        case DemoTopicKind::Ackcmd:
            QCOMPARE(t.name, QStringLiteral("ackcmd"));
            break;
        }
    }
    const DemoTopic *summary = catalog.topic(QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState"));
    QVERIFY(summary && summary->field(QStringLiteral("summaryState")));
    QCOMPARE(summary->field(QStringLiteral("summaryState"))->type, DemoFieldType::Int32);
}

void tst_DemoCatalog::m1m3ForceActuatorData()
{
    const DemoTopic *t = DemoCatalog::instance().topic(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    QVERIFY(t);
    QCOMPARE(t->kind, DemoTopicKind::Telemetry);
    QCOMPARE(t->rateHz, 50.0);
    const QList<QPair<QString, int>> arrays = {{QStringLiteral("primaryCylinderForce"), 156},
                                               {QStringLiteral("secondaryCylinderForce"), 112},
                                               {QStringLiteral("primaryCylinderFollowingError"), 156},
                                               {QStringLiteral("secondaryCylinderFollowingError"), 112},
                                               {QStringLiteral("xForce"), 12},
                                               {QStringLiteral("yForce"), 100},
                                               {QStringLiteral("zForce"), 156}};
    for (const auto &[name, count] : arrays) {
        const DemoField *f = t->field(name);
        QVERIFY2(f, qPrintable(name));
        QCOMPARE(f->count, count);
        QCOMPARE(f->units, QStringLiteral("N"));
    }
    for (const char *scalar : {"fx", "fy", "fz", "mx", "my", "mz", "forceMagnitude", "timestamp"}) {
        const DemoField *f = t->field(QString::fromLatin1(scalar));
        QVERIFY2(f && f->count == 1, scalar);
    }
    int dataValues = 0;
    int privateValues = 0;
    for (const DemoField &f : t->fields)
        (f.role == DemoFieldRole::Data ? dataValues : privateValues) += f.count;
    QCOMPARE(dataValues, 812);
    QCOMPARE(privateValues, 8); // MTM1M3 is not indexed: no salIndex
    const QStringList names = t->flattenedFieldNames();
    QCOMPARE(names.size(), 820);
    QVERIFY(names.contains(QStringLiteral("xForce0")));
    QVERIFY(names.contains(QStringLiteral("xForce11")));
    QVERIFY(!names.contains(QStringLiteral("xForce12")));
    QVERIFY(names.contains(QStringLiteral("zForce155")));
    QVERIFY(names.contains(QStringLiteral("private_efdStamp")));
}

void tst_DemoCatalog::everyTopicHasThePrivateFields()
{
    for (const DemoTopic &t : DemoCatalog::instance().topics()) {
        for (const char *name : {"private_sndStamp", "private_rcvStamp", "private_efdStamp",
                                 "private_kafkaStamp", "private_seqNum", "private_revCode",
                                 "private_identity", "private_origin"}) {
            const DemoField *f = t.field(QString::fromLatin1(name));
            QVERIFY2(f && f->role == DemoFieldRole::Private,
                     qPrintable(t.measurement() + u' ' + QString::fromLatin1(name)));
        }
        QCOMPARE(t.field(QStringLiteral("private_sndStamp"))->type, DemoFieldType::Float64);
        QCOMPARE(t.field(QStringLiteral("private_seqNum"))->type, DemoFieldType::Int32);
        QCOMPARE(t.field(QStringLiteral("private_identity"))->type, DemoFieldType::String);
    }
}

void tst_DemoCatalog::indexedCscsCarrySalIndex()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    for (const DemoTopic &t : catalog.topics()) {
        const bool indexed = catalog.csc(t.csc)->isIndexed();
        QCOMPARE(t.field(QStringLiteral("salIndex")) != nullptr, indexed);
    }
}

void tst_DemoCatalog::fieldNamesAreUniqueAndFlattened()
{
    for (const DemoTopic &t : DemoCatalog::instance().topics()) {
        const QStringList names = t.flattenedFieldNames();
        QCOMPARE(names.size(), t.valueCount());
        const QSet<QString> unique(names.begin(), names.end());
        QVERIFY2(unique.size() == names.size(), qPrintable(t.measurement()));
        for (const DemoField &f : t.fields) {
            QVERIFY(!f.name.isEmpty());
            QVERIFY2(!f.name.contains(u' ') && !f.name.contains(u','), qPrintable(f.name));
        }
    }
}

void tst_DemoCatalog::telemetryRatesAreSensible()
{
    for (const DemoTopic &t : DemoCatalog::instance().topics()) {
        if (t.kind == DemoTopicKind::Telemetry)
            QVERIFY2(t.rateHz > 0.0 && t.rateHz <= 50.0, qPrintable(t.measurement()));
        else
            QCOMPARE(t.rateHz, 0.0);
    }
}

void tst_DemoCatalog::otherDatabases()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    const QStringList dbs = catalog.databaseNames();
    for (const char *name : {"efd", "lsst.dm", "lsst.verify", "lsst.square.metrics", "lsst.prompt",
                             "lsst.ATCamera", "lsst.MTCamera", "efd_replica"})
        QVERIFY2(dbs.contains(QString::fromLatin1(name)), name);
    for (const DemoDatabase &db : catalog.otherDatabases()) {
        QVERIFY2(db.measurements.size() >= 3, qPrintable(db.name));
        for (const DemoMeasurement &m : db.measurements) {
            QVERIFY(!m.fields.empty());
            QVERIFY(!m.tagSets.empty());
            for (const QStringList &tags : m.tagSets)
                QCOMPARE(tags.size(), m.tagKeys.size());
        }
    }
}

void tst_DemoCatalog::replicas()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    QVERIFY(catalog.replicatedTopics().size() >= 3);
    for (const DemoTopic *t : catalog.replicatedTopics()) {
        const QString replica = DemoCatalog::replicaMeasurement(*t);
        QVERIFY(replica.startsWith(QStringLiteral("summit.lsst.sal.")));
        QVERIFY(!catalog.topic(replica)); // not in efd itself
    }
}

void tst_DemoCatalog::deterministic()
{
    const DemoCatalog &catalog = DemoCatalog::instance();
    QCOMPARE(catalog.fingerprint().size(), 40);
    // The catalog is a function of compiled-in text: the same topic sits at the same place
    // with the same fields every run (the Kafka simulator and cached data rely on it).
    const DemoTopic &first = catalog.topics().front();
    QCOMPARE(first.measurement(), QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    QCOMPARE(catalog.topics().front().flattenedFieldNames().first(), QStringLiteral("timestamp"));
    QCOMPARE(catalog.fieldKeyCount(), [&catalog] {
        qint64 n = 0;
        for (const DemoTopic &t : catalog.topics())
            n += t.flattenedFieldNames().size();
        return n;
    }());
}

void tst_DemoCatalog::parserRejectsBadSpecs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("topic before CSC") << QByteArray("T a 1 x:d\n") << QStringLiteral("line 1: topic before any CSC");
    QTest::newRow("no rate") << QByteArray("CSC A - a\nT a x:d\n") << QStringLiteral("line 2: telemetry \"a\" needs a rate");
    QTest::newRow("bad type") << QByteArray("CSC A - a\nE e x:q\n") << QStringLiteral("bad field \"x:q\"");
    QTest::newRow("bad array") << QByteArray("CSC A - a\nE e x[1:d\n") << QStringLiteral("unclosed array size");
    QTest::newRow("array of one") << QByteArray("CSC A - a\nE e x[1]:d\n") << QStringLiteral("bad array size");
    QTest::newRow("duplicate") << QByteArray("CSC A - a\nC c x:d x:i\n") << QStringLiteral("field \"x\" twice");
    QTest::newRow("indices") << QByteArray("CSC A 3-1 a\n") << QStringLiteral("bad salIndex list \"3-1\"");
    QTest::newRow("keyword") << QByteArray("CSC A - a\nX y\n") << QStringLiteral("line 2: unknown keyword \"X\"");
}

void tst_DemoCatalog::parserRejectsBadSpecs()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const Outcome<DemoCatalogSpec> spec = DemoCatalogSpecParser::parse(text);
    QVERIFY(!spec);
    QVERIFY2(spec.error().contains(expected), qPrintable(spec.error()));
}

void tst_DemoCatalog::parserReadsArraysAndUnits()
{
    const Outcome<DemoCatalogSpec> spec = DemoCatalogSpecParser::parse(
        "# comment\nCSC Foo 1,5-7 Foo thing\nT bar 2.5 a[3]:f:N~m b:s\nE baz\nC qux on:b\n");
    QVERIFY2(spec, qPrintable(spec.error()));
    QCOMPARE(spec->cscs.size(), size_t(1));
    QCOMPARE(spec->cscs[0].salIndices, (std::vector<int>{1, 5, 6, 7}));
    QCOMPARE(spec->cscs[0].description, QStringLiteral("Foo thing"));
    QCOMPARE(spec->topics.size(), size_t(3));
    const DemoTopic &bar = spec->topics[0];
    QCOMPARE(bar.rateHz, 2.5);
    QCOMPARE(bar.fields[0].count, 3);
    QCOMPARE(bar.fields[0].units, QStringLiteral("N m"));
    QCOMPARE(bar.fields[0].type, DemoFieldType::Float32);
    QCOMPARE(bar.fields[1].type, DemoFieldType::String);
    QCOMPARE(spec->topics[1].name, QStringLiteral("logevent_baz"));
    QVERIFY(spec->topics[1].fields.empty());
    QCOMPARE(spec->topics[2].name, QStringLiteral("command_qux"));
    QCOMPARE(spec->topics[2].kind, DemoTopicKind::Command);
}

void tst_DemoCatalog::words_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("camel") << QStringLiteral("primaryCylinderForce") << QStringLiteral("Primary cylinder force");
    QTest::newRow("single") << QStringLiteral("fz") << QStringLiteral("Fz");
    QTest::newRow("acronym") << QStringLiteral("raiseM1M3") << QStringLiteral("Raise M1M3");
    QTest::newRow("underscore") << QStringLiteral("focal_plane_Ccd") << QStringLiteral("Focal plane Ccd");
}

void tst_DemoCatalog::words()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(DemoCatalogSpecParser::words(in), out);
}

QTEST_GUILESS_MAIN(tst_DemoCatalog)
#include "tst_democatalog.moc"
