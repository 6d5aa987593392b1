// SPDX-License-Identifier: GPL-3.0-or-later
// ChronografAnnotationStore against the real influxd of the CTest fixture (Debian's InfluxDB 1.x):
// our points must be Chronograf's (chronograf/influx/annotations.go: database chronograf, rp
// autogen, measurement annotations, time = end, tags id + user tags, fields deleted bool,
// start_time int, modified_time_ns int, text, color), and Chronograf's points must read here.
// Every run works in its own random day of 2031-2034 and tags its annotations with a run id, so
// runs against a long-lived fixture and the CLI test running beside it do not meet.
#include "core/annotations/ChronografAnnotationStore.h"
#include "core/http/CurlTransport.h"
#include "core/influx/InfluxClient.h"
#include "core/influx/QueryEscape.h"
#include "tests/support/InfluxFixture.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUuid>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kHour = 3600 * kSecond;
// A shard group far from every other test's data, for the field type conflict.
constexpr std::int64_t kConflictTimeNs = 978'307'200LL * kSecond; // 2001-01-01

ConnectionProfile fixtureProfile()
{
    ConnectionProfile p;
    p.name = QStringLiteral("fixture");
    p.influxUrl = InfluxFixture::url();
    p.api = ApiFlavour::V1;
    return p;
}

} // namespace

class tst_ItChronografAnnotationStore : public QObject
{
    Q_OBJECT
private:
    QString m_run;
    std::int64_t m_day = 0; ///< start of this run's day, ns

    ChronografAnnotationStore store(ChronografAnnotationStore::Clock clock = {})
    {
        return ChronografAnnotationStore(fixtureProfile(), QString(), std::make_shared<CurlTransport>(), std::move(clock));
    }

    InfluxClient influx() { return InfluxClient(fixtureProfile(), QString(), std::make_shared<CurlTransport>()); }

    /// Rows of a plain InfluxQL statement on the chronograf database, as the server returns them.
    InfluxQlSeries query(const QString &statement)
    {
        auto c = influx();
        auto result = c.influxQl(statement, QStringLiteral("chronograf"));
        if (!result)
            qWarning("%s", qPrintable(result.error()));
        if (!result || result->empty() || result->front().series.empty())
            return {};
        return result->front().series.front();
    }

    /// Writes line protocol straight to chronograf/autogen, as Chronograf's server does.
    void writeRaw(const QByteArray &lines)
    {
        auto c = influx();
        HttpRequest request = c.makeRequest(HttpMethod::Post, QStringLiteral("/write"),
                                            {{QStringLiteral("db"), QStringLiteral("chronograf")},
                                             {QStringLiteral("rp"), QStringLiteral("autogen")},
                                             {QStringLiteral("precision"), QStringLiteral("ns")}});
        request.body = lines;
        auto response = c.perform(request, {});
        QVERIFY2(response.ok(), qPrintable(response.error()));
    }

    Annotation sample(std::int64_t startNs, std::int64_t endNs, const QString &text)
    {
        Annotation a;
        a.startNs = startNs;
        a.endNs = endNs;
        a.text = text;
        a.tags.insert(QStringLiteral("run"), m_run);
        return a;
    }

    AnnotationFilter runFilter(std::int64_t startNs, std::int64_t endNs)
    {
        AnnotationFilter f;
        f.startNs = startNs;
        f.endNs = endNs;
        f.tags.insert(QStringLiteral("run"), m_run);
        return f;
    }

    static QVariant cell(const InfluxQlSeries &s, int row, const char *column)
    {
        const int c = s.column(QString::fromLatin1(column));
        return c >= 0 && row < int(s.rows.size()) ? s.rows[row][c] : QVariant();
    }

    void dropConflictShards()
    {
        auto c = influx();
        auto shards = c.influxQl(QStringLiteral("SHOW SHARDS"), {});
        QVERIFY2(shards.ok(), qPrintable(shards.error()));
        for (const auto &st : shards.value())
            for (const auto &s : st.series) {
                if (s.name != u"chronograf")
                    continue;
                const int cId = s.column(u"id"), cStart = s.column(u"start_time");
                for (const auto &row : s.rows)
                    if (row[cStart].toString() < QStringLiteral("2002"))
                        QVERIFY(c.influxQl(QStringLiteral("DROP SHARD %1").arg(row[cId].toLongLong()), {}, {},
                                           HttpMethod::Post)
                                    .ok());
            }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (InfluxFixture::url().isEmpty())
            return;
        m_run = QUuid::createUuid().toString(QUuid::Id128).left(12);
        const std::int64_t y2031 = 1'924'992'000LL * kSecond;
        m_day = y2031 + std::int64_t(QRandomGenerator::global()->bounded(4 * 365)) * 24 * kHour;
        dropConflictShards(); // left by a run that stopped half-way
    }

    void listsNothingWhileTheDatabaseIsMissing()
    {
        // Only a fresh fixture has no chronograf database (the CLI test may have made it).
        auto c = influx();
        auto dbs = c.influxQl(QStringLiteral("SHOW DATABASES"), {});
        QVERIFY2(dbs.ok(), qPrintable(dbs.error()));
        for (const auto &s : dbs->front().series)
            for (const auto &row : s.rows)
                if (row.front().toString() == u"chronograf")
                    QSKIP("the chronograf database exists already");
        auto listed = store().list(runFilter(m_day, m_day + kHour));
        QVERIFY2(listed.ok(), qPrintable(listed.error()));
        QVERIFY(listed->empty());
        QVERIFY(!store().find(QStringLiteral("no-such-id")).ok());
    }

    void createsAndFinds()
    {
        auto s = store();
        Annotation a = sample(m_day + kHour, m_day + 2 * kHour, QStringLiteral("Mirror lowered, \"slowly\"\n"
                                                                               "path C:\\temp, a=b; ñandú ✓"));
        a.tags.insert(QStringLiteral("csc"), QStringLiteral("MTM1M3"));
        a.tags.insert(QStringLiteral("with space"), QStringLiteral("a,b=c d"));
        a.color = QStringLiteral("#e5533d");
        auto created = s.create(a);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        QVERIFY(!QUuid::fromString(created->id).isNull());
        QVERIFY(created->modifiedNs > 0);
        auto found = s.find(created->id);
        QVERIFY2(found.ok(), qPrintable(found.error()));
        Annotation expected = a;
        expected.id = created->id;
        expected.modifiedNs = created->modifiedNs;
        QCOMPARE(found.value(), expected);
    }

    void ourPointsHaveChronografShape()
    {
        auto s = store();
        Annotation a = sample(m_day + 3 * kHour, m_day + 3 * kHour + 500, QStringLiteral("shape check"));
        a.color = QStringLiteral("#22adf6");
        auto created = s.create(a);
        QVERIFY2(created.ok(), qPrintable(created.error()));

        // Field types exactly Chronograf's.
        const InfluxQlSeries fields = query(QStringLiteral("SHOW FIELD KEYS FROM \"annotations\""));
        QMap<QString, QString> types;
        for (const auto &row : fields.rows)
            types.insert(row[0].toString(), row[1].toString());
        const QMap<QString, QString> chronograf{{QStringLiteral("color"), QStringLiteral("string")},
                                                {QStringLiteral("deleted"), QStringLiteral("boolean")},
                                                {QStringLiteral("modified_time_ns"), QStringLiteral("integer")},
                                                {QStringLiteral("start_time"), QStringLiteral("integer")},
                                                {QStringLiteral("text"), QStringLiteral("string")}};
        QCOMPARE(types, chronograf);
        QStringList tagKeys;
        for (const auto &row : query(QStringLiteral("SHOW TAG KEYS FROM \"annotations\"")).rows)
            tagKeys << row[0].toString();
        QVERIFY(tagKeys.contains(QStringLiteral("id")));
        QVERIFY(tagKeys.contains(QStringLiteral("run")));

        // The point, read the way Chronograf reads it: in autogen, time = end, start_time = start.
        const InfluxQlSeries point = query(
            QStringLiteral("SELECT * FROM \"chronograf\".\"autogen\".\"annotations\" WHERE \"id\" = %1")
                .arg(influxQlString(created->id)));
        QCOMPARE(point.name, QStringLiteral("annotations"));
        QCOMPARE(int(point.rows.size()), 1);
        QCOMPARE(cell(point, 0, "time").toLongLong(), a.endNs);
        QCOMPARE(cell(point, 0, "start_time").toLongLong(), a.startNs);
        // JSON integers, not floats (the types themselves were checked with SHOW FIELD KEYS).
        const int startType = cell(point, 0, "start_time").typeId();
        QVERIFY(startType == QMetaType::LongLong || startType == QMetaType::ULongLong);
        QCOMPARE(cell(point, 0, "modified_time_ns").toLongLong(), created->modifiedNs);
        QCOMPARE(cell(point, 0, "deleted").typeId(), QMetaType::Bool);
        QCOMPARE(cell(point, 0, "deleted").toBool(), false);
        QCOMPARE(cell(point, 0, "text").toString(), QStringLiteral("shape check"));
        QCOMPARE(cell(point, 0, "color").toString(), QStringLiteral("#22adf6"));
        QCOMPARE(cell(point, 0, "run").toString(), m_run);
    }

    void readsChronografWrittenPoints()
    {
        // Written byte for byte the way Chronograf's toPoint/toDeletedPoint come out of its
        // line-protocol writer: a range with a colour, a point from a Chronograf without colours,
        // an annotation edited twice with its tags changed (two series, the newest wins), and one
        // created then deleted (same series and time, deleted=true overwrites it).
        const QByteArray run = m_run.toUtf8();
        const std::int64_t t = m_day + 10 * kHour;
        auto n = [](std::int64_t v) { return QByteArray::number(qint64(v)); };
        QByteArray lines;
        lines += "annotations,id=aaaaaaaa-0000-4000-8000-000000000001,run=" + run
               + " color=\"#7A65F2\",deleted=false,modified_time_ns=" + n(t) + "i,start_time=" + n(t) + "i,text=\"Deploy v3.8.1-2\" "
               + n(t + 60 * kSecond) + "\n";
        lines += "annotations,id=aaaaaaaa-0000-4000-8000-000000000002,run=" + run
               + " deleted=false,modified_time_ns=" + n(t) + "i,start_time=" + n(t + kHour) + "i,text=\"old chronograf\" "
               + n(t + kHour) + "\n";
        lines += "annotations,id=aaaaaaaa-0000-4000-8000-000000000003,run=" + run + ",team=day"
               + " color=\"\",deleted=false,modified_time_ns=" + n(t + 1) + "i,start_time=" + n(t + 2 * kHour)
               + "i,text=\"first\" " + n(t + 2 * kHour) + "\n";
        lines += "annotations,id=aaaaaaaa-0000-4000-8000-000000000003,run=" + run + ",team=night"
               + " color=\"#ff0000\",deleted=false,modified_time_ns=" + n(t + 3) + "i,start_time=" + n(t + 2 * kHour)
               + "i,text=\"second\" " + n(t + 2 * kHour) + "\n";
        lines += "annotations,id=aaaaaaaa-0000-4000-8000-000000000004,run=" + run
               + " color=\"\",deleted=false,modified_time_ns=" + n(t) + "i,start_time=" + n(t + 3 * kHour)
               + "i,text=\"gone\" " + n(t + 3 * kHour) + "\n";
        lines += "annotations,id=aaaaaaaa-0000-4000-8000-000000000004,run=" + run
               + " deleted=true,modified_time_ns=" + n(t + 5) + "i,start_time=0i,text=\"\" " + n(t + 3 * kHour) + "\n";
        writeRaw(lines);

        auto listed = store().list(runFilter(t, t + 4 * kHour));
        QVERIFY2(listed.ok(), qPrintable(listed.error()));
        QCOMPARE(int(listed->size()), 3);
        const Annotation &range = listed->at(0);
        QCOMPARE(range.id, QStringLiteral("aaaaaaaa-0000-4000-8000-000000000001"));
        QCOMPARE(range.startNs, t);
        QCOMPARE(range.endNs, t + 60 * kSecond);
        QCOMPARE(range.text, QStringLiteral("Deploy v3.8.1-2"));
        QCOMPARE(range.color, QStringLiteral("#7A65F2"));
        QCOMPARE(range.tags, (QMap<QString, QString>{{QStringLiteral("run"), m_run}}));
        const Annotation &point = listed->at(1);
        QVERIFY(point.isPoint());
        QCOMPARE(point.text, QStringLiteral("old chronograf"));
        QCOMPARE(point.color, QString());
        const Annotation &edited = listed->at(2);
        QCOMPARE(edited.text, QStringLiteral("second"));
        QCOMPARE(edited.tags.value(QStringLiteral("team")), QStringLiteral("night"));
        QCOMPARE(edited.color, QStringLiteral("#ff0000"));
        QCOMPARE(edited.modifiedNs, t + 3);

        // Filtering by the old tag must not bring the old version back.
        AnnotationFilter byOldTag = runFilter(t, t + 4 * kHour);
        byOldTag.tags.insert(QStringLiteral("team"), QStringLiteral("day"));
        auto none = store().list(byOldTag);
        QVERIFY2(none.ok(), qPrintable(none.error()));
        QVERIFY(none->empty());
        QVERIFY(!store().find(QStringLiteral("aaaaaaaa-0000-4000-8000-000000000004")).ok());
    }

    void editChangesTextTagsAndTime()
    {
        auto s = store();
        auto created = s.create(sample(m_day + 5 * kHour, m_day + 5 * kHour, QStringLiteral("before")));
        QVERIFY2(created.ok(), qPrintable(created.error()));
        Annotation changed = created.value();
        changed.text = QStringLiteral("after");
        changed.tags.insert(QStringLiteral("shift"), QStringLiteral("night"));
        changed.startNs = m_day + 6 * kHour;
        changed.endNs = m_day + 7 * kHour; // moved and widened: a new series and a new time
        auto updated = s.update(changed);
        QVERIFY2(updated.ok(), qPrintable(updated.error()));
        QVERIFY(updated->modifiedNs > created->modifiedNs);

        auto atOldTime = s.list(runFilter(m_day + 5 * kHour - 1, m_day + 5 * kHour + 1));
        QVERIFY2(atOldTime.ok(), qPrintable(atOldTime.error()));
        QVERIFY(atOldTime->empty());
        auto atNewTime = s.list(runFilter(m_day + 6 * kHour, m_day + 6 * kHour));
        QVERIFY(atNewTime.ok());
        QCOMPARE(int(atNewTime->size()), 1);
        QCOMPARE(atNewTime->front().text, QStringLiteral("after"));
        QCOMPARE(atNewTime->front().endNs, m_day + 7 * kHour);

        // What Chronograf itself would read: the old point is deleted, not merely outvoted.
        const InfluxQlSeries live = query(
            QStringLiteral("SELECT * FROM \"annotations\" WHERE \"id\" = %1 AND \"deleted\" = false").arg(influxQlString(created->id)));
        QCOMPARE(int(live.rows.size()), 1);
        QCOMPARE(cell(live, 0, "text").toString(), QStringLiteral("after"));
    }

    void deleteWritesChronografsDeletedPoint()
    {
        auto s = store();
        Annotation a = sample(m_day + 8 * kHour, m_day + 8 * kHour, QStringLiteral("to delete"));
        a.color = QStringLiteral("#00ff00");
        auto created = s.create(a);
        QVERIFY2(created.ok(), qPrintable(created.error()));
        auto removed = s.remove(created->id);
        QVERIFY2(removed.ok(), qPrintable(removed.error()));

        const InfluxQlSeries points = query(
            QStringLiteral("SELECT * FROM \"annotations\" WHERE \"id\" = %1").arg(influxQlString(created->id)));
        QCOMPARE(int(points.rows.size()), 1); // overwritten in place, as Chronograf's delete does
        QCOMPARE(cell(points, 0, "deleted").toBool(), true);
        QCOMPARE(cell(points, 0, "text").toString(), QString());
        QCOMPARE(cell(points, 0, "start_time").toLongLong(), 0);
        QCOMPARE(cell(points, 0, "time").toLongLong(), a.endNs);

        auto listed = s.list(runFilter(m_day + 8 * kHour, m_day + 8 * kHour));
        QVERIFY(listed.ok());
        QVERIFY(listed->empty());
        auto again = s.remove(created->id);
        QVERIFY(!again.ok());
        QCOMPARE(again.failure().httpStatus, 404);
        QVERIFY(again.error().contains(created->id));

        // Undo: created again with the same id, it is back.
        auto restored = s.create(created.value());
        QVERIFY2(restored.ok(), qPrintable(restored.error()));
        QCOMPARE(restored->id, created->id);
        QVERIFY(s.find(created->id).ok());
    }

    void listsByRange_data()
    {
        QTest::addColumn<std::int64_t>("from");
        QTest::addColumn<std::int64_t>("to");
        QTest::addColumn<QStringList>("expected");
        // p1 point at 12:00, r1 range 12:30-13:30, p2 point at 14:00 (hours of the run's day).
        QTest::newRow("all") << 12 * kHour << 14 * kHour << QStringList{"p1", "r1", "p2"};
        QTest::newRow("exactly p1") << 12 * kHour << 12 * kHour << QStringList{"p1"};
        QTest::newRow("inside r1") << 13 * kHour << 13 * kHour << QStringList{"r1"};
        QTest::newRow("r1 end to p2") << 13 * kHour + 30 * 60 * kSecond << 15 * kHour << QStringList{"r1", "p2"};
        QTest::newRow("before all") << 11 * kHour << 12 * kHour - 1 << QStringList{};
        QTest::newRow("gap") << 13 * kHour + 31 * 60 * kSecond << 14 * kHour - 1 << QStringList{};
    }

    void listsByRange()
    {
        QFETCH(std::int64_t, from);
        QFETCH(std::int64_t, to);
        QFETCH(QStringList, expected);
        auto s = store();
        const std::int64_t day = m_day + 24 * kHour; // the day after: nothing else there
        AnnotationFilter probe = runFilter(day, day + 24 * kHour);
        auto existing = s.list(probe);
        QVERIFY(existing.ok());
        if (existing->empty()) {
            for (const auto &[name, start, end] :
                 {std::tuple("p1", 12 * kHour, 12 * kHour), std::tuple("r1", 12 * kHour + 30 * 60 * kSecond, 13 * kHour + 30 * 60 * kSecond),
                  std::tuple("p2", 14 * kHour, 14 * kHour)})
                QVERIFY(s.create(sample(day + start, day + end, QString::fromLatin1(name))).ok());
        }
        auto listed = s.list(runFilter(day + from, day + to));
        QVERIFY2(listed.ok(), qPrintable(listed.error()));
        QStringList texts;
        for (const Annotation &a : listed.value())
            texts << a.text;
        QCOMPARE(texts, expected);
    }

    void listsByTagsAndText()
    {
        auto s = store();
        const std::int64_t t = m_day + 16 * kHour;
        Annotation a = sample(t, t, QStringLiteral("M1M3 raised"));
        a.tags.insert(QStringLiteral("csc"), QStringLiteral("MTM1M3"));
        Annotation b = sample(t + kSecond, t + kSecond, QStringLiteral("Dome opened"));
        b.tags.insert(QStringLiteral("csc"), QStringLiteral("MTDome"));
        QVERIFY(s.create(a).ok());
        QVERIFY(s.create(b).ok());
        AnnotationFilter f = runFilter(t, t + kSecond);
        f.tags.insert(QStringLiteral("csc"), QStringLiteral("MTDome"));
        auto dome = s.list(f);
        QVERIFY2(dome.ok(), qPrintable(dome.error()));
        QCOMPARE(int(dome->size()), 1);
        QCOMPARE(dome->front().text, QStringLiteral("Dome opened"));
        f.tags.clear();
        f.tags.insert(QStringLiteral("run"), m_run);
        f.text = QStringLiteral("m1m3");
        auto m1m3 = s.list(f);
        QVERIFY(m1m3.ok());
        QCOMPARE(int(m1m3->size()), 1);
        QCOMPARE(m1m3->front().text, QStringLiteral("M1M3 raised"));
    }

    void newestWinsWithTwoWriters()
    {
        // Alice and Bob both opened the annotation. Alice saved last by the clock, but Bob's
        // write reaches the server after hers: Alice's version must still win, for us and for
        // Chronograf, and Bob sees it on his next refresh.
        const std::int64_t base = m_day + 18 * kHour;
        auto creator = store([base] { return base; });
        auto created = creator.create(sample(base, base, QStringLiteral("original")));
        QVERIFY2(created.ok(), qPrintable(created.error()));
        auto alice = store([base] { return base + 20 * kSecond; });
        auto bob = store([base] { return base + 10 * kSecond; });
        Annotation byAlice = created.value();
        byAlice.text = QStringLiteral("Alice's words");
        byAlice.tags.insert(QStringLiteral("author"), QStringLiteral("alice"));
        Annotation byBob = created.value();
        byBob.text = QStringLiteral("Bob's words");
        byBob.tags.insert(QStringLiteral("author"), QStringLiteral("bob"));
        QVERIFY(alice.update(byAlice).ok());
        QVERIFY(bob.update(byBob).ok()); // arrives later, older by the clock

        auto seenByBob = bob.find(created->id);
        QVERIFY2(seenByBob.ok(), qPrintable(seenByBob.error()));
        QCOMPARE(seenByBob->text, QStringLiteral("Alice's words"));
        QCOMPARE(seenByBob->modifiedNs, base + 20 * kSecond);
        auto listed = bob.list(runFilter(base, base));
        QVERIFY(listed.ok());
        QCOMPARE(int(listed->size()), 1);
        QCOMPARE(listed->front().text, QStringLiteral("Alice's words"));
        // Bob's older write did not delete Alice's point.
        const InfluxQlSeries alicePoint = query(QStringLiteral("SELECT * FROM \"annotations\" WHERE \"id\" = %1 AND \"author\" = 'alice'")
                                                    .arg(influxQlString(created->id)));
        QCOMPARE(int(alicePoint.rows.size()), 1);
        QCOMPARE(cell(alicePoint, 0, "deleted").toBool(), false);
    }

    void refusesInvalidAnnotations_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("reserved") << "text" << "x" << "\"text\" cannot be a tag name";
        QTest::newRow("empty value") << "k" << "" << "empty value";
        QTest::newRow("line break") << "k" << "a\nb" << "line break";
        QTest::newRow("trailing backslash") << "k" << "a\\" << "backslash";
    }

    void refusesInvalidAnnotations()
    {
        QFETCH(QString, tag);
        QFETCH(QString, value);
        QFETCH(QString, message);
        Annotation a = sample(m_day, m_day, QStringLiteral("x"));
        a.tags.insert(tag, value);
        auto created = store().create(a);
        QVERIFY(!created.ok());
        QVERIFY2(created.error().contains(message), qPrintable(created.error()));
    }

    void failedSaveSaysWhy()
    {
        // A float start_time in the annotations of 2001 makes the integer one a type conflict:
        // InfluxDB answers 400 and says so, and the message must carry both.
        writeRaw("annotations,id=conflict-" + m_run.toUtf8() + " deleted=true,start_time=0.5,modified_time_ns=1i,text=\"\" "
                 + QByteArray::number(qint64(kConflictTimeNs)) + "\n");
        const Annotation a = sample(kConflictTimeNs, kConflictTimeNs, QStringLiteral("my precious words"));
        auto created = store().create(a);
        dropConflictShards();
        QVERIFY(!created.ok());
        QCOMPARE(created.failure().httpStatus, 400);
        QVERIFY2(created.error().contains(QStringLiteral("field type conflict")), qPrintable(created.error()));
        QVERIFY2(created.error().startsWith(QStringLiteral("Saving the annotation failed")), qPrintable(created.error()));
        QCOMPARE(a.text, QStringLiteral("my precious words"));
    }

    void unreachableServerFailsCleanly()
    {
        ConnectionProfile p = fixtureProfile();
        p.influxUrl = QStringLiteral("http://127.0.0.1:9"); // discard port: nothing listens
        ChronografAnnotationStore s(p, QString(), std::make_shared<CurlTransport>());
        auto listed = s.list({});
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().startsWith(QStringLiteral("Reading annotations")), qPrintable(listed.error()));
        QVERIFY(listed.error().contains(QStringLiteral("127.0.0.1:9")));
    }
};

QTEST_GUILESS_MAIN(tst_ItChronografAnnotationStore)
#include "tst_it_chronografannotationstore.moc"
