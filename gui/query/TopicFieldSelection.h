// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"

#include <QModelIndexList>
#include <QStringList>

#include <vector>

namespace sasquatch {

/// What the rows selected in the topic tree (TopicTreeModel) ask the query builder for: one
/// topic and its chosen fields. A topic row means all its fields; an array row (`zForce[156]`)
/// all its elements; element and field rows themselves. Rows of other topics than the current
/// row's are left out and counted, since a query reads one measurement.
struct TopicFieldSelection
{
    QString topic;
    /// In tree order, without duplicates; empty with allFields.
    std::vector<FieldInfo> fields;
    /// The selection as the user sees it: `fx`, `zForce[156]`, `zForce3`.
    QStringList labels;
    bool allFields = false;
    /// Tag keys of the topic, as the tree lists them (for a tag filter).
    QStringList tagKeys;
    /// Selected rows that belong to other topics.
    int otherTopicRows = 0;

    bool isEmpty() const { return topic.isEmpty() || (!allFields && fields.empty()); }

    /// Reads the selection from TopicTreeModel rows (any column); `current` picks the topic
    /// when the selection spans several.
    static TopicFieldSelection fromIndexes(const QModelIndexList &selected, const QModelIndex &current);
};

} // namespace sasquatch
