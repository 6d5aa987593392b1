// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/TopicName.h"

#include <QTest>

using namespace sasquatch;

class tst_TopicName : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void segments_data();
    void segments();
    void kindNames();
    void defaultConstructed();
};

void tst_TopicName::parse_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("csc");
    QTest::addColumn<QString>("shortName");
    QTest::addColumn<QString>("replicaSource");
    QTest::addColumn<QString>("originName");

    const int tel = int(TopicKind::Telemetry);
    const int evt = int(TopicKind::Event);
    const int cmd = int(TopicKind::Command);
    const int ack = int(TopicKind::Ackcmd);
    const int other = int(TopicKind::Other);

    QTest::newRow("telemetry") << "lsst.sal.MTM1M3.forceActuatorData" << tel << "MTM1M3" << "forceActuatorData"
                               << "" << "lsst.sal.MTM1M3.forceActuatorData";
    QTest::newRow("event") << "lsst.sal.MTM1M3.logevent_summaryState" << evt << "MTM1M3"
                           << "logevent_summaryState" << "" << "lsst.sal.MTM1M3.logevent_summaryState";
    QTest::newRow("command") << "lsst.sal.MTM1M3.command_enable" << cmd << "MTM1M3" << "command_enable" << ""
                             << "lsst.sal.MTM1M3.command_enable";
    QTest::newRow("ackcmd") << "lsst.sal.MTM1M3.ackcmd" << ack << "MTM1M3" << "ackcmd" << ""
                            << "lsst.sal.MTM1M3.ackcmd";
    QTest::newRow("ackcmd-like telemetry") << "lsst.sal.ATDome.ackcmdStats" << tel << "ATDome" << "ackcmdStats"
                                           << "" << "lsst.sal.ATDome.ackcmdStats";
    QTest::newRow("replica") << "summit.lsst.sal.MTM1M3.forceActuatorData" << tel << "MTM1M3"
                             << "forceActuatorData" << "summit" << "lsst.sal.MTM1M3.forceActuatorData";
    QTest::newRow("replica event") << "usdf.lsst.sal.ATDome.logevent_heartbeat" << evt << "ATDome"
                                   << "logevent_heartbeat" << "usdf" << "lsst.sal.ATDome.logevent_heartbeat";
    QTest::newRow("replica of a metric") << "summit.lsst.dm.calexpSummary" << other << "" << "calexpSummary"
                                         << "summit" << "lsst.dm.calexpSummary";
    QTest::newRow("dm metric") << "lsst.dm.ap_verify.totalUnassociatedDiaObjects" << other << ""
                               << "totalUnassociatedDiaObjects" << "" << "lsst.dm.ap_verify.totalUnassociatedDiaObjects";
    QTest::newRow("verify") << "lsst.verify.validate_drp" << other << "" << "validate_drp" << ""
                            << "lsst.verify.validate_drp";
    QTest::newRow("first segment lsst is never a source") << "lsst.lsst.sal.X.y" << other << "" << "y" << ""
                                                          << "lsst.lsst.sal.X.y";
    QTest::newRow("two segments are not a replica") << "summit.lsst" << other << "" << "lsst" << ""
                                                    << "summit.lsst";
    QTest::newRow("no dots") << "cpu" << other << "" << "cpu" << "" << "cpu";
    QTest::newRow("empty") << "" << other << "" << "" << "" << "";
    QTest::newRow("only dots") << "..." << other << "" << "" << "" << "...";
    QTest::newRow("empty CSC") << "lsst.sal..forceActuatorData" << other << "" << "forceActuatorData" << ""
                               << "lsst.sal..forceActuatorData";
    QTest::newRow("CSC without topic") << "lsst.sal.MTM1M3" << other << "MTM1M3" << "MTM1M3" << ""
                                       << "lsst.sal.MTM1M3";
    QTest::newRow("trailing dot") << "lsst.sal.MTM1M3." << other << "MTM1M3" << "" << "" << "lsst.sal.MTM1M3.";
    QTest::newRow("dotted short name") << "lsst.sal.Test.logevent_a.b" << evt << "Test" << "logevent_a.b" << ""
                                       << "lsst.sal.Test.logevent_a.b";
    QTest::newRow("empty source") << ".lsst.sal.X.y" << other << "" << "y" << "" << ".lsst.sal.X.y";
    QTest::newRow("quotes") << "\"lsst.sal.X.y\"" << other << "" << "y\"" << "" << "\"lsst.sal.X.y\"";
    QTest::newRow("unicode") << QStringLiteral("lsst.sal.Témpé.logevent_été✓") << evt << QStringLiteral("Témpé")
                             << QStringLiteral("logevent_été✓") << "" << QStringLiteral("lsst.sal.Témpé.logevent_été✓");
    QTest::newRow("case matters") << "LSST.SAL.X.y" << other << "" << "y" << "" << "LSST.SAL.X.y";
}

void tst_TopicName::parse()
{
    QFETCH(QString, name);
    QFETCH(int, kind);
    QFETCH(QString, csc);
    QFETCH(QString, shortName);
    QFETCH(QString, replicaSource);
    QFETCH(QString, originName);

    const TopicName topic(name);
    QCOMPARE(topic.fullName(), name);
    QCOMPARE(int(topic.kind()), kind);
    QCOMPARE(topic.isSal(), kind != int(TopicKind::Other));
    QCOMPARE(topic.csc(), csc);
    QCOMPARE(topic.shortName(), shortName);
    QCOMPARE(topic.replicaSource(), replicaSource);
    QCOMPARE(topic.isReplica(), !replicaSource.isEmpty());
    QCOMPARE(topic.originName(), originName);
    QCOMPARE(topic.isEmpty(), name.isEmpty());
    if (topic.cscSegment() >= 0)
        QCOMPARE(topic.segments()[topic.cscSegment()], csc);
}

void tst_TopicName::segments_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("segments");
    QTest::addColumn<QStringList>("origin");

    QTest::newRow("plain") << "lsst.sal.MTM1M3.ackcmd" << QStringList{"lsst", "sal", "MTM1M3", "ackcmd"}
                           << QStringList{"lsst", "sal", "MTM1M3", "ackcmd"};
    QTest::newRow("replica") << "summit.lsst.sal.MTM1M3.ackcmd"
                             << QStringList{"summit", "lsst", "sal", "MTM1M3", "ackcmd"}
                             << QStringList{"lsst", "sal", "MTM1M3", "ackcmd"};
    QTest::newRow("empty segments kept") << "a..b." << QStringList{"a", "", "b", ""}
                                         << QStringList{"a", "", "b", ""};
    QTest::newRow("empty") << "" << QStringList{} << QStringList{};
}

void tst_TopicName::segments()
{
    QFETCH(QString, name);
    QFETCH(QStringList, segments);
    QFETCH(QStringList, origin);
    const TopicName topic(name);
    QCOMPARE(topic.segments(), segments);
    QCOMPARE(topic.originSegments(), origin);
    QCOMPARE(topic.originStart(), int(segments.size() - origin.size()));
}

void tst_TopicName::kindNames()
{
    QCOMPARE(topicKindName(TopicKind::Telemetry), QStringLiteral("telemetry"));
    QCOMPARE(topicKindName(TopicKind::Event), QStringLiteral("event"));
    QCOMPARE(topicKindName(TopicKind::Command), QStringLiteral("command"));
    QCOMPARE(topicKindName(TopicKind::Ackcmd), QStringLiteral("ackcmd"));
    QCOMPARE(topicKindName(TopicKind::Other), QStringLiteral("other"));
}

void tst_TopicName::defaultConstructed()
{
    const TopicName topic;
    QVERIFY(topic.isEmpty());
    QVERIFY(topic.segments().isEmpty());
    QCOMPARE(topic.kind(), TopicKind::Other);
    QCOMPARE(topic.csc(), QString());
    QCOMPARE(topic.shortName(), QString());
    QVERIFY(topic == TopicName(QString()));
}

QTEST_GUILESS_MAIN(tst_TopicName)
#include "tst_topicname.moc"
