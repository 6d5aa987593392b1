// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/series/LiveSession.h"

#include <QTableWidget>

namespace sasquatch {

/// The live panel's per-topic status: phase (history/live), messages per second, consumer
/// lag, age of the newest message, decode errors, history rows and what the seam dropped.
/// A decode error's text is the row's tooltip.
class LiveStatusTable : public QTableWidget
{
    Q_OBJECT

public:
    enum Column { Topic, Phase, Rate, Lag, Age, Errors, History, Seam, ColumnCount };

    explicit LiveStatusTable(QWidget *parent = nullptr);

    void showStatus(const std::vector<LiveTopicStatus> &status);

    static QString phaseText(LivePhase phase);
    /// "0.4 s", "12 s", "3 min"; "—" for unknown (negative).
    static QString ageText(std::int64_t ms);
};

} // namespace sasquatch
