// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/time/TimeRange.h"
#include "core/time/TimeScale.h"

#include <QToolButton>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QFrame;
class QPushButton;

namespace sasquatch {

/// The time span of a query: a button showing the range ("Past 1h", or start – stop) that opens
/// a popup with the relative presets (5 m … 30 d) and an absolute start/stop typed in UTC or
/// TAI (a UTC/TAI toggle decides how untagged times are read and how the button shows them).
/// Typed ranges are checked with TimeRange::parse; the problem is shown under the boxes and the
/// box at fault is outlined in red; nothing changes until the range is valid.
class TimeRangePicker : public QToolButton
{
    Q_OBJECT
public:
    explicit TimeRangePicker(QWidget *parent = nullptr);

    const TimeRange &range() const { return m_range; }
    /// Shows `range` (emits rangeChanged when it differs).
    void setRange(const TimeRange &range);
    TimeScale scale() const { return m_scale; }
    void setScale(TimeScale scale);

    /// What the popup's boxes hold, for tests and for opening the popup with a suggestion.
    void setAbsoluteText(const QString &start, const QString &stop);
    /// Reads the boxes as the Apply button does: true and rangeChanged when valid, else false
    /// with the reason in errorText().
    bool applyAbsolute();
    /// The inline error under the boxes (empty when the last apply was valid).
    QString errorText() const;
    /// The popup panel (a Qt::Popup frame); showPopup() opens it under the button.
    QFrame *popupPanel() const { return m_popup; }
    void showPopup();

Q_SIGNALS:
    void rangeChanged(const sasquatch::TimeRange &range);
    void scaleChanged(sasquatch::TimeScale scale);

private:
    void buildPanel();
    void choosePreset(RangePreset preset);
    void refreshLabel();
    void fillBoxesFromRange();
    void showError(const QString &message);

    TimeRange m_range;
    TimeScale m_scale = TimeScale::Utc;
    QFrame *m_popup = nullptr;
    QLineEdit *m_start = nullptr;
    QLineEdit *m_stop = nullptr;
    QButtonGroup *m_scaleGroup = nullptr;
    QButtonGroup *m_presetGroup = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace sasquatch
