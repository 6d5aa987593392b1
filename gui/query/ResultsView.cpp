// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/ResultsView.h"

#include "core/query/ResultTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>
#include <map>

namespace sasquatch {

namespace {

constexpr int kMaxColumnWidth = 420;
constexpr int kMinColumnWidth = 48;

void appendTsvCell(QString &out, const QString &cell)
{
    if (!cell.contains(QLatin1Char('\t')) && !cell.contains(QLatin1Char('\n')) && !cell.contains(QLatin1Char('\r'))
        && !cell.contains(QLatin1Char('"'))) {
        out += cell;
        return;
    }
    out += QLatin1Char('"');
    for (const QChar c : cell) {
        if (c == QLatin1Char('"'))
            out += QLatin1Char('"');
        out += c;
    }
    out += QLatin1Char('"');
}

} // namespace

ResultsView::ResultsView(QWidget *parent) : QTableView(parent)
{
    // Row heights never depend on content: the view then never measures the rows it does not
    // show, which is what keeps 10 M rows as quick as 10.
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    verticalHeader()->setStyleSheet(QStringLiteral("QHeaderView::section { color: palette(placeholder-text); }"));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setStretchLastSection(true);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    setAlternatingRowColors(true);
    setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setCornerButtonEnabled(true);
    setAccessibleName(tr("Query results"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(font().pointSizeF());
    setFont(mono);
    verticalHeader()->setDefaultSectionSize(QFontMetrics(mono).height() + 6);

    m_copy = new QAction(tr("&Copy"), this);
    m_copy->setShortcut(QKeySequence::Copy);
    connect(m_copy, &QAction::triggered, this, [this] { copySelection(CopyHeaders::Omit); });
    m_copyHeaders = new QAction(tr("Copy with &headers"), this);
    connect(m_copyHeaders, &QAction::triggered, this, [this] { copySelection(CopyHeaders::Include); });
    m_export = new QAction(tr("&Export to CSV…"), this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_export, &QAction::triggered, this, &ResultsView::exportRequested);
    m_plot = new QAction(tr("Send to &plot"), this);
    m_plot->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_plot, &QAction::triggered, this, &ResultsView::sendToPlotRequested);
    // Ctrl+C goes through keyPressEvent (the item view's own Copy would copy one cell). The
    // export and plot shortcuts shown here are the main window's Query menu's: registering them
    // here too would make them ambiguous, and Qt would then run neither.
}

void ResultsView::setResultModel(ResultTableModel *model)
{
    m_model = model;
    setModel(model);
    m_sizedRows = 0;
    connect(model, &QAbstractItemModel::columnsInserted, this,
            [this](const QModelIndex &, int first, int last) { onColumnsInserted(first, last); });
    connect(model, &QAbstractItemModel::rowsInserted, this, &ResultsView::onRowsInserted);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_sizedRows = 0; });
}

void ResultsView::onColumnsInserted(int, int)
{
    fitColumns();
}

void ResultsView::onRowsInserted()
{
    // Widths follow the first rows; once the sample is full later rows do not move columns
    // under the user's eyes.
    if (m_sizedRows < kSampleRows)
        fitColumns();
}

void ResultsView::fitColumns()
{
    if (!m_model)
        return;
    const int rows = std::min(m_model->rowCount(), kSampleRows);
    const QFontMetrics cells(font());
    const QFontMetrics headers(horizontalHeader()->font());
    const int last = m_model->columnCount() - 1;
    for (int column = 0; column <= last; ++column) {
        int width = headers.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) + 24;
        for (int row = 0; row < rows; ++row)
            width = std::max(width, cells.horizontalAdvance(m_model->cellText(row, column)) + 16);
        width = std::clamp(width, kMinColumnWidth, kMaxColumnWidth);
        // Only grow: a column the user widened, or sized for earlier rows, keeps its width.
        if (width > columnWidth(column) || m_sizedRows == 0)
            setColumnWidth(column, width);
    }
    m_sizedRows = rows;
}

QString ResultsView::selectionAsTsv(CopyHeaders withHeaders, bool *tooLarge, int *rows) const
{
    if (tooLarge)
        *tooLarge = false;
    if (rows)
        *rows = 0;
    if (!m_model || !selectionModel())
        return {};
    const QItemSelection selection = selectionModel()->selection();
    if (selection.isEmpty())
        return {};
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QItemSelectionRange &range : selection) {
        top = std::min(top, range.top());
        bottom = std::max(bottom, range.bottom());
        left = std::min(left, range.left());
        right = std::max(right, range.right());
    }
    const std::int64_t cells = std::int64_t(bottom - top + 1) * (right - left + 1);
    if (cells > kMaxCopyCells) {
        if (tooLarge)
            *tooLarge = true;
        return {};
    }
    // The columns that hold a selected cell, so a selection of two distant columns does not
    // copy everything between them.
    std::vector<int> columns;
    for (int column = left; column <= right; ++column) {
        for (const QItemSelectionRange &range : selection) {
            if (column >= range.left() && column <= range.right()) {
                columns.push_back(column);
                break;
            }
        }
    }
    QString out;
    if (withHeaders == CopyHeaders::Include) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += QLatin1Char('\t');
            appendTsvCell(out, m_model->headerData(columns[i], Qt::Horizontal).toString());
        }
        out += QLatin1Char('\n');
    }
    const bool single = selection.size() == 1;
    for (int row = top; row <= bottom; ++row) {
        bool any = single;
        if (!single) {
            for (const QItemSelectionRange &range : selection)
                any = any || (row >= range.top() && row <= range.bottom());
            if (!any)
                continue;
        }
        for (std::size_t i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += QLatin1Char('\t');
            const int column = columns[i];
            if (single || selection.contains(m_model->index(row, column)))
                appendTsvCell(out, m_model->cellText(row, column));
        }
        out += QLatin1Char('\n');
        if (rows)
            ++*rows;
    }
    return out;
}

bool ResultsView::copySelection(CopyHeaders headers)
{
    bool tooLarge = false;
    int rows = 0;
    const QString text = selectionAsTsv(headers, &tooLarge, &rows);
    if (tooLarge) {
        Q_EMIT notice(tr("The selection is too large to copy (over %L1 cells); export it to CSV instead.")
                          .arg(kMaxCopyCells));
        return false;
    }
    if (text.isEmpty())
        return false;
    QApplication::clipboard()->setText(text);
    Q_EMIT notice(rows == 1 ? tr("Copied 1 row.") : tr("Copied %L1 rows.").arg(rows));
    return true;
}

void ResultsView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copySelection(CopyHeaders::Omit);
        event->accept();
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        Q_EMIT runRequested();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && event->modifiers() == Qt::NoModifier) {
        Q_EMIT cancelRequested();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ResultsView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    // The scroll area lays out its viewport before this handler runs: compare with the last.
    if (viewport()->width() != m_viewportWidth) {
        m_viewportWidth = viewport()->width();
        Q_EMIT viewportWidthChanged(m_viewportWidth);
    }
}

void ResultsView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const bool hasSelection = selectionModel() && selectionModel()->hasSelection();
    const bool hasRows = m_model && m_model->rowCount() > 0;
    m_copy->setEnabled(hasSelection);
    m_copyHeaders->setEnabled(hasSelection);
    menu.addAction(m_copy);
    menu.addAction(m_copyHeaders);
    menu.addAction(tr("Select &all"), this, &QAbstractItemView::selectAll)->setEnabled(hasRows);
    menu.addSeparator();
    menu.addAction(m_export);
    menu.addAction(m_plot);
    menu.exec(event->globalPos());
}

} // namespace sasquatch
