// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/CompletionListModel.h"

#include "gui/query/EditorColors.h"

namespace sasquatch {

void CompletionListModel::setItems(QList<CompletionItem> items, QString prefix)
{
    beginResetModel();
    m_items = std::move(items);
    m_prefix = std::move(prefix);
    endResetModel();
}

int CompletionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant CompletionListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const CompletionItem &item = m_items[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return item.label;
    case Qt::ToolTipRole:
        return item.detail;
    case Qt::AccessibleTextRole:
        return QString(item.label + QStringLiteral(", ") + completionKindName(item.kind));
    case KindRole:
        return int(item.kind);
    case DetailRole:
        return item.detail;
    case DocumentationRole:
        return item.documentation;
    case InsertTextRole:
        return item.insertText;
    default:
        return {};
    }
}

} // namespace sasquatch
