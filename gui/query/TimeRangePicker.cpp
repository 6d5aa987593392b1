// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/TimeRangePicker.h"

#include "core/time/DurationLiteral.h"
#include "core/time/TimeText.h"

#include <QButtonGroup>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

constexpr int kPresetColumns = 5;

QLabel *sectionLabel(const QString &text)
{
    auto *label = new QLabel(text);
    label->setStyleSheet(QStringLiteral("font-weight: 600; color: palette(placeholder-text);"));
    return label;
}

} // namespace

TimeRangePicker::TimeRangePicker(QWidget *parent) : QToolButton(parent)
{
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setToolTip(tr("Time range of the query: a preset or an absolute start and stop in UTC or TAI"));
    setAccessibleName(tr("Time range"));
    setPopupMode(QToolButton::DelayedPopup);
    buildPanel();
    connect(this, &QToolButton::clicked, this, &TimeRangePicker::showPopup);
    refreshLabel();
}

void TimeRangePicker::buildPanel()
{
    m_popup = new QFrame(this, Qt::Popup);
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->setObjectName(QStringLiteral("timeRangePopup"));
    m_popup->setStyleSheet(QStringLiteral("#timeRangePopup { border: 1px solid palette(mid); background: palette(window); }"));

    auto *layout = new QVBoxLayout(m_popup);
    layout->setContentsMargins(12, 10, 12, 12);
    layout->setSpacing(6);

    layout->addWidget(sectionLabel(tr("Relative to now")));
    auto *presets = new QGridLayout;
    presets->setSpacing(4);
    m_presetGroup = new QButtonGroup(this);
    m_presetGroup->setExclusive(false); // a custom range leaves every preset unchecked
    int i = 0;
    for (const RangePreset preset : kRangePresets) {
        auto *button = new QPushButton(durationLiteral(presetDurationNs(preset)));
        button->setCheckable(true);
        button->setToolTip(tr("The past %1, up to now").arg(button->text()));
        button->setMinimumWidth(48);
        m_presetGroup->addButton(button, int(preset));
        presets->addWidget(button, i / kPresetColumns, i % kPresetColumns);
        ++i;
    }
    connect(m_presetGroup, &QButtonGroup::idClicked, this, [this](int id) { choosePreset(RangePreset(id)); });
    layout->addLayout(presets);

    auto *line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addSpacing(4);
    layout->addWidget(line);

    auto *absoluteHeader = new QHBoxLayout;
    absoluteHeader->addWidget(sectionLabel(tr("Absolute")));
    absoluteHeader->addStretch();
    m_scaleGroup = new QButtonGroup(this);
    for (const TimeScale scale : {TimeScale::Utc, TimeScale::Tai}) {
        auto *button = new QPushButton(timeScaleName(scale));
        button->setCheckable(true);
        button->setFixedWidth(48);
        button->setToolTip(scale == TimeScale::Utc ? tr("Times without a zone are UTC")
                                                   : tr("Times without a zone are TAI (UTC + 37 s)"));
        m_scaleGroup->addButton(button, int(scale));
        absoluteHeader->addWidget(button);
    }
    m_scaleGroup->button(int(TimeScale::Utc))->setChecked(true);
    connect(m_scaleGroup, &QButtonGroup::idClicked, this, [this](int id) { setScale(TimeScale(id)); });
    layout->addLayout(absoluteHeader);

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(8);
    m_start = new QLineEdit;
    m_stop = new QLineEdit;
    m_start->setPlaceholderText(tr("2026-11-23T03:12:00Z, 2026-11-23 03:12, or -2h"));
    m_stop->setPlaceholderText(tr("2026-11-23T04:12:00Z, or now"));
    m_start->setAccessibleName(tr("Start"));
    m_stop->setAccessibleName(tr("Stop"));
    m_start->setMinimumWidth(300);
    form->addWidget(new QLabel(tr("Start")), 0, 0);
    form->addWidget(m_start, 0, 1);
    form->addWidget(new QLabel(tr("Stop")), 1, 0);
    form->addWidget(m_stop, 1, 1);
    layout->addLayout(form);

    m_error = new QLabel;
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #fc8181;"));
    m_error->setMaximumWidth(360);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    auto *hint = new QLabel(tr("Stop is exclusive. Enter applies."));
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text); font-size: 11px;"));
    buttons->addWidget(hint);
    buttons->addStretch();
    auto *apply = new QPushButton(tr("Apply"));
    apply->setDefault(true);
    buttons->addWidget(apply);
    layout->addLayout(buttons);

    auto applyAndClose = [this] {
        if (applyAbsolute())
            m_popup->hide();
    };
    connect(apply, &QPushButton::clicked, this, applyAndClose);
    connect(m_start, &QLineEdit::returnPressed, this, applyAndClose);
    connect(m_stop, &QLineEdit::returnPressed, this, applyAndClose);
    // The error stays until the text changes, then goes: stale errors confuse more than help.
    for (QLineEdit *edit : {m_start, m_stop})
        connect(edit, &QLineEdit::textEdited, this, [this] { showError(QString()); });
}

void TimeRangePicker::showPopup()
{
    fillBoxesFromRange();
    showError(QString());
    m_popup->adjustSize();
    QPoint at = mapToGlobal(QPoint(0, height()));
    if (const QScreen *screen = this->screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(std::clamp(at.x(), area.left(), std::max(area.left(), area.right() - m_popup->width())));
        if (at.y() + m_popup->height() > area.bottom())
            at.setY(mapToGlobal(QPoint(0, 0)).y() - m_popup->height());
    }
    m_popup->move(at);
    m_popup->show();
    m_start->setFocus();
}

void TimeRangePicker::setRange(const TimeRange &range)
{
    if (range == m_range)
        return;
    m_range = range;
    refreshLabel();
    Q_EMIT rangeChanged(m_range);
}

void TimeRangePicker::setScale(TimeScale scale)
{
    if (m_scaleGroup->checkedId() != int(scale))
        m_scaleGroup->button(int(scale))->setChecked(true);
    if (scale == m_scale)
        return;
    // Rewrite what the boxes show in the new scale when they still hold a valid range, so
    // the toggle converts rather than reinterprets.
    const TimeScale previous = m_scale;
    const auto typed = TimeRange::parse(m_start->text(), m_stop->text(), previous);
    m_scale = scale;
    if (typed && typed->isAbsolute()) {
        m_start->setText(formatTimeText(typed->startNs(0), m_scale));
        m_stop->setText(formatTimeText(typed->stopNs(0), m_scale));
    }
    refreshLabel();
    Q_EMIT scaleChanged(m_scale);
}

void TimeRangePicker::setAbsoluteText(const QString &start, const QString &stop)
{
    m_start->setText(start);
    m_stop->setText(stop);
}

bool TimeRangePicker::applyAbsolute()
{
    const auto parsed = TimeRange::parse(m_start->text(), m_stop->text(), m_scale);
    if (!parsed) {
        showError(parsed.error());
        return false;
    }
    showError(QString());
    setRange(*parsed);
    return true;
}

QString TimeRangePicker::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TimeRangePicker::choosePreset(RangePreset preset)
{
    setRange(TimeRange::fromPreset(preset));
    m_popup->hide();
}

void TimeRangePicker::refreshLabel()
{
    setText(m_range.label(m_scale) + QStringLiteral("  ▾"));
    const auto preset = m_range.preset();
    for (QAbstractButton *button : m_presetGroup->buttons())
        button->setChecked(preset && m_presetGroup->id(button) == int(*preset));
}

void TimeRangePicker::fillBoxesFromRange()
{
    if (m_range.isAbsolute()) {
        m_start->setText(formatTimeText(m_range.startNs(0), m_scale));
        m_stop->setText(formatTimeText(m_range.stopNs(0), m_scale));
    } else {
        m_start->setText(QLatin1Char('-') + durationLiteral(m_range.durationNs()));
        m_stop->setText(QStringLiteral("now"));
    }
}

void TimeRangePicker::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    // TimeRange::parse names the box at fault at the start of its message; an order problem
    // ("The start … is not before the stop …") concerns both.
    const bool start = message.startsWith(QLatin1String("Start")) || message.startsWith(QLatin1String("The start"));
    const bool stop = message.startsWith(QLatin1String("Stop")) || message.startsWith(QLatin1String("The start"));
    const QString bad = QStringLiteral("border-color: #fc8181;");
    m_start->setStyleSheet(!message.isEmpty() && (start || !stop) ? bad : QString());
    m_stop->setStyleSheet(!message.isEmpty() && stop ? bad : QString());
    if (m_popup->isVisible())
        m_popup->adjustSize();
}

} // namespace sasquatch
