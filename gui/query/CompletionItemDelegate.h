// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/query/EditorColors.h"

#include <QStyledItemDelegate>

namespace sasquatch {

/// Draws a completion row: a coloured kind badge, the label with the typed part emphasised, and
/// the detail (signature or type) dimmed and right-aligned.
class CompletionItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CompletionItemDelegate(QObject *parent = nullptr);

    void setColors(const EditorColors &colors) { m_colors = colors; }
    void setFont(const QFont &font) { m_font = font; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    EditorColors m_colors;
    QFont m_font;
};

} // namespace sasquatch
