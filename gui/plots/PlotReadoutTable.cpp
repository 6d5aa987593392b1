// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/PlotReadoutTable.h"

#include "core/time/TimeText.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotShared.h"
#include "gui/plots/SeriesPlottable.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace sasquatch {

QString readoutNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("–");
    return QString::number(value, 'g', 6);
}

QString readoutDuration(std::int64_t ns)
{
    const double seconds = static_cast<double>(ns) * 1e-9;
    const double magnitude = std::abs(seconds);
    if (magnitude < 1e-3)
        return QStringLiteral("%1 µs").arg(seconds * 1e6, 0, 'f', 3);
    if (magnitude < 1)
        return QStringLiteral("%1 ms").arg(seconds * 1e3, 0, 'f', 3);
    if (magnitude < 120)
        return QStringLiteral("%1 s").arg(seconds, 0, 'f', 3);
    const auto minutes = static_cast<std::int64_t>(magnitude / 60);
    const double rest = magnitude - static_cast<double>(minutes) * 60;
    return QStringLiteral("%1%2 min %3 s").arg(seconds < 0 ? QStringLiteral("−") : QString()).arg(minutes).arg(rest, 0, 'f', 3);
}

namespace {

QString timeLabel(std::int64_t t, TimeScale scale)
{
    QString text = formatTimeText(t, scale, TimePrecision::Milliseconds);
    if (text.size() > 10 && text[10] == u'T') // the date/time separator, not the T of TAI
        text[10] = u' ';
    return text;
}

std::optional<double> valueAt(const PlotShared &shared, SeriesId id, std::int64_t t)
{
    const std::optional<SamplePoint> p = shared.store.valueAt(id, t, shared.lookup);
    return p ? std::optional<double>(p->value) : std::nullopt;
}

QString optionalText(const std::optional<double> &v)
{
    return v ? readoutNumber(*v) : QStringLiteral("–");
}

} // namespace

PlotReadoutTable::PlotReadoutTable(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    m_header = new QLabel;
    m_header->setTextFormat(Qt::RichText);
    m_header->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_header);
    m_table = new QTableWidget(0, ColumnCount);
    m_table->setHorizontalHeaderLabels({tr("Series"), tr("Unit"), tr("Cursor"), tr("A"), tr("B"), tr("B − A"),
                                        tr("Count"), tr("Min"), tr("Max"), tr("Mean"), tr("Std"), tr("Peak-to-peak")});
    m_table->horizontalHeaderItem(Count)->setToolTip(tr("Valid samples in the visible range"));
    m_table->horizontalHeaderItem(Std)->setToolTip(tr("Population standard deviation of the visible range"));
    m_table->verticalHeader()->setVisible(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    layout->addWidget(m_table);
}

QString PlotReadoutTable::text(int row, Column column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

void PlotReadoutTable::updateHeader(const PlotShared &shared)
{
    const QString scale = timeScaleName(shared.scale);
    QStringList parts;
    parts << (shared.hoverNs ? tr("Cursor %1").arg(timeLabel(*shared.hoverNs, shared.scale)) : tr("Cursor –"));
    if (shared.abVisible) {
        parts << QStringLiteral("<span style='color:#ffb74d'>A %1</span>").arg(timeLabel(shared.aNs, shared.scale))
              << QStringLiteral("<span style='color:#4dd0e1'>B %1</span>").arg(timeLabel(shared.bNs, shared.scale))
              << tr("<b>Δt = %1</b>").arg(readoutDuration(shared.bNs - shared.aNs));
    }
    parts << tr("Visible %1 (%2)").arg(readoutDuration(shared.view.spanNs()), scale);
    m_header->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

void PlotReadoutTable::update(const std::vector<PlotPanel *> &panels, const PlotShared &shared)
{
    int rows = 0;
    for (const PlotPanel *panel : panels)
        rows += static_cast<int>(panel->series().size());
    m_table->setRowCount(rows);
    m_table->setColumnHidden(A, !shared.abVisible);
    m_table->setColumnHidden(B, !shared.abVisible);
    m_table->setColumnHidden(Delta, !shared.abVisible);
    const auto set = [this](int row, int column, const QString &text) {
        QTableWidgetItem *item = m_table->item(row, column);
        if (!item) {
            item = new QTableWidgetItem;
            if (column != Name && column != Unit)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
        item->setText(text);
        return item;
    };
    int row = 0;
    for (const PlotPanel *panel : panels) {
        for (const PlotPanel::Series &s : panel->series()) {
            QTableWidgetItem *name = set(row, Name, s.plottable->name());
            QPixmap swatch(12, 12);
            swatch.fill(QColor(s.spec.color));
            name->setIcon(QIcon(swatch));
            name->setForeground(s.spec.visible ? palette().color(QPalette::Text) : palette().color(QPalette::PlaceholderText));
            set(row, Unit, s.spec.unit);
            const RangeStats st = shared.store.stats(s.id, shared.view.startNs, shared.view.stopNs);
            set(row, Count, QLocale().toString(static_cast<qlonglong>(st.count)));
            set(row, Min, readoutNumber(st.min));
            set(row, Max, readoutNumber(st.max));
            set(row, Mean, readoutNumber(st.mean));
            set(row, Std, readoutNumber(st.stddev));
            set(row, PeakToPeak, readoutNumber(st.count > 0 ? st.peakToPeak() : NAN));
            if (shared.abVisible) {
                const auto a = valueAt(shared, s.id, shared.aNs);
                const auto b = valueAt(shared, s.id, shared.bNs);
                set(row, A, optionalText(a));
                set(row, B, optionalText(b));
                set(row, Delta, a && b ? readoutNumber(*b - *a) : QStringLiteral("–"));
            }
            ++row;
        }
    }
    updateHover(panels, shared);
}

void PlotReadoutTable::updateHover(const std::vector<PlotPanel *> &panels, const PlotShared &shared)
{
    int row = 0;
    for (const PlotPanel *panel : panels) {
        for (const PlotPanel::Series &s : panel->series()) {
            QTableWidgetItem *item = m_table->item(row, Cursor);
            if (!item) {
                item = new QTableWidgetItem;
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                m_table->setItem(row, Cursor, item);
            }
            item->setText(shared.hoverNs ? optionalText(valueAt(shared, s.id, *shared.hoverNs)) : QStringLiteral("–"));
            ++row;
        }
    }
    updateHeader(shared);
}

} // namespace sasquatch
