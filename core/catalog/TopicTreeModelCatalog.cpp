// SPDX-License-Identifier: GPL-3.0-or-later
// TopicTreeModel: the catalog side (topics, fields, tags, docs) apart from the Qt model plumbing.
#include "core/catalog/TopicTreeModel.h"

#include "core/catalog/ChangeGuard.h"

#include <algorithm>

namespace sasquatch {

// ---- Catalog

void TopicTreeModel::setTopics(const QStringList &topics)
{
    const ChangeGuard guard(m_changeDepth);
    beginResetModel();
    resetSearchState();
    m_tree.build(topics);
    endResetModel();
}

void TopicTreeModel::clear()
{
    const ChangeGuard guard(m_changeDepth);
    beginResetModel();
    resetSearchState();
    m_tree.clear();
    m_docs.clear();
    endResetModel();
}

void TopicTreeModel::setTopicFields(const QString &topic, std::vector<FieldInfo> fields, const QStringList &tags)
{
    const int t = m_tree.findTopic(topic);
    if (t >= 0)
        storeTopic(t, std::move(fields), tags);
}

namespace {

bool sameNamesAndTypes(const std::vector<FieldInfo> &a, const std::vector<FieldInfo> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const FieldInfo &x, const FieldInfo &y) { return x.name == y.name && x.type == y.type; });
}

} // namespace

void TopicTreeModel::storeTopic(int t, std::vector<FieldInfo> fields, std::optional<QStringList> tags)
{
    const TopicTree::Topic &record = m_tree.topic(t);
    const int node = record.node;
    // Rows of these very fields are showing (the common answer to a tag load): only the tag rows
    // change, so arrays the user opened stay open.
    if (record.materialized && !m_filter.children(node) && sameNamesAndTypes(record.fields, fields)) {
        if (tags)
            replaceTagRows(t, std::move(*tags));
        return;
    }
    // An expanded topic (Loading…, an error or older fields) gets its new rows at once; a
    // collapsed one when it is next expanded.
    const bool showing = record.materialized || !visibleChildren(node).empty();
    removeAllChildren(node);
    m_tree.storeFields(t, std::move(fields), std::move(tags));
    if (const auto docs = m_docs.constFind(m_tree.topic(t).name.fullName()); docs != m_docs.constEnd())
        m_tree.applyDocs(t, *docs);
    if (showing)
        materializeFields(t);
    topicRowChanged(node);
}

void TopicTreeModel::replaceTagRows(int t, QStringList tags)
{
    TopicTree::Topic &record = m_tree.topic(t);
    const int node = record.node;
    record.tagState = FieldLoadState::Loaded;
    if (record.tags != tags) {
        const int first = int(m_tree.node(node).children.size()) - int(record.tags.size());
        const bool visible = isVisible(node);
        if (!record.tags.isEmpty()) {
            const ChangeGuard guard(m_changeDepth);
            if (visible)
                beginRemoveRows(indexOfNode(node), first, first + int(record.tags.size()) - 1);
            std::vector<int> released;
            m_tree.truncateChildren(node, first, &released);
            m_filter.forget(released);
            if (visible)
                endRemoveRows();
        }
        record.tags = std::move(tags);
        std::vector<int> added = m_tree.createTagNodes(t);
        if (!added.empty()) {
            const ChangeGuard guard(m_changeDepth);
            if (visible)
                beginInsertRows(indexOfNode(node), first, first + int(added.size()) - 1);
            std::vector<int> children = m_tree.node(node).children;
            children.insert(children.end(), added.begin(), added.end());
            m_tree.setChildren(node, std::move(children));
            if (visible)
                endInsertRows();
        }
    }
    topicRowChanged(node);
}

void TopicTreeModel::setTopicFieldsFailed(const QString &topic, const QString &message)
{
    const int t = m_tree.findTopic(topic);
    if (t < 0)
        return;
    if (m_tree.topic(t).state == FieldLoadState::Loaded) {
        // A tag load of a topic whose fields came in bulk: the fields stay; no error row.
        TopicTree::Topic &record = m_tree.topic(t);
        if (record.tagState != FieldLoadState::Loading)
            return;
        record.tagState = FieldLoadState::Failed;
        record.error = message.isEmpty() ? QStringLiteral("unknown error") : message;
        topicRowChanged(record.node);
        return;
    }
    TopicTree::Topic &record = m_tree.topic(t);
    record.state = FieldLoadState::Failed;
    record.error = message.isEmpty() ? QStringLiteral("unknown error") : message;
    const int node = record.node;
    const std::vector<int> &children = m_tree.node(node).children;
    if (children.size() == 1 && m_tree.node(children.front()).type == NodeType::Status) {
        if (isVisible(children.front())) {
            const QModelIndex status = indexOfNode(children.front());
            Q_EMIT dataChanged(status, status.siblingAtColumn(CountColumn));
        }
    } else {
        removeAllChildren(node);
        insertChildren(node, {m_tree.createStatusNode(t)});
    }
    topicRowChanged(node);
}

void TopicTreeModel::setFieldDocs(const QString &topic, const FieldDocs &docs)
{
    m_docs.insert(topic, docs);
    const int t = m_tree.findTopic(topic);
    if (t < 0 || m_tree.topic(t).state != FieldLoadState::Loaded || !m_tree.applyDocs(t, docs))
        return;
    childrenChanged(m_tree.topic(t).node);
}

void TopicTreeModel::childrenChanged(int node)
{
    const std::vector<int> &children = visibleChildren(node);
    if (children.empty() || !isVisible(node))
        return;
    const QModelIndex parent = indexOfNode(node);
    Q_EMIT dataChanged(index(0, 0, parent), index(int(children.size()) - 1, columnCount(parent) - 1, parent));
    for (int child : children)
        childrenChanged(child);
}

void TopicTreeModel::setAllFields(const QHash<QString, std::vector<FieldInfo>> &fieldsByTopic,
                                  const QHash<QString, QStringList> &tagsByTopic)
{
    // Collapsed topics only store their fields; the Count cells change per parent in one range.
    QHash<int, std::pair<int, int>> changedRows; // parent node -> first and last changed row
    for (auto it = fieldsByTopic.constBegin(); it != fieldsByTopic.constEnd(); ++it) {
        const int t = m_tree.findTopic(it.key());
        if (t < 0)
            continue;
        const int node = m_tree.topic(t).node;
        const auto tags = tagsByTopic.constFind(it.key());
        std::optional<QStringList> known;
        if (tags != tagsByTopic.constEnd())
            known = *tags;
        if (!m_tree.node(node).children.empty() || m_tree.topic(t).materialized) {
            storeTopic(t, it.value(), std::move(known));
            continue;
        }
        m_tree.storeFields(t, it.value(), std::move(known));
        if (const auto docs = m_docs.constFind(it.key()); docs != m_docs.constEnd())
            m_tree.applyDocs(t, *docs);
        if (!isVisible(node))
            continue;
        const int row = visibleRow(node);
        auto range = changedRows.find(m_tree.node(node).parent);
        if (range == changedRows.end())
            changedRows.insert(m_tree.node(node).parent, {row, row});
        else
            *range = {std::min(range->first, row), std::max(range->second, row)};
    }
    for (auto it = changedRows.constBegin(); it != changedRows.constEnd(); ++it) {
        const QModelIndex parent = indexOfNode(it.key());
        Q_EMIT dataChanged(index(it->first, NameColumn, parent), index(it->second, CountColumn, parent));
    }
}

QStringList TopicTreeModel::topics() const
{
    QStringList out;
    out.reserve(m_tree.topicCount());
    for (int t = 0; t < m_tree.topicCount(); ++t)
        out.append(m_tree.topic(t).name.fullName());
    return out;
}

QHash<QString, std::vector<FieldInfo>> TopicTreeModel::knownFields() const
{
    QHash<QString, std::vector<FieldInfo>> out;
    for (int t = 0; t < m_tree.topicCount(); ++t) {
        if (m_tree.topic(t).state == FieldLoadState::Loaded)
            out.insert(m_tree.topic(t).name.fullName(), m_tree.topic(t).fields);
    }
    return out;
}

std::vector<FieldInfo> TopicTreeModel::fieldsOf(const QString &topic) const
{
    const int t = m_tree.findTopic(topic);
    return t >= 0 ? m_tree.topic(t).fields : std::vector<FieldInfo>();
}

FieldLoadState TopicTreeModel::loadState(const QString &topic) const
{
    const int t = m_tree.findTopic(topic);
    return t >= 0 ? m_tree.topic(t).state : FieldLoadState::Unknown;
}

TopicSearchIndex TopicTreeModel::buildSearchIndex() const
{
    return TopicSearchIndex(topics(), knownFields());
}

QModelIndex TopicTreeModel::indexOfTopic(const QString &topic) const
{
    const int t = m_tree.findTopic(topic);
    if (t < 0 || !isVisible(m_tree.topic(t).node))
        return {};
    return indexOfNode(m_tree.topic(t).node);
}

QModelIndex TopicTreeModel::indexOfField(const QString &topic, const QString &field)
{
    const QModelIndex topicIndex = indexOfTopic(topic);
    if (!topicIndex.isValid())
        return {};
    if (canFetchMore(topicIndex) && m_tree.topic(m_tree.findTopic(topic)).state == FieldLoadState::Loaded)
        fetchMore(topicIndex);
    for (int child : visibleChildren(nodeOf(topicIndex))) {
        const TopicTree::Node &n = m_tree.node(child);
        if (n.type == NodeType::Field && m_tree.groupedField(child)->name == field)
            return indexOfNode(child);
        if (n.type != NodeType::ArrayField)
            continue;
        if (m_tree.groupedField(child)->name == field)
            return indexOfNode(child);
        for (int element : visibleChildren(child)) {
            if (m_tree.displayName(element) == field)
                return indexOfNode(element);
        }
    }
    return {};
}

} // namespace sasquatch
