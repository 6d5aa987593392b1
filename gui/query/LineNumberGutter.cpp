// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/LineNumberGutter.h"

#include "gui/query/CodeEditor.h"

#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QToolTip>

namespace sasquatch {

namespace {
constexpr int kRightPadding = 12;
constexpr int kLeftPadding = 4;
} // namespace

LineNumberGutter::LineNumberGutter(CodeEditor *editor) : QWidget(editor), m_editor(editor)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMouseTracking(true);
}

int LineNumberGutter::preferredWidth() const
{
    const int digits = qMax(2, int(QString::number(qMax(1, m_editor->blockCount())).size()));
    const QFontMetrics fm(m_editor->font());
    // Room for the marker, the digits and some air before the text.
    return kLeftPadding + fm.height() + fm.horizontalAdvance(u'9') * digits + kRightPadding;
}

QSize LineNumberGutter::sizeHint() const
{
    return {preferredWidth(), 0};
}

void LineNumberGutter::setMarkers(QMap<int, QString> markers)
{
    m_markers = std::move(markers);
    update();
}

int LineNumberGutter::lineAt(int y) const
{
    QTextBlock block = m_editor->firstVisibleBlock();
    qreal top = m_editor->blockBoundingGeometry(block).translated(m_editor->contentOffset()).top();
    while (block.isValid()) {
        const qreal bottom = top + m_editor->blockBoundingRect(block).height();
        if (block.isVisible() && y >= top && y < bottom)
            return block.blockNumber();
        if (top > height())
            break;
        block = block.next();
        top = bottom;
    }
    return -1;
}

void LineNumberGutter::paintEvent(QPaintEvent *event)
{
    const EditorColors &colors = m_editor->colors();
    QPainter p(this);
    p.fillRect(event->rect(), colors.gutterBackground);
    p.setPen(colors.gutterSeparator);
    p.drawLine(width() - 1, event->rect().top(), width() - 1, event->rect().bottom());
    p.setFont(m_editor->font());
    p.setRenderHint(QPainter::Antialiasing);

    const QFontMetrics fm(m_editor->font());
    const int current = m_editor->textCursor().blockNumber();
    QTextBlock block = m_editor->firstVisibleBlock();
    qreal top = m_editor->blockBoundingGeometry(block).translated(m_editor->contentOffset()).top();
    while (block.isValid() && top <= event->rect().bottom()) {
        const qreal lineHeight = fm.height();
        const qreal bottom = top + m_editor->blockBoundingRect(block).height();
        if (block.isVisible() && bottom >= event->rect().top()) {
            const int number = block.blockNumber();
            const QRectF textRect(0, top, width() - kRightPadding, lineHeight);
            if (m_markers.contains(number)) {
                // A red disc with a white bar and dot: readable at any font size.
                const qreal d = lineHeight * 0.72;
                const QRectF disc(kLeftPadding + (lineHeight - d) / 2, top + (lineHeight - d) / 2, d, d);
                p.setPen(Qt::NoPen);
                p.setBrush(colors.errorUnderline);
                p.drawEllipse(disc);
                p.setBrush(Qt::white);
                const qreal w = qMax(1.5, d * 0.14);
                p.drawRoundedRect(QRectF(disc.center().x() - w / 2, disc.top() + d * 0.2, w, d * 0.38), w / 2, w / 2);
                p.drawEllipse(QPointF(disc.center().x(), disc.top() + d * 0.74), w * 0.65, w * 0.65);
            }
            p.setPen(number == current ? colors.gutterCurrentText : colors.gutterText);
            p.drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, QString::number(number + 1));
        }
        block = block.next();
        top = bottom;
    }
}

bool LineNumberGutter::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int line = lineAt(help->pos().y());
        if (m_markers.contains(line))
            QToolTip::showText(help->globalPos(), m_markers.value(line), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace sasquatch
