// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationOverlay.h"

#include "core/annotations/AnnotationService.h"
#include "core/annotations/TagListText.h"
#include "core/time/TimeText.h"
#include "gui/annotations/AnnotationController.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotWorkspace.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QTimer>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>

namespace sasquatch {

namespace {

constexpr double kHitPx = 4.0;
const QColor kDefaultColor(0xd8, 0xd8, 0xd8);

QColor colorOf(const Annotation &a)
{
    const QColor c(a.color);
    return a.color.isEmpty() || !c.isValid() ? kDefaultColor : c;
}

} // namespace

AnnotationOverlay::AnnotationOverlay(AnnotationController &controller, PlotWorkspace &workspace, QObject *parent)
    : QObject(parent), m_controller(controller), m_workspace(workspace)
{
    m_reloadDelay = new QTimer(this);
    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(150); // a pan moves the view many times a second
    connect(m_reloadDelay, &QTimer::timeout, this, &AnnotationOverlay::reload);
    connect(&m_workspace, &PlotWorkspace::viewChanged, m_reloadDelay, qOverload<>(&QTimer::start));
    connect(&m_workspace, &PlotWorkspace::contentChanged, this, [this] {
        watchPanels();
        m_reloadDelay->start();
    });
    connect(&m_controller, &AnnotationController::changed, this, &AnnotationOverlay::reload);
    connect(&m_controller.service(), &AnnotationService::storeChanged, this, &AnnotationOverlay::reload);
    m_workspace.addOverlay(this);
    watchPanels();
    reload();
}

AnnotationOverlay::~AnnotationOverlay()
{
    m_loadToken.cancel();
    m_workspace.removeOverlay(this);
}

void AnnotationOverlay::watchPanels()
{
    // Tooltips: the panels get QEvent::ToolTip under a resting mouse. Installing twice is harmless.
    for (PlotPanel *panel : m_workspace.panels())
        panel->installEventFilter(this);
}

void AnnotationOverlay::reload()
{
    m_reloadDelay->stop();
    m_loadToken.cancel();
    if (!m_controller.service().hasStore()) {
        m_annotations.clear();
        m_workspace.repaintOverlays();
        return;
    }
    const TimeView view = m_workspace.view();
    if (view.spanNs() <= 0)
        return;
    AnnotationFilter filter;
    filter.startNs = view.startNs;
    filter.endNs = view.stopNs;
    const quint64 generation = ++m_generation;
    QPointer<AnnotationOverlay> self(this);
    m_loadToken = m_controller.service().list(filter, [this, self, generation](Outcome<std::vector<Annotation>> result) {
        if (!self || generation != m_generation)
            return;
        // A failed load keeps what is drawn; the list panel says why.
        if (result)
            m_annotations = std::move(result).value();
        m_workspace.repaintOverlays();
        Q_EMIT loaded();
    });
}

void AnnotationOverlay::paint(QPainter &painter, const PlotPanel &panel)
{
    const QRect area = panel.plotRect();
    painter.save();
    painter.setClipRect(area);
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter.setFont(font);
    const QFontMetrics metrics(font);
    // Labels go in the first of a few rows where they do not run into the previous one.
    constexpr int kLabelRows = 3;
    double rowEnd[kLabelRows];
    std::fill(std::begin(rowEnd), std::end(rowEnd), -1e9);
    auto labelRow = [&](double left, double width) {
        for (int r = 0; r < kLabelRows; ++r)
            if (left >= rowEnd[r] + 6) {
                rowEnd[r] = left + width;
                return r;
            }
        return -1; // no room: the tooltip still tells
    };
    const int rowHeight = metrics.height() + 2;
    for (const Annotation &a : m_annotations) {
        const double x0 = panel.timeToPixel(a.startNs), x1 = panel.timeToPixel(a.endNs);
        if (x1 < area.left() - 1 || x0 > area.right() + 1)
            continue;
        QColor color = colorOf(a);
        const QString label = a.text.section(u'\n', 0, 0);
        if (a.isPoint() || x1 - x0 < 2) {
            color.setAlpha(220);
            painter.setPen(QPen(color, 1.5));
            painter.drawLine(QPointF(x0, area.top()), QPointF(x0, area.bottom()));
            // A small flag at the top marks it as an annotation rather than a cursor.
            QPolygonF flag;
            flag << QPointF(x0, area.top()) << QPointF(x0 + 6, area.top()) << QPointF(x0, area.top() + 6);
            painter.setBrush(color);
            painter.drawPolygon(flag);
            painter.setPen(color);
            const QString text = metrics.elidedText(label, Qt::ElideRight, 180);
            if (const int row = labelRow(x0 + 8, metrics.horizontalAdvance(text)); row >= 0)
                painter.drawText(QPointF(x0 + 8, area.top() + 2 + row * rowHeight + metrics.ascent()), text);
        } else {
            QColor fill = color;
            fill.setAlpha(48);
            painter.fillRect(QRectF(QPointF(x0, area.top()), QPointF(x1, area.bottom())), fill);
            color.setAlpha(170);
            painter.setPen(QPen(color, 1.0));
            painter.drawLine(QPointF(x0, area.top()), QPointF(x0, area.bottom()));
            painter.drawLine(QPointF(x1, area.top()), QPointF(x1, area.bottom()));
            color.setAlpha(235);
            painter.setPen(color);
            const double left = std::max<double>(x0, area.left()) + 4;
            const int room = int(std::min<double>(x1, area.right()) - left - 2);
            const QString text = metrics.elidedText(label, Qt::ElideRight, std::min(room, 180));
            if (room > 20)
                if (const int row = labelRow(left, metrics.horizontalAdvance(text)); row >= 0)
                    painter.drawText(QPointF(left, area.top() + 2 + row * rowHeight + metrics.ascent()), text);
        }
    }
    if (m_drag) {
        const double x0 = panel.timeToPixel(std::min(m_drag->first, m_drag->second));
        const double x1 = panel.timeToPixel(std::max(m_drag->first, m_drag->second));
        QColor c = kDefaultColor;
        c.setAlpha(40);
        painter.fillRect(QRectF(QPointF(x0, area.top()), QPointF(x1, area.bottom())), c);
        painter.setPen(QPen(kDefaultColor, 1.0, Qt::DashLine));
        painter.drawLine(QPointF(x0, area.top()), QPointF(x0, area.bottom()));
        painter.drawLine(QPointF(x1, area.top()), QPointF(x1, area.bottom()));
    }
    painter.restore();
}

std::optional<Annotation> AnnotationOverlay::annotationAt(const PlotPanel &panel, double x) const
{
    const Annotation *best = nullptr;
    double bestWidth = 0;
    for (const Annotation &a : m_annotations) {
        const double x0 = panel.timeToPixel(a.startNs), x1 = panel.timeToPixel(a.endNs);
        const bool hit = (x1 - x0 < 2) ? std::abs(x - x0) <= kHitPx : (x >= x0 - kHitPx && x <= x1 + kHitPx);
        if (hit && (!best || x1 - x0 < bestWidth)) {
            best = &a;
            bestWidth = x1 - x0;
        }
    }
    return best ? std::optional<Annotation>(*best) : std::nullopt;
}

QString AnnotationOverlay::tooltipText(const Annotation &a) const
{
    const TimeScale scale = m_workspace.scale();
    QString when = formatTimeText(a.startNs, scale);
    if (!a.isPoint())
        when = tr("%1 to %2").arg(when, formatTimeText(a.endNs, scale));
    QString text = a.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
    QString html = QStringLiteral("<b>%1</b><br>%2").arg(text, when.toHtmlEscaped());
    if (!a.tags.isEmpty())
        html += QStringLiteral("<br><i>%1</i>").arg(TagListText::format(a.tags).toHtmlEscaped());
    return html;
}

bool AnnotationOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *panel = qobject_cast<PlotPanel *>(watched);
        auto *help = static_cast<QHelpEvent *>(event);
        if (panel && panel->plotRect().contains(help->pos())) {
            if (auto a = annotationAt(*panel, help->pos().x())) {
                QToolTip::showText(help->globalPos(), tooltipText(*a), panel);
                return true;
            }
        }
    }
    return QObject::eventFilter(watched, event);
}

bool AnnotationOverlay::clicked(PlotPanel &panel, std::int64_t tNs, QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !panel.plotRect().contains(event->position().toPoint()))
        return false;
    if (auto a = annotationAt(panel, event->position().x())) {
        Q_EMIT annotationClicked(*a);
        return true;
    }
    if (event->modifiers() != Qt::NoModifier)
        return false;
    Annotation fresh;
    fresh.startNs = fresh.endNs = tNs;
    Q_EMIT newAnnotationRequested(fresh);
    return true;
}

bool AnnotationOverlay::shiftDragged(PlotPanel &panel, std::int64_t fromNs, std::int64_t toNs, bool finished)
{
    (void)panel;
    if (!finished) {
        m_drag = std::pair(fromNs, toNs);
        m_workspace.repaintOverlays();
        return true;
    }
    m_drag.reset();
    m_workspace.repaintOverlays();
    if (fromNs == toNs)
        return true;
    Annotation fresh;
    fresh.startNs = std::min(fromNs, toNs);
    fresh.endNs = std::max(fromNs, toNs);
    Q_EMIT newAnnotationRequested(fresh);
    return true;
}

} // namespace sasquatch
