// SPDX-License-Identifier: GPL-3.0-or-later
// CSV export on a worker thread: the file is complete RFC 4180 text, progress arrives, cancel
// and write errors leave no partial file and say why.
#include "core/query/ResultTableModel.h"
#include "gui/query/CsvExportJob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

namespace {

constexpr std::int64_t kBase = 1'795'403'520LL * 1'000'000'000; // 2026-11-23T03:12:00Z

ResultTable piece(std::int64_t id, const std::string &field, std::int64_t first, std::int64_t rows, Continuation c)
{
    ResultTable t("_result", id);
    t.setContinuation(c);
    t.addColumn("_time", ColumnType::DateTime);
    t.addColumn("_value", ColumnType::Double);
    t.addColumn("_field", ColumnType::String);
    for (std::int64_t r = first; r < first + rows; ++r) {
        t.column(0).appendInt64(kBase + r * 1'000'000'000LL);
        t.column(1).appendDouble(double(r) / 4);
        t.column(2).appendString(field);
        t.endRow();
    }
    return t;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class tst_CsvExportJob : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesEveryPieceOfEveryTable()
    {
        ResultTableModel model;
        model.appendTable(piece(0, "fx", 0, 2, Continuation::No));
        model.appendTable(piece(0, "fx", 2, 1, Continuation::Yes)); // a continuation piece
        model.appendTable(piece(1, "a,b", 0, 1, Continuation::No)); // needs quoting
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        CsvExportJob job;
        QSignalSpy finished(&job, &CsvExportJob::finished);
        QVERIFY(job.start(model, path));
        QVERIFY(finished.wait(10000));
        const auto result = *job.result();
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(*result, 4);
        QCOMPARE(readAll(path), QByteArray("result,table,_time,_value,_field\r\n"
                                           "_result,0,2026-11-23T03:12:00Z,0,fx\r\n"
                                           "_result,0,2026-11-23T03:12:01Z,0.25,fx\r\n"
                                           "_result,0,2026-11-23T03:12:02Z,0.5,fx\r\n"
                                           "_result,1,2026-11-23T03:12:00Z,0,\"a,b\"\r\n"));
    }

    void reportsProgressOnLargeResults()
    {
        ResultTableModel model;
        std::vector<ResultTable> pieces;
        for (int p = 0; p < 40; ++p)
            pieces.push_back(piece(0, "zForce12", p * 25'000, 25'000, p ? Continuation::Yes : Continuation::No));
        model.appendTables(std::move(pieces));
        QTemporaryDir dir;
        CsvExportJob job;
        QSignalSpy progress(&job, &CsvExportJob::progress);
        QSignalSpy finished(&job, &CsvExportJob::finished);
        QVERIFY(job.start(model, dir.filePath(QStringLiteral("big.csv"))));
        QVERIFY(!job.start(model, dir.filePath(QStringLiteral("other.csv")))); // one at a time
        QVERIFY(finished.wait(60000));
        QVERIFY(progress.count() >= 1); // at least the final one
        QCOMPARE(progress.last().at(0).toLongLong(), 1'000'000);
        QCOMPARE(progress.last().at(1).toLongLong(), 1'000'000);
        QCOMPARE(**job.result(), 1'000'000);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("other.csv"))));
        QCOMPARE(readAll(dir.filePath(QStringLiteral("big.csv"))).count("\r\n"), 1'000'001);
    }

    void cancelLeavesThePreviousFile()
    {
        ResultTableModel model;
        std::vector<ResultTable> pieces;
        for (int p = 0; p < 200; ++p)
            pieces.push_back(piece(0, "fx", p * 10'000, 10'000, p ? Continuation::Yes : Continuation::No));
        model.appendTables(std::move(pieces));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.csv"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old contents\n");
        }
        CsvExportJob job;
        QSignalSpy finished(&job, &CsvExportJob::finished);
        QVERIFY(job.start(model, path));
        job.cancel();
        QVERIFY(finished.wait(30000));
        const auto result = *job.result();
        QVERIFY(!result.ok());
        QVERIFY(result.failure().cancelled);
        QVERIFY(result.error().contains(QStringLiteral("keep.csv")));
        QCOMPARE(readAll(path), QByteArray("old contents\n"));
    }

    void unwritablePlaceFailsWithTheReason()
    {
        ResultTableModel model;
        model.appendTable(piece(0, "fx", 0, 3, Continuation::No));
        // A directory that cannot exist: a regular file stands where it should be.
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        CsvExportJob job;
        QSignalSpy finished(&job, &CsvExportJob::finished);
        QVERIFY(job.start(model, dir.filePath(QStringLiteral("blocker/out.csv"))));
        QVERIFY(finished.wait(10000));
        const auto result = *job.result();
        QVERIFY(!result.ok());
        QVERIFY(!result.failure().cancelled);
        QVERIFY2(result.error().contains(QStringLiteral("out.csv")), qPrintable(result.error()));
    }

    void destructorStopsTheWorker()
    {
        ResultTableModel model;
        std::vector<ResultTable> pieces;
        for (int p = 0; p < 100; ++p)
            pieces.push_back(piece(0, "fx", p * 10'000, 10'000, p ? Continuation::Yes : Continuation::No));
        model.appendTables(std::move(pieces));
        QTemporaryDir dir;
        {
            CsvExportJob job;
            QVERIFY(job.start(model, dir.filePath(QStringLiteral("gone.csv"))));
        } // cancels and waits: the model below may go now
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("gone.csv"))));
    }
};

QTEST_MAIN(tst_CsvExportJob)
#include "tst_csvexportjob.moc"
