// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace sasquatch {

class PlotPanel;
struct PlotShared;

/// The table under the plots: one row per series of every panel with its value at the hover
/// cursor, at cursors A and B and B − A (when shown), and the statistics of the visible range
/// (count, min, max, mean, standard deviation, peak-to-peak) from the store's pyramid, O(log n)
/// per series. A line above says where the cursors are and Δt.
class PlotReadoutTable : public QWidget
{
    Q_OBJECT
public:
    enum Column { Name, Unit, Cursor, A, B, Delta, Count, Min, Max, Mean, Std, PeakToPeak, ColumnCount };

    explicit PlotReadoutTable(QWidget *parent = nullptr);

    /// Rebuilds every row (series added/removed, view moved, cursors moved).
    void update(const std::vector<PlotPanel *> &panels, const PlotShared &shared);
    /// Refreshes only the hover column and the cursor line (mouse moves).
    void updateHover(const std::vector<PlotPanel *> &panels, const PlotShared &shared);

    QTableWidget *table() const { return m_table; }
    /// The text of a cell (tests).
    QString text(int row, Column column) const;

private:
    void updateHeader(const PlotShared &shared);

    QLabel *m_header = nullptr;
    QTableWidget *m_table = nullptr;
};

/// Number text for readouts: 6 significant digits, no exponent for ordinary magnitudes.
QString readoutNumber(double value);
/// A duration for Δt: "12.345 s", "250.000 ms", "3 min 12.500 s".
QString readoutDuration(std::int64_t ns);

} // namespace sasquatch
