// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/HistoryItemDelegate.h"

#include <QApplication>
#include <QFontDatabase>
#include <QPainter>

namespace sasquatch {

namespace {

constexpr int kPadding = 6;
constexpr int kDot = 8;

QFont monoFont(const QFont &base)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(base.pointSizeF());
    return mono;
}

QFont smallFont(const QFont &base)
{
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.88);
    return small;
}

} // namespace

HistoryItemDelegate::HistoryItemDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void HistoryItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const QRect r = option.rect.adjusted(kPadding, kPadding - 2, -kPadding, -kPadding + 2);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    const QFont title = monoFont(option.font);
    const QFont detail = smallFont(option.font);
    const int titleHeight = QFontMetrics(title).height();

    int x = r.left();
    const QColor dot = index.data(StatusColorRole).value<QColor>();
    if (dot.isValid()) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(dot);
        painter->drawEllipse(QRectF(x, r.top() + (titleHeight - kDot) / 2.0, kDot, kDot));
        x += kDot + kPadding;
    }
    const QRect titleRect(x, r.top(), r.right() - x, titleHeight);
    painter->setFont(title);
    painter->setPen(pal.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QString titleText = index.data(TitleRole).toString();
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(title).elidedText(titleText, Qt::ElideRight, titleRect.width()));

    const QRect detailRect(x, titleRect.bottom() + 2, r.right() - x, QFontMetrics(detail).height());
    painter->setFont(detail);
    painter->setPen(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::PlaceholderText));
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(detail).elidedText(index.data(DetailRole).toString(), Qt::ElideRight,
                                                      detailRect.width()));
    painter->restore();
}

QSize HistoryItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const int height = QFontMetrics(monoFont(option.font)).height() + QFontMetrics(smallFont(option.font)).height()
                       + 2 * kPadding;
    return {200, height};
}

} // namespace sasquatch
