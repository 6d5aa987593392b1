// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/topics/MatchHighlightDelegate.h"

#include "core/catalog/TopicTreeModel.h"

#include <QApplication>
#include <QPainter>

namespace sasquatch {

void MatchHighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QList<int> positions = index.data(TopicTreeModel::MatchPositionsRole).value<QList<int>>();
    if (positions.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(3, 0, -3, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor normal = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor accent = selected ? normal : opt.palette.color(QPalette::Link);
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics fmNormal(opt.font), fmBold(bold);

    painter->save();
    painter->setClipRect(textRect);
    int x = textRect.left();
    const int baseline = textRect.top() + (textRect.height() + fmNormal.ascent() - fmNormal.descent()) / 2;
    // Draw runs of matched / unmatched characters.
    int i = 0;
    while (i < text.size() && x < textRect.right()) {
        const bool matched = positions.contains(i);
        int j = i + 1;
        while (j < text.size() && positions.contains(j) == matched)
            ++j;
        const QString run = text.mid(i, j - i);
        painter->setFont(matched ? bold : opt.font);
        painter->setPen(matched ? accent : normal);
        painter->drawText(x, baseline, run);
        x += (matched ? fmBold : fmNormal).horizontalAdvance(run);
        i = j;
    }
    painter->restore();
}

} // namespace sasquatch
