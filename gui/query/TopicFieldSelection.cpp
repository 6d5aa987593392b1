// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/TopicFieldSelection.h"

#include "core/catalog/TopicNodeType.h"
#include "core/catalog/TopicTreeModel.h"

#include <QSet>

#include <algorithm>

namespace sasquatch {

namespace {

TopicNodeType nodeType(const QModelIndex &index)
{
    return TopicNodeType(index.data(TopicTreeModel::NodeTypeRole).toInt());
}

/// Rows from the root down: sorting by it gives the tree's top-to-bottom order.
std::vector<int> treePath(QModelIndex index)
{
    std::vector<int> path;
    for (; index.isValid(); index = index.parent())
        path.push_back(index.row());
    std::reverse(path.begin(), path.end());
    return path;
}

FieldInfo fieldOf(const QModelIndex &index)
{
    FieldInfo field;
    field.name = index.data(TopicTreeModel::FieldRole).toString();
    field.type = FieldType(index.data(TopicTreeModel::FieldTypeRole).toInt());
    field.unit = index.data(TopicTreeModel::UnitRole).toString();
    return field;
}

} // namespace

TopicFieldSelection TopicFieldSelection::fromIndexes(const QModelIndexList &selected, const QModelIndex &current)
{
    TopicFieldSelection out;
    out.topic = current.data(TopicTreeModel::TopicRole).toString();
    std::vector<QModelIndex> rows;
    for (const QModelIndex &index : selected)
        if (index.column() == 0)
            rows.push_back(index);
    if (out.topic.isEmpty()) {
        for (const QModelIndex &index : rows) {
            out.topic = index.data(TopicTreeModel::TopicRole).toString();
            if (!out.topic.isEmpty())
                break;
        }
    }
    if (out.topic.isEmpty())
        return out;

    std::vector<std::pair<std::vector<int>, QModelIndex>> ordered;
    for (const QModelIndex &index : rows) {
        const QString topic = index.data(TopicTreeModel::TopicRole).toString();
        if (topic.isEmpty())
            continue;
        if (topic != out.topic) {
            ++out.otherTopicRows;
            continue;
        }
        ordered.emplace_back(treePath(index), index);
    }
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    QSet<QString> seen;
    auto add = [&](const QModelIndex &index) {
        FieldInfo field = fieldOf(index);
        if (field.name.isEmpty() || seen.contains(field.name))
            return;
        seen.insert(field.name);
        out.fields.push_back(std::move(field));
    };
    QModelIndex topicIndex;
    for (const auto &[path, index] : ordered) {
        switch (nodeType(index)) {
        case TopicNodeType::Topic:
            out.allFields = true;
            topicIndex = index;
            break;
        case TopicNodeType::Field:
        case TopicNodeType::ArrayElement:
            add(index);
            out.labels << index.data(Qt::DisplayRole).toString();
            break;
        case TopicNodeType::ArrayField: {
            const QAbstractItemModel *model = index.model();
            const QModelIndex first = index.siblingAtColumn(0);
            for (int r = 0; r < model->rowCount(first); ++r)
                add(model->index(r, 0, first));
            out.labels << index.data(Qt::DisplayRole).toString();
            break;
        }
        default:
            break;
        }
        if (!topicIndex.isValid()) {
            for (QModelIndex up = index; up.isValid(); up = up.parent())
                if (nodeType(up) == TopicNodeType::Topic)
                    topicIndex = up.siblingAtColumn(0);
        }
    }
    if (out.allFields) {
        out.fields.clear();
        out.labels = QStringList{QObject::tr("all fields")};
    }
    if (topicIndex.isValid()) {
        const QAbstractItemModel *model = topicIndex.model();
        for (int r = 0; r < model->rowCount(topicIndex); ++r) {
            const QModelIndex child = model->index(r, 0, topicIndex);
            if (nodeType(child) == TopicNodeType::Tag)
                out.tagKeys << child.data(TopicTreeModel::FieldRole).toString();
        }
    }
    return out;
}

} // namespace sasquatch
