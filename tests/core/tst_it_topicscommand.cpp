// SPDX-License-Identifier: GPL-3.0-or-later
// `sasquatch-browser topics` end to end against the real influxd of the CTest fixture.
#include "core/cli/CommandLine.h"
#include "core/cli/TopicsCommand.h"
#include "tests/support/CommandRun.h"
#include "tests/support/InfluxFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

using Run = sasquatch::test::CommandRun;

Run topics(QStringList args)
{
    args.prepend(QStringLiteral("sasquatch-browser topics"));
    return sasquatch::test::runCommand(&TopicsCommand::run, args);
}

QStringList server()
{
    return {QStringLiteral("--influx-url"), InfluxFixture::url(), QStringLiteral("--database"), QStringLiteral("efd")};
}

} // namespace

class tst_ItTopicsCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("SASQUATCH_PASSWORD");
        qunsetenv("SASQUATCH_TOKEN");
    }

    void listsTopics()
    {
        const Run r = topics(server());
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 2000, qPrintable(r.err));
        QVERIFY(lines.contains(QStringLiteral("lsst.sal.MTM1M3.forceActuatorData")));
        QVERIFY(r.err.isEmpty());
    }

    void filterRanksBestFirst()
    {
        const Run r = topics(server() << QStringLiteral("--filter") << QStringLiteral("m1m3 fad"));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.section(u'\n', 0, 0), QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    }

    void fieldsIndentedWithTypes()
    {
        const Run r = topics(server() << QStringLiteral("--filter") << QStringLiteral("m1m3 fad") << QStringLiteral("--fields"));
        QCOMPARE(r.code, 0);
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
        QVERIFY(lines.contains(QStringLiteral("  zForce0 float")));
        QVERIFY(lines.contains(QStringLiteral("  private_seqNum integer")));
        QVERIFY(lines.at(1).startsWith(QStringLiteral("  ")));
    }

    void json()
    {
        const Run r = topics(server() << QStringLiteral("--format") << QStringLiteral("json") << QStringLiteral("--filter")
                                      << QStringLiteral("summarystate"));
        QCOMPARE(r.code, 0);
        const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(!array.isEmpty());
        const QJsonObject first = array.first().toObject();
        QVERIFY(first.value(u"topic").toString().endsWith(QStringLiteral("logevent_summaryState")));
        QCOMPARE(first.value(u"kind").toString(), QStringLiteral("event"));
        const QJsonArray fields = first.value(u"fields").toArray();
        QVERIFY(!fields.isEmpty());
        QStringList names;
        for (const auto &f : fields) {
            names << f.toObject().value(u"name").toString();
            QVERIFY(!f.toObject().value(u"type").toString().isEmpty());
        }
        QVERIFY(names.contains(QStringLiteral("summaryState")));
    }

    void arrayElementHitShowsThatElement()
    {
        // "zForce1" hits the elements zForce1 (and a few like it, at most 10 per array): those
        // are shown, not every element whose name starts with a hit (zForce10 ... zForce155).
        const Run r = topics(server() << QStringLiteral("--format") << QStringLiteral("json") << QStringLiteral("--filter")
                                      << QStringLiteral("MTM1M3 forceActuatorData zForce1"));
        QCOMPARE(r.code, 0);
        const QJsonArray array = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(!array.isEmpty());
        const QJsonObject first = array.first().toObject();
        QCOMPARE(first.value(u"topic").toString(), QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
        QStringList names;
        for (const auto &f : first.value(u"fields").toArray())
            names << f.toObject().value(u"name").toString();
        QVERIFY2(names.contains(QStringLiteral("zForce1")), qPrintable(names.join(u' ')));
        QVERIFY2(names.size() <= 10, qPrintable(names.join(u' ')));
    }

    void buckets()
    {
        Run r = topics(server() << QStringLiteral("--buckets"));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("efd/autogen\t")), qPrintable(r.out));
        r = topics(server() << QStringLiteral("--buckets") << QStringLiteral("--format") << QStringLiteral("json"));
        QCOMPARE(r.code, 0);
        bool found = false;
        for (const auto &b : QJsonDocument::fromJson(r.out.toUtf8()).array())
            found = found || b.toObject().value(u"name").toString() == u"efd/autogen";
        QVERIFY(found);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no server") << QStringList{} << "Say which server: --profile NAME or --influx-url URL.";
        QTest::newRow("bad format") << QStringList{QStringLiteral("--influx-url"), QStringLiteral("http://h"),
                                                   QStringLiteral("--format"), QStringLiteral("yaml")}
                                    << "--format must be text or json, not \"yaml\".";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << "Unknown option 'frobnicate'.";
        QTest::newRow("bad api") << QStringList{QStringLiteral("--influx-url"), QStringLiteral("http://h"),
                                                QStringLiteral("--api"), QStringLiteral("v9")}
                                 << "--api must be v1, v2 or auto, not \"v9\".";
        QTest::newRow("unknown profile") << QStringList{QStringLiteral("--profile"), QStringLiteral("nope")}
                                         << "No profile named \"nope\"";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = topics(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void serverFailures()
    {
        Run r = topics({QStringLiteral("--influx-url"), QStringLiteral("http://127.0.0.1:9")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("sasquatch-browser: ")), qPrintable(r.err));
        r = topics({QStringLiteral("--influx-url"), InfluxFixture::url(), QStringLiteral("--database"),
                    QStringLiteral("no_such_db")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no_such_db")), qPrintable(r.err));
        // A user without a password is refused before anything is sent.
        r = topics(server() << QStringLiteral("--username") << QStringLiteral("efdreader"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("SASQUATCH_PASSWORD")), qPrintable(r.err));
    }

    void topLevel()
    {
        // --help / --version / unknown commands, without a GUI.
        QCOMPARE(runCommandLine({QStringLiteral("sasquatch-browser"), QStringLiteral("frob")}), std::optional<int>(2));
        QCOMPARE(runCommandLine({QStringLiteral("sasquatch-browser"), QStringLiteral("--version")}), std::optional<int>(0));
        QCOMPARE(runCommandLine({QStringLiteral("sasquatch-browser"), QStringLiteral("--demo")}), std::nullopt);
        QCOMPARE(runCommandLine({QStringLiteral("sasquatch-browser")}), std::nullopt);
        QVERIFY(commandNames().contains(QStringLiteral("topics")));
    }
};

QTEST_GUILESS_MAIN(tst_ItTopicsCommand)
#include "tst_it_topicscommand.moc"
