// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryHistory.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

namespace {

HistoryEntry run(const QString &text, QueryLanguage language = QueryLanguage::Flux, qint64 rows = 10,
                 int minute = 0)
{
    HistoryEntry e;
    e.text = text;
    e.language = language;
    e.ranAt = QDateTime(QDate(2026, 11, 23), QTime(3, minute, 0, 125), Qt::UTC);
    e.durationMs = 1234;
    e.rowCount = rows;
    return e;
}

QStringList texts(const std::vector<HistoryEntry> &entries)
{
    QStringList out;
    for (const auto &e : entries)
        out << e.text;
    return out;
}

QStringList names(const std::vector<SavedQuery> &saved)
{
    QStringList out;
    for (const auto &q : saved)
        out << q.name;
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class tst_QueryHistory : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path(const QString &name = QStringLiteral("history.json")) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void init()
    {
        // A fresh folder per test: nothing leaks between them.
        for (const QString &f : QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(m_dir.filePath(f));
    }

    void defaultPathIsInAppData()
    {
        QCoreApplication::setApplicationName(QStringLiteral("sasquatch-browser"));
        const QString p = QueryHistory::defaultPath();
        QVERIFY(p.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
        QVERIFY(p.endsWith(QStringLiteral("/query-history.json")));
        QCOMPARE(QueryHistory().filePath(), p);
    }

    void normalize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("blank runs") << "  SELECT  *\n\tFROM \"m\"  " << "SELECT * FROM \"m\"";
        QTest::newRow("flux lines") << "from(bucket: \"efd\")\n  |> range(start: -1h)\r\n"
                                    << "from(bucket: \"efd\") |> range(start: -1h)";
        QTest::newRow("double-quoted blanks kept") << "r._field ==  \"a  b\"" << "r._field == \"a  b\"";
        QTest::newRow("single-quoted blanks kept") << "WHERE x = 'a \n b'   AND" << "WHERE x = 'a \n b' AND";
        QTest::newRow("escaped quote inside") << "\"a \\\"  b\"   c" << "\"a \\\"  b\" c";
        QTest::newRow("backtick") << "`a  b`  c" << "`a  b` c";
        QTest::newRow("unterminated literal") << "x  \"a  b" << "x \"a  b";
        QTest::newRow("empty") << " \n " << "";
    }
    void normalize()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalized);
        QCOMPARE(QueryHistory::normalizedText(text), normalized);
    }

    void recordsMostRecentFirstAndDeduplicates()
    {
        QueryHistory h(path());
        h.record(QStringLiteral("summit"), run(QStringLiteral("SELECT 1"), QueryLanguage::InfluxQl));
        h.record(QStringLiteral("summit"), run(QStringLiteral("from(bucket: \"a\")")));
        h.record(QStringLiteral("summit"), run(QStringLiteral("SELECT 2"), QueryLanguage::InfluxQl));
        QCOMPARE(texts(h.entries(QStringLiteral("summit"))),
                 (QStringList{QStringLiteral("SELECT 2"), QStringLiteral("from(bucket: \"a\")"), QStringLiteral("SELECT 1")}));
        // Re-running (with other blanks) moves it to the top with the new run's figures.
        HistoryEntry again = run(QStringLiteral("  SELECT\n1 "), QueryLanguage::InfluxQl, 99);
        again.status = HistoryStatus::Error;
        again.error = QStringLiteral("timeout");
        h.record(QStringLiteral("summit"), again);
        const auto &list = h.entries(QStringLiteral("summit"));
        QCOMPARE(list.size(), std::size_t{3});
        QCOMPARE(list.front(), again);
        QCOMPARE(texts(list).mid(1), (QStringList{QStringLiteral("SELECT 2"), QStringLiteral("from(bucket: \"a\")")}));
        // Same text in the other language is another query; blanks inside a literal matter.
        h.record(QStringLiteral("summit"), run(QStringLiteral("SELECT 2"), QueryLanguage::Flux));
        h.record(QStringLiteral("summit"), run(QStringLiteral("from(bucket:  \"a\")")));
        h.record(QStringLiteral("summit"), run(QStringLiteral("from(bucket: \"a \")")));
        QCOMPARE(h.entries(QStringLiteral("summit")).size(), std::size_t{5});
        // Profiles are separate.
        QVERIFY(h.entries(QStringLiteral("usdf")).empty());
        h.record(QStringLiteral("usdf"), run(QStringLiteral("SELECT 1"), QueryLanguage::InfluxQl));
        QCOMPARE(h.profiles(), (QStringList{QStringLiteral("summit"), QStringLiteral("usdf")}));
        QCOMPARE(h.entries(QStringLiteral("summit")).size(), std::size_t{5});
    }

    void keepsTheLast500()
    {
        QueryHistory h(path());
        for (int i = 0; i < 520; ++i)
            h.record(QStringLiteral("p"), run(QStringLiteral("SELECT %1").arg(i), QueryLanguage::InfluxQl));
        const auto &list = h.entries(QStringLiteral("p"));
        QCOMPARE(list.size(), QueryHistory::kMaxEntriesPerProfile);
        QCOMPARE(list.front().text, QStringLiteral("SELECT 519"));
        QCOMPARE(list.back().text, QStringLiteral("SELECT 20"));
        // Re-running the oldest kept one does not drop anything more.
        h.record(QStringLiteral("p"), run(QStringLiteral("SELECT 20"), QueryLanguage::InfluxQl));
        QCOMPARE(list.size(), QueryHistory::kMaxEntriesPerProfile);
        QCOMPARE(list.back().text, QStringLiteral("SELECT 21"));
    }

    void search_data()
    {
        QTest::addColumn<QString>("words");
        QTest::addColumn<QStringList>("found");
        QTest::newRow("blank = all") << "  " << QStringList{"SELECT mean(\"fx\") FROM \"lsst.sal.MTM1M3.forceActuatorData\"",
                                                            "from(bucket: \"efd/autogen\") |> filter(fn: (r) => r._measurement == \"lsst.sal.ATDome.position\")",
                                                            "SELECT * FROM \"lsst.sal.MTMount.azimuth\""};
        QTest::newRow("one word, any case") << "MTM" << QStringList{"SELECT mean(\"fx\") FROM \"lsst.sal.MTM1M3.forceActuatorData\"",
                                                                    "SELECT * FROM \"lsst.sal.MTMount.azimuth\""};
        QTest::newRow("all words must match") << "select  azimuth" << QStringList{"SELECT * FROM \"lsst.sal.MTMount.azimuth\""};
        QTest::newRow("words in any order") << "dome efd" << QStringList{"from(bucket: \"efd/autogen\") |> filter(fn: (r) => r._measurement == \"lsst.sal.ATDome.position\")"};
        QTest::newRow("no match") << "mean dome" << QStringList{};
    }
    void search()
    {
        QFETCH(QString, words);
        QFETCH(QStringList, found);
        QueryHistory h(path());
        h.record(QStringLiteral("p"), run(QStringLiteral("SELECT * FROM \"lsst.sal.MTMount.azimuth\""), QueryLanguage::InfluxQl));
        h.record(QStringLiteral("p"), run(QStringLiteral("from(bucket: \"efd/autogen\") |> filter(fn: (r) => r._measurement == \"lsst.sal.ATDome.position\")")));
        h.record(QStringLiteral("p"), run(QStringLiteral("SELECT mean(\"fx\") FROM \"lsst.sal.MTM1M3.forceActuatorData\""), QueryLanguage::InfluxQl));
        h.record(QStringLiteral("other"), run(QStringLiteral("SELECT * FROM \"lsst.sal.MTMount.elevation\""), QueryLanguage::InfluxQl));
        QCOMPARE(texts(h.search(QStringLiteral("p"), words)), found);
    }

    void removeAndClear()
    {
        QueryHistory h(path());
        h.record(QStringLiteral("p"), run(QStringLiteral("a")));
        h.record(QStringLiteral("p"), run(QStringLiteral("b")));
        QVERIFY(!h.removeEntry(QStringLiteral("p"), 2));
        QVERIFY(!h.removeEntry(QStringLiteral("x"), 0));
        QVERIFY(h.removeEntry(QStringLiteral("p"), 0));
        QCOMPARE(texts(h.entries(QStringLiteral("p"))), QStringList{QStringLiteral("a")});
        h.clearProfile(QStringLiteral("p"));
        QVERIFY(h.entries(QStringLiteral("p")).empty());
        QVERIFY(h.profiles().isEmpty());
    }

    void renameProfileMergesByRecency()
    {
        QueryHistory h(path());
        h.record(QStringLiteral("old"), run(QStringLiteral("a"), QueryLanguage::Flux, 1, 1));
        h.record(QStringLiteral("old"), run(QStringLiteral("shared"), QueryLanguage::Flux, 1, 4));
        h.record(QStringLiteral("new"), run(QStringLiteral("shared"), QueryLanguage::Flux, 2, 2));
        h.record(QStringLiteral("new"), run(QStringLiteral("b"), QueryLanguage::Flux, 1, 3));
        h.renameProfile(QStringLiteral("old"), QStringLiteral("new"));
        QCOMPARE(h.profiles(), QStringList{QStringLiteral("new")});
        QCOMPARE(texts(h.entries(QStringLiteral("new"))),
                 (QStringList{QStringLiteral("shared"), QStringLiteral("b"), QStringLiteral("a")}));
        QCOMPARE(h.entries(QStringLiteral("new")).front().rowCount, 1); // the newer run of "shared"
    }

    void savedQueries()
    {
        QueryHistory h(path());
        QVERIFY(h.addSaved({QStringLiteral(" M1M3 forces "), QueryLanguage::Flux, QStringLiteral("from(...)")}).ok());
        QVERIFY(h.addSaved({QStringLiteral("azimuth"), QueryLanguage::InfluxQl, QStringLiteral("SELECT 1")}).ok());
        QCOMPARE(names(h.savedQueries()), (QStringList{QStringLiteral("azimuth"), QStringLiteral("M1M3 forces")}));
        QCOMPARE(h.findSaved(u"m1m3 FORCES")->text, QStringLiteral("from(...)"));
        QCOMPARE(h.addSaved({QStringLiteral("AZIMUTH"), QueryLanguage::Flux, QStringLiteral("x")}).error(),
                 QStringLiteral("A saved query named \"azimuth\" already exists."));
        QVERIFY(h.addSaved({QStringLiteral("AZIMUTH"), QueryLanguage::Flux, QStringLiteral("x")}, ExistingName::Replace).ok());
        QCOMPARE(h.savedQueries().size(), std::size_t{2});
        QCOMPARE(h.findSaved(u"azimuth")->name, QStringLiteral("AZIMUTH"));
        QCOMPARE(h.addSaved({QStringLiteral("  "), QueryLanguage::Flux, QStringLiteral("x")}).error(),
                 QStringLiteral("A saved query needs a name."));
        QCOMPARE(h.addSaved({QStringLiteral("empty"), QueryLanguage::Flux, QStringLiteral(" \n")}).error(),
                 QStringLiteral("The query \"empty\" has no text to save."));

        QCOMPARE(h.renameSaved(u"nope", QStringLiteral("x")).error(), QStringLiteral("There is no saved query named \"nope\"."));
        QCOMPARE(h.renameSaved(u"azimuth", QStringLiteral("m1m3 forces")).error(),
                 QStringLiteral("A saved query named \"M1M3 forces\" already exists."));
        QCOMPARE(h.renameSaved(u"azimuth", QStringLiteral(" ")).error(), QStringLiteral("A saved query needs a name."));
        QVERIFY(h.renameSaved(u"azimuth", QStringLiteral("Azimuth")).ok()); // a change of case is a rename
        QVERIFY(h.renameSaved(u"Azimuth", QStringLiteral("Zenith")).ok());
        QCOMPARE(names(h.savedQueries()), (QStringList{QStringLiteral("M1M3 forces"), QStringLiteral("Zenith")}));
        QCOMPARE(names(h.searchSaved(u"zen")), QStringList{QStringLiteral("Zenith")});
        QCOMPARE(names(h.searchSaved(u"from forces")), QStringList{QStringLiteral("M1M3 forces")});
        QVERIFY(!h.removeSaved(u"nope"));
        QVERIFY(h.removeSaved(u"zenith"));
        QCOMPARE(names(h.savedQueries()), QStringList{QStringLiteral("M1M3 forces")});
    }

    void savesAndLoads()
    {
        QueryHistory h(path(QStringLiteral("sub/dir/history.json")));
        HistoryEntry failed = run(QStringLiteral("SELECT \"ü\" FROM \"m\"\nWHERE x = 'a  b'"), QueryLanguage::InfluxQl, 3);
        failed.status = HistoryStatus::Error;
        failed.error = QStringLiteral("partial write: field type conflict");
        HistoryEntry cancelled = run(QStringLiteral("from(bucket: \"efd\")"), QueryLanguage::Flux, 1'000'000'000'000LL);
        cancelled.status = HistoryStatus::Cancelled;
        h.record(QStringLiteral("summit"), failed);
        h.record(QStringLiteral("summit"), cancelled);
        h.record(QString(), run(QStringLiteral("SELECT 1"), QueryLanguage::InfluxQl));
        QVERIFY(h.addSaved({QStringLiteral("forces"), QueryLanguage::InfluxQl, QStringLiteral("SELECT 2")}).ok());
        const auto saved = h.save();
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        QVERIFY(!QFile::exists(h.filePath() + QStringLiteral(".bak"))); // nothing to back up yet

        QueryHistory back(h.filePath());
        const auto loaded = back.load();
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(back.entries(QStringLiteral("summit")), h.entries(QStringLiteral("summit")));
        QCOMPARE(back.entries(QString()), h.entries(QString()));
        QCOMPARE(back.savedQueries(), h.savedQueries());
        QCOMPARE(back.entries(QStringLiteral("summit")).front().ranAt.timeSpec(), Qt::UTC);

        // The second save keeps the first file as .bak.
        const QByteArray first = readAll(h.filePath());
        h.record(QStringLiteral("summit"), run(QStringLiteral("SELECT 3"), QueryLanguage::InfluxQl));
        QVERIFY(h.save().ok());
        QCOMPARE(readAll(h.filePath() + QStringLiteral(".bak")), first);
        QVERIFY(readAll(h.filePath()) != first);
    }

    void missingFileIsEmpty()
    {
        QueryHistory h(path());
        QVERIFY(h.load().ok());
        QVERIFY(h.profiles().isEmpty());
        QVERIFY(h.savedQueries().empty());
    }

    void damagedFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("problem");
        QTest::newRow("truncated") << QByteArray("{\"version\":1,\"history\":{\"p\":[{\"text\":") << "is not valid JSON";
        QTest::newRow("binary") << QByteArray("\x00\x01\x02", 3) << "is not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "does not hold a JSON object";
        QTest::newRow("other file") << QByteArray("{\"profiles\":[]}") << "has no format version";
        QTest::newRow("newer") << QByteArray("{\"version\":7,\"history\":{},\"saved\":[]}") << "was written by a newer Sasquatch Browser (format 7";
        QTest::newRow("no saved list") << QByteArray("{\"version\":1,\"history\":{}}") << "lacks its \"history\" object or \"saved\" list";
        QTest::newRow("entry without text")
            << QByteArray("{\"version\":1,\"saved\":[],\"history\":{\"summit\":[{\"language\":\"flux\"}]}}")
            << "has a bad entry 1 in the history of profile \"summit\": it has no query text";
        QTest::newRow("bad language")
            << QByteArray("{\"version\":1,\"saved\":[],\"history\":{\"p\":[{\"text\":\"x\",\"language\":\"sql\",\"ranAt\":\"2026-11-23T03:00:00Z\",\"status\":\"ok\"}]}}")
            << "its language \"sql\" is neither flux nor influxql";
        QTest::newRow("bad time")
            << QByteArray("{\"version\":1,\"saved\":[],\"history\":{\"p\":[{\"text\":\"x\",\"language\":\"flux\",\"ranAt\":\"yesterday\",\"status\":\"ok\"}]}}")
            << "its time \"yesterday\" is not an ISO 8601 date and time";
        QTest::newRow("bad status")
            << QByteArray("{\"version\":1,\"saved\":[],\"history\":{\"p\":[{\"text\":\"x\",\"language\":\"flux\",\"ranAt\":\"2026-11-23T03:00:00Z\",\"status\":\"meh\"}]}}")
            << "its status \"meh\" is not ok, error or cancelled";
        QTest::newRow("saved without name")
            << QByteArray("{\"version\":1,\"history\":{},\"saved\":[{\"language\":\"flux\",\"text\":\"x\"}]}")
            << "has a bad saved query 1";
    }
    void damagedFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, problem);
        // A good history saved twice: the file and its .bak.
        QueryHistory good(path());
        good.record(QStringLiteral("p"), run(QStringLiteral("SELECT old"), QueryLanguage::InfluxQl));
        QVERIFY(good.save().ok());
        good.record(QStringLiteral("p"), run(QStringLiteral("SELECT newer"), QueryLanguage::InfluxQl));
        QVERIFY(good.save().ok());
        const QByteArray backup = readAll(path() + QStringLiteral(".bak"));
        writeAll(path(), bytes);

        QueryHistory h(path());
        const auto loaded = h.load();
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(path()), qPrintable(loaded.error()));
        QVERIFY2(loaded.error().contains(problem), qPrintable(loaded.error()));
        QVERIFY2(loaded.error().contains(QStringLiteral("The backup %1.bak").arg(path())), qPrintable(loaded.error()));
        // The backup's contents were loaded; loading changed nothing on disk.
        QCOMPARE(texts(h.entries(QStringLiteral("p"))), QStringList{QStringLiteral("SELECT old")});
        QCOMPARE(readAll(path()), bytes);
        QCOMPARE(readAll(path() + QStringLiteral(".bak")), backup);

        // Saving moves the damaged file aside instead of writing over it, and keeps the good .bak.
        h.record(QStringLiteral("p"), run(QStringLiteral("SELECT after"), QueryLanguage::InfluxQl));
        const auto saved = h.save();
        QVERIFY2(saved.ok(), qPrintable(saved.error()));
        const QStringList aside = QDir(m_dir.path()).entryList({QStringLiteral("history.json.damaged-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(m_dir.filePath(aside.front())), bytes);
        QCOMPARE(readAll(path() + QStringLiteral(".bak")), backup);
        QueryHistory reread(path());
        QVERIFY(reread.load().ok());
        QCOMPARE(texts(reread.entries(QStringLiteral("p"))),
                 (QStringList{QStringLiteral("SELECT after"), QStringLiteral("SELECT old")}));
    }

    void damagedFileWithoutBackup()
    {
        writeAll(path(), "not json");
        QueryHistory h(path());
        const auto loaded = h.load();
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().startsWith(QStringLiteral("The query history %1 is not valid JSON").arg(path())),
                 qPrintable(loaded.error()));
        QVERIFY2(loaded.error().contains(QStringLiteral("The history starts empty")), qPrintable(loaded.error()));
        QVERIFY(h.profiles().isEmpty());
        QCOMPARE(readAll(path()), QByteArray("not json"));
        // Two saves in the same second keep both damaged files apart.
        QVERIFY(h.save().ok());
        writeAll(path(), "still not json");
        QVERIFY(h.save().ok());
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("history.json.damaged-*")}, QDir::Files).size(), 2);
    }

    void unreadableFolderFailsClearly()
    {
        QueryHistory h(QStringLiteral("/proc/sasquatch-no/history.json"));
        const auto saved = h.save();
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().contains(QStringLiteral("/proc/sasquatch-no")), qPrintable(saved.error()));
    }
};

QTEST_GUILESS_MAIN(tst_QueryHistory)
#include "tst_queryhistory.moc"
