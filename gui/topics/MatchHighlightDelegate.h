// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace sasquatch {

/// Draws a tree row's name with the characters that matched the filter in bold accent colour
/// (TopicTreeModel::MatchPositionsRole), as fuzzy finders do.
class MatchHighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace sasquatch
