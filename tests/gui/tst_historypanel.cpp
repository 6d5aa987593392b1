// SPDX-License-Identifier: GPL-3.0-or-later
// The history panel offscreen: runs are recorded per profile, newest first, deduplicated and
// persisted; search filters; activation loads; saved queries can be added, renamed, deleted.
#include "gui/query/HistoryItemDelegate.h"
#include "gui/query/HistoryPanel.h"

#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

namespace {

QueryRunRecord run(const QString &text, RunEnd end = RunEnd::Completed, std::int64_t rows = 10)
{
    QueryRunRecord r;
    r.text = text;
    r.language = QueryLanguage::InfluxQl;
    r.startedAt = QDateTime(QDate(2026, 11, 23), QTime(3, 12), Qt::UTC);
    r.durationMs = 1234;
    r.rows = rows;
    r.end = end;
    if (end == RunEnd::Failed)
        r.error = QStringLiteral("error parsing query: found FORM, expected FROM at line 1, char 10");
    return r;
}

QStringList titles(const QListWidget *list)
{
    QStringList out;
    for (int i = 0; i < list->count(); ++i)
        out << list->item(i)->data(HistoryItemDelegate::TitleRole).toString();
    return out;
}

} // namespace

class tst_HistoryPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("history.json")); }

private Q_SLOTS:
    void init()
    {
        QFile::remove(path());
        QFile::remove(path() + QStringLiteral(".bak"));
    }

    void recordsNewestFirstDedupedAndPersisted()
    {
        QueryHistory history(path());
        HistoryPanel panel(history);
        panel.setProfile(QStringLiteral("summit"));
        panel.record(run(QStringLiteral("SELECT * FROM a")));
        panel.record(run(QStringLiteral("SELECT * FROM b"), RunEnd::Failed));
        panel.record(run(QStringLiteral("SELECT  *\nFROM a"), RunEnd::Cancelled)); // same query: moves up
        QCOMPARE(titles(panel.historyList()), (QStringList{QStringLiteral("SELECT * FROM a"), QStringLiteral("SELECT * FROM b")}));
        const QString detail = panel.historyList()->item(1)->data(HistoryItemDelegate::DetailRole).toString();
        QVERIFY2(detail.contains(QStringLiteral("InfluxQL")) && detail.contains(QStringLiteral("1.23 s"))
                     && detail.contains(QStringLiteral("error: error parsing query")),
                 qPrintable(detail));
        QVERIFY(panel.historyList()->item(0)->data(HistoryItemDelegate::DetailRole).toString().contains(QStringLiteral("cancelled")));

        // Another panel on the file sees the same, with status and rows.
        QueryHistory again(path());
        QVERIFY(again.load().ok());
        const auto &entries = again.entries(QStringLiteral("summit"));
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[0].status, HistoryStatus::Cancelled);
        QCOMPARE(entries[1].status, HistoryStatus::Error);
        QVERIFY(entries[1].error.contains(QStringLiteral("line 1, char 10")));
        QCOMPARE(entries[1].rowCount, 10);
        QCOMPARE(entries[1].durationMs, 1234);
        QCOMPARE(entries[1].ranAt, QDateTime(QDate(2026, 11, 23), QTime(3, 12), Qt::UTC));
    }

    void historyIsPerProfile()
    {
        QueryHistory history(path());
        HistoryPanel panel(history);
        panel.setProfile(QStringLiteral("summit"));
        panel.record(run(QStringLiteral("SELECT 1")));
        panel.setProfile(QStringLiteral("usdf"));
        QCOMPARE(panel.historyList()->count(), 0);
        panel.record(run(QStringLiteral("SELECT 2")));
        panel.setProfile(QStringLiteral("summit"));
        QCOMPARE(titles(panel.historyList()), QStringList{QStringLiteral("SELECT 1")});
    }

    void searchNeedsEveryWord()
    {
        QueryHistory history(path());
        HistoryPanel panel(history);
        panel.setProfile(QStringLiteral("p"));
        panel.record(run(QStringLiteral("SELECT mean(fx) FROM forceActuatorData")));
        panel.record(run(QStringLiteral("SELECT * FROM ATDome.position")));
        panel.saveQuery(QStringLiteral("Dome azimuth"), QueryLanguage::Flux, QStringLiteral("from(bucket: \"efd\")"));
        panel.setFilterText(QStringLiteral("force MEAN"));
        QCOMPARE(titles(panel.historyList()), QStringList{QStringLiteral("SELECT mean(fx) FROM forceActuatorData")});
        panel.setFilterText(QStringLiteral("dome"));
        QCOMPARE(titles(panel.historyList()), QStringList{QStringLiteral("SELECT * FROM ATDome.position")});
        QCOMPARE(titles(panel.savedList()), QStringList{QStringLiteral("Dome azimuth")});
        panel.setFilterText(QStringLiteral("nothing-like-this"));
        QCOMPARE(panel.historyList()->count(), 0);
        panel.setFilterText(QString());
        QCOMPARE(panel.historyList()->count(), 2);
    }

    void activationLoadsTheQuery()
    {
        QueryHistory history(path());
        HistoryPanel panel(history);
        panel.setProfile(QStringLiteral("p"));
        panel.record(run(QStringLiteral("SELECT * FROM a")));
        panel.show();
        QSignalSpy activated(&panel, &HistoryPanel::queryActivated);
        QListWidget *list = panel.historyList();
        const QRect rect = list->visualItemRect(list->item(0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QTRY_COMPARE(activated.count(), 1);
        // Enter on the current item does the same.
        list->setFocus();
        QTest::keyClick(list, Qt::Key_Return);
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("SELECT * FROM a"));
        QCOMPARE(activated.at(0).at(1).value<QueryLanguage>(), QueryLanguage::InfluxQl);
        QCOMPARE(activated.at(0).at(2).value<OpenIn>(), OpenIn::CurrentTab);
    }

    void savedQueriesAddRenameDelete()
    {
        QueryHistory history(path());
        HistoryPanel panel(history);
        QVERIFY(panel.saveQuery(QStringLiteral("  M1M3 forces "), QueryLanguage::Flux, QStringLiteral("from(bucket: \"efd/autogen\")")).ok());
        QCOMPARE(titles(panel.savedList()), QStringList{QStringLiteral("M1M3 forces")});
        // The same name (any case) is refused unless replacing.
        const auto again = panel.saveQuery(QStringLiteral("m1m3 FORCES"), QueryLanguage::Flux, QStringLiteral("x"));
        QVERIFY(!again.ok());
        QVERIFY(!again.error().isEmpty());
        QVERIFY(panel.saveQuery(QStringLiteral("m1m3 forces"), QueryLanguage::InfluxQl, QStringLiteral("SELECT 1"),
                                ExistingName::Replace)
                    .ok());
        QCOMPARE(panel.savedList()->count(), 1);
        QVERIFY(!panel.saveQuery(QStringLiteral("   "), QueryLanguage::Flux, QStringLiteral("x")).ok());

        QVERIFY(panel.renameSaved(QStringLiteral("m1m3 forces"), QStringLiteral("Forces")).ok());
        QCOMPARE(titles(panel.savedList()), QStringList{QStringLiteral("Forces")});
        QueryHistory reread(path());
        QVERIFY(reread.load().ok());
        QVERIFY(reread.findSaved(QStringLiteral("forces")));
        QCOMPARE(reread.findSaved(QStringLiteral("forces"))->text, QStringLiteral("SELECT 1"));

        QVERIFY(panel.deleteSaved(QStringLiteral("Forces")));
        QVERIFY(!panel.deleteSaved(QStringLiteral("Forces")));
        QCOMPARE(panel.savedList()->count(), 0);
        QueryHistory empty(path());
        QVERIFY(empty.load().ok());
        QVERIFY(empty.savedQueries().empty());
    }

    void keepsOnlyTheLast500()
    {
        QueryHistory history(path());
        HistoryPanel panel(history);
        panel.setProfile(QStringLiteral("p"));
        for (int i = 0; i < 520; ++i)
            history.record(QStringLiteral("p"), HistoryEntry{QStringLiteral("SELECT %1").arg(i), QueryLanguage::InfluxQl,
                                                              QDateTime::currentDateTimeUtc(), 1, 1, HistoryStatus::Ok, {}});
        panel.record(run(QStringLiteral("SELECT last")));
        QCOMPARE(panel.historyList()->count(), 500);
        QCOMPARE(titles(panel.historyList()).first(), QStringLiteral("SELECT last"));
        QVERIFY(panel.findChild<QTabWidget *>()->tabText(0).contains(QStringLiteral("500")));
    }

    void unsavableFileIsReported()
    {
        // A directory that cannot be made: a regular file stands where it should be.
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QueryHistory history(m_dir.filePath(QStringLiteral("blocker/history.json")));
        HistoryPanel panel(history);
        QSignalSpy notices(&panel, &HistoryPanel::notice);
        panel.setProfile(QStringLiteral("p"));
        panel.record(run(QStringLiteral("SELECT 1")));
        QCOMPARE(notices.count(), 1);
        QVERIFY(notices.at(0).at(1).toBool());
        QCOMPARE(panel.historyList()->count(), 1); // kept in memory all the same
    }
};

QTEST_MAIN(tst_HistoryPanel)
#include "tst_historypanel.moc"
