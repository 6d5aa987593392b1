// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

#include <cstdint>

class QAction;

namespace sasquatch {

class ResultTableModel;

/// Whether copied cells start with a row of column names.
enum class CopyHeaders : std::uint8_t { Omit, Include };

/// The result table of a query tab: a QTableView over a ResultTableModel that stays smooth
/// with millions of rows (fixed row height, column widths measured on a sample of rows, never
/// on all of them). Ctrl+C copies the selection as tab-separated values; the context menu adds
/// copy with headers, CSV export and "Send to plot" (the tab answers those signals). As in the
/// editor, Ctrl+Enter asks to run the query again and Esc to cancel it.
class ResultsView : public QTableView
{
    Q_OBJECT
public:
    /// Cells copied at most; past it copy refuses and says to export instead.
    static constexpr std::int64_t kMaxCopyCells = 2'000'000;
    /// Rows read to size a column.
    static constexpr int kSampleRows = 200;

    explicit ResultsView(QWidget *parent = nullptr);

    void setResultModel(ResultTableModel *model);
    ResultTableModel *resultModel() const { return m_model; }

    /// The selected cells as TSV: rows in order, cells of a row in column order, a tab between
    /// cells, LF after each row; cells inside the selection's bounding box that are not
    /// selected stay empty. A cell holding a tab, newline or double quote is quoted with doubled
    /// quotes, as spreadsheets expect when pasting. Empty when nothing is selected or the
    /// selection is larger than kMaxCopyCells (then `tooLarge` is set). `rows` gets the number of
    /// data rows written.
    QString selectionAsTsv(CopyHeaders headers, bool *tooLarge = nullptr, int *rows = nullptr) const;
    /// Copies selectionAsTsv() to the clipboard; false when there was nothing or too much.
    bool copySelection(CopyHeaders headers = CopyHeaders::Omit);

    /// Sizes the columns to their header and the first kSampleRows rows (at most 420 px).
    void fitColumns();

    QAction *exportAction() const { return m_export; }
    QAction *plotAction() const { return m_plot; }

Q_SIGNALS:
    void runRequested();
    void cancelRequested();
    void exportRequested();
    void sendToPlotRequested();
    /// A message for the tab's status line (e.g. why a copy was refused).
    void notice(const QString &text);
    /// The width of the rows area changed (it sizes the aggregation window of builder queries).
    void viewportWidthChanged(int pixels);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void onColumnsInserted(int first, int last);
    void onRowsInserted();

    ResultTableModel *m_model = nullptr;
    QAction *m_copy = nullptr;
    QAction *m_copyHeaders = nullptr;
    QAction *m_export = nullptr;
    QAction *m_plot = nullptr;
    int m_sizedRows = 0; ///< rows there were when the columns were last sized
    int m_viewportWidth = -1;
};

} // namespace sasquatch
