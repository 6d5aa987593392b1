// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/CompletionItemDelegate.h"

#include "gui/query/CompletionListModel.h"

#include <QPainter>

namespace sasquatch {

namespace {
constexpr int kVerticalPadding = 6;
constexpr int kHorizontalPadding = 6;
} // namespace

CompletionItemDelegate::CompletionItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent), m_colors(EditorColors::dark())
{
}

QSize CompletionItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index);
    const QFontMetrics fm(m_font);
    return {option.rect.width(), fm.height() + kVerticalPadding};
}

void CompletionItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *model = qobject_cast<const CompletionListModel *>(index.model());
    const CompletionKind kind = CompletionKind(index.data(CompletionListModel::KindRole).toInt());
    const QString label = index.data(Qt::DisplayRole).toString();
    // The row already names the function: its parameters are enough (the panel below has it all).
    QString detail = index.data(CompletionListModel::DetailRole).toString();
    if (detail.startsWith(label + u'(') || detail.startsWith(label.section(u'.', -1) + u'('))
        detail = detail.mid(detail.indexOf(u'('));
    const QString prefix = model ? model->prefix() : QString();
    const bool selected = option.state & QStyle::State_Selected;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect;
    if (selected) {
        QColor bg = option.palette.color(QPalette::Highlight);
        painter->setPen(Qt::NoPen);
        painter->setBrush(bg);
        painter->drawRoundedRect(QRectF(r).adjusted(2, 1, -2, -1), 3, 3);
    }

    // Badge
    const QFontMetrics fm(m_font);
    const int badgeSize = fm.height() - 2;
    const QRectF badge(r.left() + kHorizontalPadding, r.top() + (r.height() - badgeSize) / 2.0, badgeSize, badgeSize);
    QColor badgeColor = m_colors.forKind(kind);
    QColor badgeFill = badgeColor;
    badgeFill.setAlphaF(0.18f);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeFill);
    painter->drawRoundedRect(badge, 3, 3);
    QFont badgeFont = m_font;
    badgeFont.setBold(true);
    badgeFont.setPointSizeF(m_font.pointSizeF() * 0.78);
    painter->setFont(badgeFont);
    painter->setPen(badgeColor);
    painter->drawText(badge, Qt::AlignCenter, completionKindBadge(kind));

    // Label, with the matched run emphasised
    const int textLeft = int(badge.right()) + 8;
    const int available = r.right() - kHorizontalPadding - textLeft;
    const QColor textColor = selected ? option.palette.color(QPalette::HighlightedText) : m_colors.text;
    const QColor dim = selected ? textColor : option.palette.color(QPalette::PlaceholderText);
    // A couple of pixels of slack: advances are fractional and must not elide a word that fits.
    const int detailWidth = detail.isEmpty() ? 0 : qMin(fm.horizontalAdvance(detail) + 2, int(available * 0.55));
    const int labelWidth = qMax(0, available - (detailWidth > 0 ? detailWidth + 16 : 0));
    const QString shownLabel = fm.elidedText(label, Qt::ElideMiddle, labelWidth);
    qsizetype matchAt = -1;
    if (!prefix.isEmpty() && shownLabel == label)
        matchAt = label.indexOf(prefix, 0, Qt::CaseInsensitive);
    QFont bold = m_font;
    bold.setBold(true);
    const QFontMetrics boldFm(bold);
    int x = textLeft;
    const int baseline = r.top() + (r.height() - fm.height()) / 2 + fm.ascent();
    const auto drawRun = [&](const QString &run, const QFont &font, const QColor &color) {
        painter->setFont(font);
        painter->setPen(color);
        painter->drawText(x, baseline, run);
        x += QFontMetrics(font).horizontalAdvance(run);
    };
    if (matchAt >= 0) {
        drawRun(label.left(matchAt), m_font, textColor);
        drawRun(label.mid(matchAt, prefix.size()), bold, selected ? textColor : m_colors.function.lighter(115));
        drawRun(label.mid(matchAt + prefix.size()), m_font, textColor);
    } else {
        drawRun(shownLabel, m_font, textColor);
    }

    // Detail
    if (detailWidth > 0) {
        painter->setFont(m_font);
        painter->setPen(dim);
        const QRect detailRect(r.right() - kHorizontalPadding - detailWidth, r.top(), detailWidth, r.height());
        painter->drawText(detailRect, Qt::AlignRight | Qt::AlignVCenter, fm.elidedText(detail, Qt::ElideRight, detailWidth));
    }
    painter->restore();
}

} // namespace sasquatch
