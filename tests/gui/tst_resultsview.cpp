// SPDX-License-Identifier: GPL-3.0-or-later
// The result table offscreen: TSV copy (quoting, headers, sparse selections, the size limit),
// column sizing from a sample, and millions of rows.
#include "core/query/ResultTableModel.h"
#include "gui/query/ResultsView.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;

namespace {

constexpr std::int64_t kBase = 1'795'403'520LL * 1'000'000'000; // 2026-11-23T03:12:00Z

/// _time, _value, _field, note: four rows, one note with a tab, one with a quote and a newline.
ResultTable sample()
{
    ResultTable t("_result", 0);
    t.addColumn("_time", ColumnType::DateTime);
    t.addColumn("_value", ColumnType::Double);
    t.addColumn("_field", ColumnType::String);
    t.addColumn("note", ColumnType::String);
    const char *notes[] = {"plain", "tab\there", "say \"hi\"\nbye", ""};
    for (int r = 0; r < 4; ++r) {
        t.column(0).appendInt64(kBase + r * 1'000'000'000LL);
        t.column(1).appendDouble(0.5 * r);
        t.column(2).appendString("fx");
        if (r == 3)
            t.column(3).appendNull();
        else
            t.column(3).appendString(notes[r]);
        t.endRow();
    }
    return t;
}

ResultTable longTable(std::int64_t rows, std::int64_t first, Continuation continuation)
{
    ResultTable t("_result", 0);
    t.setContinuation(continuation);
    t.addColumn("_time", ColumnType::DateTime);
    t.column(0).reserve(std::size_t(rows));
    for (std::int64_t r = first; r < first + rows; ++r) {
        t.column(0).appendInt64(kBase + r * 20'000'000);
        t.endRow();
    }
    return t;
}

} // namespace

class tst_ResultsView : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ResultTableModel> m_model;
    std::unique_ptr<ResultsView> m_view;

    void select(int top, int left, int bottom, int right, QItemSelectionModel::SelectionFlags flags = QItemSelectionModel::Select)
    {
        m_view->selectionModel()->select(QItemSelection(m_model->index(top, left), m_model->index(bottom, right)), flags);
    }

private Q_SLOTS:
    void init()
    {
        m_model = std::make_unique<ResultTableModel>();
        m_view = std::make_unique<ResultsView>();
        m_view->setResultModel(m_model.get());
        m_view->resize(900, 400);
        m_view->show();
        m_model->appendTable(sample());
    }
    void cleanup()
    {
        m_view.reset();
        m_model.reset();
    }

    void copiesTsvWithQuoting()
    {
        // columns: result, table, _time, _value, _field, note
        select(0, 2, 3, 5);
        QCOMPARE(m_view->selectionAsTsv(CopyHeaders::Omit),
                 QStringLiteral("2026-11-23T03:12:00Z\t0\tfx\tplain\n"
                                "2026-11-23T03:12:01Z\t0.5\tfx\t\"tab\there\"\n"
                                "2026-11-23T03:12:02Z\t1\tfx\t\"say \"\"hi\"\"\nbye\"\n"
                                "2026-11-23T03:12:03Z\t1.5\tfx\t\n"));
    }

    void copiesHeadersWhenAsked()
    {
        select(1, 3, 2, 4);
        QCOMPARE(m_view->selectionAsTsv(CopyHeaders::Include),
                 QStringLiteral("_value\t_field\n0.5\tfx\n1\tfx\n"));
    }

    void sparseSelectionKeepsShapeWithoutGaps()
    {
        // Two cells in distant columns and rows: the columns between are left out, a row with
        // nothing selected is left out, unselected cells of kept rows stay empty.
        select(0, 2, 0, 2);
        select(2, 5, 2, 5);
        QCOMPARE(m_view->selectionAsTsv(CopyHeaders::Omit),
                 QStringLiteral("2026-11-23T03:12:00Z\t\n\t\"say \"\"hi\"\"\nbye\"\n"));
    }

    void ctrlCPutsTheSelectionOnTheClipboard()
    {
        QSignalSpy notices(m_view.get(), &ResultsView::notice);
        select(0, 3, 1, 3);
        m_view->setFocus();
        QTest::keySequence(m_view.get(), QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("0\n0.5\n"));
        QCOMPARE(notices.count(), 1);
        QVERIFY(notices.at(0).at(0).toString().contains(QStringLiteral("2")));
    }

    void nothingSelectedCopiesNothing()
    {
        QApplication::clipboard()->setText(QStringLiteral("before"));
        QVERIFY(!m_view->copySelection());
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("before"));
    }

    void refusesHugeSelections()
    {
        m_model->clear();
        // 2 columns of our own + _time = 3 columns; 700,000 rows = 2.1 M cells > the limit.
        m_model->appendTable(longTable(700'000, 0, Continuation::No));
        QSignalSpy notices(m_view.get(), &ResultsView::notice);
        m_view->selectAll();
        bool tooLarge = false;
        QVERIFY(m_view->selectionAsTsv(CopyHeaders::Omit, &tooLarge).isEmpty());
        QVERIFY(tooLarge);
        QVERIFY(!m_view->copySelection());
        QCOMPARE(notices.count(), 1);
        QVERIFY(notices.at(0).at(0).toString().contains(QStringLiteral("export")));
    }

    void rowsHaveOneFixedHeight()
    {
        QCOMPARE(m_view->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
        QCOMPARE(m_view->rowHeight(0), m_view->rowHeight(3));
        QVERIFY(!m_view->wordWrap());
    }

    void columnsFitTheirFirstRows()
    {
        // _time holds 20 characters: wider than its header; the short `result` column is not.
        const int time = m_view->columnWidth(2);
        const QFontMetrics fm(m_view->font());
        QVERIFY2(time >= fm.horizontalAdvance(QStringLiteral("2026-11-23T03:12:00Z")), qPrintable(QString::number(time)));
        QVERIFY(time <= 420);
        // A later, wider row beyond the sample does not move the columns.
        m_model->clear();
        for (int i = 0; i < 60; ++i)
            m_model->appendTable(sample()); // 240 rows: more than the sample
        const int sized = m_view->columnWidth(5);
        ResultTable late("_result", 1);
        late.addColumn("note", ColumnType::String);
        late.column(0).appendString(std::string(200, 'w'));
        late.endRow();
        m_model->appendTable(late);
        QCOMPARE(m_view->columnWidth(5), sized);
    }

    void contextActionsEmit()
    {
        QSignalSpy exported(m_view.get(), &ResultsView::exportRequested);
        QSignalSpy plotted(m_view.get(), &ResultsView::sendToPlotRequested);
        m_view->exportAction()->trigger();
        m_view->plotAction()->trigger();
        QCOMPARE(exported.count(), 1);
        QCOMPARE(plotted.count(), 1);
    }

    void ctrlEnterRunsAndEscCancels()
    {
        QSignalSpy run(m_view.get(), &ResultsView::runRequested);
        QSignalSpy cancel(m_view.get(), &ResultsView::cancelRequested);
        QTest::keyClick(m_view.get(), Qt::Key_Return, Qt::ControlModifier);
        QTest::keyClick(m_view.get(), Qt::Key_Escape);
        QCOMPARE(run.count(), 1);
        QCOMPARE(cancel.count(), 1);
    }

    void scrollsMillionsOfRows()
    {
        // Five million rows in 50 pieces, as a streamed result arrives. The view must reach the
        // last row at once: nothing in it walks all rows.
        m_model->clear();
        constexpr std::int64_t kPiece = 100'000;
        std::vector<ResultTable> pieces;
        for (int p = 0; p < 50; ++p)
            pieces.push_back(longTable(kPiece, p * kPiece, p == 0 ? Continuation::No : Continuation::Yes));
        QElapsedTimer clock;
        clock.start();
        m_model->appendTables(std::move(pieces));
        m_view->scrollToBottom();
        QApplication::processEvents();
        m_view->viewport()->repaint();
        const qint64 ms = clock.elapsed();
        QCOMPARE(m_model->rowCount(), 5'000'000);
        const QModelIndex last = m_view->indexAt(QPoint(5, m_view->viewport()->height() - 3));
        QVERIFY(last.isValid());
        QVERIFY2(last.row() > 4'999'900, qPrintable(QString::number(last.row())));
        QCOMPARE(m_model->cellText(4'999'999, 2), QStringLiteral("2026-11-24T06:58:39.98Z"));
        qInfo("5 M rows: append, scroll to the end and paint in %lld ms", static_cast<long long>(ms));
    }
};

QTEST_MAIN(tst_ResultsView)
#include "tst_resultsview.moc"
