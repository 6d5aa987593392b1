// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live/LiveStatusTable.h"

#include <QHeaderView>

namespace sasquatch {

LiveStatusTable::LiveStatusTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setHorizontalHeaderLabels({tr("Topic"), tr("State"), tr("Messages/s"), tr("Lag"), tr("Last message"),
                               tr("Decode errors"), tr("History rows"), tr("Seam (overlap / dup / late)")});
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setAlternatingRowColors(true);
}

QString LiveStatusTable::phaseText(LivePhase phase)
{
    switch (phase) {
    case LivePhase::Waiting:
        return tr("waiting for history");
    case LivePhase::Backfilling:
        return tr("loading history");
    case LivePhase::Live:
        break;
    }
    return tr("live");
}

QString LiveStatusTable::ageText(std::int64_t ms)
{
    if (ms < 0)
        return QStringLiteral("—");
    if (ms < 10'000)
        return tr("%1 s ago").arg(double(ms) / 1000.0, 0, 'f', 1);
    if (ms < 120'000)
        return tr("%1 s ago").arg(ms / 1000);
    return tr("%1 min ago").arg(ms / 60'000);
}

void LiveStatusTable::showStatus(const std::vector<LiveTopicStatus> &status)
{
    setRowCount(int(status.size()));
    const QLocale locale;
    for (int r = 0; r < int(status.size()); ++r) {
        const LiveTopicStatus &s = status[size_t(r)];
        const auto set = [&](int column, const QString &text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter) {
            QTableWidgetItem *item = this->item(r, column);
            if (!item) {
                item = new QTableWidgetItem;
                setItem(r, column, item);
            }
            item->setText(text);
            item->setTextAlignment(align);
            return item;
        };
        set(Topic, s.topic, Qt::AlignLeft | Qt::AlignVCenter);
        set(Phase, s.historyError.isEmpty() ? phaseText(s.phase) : tr("live (history failed)"),
            Qt::AlignLeft | Qt::AlignVCenter)
            ->setToolTip(s.historyError);
        set(Rate, locale.toString(s.kafka.messagesPerSecond, 'f', 1));
        set(Lag, s.kafka.lag < 0 ? QStringLiteral("—") : locale.toString(qlonglong(s.kafka.lag)));
        set(Age, ageText(s.kafka.lastMessageAge_ms));
        QTableWidgetItem *errors = set(Errors, locale.toString(qlonglong(s.kafka.decodeErrors)));
        errors->setToolTip(s.kafka.lastError);
        errors->setForeground(s.kafka.decodeErrors > 0 ? QBrush(QColor(0xe0, 0x6c, 0x5f)) : palette().text());
        set(History, s.gapRows > 0 ? tr("%1 + %2 gap").arg(locale.toString(qlonglong(s.historyRows)), locale.toString(qlonglong(s.gapRows)))
                                   : locale.toString(qlonglong(s.historyRows)));
        set(Seam, QStringLiteral("%1 / %2 / %3")
                      .arg(locale.toString(qlonglong(s.seam.overlap)), locale.toString(qlonglong(s.seam.duplicate)),
                           locale.toString(qlonglong(s.seam.late))),
            Qt::AlignLeft | Qt::AlignVCenter)
            ->setToolTip(tr("Live rows InfluxDB's history already had (overlap, drawn once), rows repeating a time "
                            "(duplicates, drawn once), and rows that came after newer ones (late, put in their place)"));
    }
}

} // namespace sasquatch
