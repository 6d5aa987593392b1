// SPDX-License-Identifier: GPL-3.0-or-later
// `sasquatch-browser annotations` end to end against the real influxd of the CTest fixture: the
// command's function with the connection flags, as a script would run it. Works in its own
// random day of 2035-2038 with a run tag, beside other tests using the chronograf database.
#include "core/cli/AnnotationsCommand.h"
#include "core/cli/CommandLine.h"
#include "core/time/TimeText.h"
#include "tests/support/CommandRun.h"
#include "tests/support/InfluxFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QUuid>

#include <cstdio>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

using Run = sasquatch::test::CommandRun;

Run annotations(QStringList args)
{
    args.prepend(QStringLiteral("sasquatch-browser annotations"));
    return sasquatch::test::runCommand(&AnnotationsCommand::run, args);
}

QStringList server()
{
    return {QStringLiteral("--influx-url"), InfluxFixture::url()};
}

} // namespace

class tst_ItAnnotationsCommand : public QObject
{
    Q_OBJECT
private:
    QString m_run;
    std::int64_t m_day = 0;

    /// RFC 3339 UTC of the run's day at `hour`, plus `extraNs`.
    QString at(int hour, std::int64_t extraNs = 0) const
    {
        return formatTimeText(m_day + hour * 3'600'000'000'000LL + extraNs, TimeScale::Utc);
    }

    QJsonArray listJson(QStringList extra)
    {
        const Run r = annotations(QStringList{QStringLiteral("list")} << server() << QStringLiteral("--format")
                                                                      << QStringLiteral("json") << QStringLiteral("--tag")
                                                                      << QStringLiteral("run=") + m_run << extra);
        if (r.code != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("SASQUATCH_PASSWORD");
        qunsetenv("SASQUATCH_TOKEN");
        if (InfluxFixture::url().isEmpty())
            return;
        m_run = QUuid::createUuid().toString(QUuid::Id128).left(12);
        const std::int64_t y2035 = 2'051'222'400LL * 1'000'000'000;
        m_day = y2035 + std::int64_t(QRandomGenerator::global()->bounded(3 * 365)) * 86'400'000'000'000LL;
    }

    void addListEditDelete()
    {
        // A range given in TAI: 37 s ahead of UTC.
        const QString startTai = formatTimeText(m_day + 3'600'000'000'000LL, TimeScale::Tai);
        QVERIFY(startTai.endsWith(QStringLiteral(" TAI")));
        Run added = annotations(QStringList{QStringLiteral("add")}
                                << server() << QStringLiteral("--start") << startTai << QStringLiteral("--end")
                                << at(2) << QStringLiteral("--text") << QStringLiteral("Mirror lowered\nslowly")
                                << QStringLiteral("--tag") << QStringLiteral("run=") + m_run << QStringLiteral("--tag")
                                << QStringLiteral("csc=MTM1M3") << QStringLiteral("--color") << QStringLiteral("#e5533d"));
        QVERIFY2(added.code == 0, qPrintable(added.err));
        const QString id = added.out.trimmed();
        QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(added.out));
        QVERIFY(added.err.isEmpty());

        QJsonArray list = listJson({});
        QCOMPARE(list.size(), 1);
        QJsonObject a = list.first().toObject();
        QCOMPARE(a.keys(), (QStringList{"color", "end", "id", "start", "tags", "text"}));
        QCOMPARE(a.value(u"id").toString(), id);
        QCOMPARE(a.value(u"start").toString(), at(1));
        QCOMPARE(a.value(u"end").toString(), at(2));
        QCOMPARE(a.value(u"text").toString(), QStringLiteral("Mirror lowered\nslowly"));
        QCOMPARE(a.value(u"color").toString(), QStringLiteral("#e5533d"));
        QCOMPARE(a.value(u"tags").toObject().value(u"csc").toString(), QStringLiteral("MTM1M3"));

        // Text format: tab-separated, the line break escaped.
        Run text = annotations(QStringList{QStringLiteral("list")} << server() << QStringLiteral("--tag")
                                                                   << QStringLiteral("run=") + m_run);
        QCOMPARE(text.code, 0);
        QCOMPARE(text.out, QStringList({id, at(1), at(2), QStringLiteral("#e5533d"),
                                        QStringLiteral("csc=MTM1M3,run=") + m_run, QStringLiteral("Mirror lowered\\nslowly")})
                                   .join(u'\t')
                               + u'\n');

        Run edited = annotations(QStringList{QStringLiteral("edit"), id}
                                 << server() << QStringLiteral("--text") << QStringLiteral("Mirror raised")
                                 << QStringLiteral("--tag") << QStringLiteral("csc=") << QStringLiteral("--tag")
                                 << QStringLiteral("shift=night"));
        QVERIFY2(edited.code == 0, qPrintable(edited.err));
        list = listJson({});
        QCOMPARE(list.size(), 1);
        a = list.first().toObject();
        QCOMPARE(a.value(u"text").toString(), QStringLiteral("Mirror raised"));
        QVERIFY(!a.value(u"tags").toObject().contains(u"csc"));
        QCOMPARE(a.value(u"tags").toObject().value(u"shift").toString(), QStringLiteral("night"));
        QCOMPARE(a.value(u"color").toString(), QStringLiteral("#e5533d")); // kept

        Run deleted = annotations(QStringList{QStringLiteral("delete"), id} << server());
        QVERIFY2(deleted.code == 0, qPrintable(deleted.err));
        QVERIFY(listJson({}).isEmpty());
        Run again = annotations(QStringList{QStringLiteral("delete"), id} << server());
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(id), qPrintable(again.err));
    }

    void listByRangeAndTag()
    {
        for (const auto &[hour, csc] : {std::pair(5, "MTM1M3"), std::pair(6, "MTDome"), std::pair(7, "MTM1M3")}) {
            const Run r = annotations(QStringList{QStringLiteral("add")}
                                      << server() << QStringLiteral("--start") << at(hour) << QStringLiteral("--text")
                                      << QStringLiteral("at %1").arg(hour) << QStringLiteral("--tag")
                                      << QStringLiteral("run=") + m_run << QStringLiteral("--tag")
                                      << QStringLiteral("csc=%1").arg(QLatin1String(csc)));
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        const QJsonArray m1m3 = listJson({QStringLiteral("--tag"), QStringLiteral("csc=MTM1M3")});
        QCOMPARE(m1m3.size(), 2);
        QCOMPARE(m1m3.at(0).toObject().value(u"text").toString(), QStringLiteral("at 5"));
        QCOMPARE(m1m3.at(1).toObject().value(u"text").toString(), QStringLiteral("at 7"));
        const QJsonArray window = listJson({QStringLiteral("--start"), at(6), QStringLiteral("--end"), at(7, -1)});
        QCOMPARE(window.size(), 1);
        QCOMPARE(window.at(0).toObject().value(u"text").toString(), QStringLiteral("at 6"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no action") << QStringList{} << "Give an action";
        QTest::newRow("unknown action") << QStringList{"move"} << "Unknown action";
        QTest::newRow("add without text") << QStringList{"add", "--start", "2026-11-23T00:00:00Z"} << "--text";
        QTest::newRow("bad time") << QStringList{"add", "--start", "2026-13-01T00:00:00Z", "--text", "x"} << "--start";
        QTest::newRow("zone and TAI") << QStringList{"add", "--start", "2026-11-23T00:00:00Z TAI", "--text", "x"} << "--start";
        QTest::newRow("end before start") << QStringList{"add", "--start", "2026-11-23T01:00:00Z", "--end",
                                                         "2026-11-23T00:00:00Z", "--text", "x"}
                                          << "end time is before";
        QTest::newRow("bad tag") << QStringList{"add", "--start", "2026-11-23T00:00:00Z", "--text", "x", "--tag", "novalue"}
                                 << "key=value";
        QTest::newRow("reserved tag") << QStringList{"add", "--start", "2026-11-23T00:00:00Z", "--text", "x", "--tag", "id=1"}
                                      << "cannot be a tag name";
        QTest::newRow("bad colour") << QStringList{"add", "--start", "2026-11-23T00:00:00Z", "--text", "x", "--color", "red"}
                                    << "#rrggbb";
        QTest::newRow("edit without change") << QStringList{"edit", "abc"} << "Say what to change";
        QTest::newRow("delete without id") << QStringList{"delete"} << "Give the annotation's id";
        QTest::newRow("bad format") << QStringList{"list", "--format", "xml"} << "--format";
    }

    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        // Usage errors come before any connection: the URL points nowhere.
        if (!args.isEmpty())
            args << QStringLiteral("--influx-url") << QStringLiteral("http://127.0.0.1:9");
        const Run r = annotations(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void unreachableServerIsAFailure()
    {
        const Run r = annotations({QStringLiteral("list"), QStringLiteral("--influx-url"), QStringLiteral("http://127.0.0.1:9")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("127.0.0.1:9")), qPrintable(r.err));
    }

    void registeredAtTopLevel()
    {
        QVERIFY(commandNames().contains(QStringLiteral("annotations")));
        const Run help = annotations({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QStringLiteral("add --start T [--end T] --text TEXT")));
    }
};

QTEST_GUILESS_MAIN(tst_ItAnnotationsCommand)
#include "tst_it_annotationscommand.moc"
