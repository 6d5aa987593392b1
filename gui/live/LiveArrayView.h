// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/SeriesId.h"
#include "core/series/SeriesStore.h"

#include <QString>
#include <QWidget>

#include <cstdint>
#include <vector>

class QCustomPlot;
class QCPBars;
class QCPColorMap;
class QCPColorScale;
class QLabel;

namespace sasquatch {

/// An array field (zForce[156]) seen whole: a heatmap of element index × time over a time
/// range (each cell the mean of that element's samples in the column's time slice, from the
/// store's pyramid) and a bar chart of the newest vector in that range. Works on what is in
/// the SeriesStore, so it shows history and live alike.
class LiveArrayView : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kColumns = 240; ///< time columns of the heatmap

    explicit LiveArrayView(QWidget *parent = nullptr);

    /// The array to show: topic, base name ("zForce"), element count and unit; the element
    /// series are (topic, base + index) in `store`.
    void setArray(const SeriesStore &store, const QString &topic, const QString &base, int count, const QString &unit);
    void clearArray();
    bool hasArray() const { return m_store != nullptr; }
    QString arrayName() const { return m_base; }

    /// Redraws for [startNs, stopNs).
    void refresh(std::int64_t startNs, std::int64_t stopNs);

    /// The cells drawn last (count × kColumns, NaN where empty), for tests.
    const std::vector<double> &cells() const { return m_cells; }
    /// The bar values drawn last (the newest sample of each element in the range).
    const std::vector<double> &latest() const { return m_latest; }

private:
    const SeriesStore *m_store = nullptr;
    QString m_topic;
    QString m_base;
    QString m_unit;
    std::vector<SeriesId> m_ids;
    std::vector<double> m_cells;
    std::vector<double> m_latest;
    QLabel *m_title = nullptr;
    QCustomPlot *m_heatPlot = nullptr;
    QCPColorMap *m_map = nullptr;
    QCPColorScale *m_scale = nullptr;
    QCustomPlot *m_barPlot = nullptr;
    QCPBars *m_bars = nullptr;
};

} // namespace sasquatch
