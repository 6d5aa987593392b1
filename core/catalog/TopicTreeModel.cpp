// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/TopicTreeModel.h"

#include "core/catalog/ChangeGuard.h"
#include "core/catalog/FieldMimeData.h"
#include "core/catalog/FuzzyMatcher.h"

#include <algorithm>

namespace sasquatch {

TopicTreeModel::TopicTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

TopicTreeModel::~TopicTreeModel() = default;

int TopicTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? int(index.internalId()) : TopicTree::kRoot;
}

const std::vector<int> &TopicTreeModel::visibleChildren(int node) const
{
    const std::vector<int> *filtered = m_filter.children(node);
    return filtered ? *filtered : m_tree.node(node).children;
}

int TopicTreeModel::visibleRow(int node) const
{
    if (m_filter.children(m_tree.node(node).parent))
        return m_filter.row(node);
    return m_tree.node(node).row;
}

bool TopicTreeModel::isVisible(int node) const
{
    if (!m_filter.isActive())
        return true;
    for (int n = node; n != TopicTree::kRoot; n = m_tree.node(n).parent) {
        if (m_filter.children(m_tree.node(n).parent) && !m_filter.isListed(n))
            return false;
    }
    return true;
}

QModelIndex TopicTreeModel::indexOfNode(int node, int column) const
{
    if (node == TopicTree::kRoot)
        return {};
    return createIndex(visibleRow(node), column, quintptr(node));
}

QModelIndex TopicTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, quintptr(visibleChildren(nodeOf(parent))[size_t(row)]));
}

QModelIndex TopicTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(m_tree.node(nodeOf(child)).parent);
}

int TopicTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(visibleChildren(nodeOf(parent)).size());
}

int TopicTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool TopicTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const int node = nodeOf(parent);
    if (!visibleChildren(node).empty())
        return true;
    const TopicTree::Node &n = m_tree.node(node);
    if (n.type != NodeType::Topic)
        return false;
    const TopicTree::Topic &t = m_tree.topic(n.topic);
    // Unknown fields may exist: show the expander so that expanding fetches them.
    if (t.state != FieldLoadState::Loaded)
        return true;
    return !t.materialized && (!t.fields.empty() || !t.tags.isEmpty() || t.tagState == FieldLoadState::Unknown);
}

bool TopicTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.column() > 0 || m_changeDepth > 0)
        return false;
    const int node = nodeOf(parent);
    const TopicTree::Node &n = m_tree.node(node);
    if (n.type != NodeType::Topic || m_filter.children(node))
        return false;
    const TopicTree::Topic &t = m_tree.topic(n.topic);
    switch (t.state) {
    case FieldLoadState::Unknown: return true;
    // Views fetch on every relayout of an expanded row: a failed load is retried only on request.
    case FieldLoadState::Failed:
    case FieldLoadState::Loading: return false;
    case FieldLoadState::Loaded:
        // Fields that came in bulk without their tags: the tags still need the topic's own load.
        return (!t.materialized && (!t.fields.empty() || !t.tags.isEmpty()))
               || t.tagState == FieldLoadState::Unknown;
    }
    return false;
}

void TopicTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        // An explicit fetch of a failed topic retries it.
        if (parent.isValid() && parent.column() == 0 && m_changeDepth == 0
            && m_tree.node(nodeOf(parent)).type == NodeType::Topic)
            retryTopic(m_tree.node(nodeOf(parent)).topic);
        return;
    }
    const int topic = m_tree.node(nodeOf(parent)).topic;
    if (m_tree.topic(topic).state != FieldLoadState::Loaded) {
        requestFields(topic);
        return;
    }
    if (!m_tree.topic(topic).materialized)
        materializeFields(topic);
    if (m_tree.topic(topic).tagState == FieldLoadState::Unknown)
        requestTags(topic);
}

void TopicTreeModel::retryFields(const QString &topic)
{
    const int t = m_tree.findTopic(topic);
    if (t >= 0 && m_changeDepth == 0)
        retryTopic(t);
}

void TopicTreeModel::retryTopic(int topic)
{
    const TopicTree::Topic &t = m_tree.topic(topic);
    if (t.state == FieldLoadState::Failed)
        requestFields(topic);
    else if (t.state == FieldLoadState::Loaded && t.tagState == FieldLoadState::Failed)
        requestTags(topic);
}

void TopicTreeModel::requestTags(int topic)
{
    // The field rows stay; the answer (setTopicFields) adds the tag rows beneath them.
    m_tree.topic(topic).tagState = FieldLoadState::Loading;
    topicRowChanged(m_tree.topic(topic).node);
    Q_EMIT fieldsRequested(m_tree.topic(topic).name.fullName());
}

void TopicTreeModel::requestFields(int topic)
{
    const int node = m_tree.topic(topic).node;
    removeAllChildren(node); // the error of a failed attempt
    m_tree.topic(topic).state = FieldLoadState::Loading;
    m_tree.topic(topic).error.clear();
    insertChildren(node, {m_tree.createStatusNode(topic)});
    topicRowChanged(node);
    // Last: a slot answering synchronously may change the rows again.
    Q_EMIT fieldsRequested(m_tree.topic(topic).name.fullName());
}

void TopicTreeModel::removeAllChildren(int node)
{
    const ChangeGuard guard(m_changeDepth);
    const bool visible = isVisible(node);
    const qsizetype shown = qsizetype(visibleChildren(node).size());
    if (visible && shown > 0)
        beginRemoveRows(indexOfNode(node), 0, int(shown - 1));
    std::vector<int> released;
    m_tree.releaseChildren(node, &released);
    m_filter.dropList(node);
    m_filter.forget(released);
    if (visible && shown > 0)
        endRemoveRows();
}

void TopicTreeModel::insertChildren(int node, std::vector<int> children)
{
    if (children.empty())
        return;
    const ChangeGuard guard(m_changeDepth);
    const bool visible = isVisible(node);
    if (visible)
        beginInsertRows(indexOfNode(node), 0, int(children.size() - 1));
    m_tree.setChildren(node, std::move(children));
    if (visible)
        endInsertRows();
}

void TopicTreeModel::materializeFields(int topic)
{
    insertChildren(m_tree.topic(topic).node, m_tree.createFieldNodes(topic));
}

void TopicTreeModel::topicRowChanged(int node)
{
    if (!isVisible(node))
        return;
    const QModelIndex topicIndex = indexOfNode(node);
    Q_EMIT dataChanged(topicIndex, topicIndex.siblingAtColumn(CountColumn));
}

// ---- Data

QVariant TopicTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int node = nodeOf(index);
    const TopicTree::Node &n = m_tree.node(node);
    const bool isField = n.type == NodeType::Field || n.type == NodeType::ArrayField
                         || n.type == NodeType::ArrayElement;
    const FieldInfo *element = n.type == NodeType::ArrayElement
                                   ? &m_tree.groupedField(node)->elements[size_t(n.ref)]
                                   : nullptr;
    switch (role) {
    case Qt::DisplayRole: return displayData(node, index.column());
    case Qt::ToolTipRole:
        return m_tree.toolTip(node, m_filter.isActive() ? m_filter.topicCount(node) : n.topicCount);
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NodeTypeRole: return int(n.type);
    case TopicRole: return n.topic >= 0 ? QVariant(m_tree.topic(n.topic).name.fullName()) : QVariant();
    case FieldRole:
        if (n.type == NodeType::Field || n.type == NodeType::ArrayField)
            return m_tree.groupedField(node)->name;
        if (element)
            return element->name;
        if (n.type == NodeType::Tag)
            return m_tree.topic(n.topic).tags[n.ref];
        return {};
    case TopicKindRole: return n.topic >= 0 ? QVariant(int(m_tree.topic(n.topic).name.kind())) : QVariant();
    case FieldTypeRole:
        if (!isField)
            return {};
        return int(element ? element->type : m_tree.groupedField(node)->type);
    case ArrayLengthRole:
        if (n.type == NodeType::ArrayField || element)
            return m_tree.groupedField(node)->length();
        return {};
    case ArrayIndexRole: return element ? QVariant(n.ref) : QVariant();
    case UnitRole:
        if (!isField)
            return {};
        return element ? element->unit : m_tree.groupedField(node)->unit;
    case DescriptionRole:
        if (!isField)
            return {};
        return element ? element->description : m_tree.groupedField(node)->description;
    case MatchPositionsRole: {
        const QList<int> *positions = m_filter.positions(node);
        return positions ? QVariant::fromValue(*positions) : QVariant();
    }
    case PathRole: return m_tree.path(node);
    case CscRole:
        if (n.topic >= 0 && m_tree.topic(n.topic).name.cscSegment() >= 0)
            return m_tree.topic(n.topic).name.csc();
        return {};
    case ReplicaSourceRole:
        if (n.type == NodeType::ReplicaGroup)
            return m_tree.groupName(n.ref);
        if (n.topic >= 0 && m_tree.topic(n.topic).name.isReplica())
            return m_tree.topic(n.topic).name.replicaSource();
        return {};
    case LoadStateRole:
        return n.type == NodeType::Topic ? QVariant(int(m_tree.topic(n.topic).state)) : QVariant();
    case SearchScoreRole: {
        const int *score = m_filter.bestScore(node);
        return score ? QVariant(*score) : QVariant();
    }
    default: return {};
    }
}

QVariant TopicTreeModel::displayData(int node, int column) const
{
    const TopicTree::Node &n = m_tree.node(node);
    switch (column) {
    case NameColumn: return m_tree.displayName(node);
    case TypeColumn: {
        const QString type = m_tree.typeName(node);
        return type.isEmpty() ? QVariant() : QVariant(type);
    }
    case CountColumn:
        switch (n.type) {
        case NodeType::Group:
        case NodeType::ReplicaGroup: return m_filter.isActive() ? m_filter.topicCount(node) : n.topicCount;
        case NodeType::Topic: {
            const TopicTree::Topic &t = m_tree.topic(n.topic);
            return t.state == FieldLoadState::Loaded ? QVariant(int(t.fields.size())) : QVariant();
        }
        case NodeType::ArrayField: return m_tree.groupedField(node)->length();
        default: return {};
        }
    default: return {};
    }
}

QVariant TopicTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case TypeColumn: return tr("Type");
    case CountColumn: return tr("Count");
    default: return {};
    }
}

Qt::ItemFlags TopicTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    switch (m_tree.node(nodeOf(index)).type) {
    case NodeType::Status: return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    case NodeType::Field:
    case NodeType::ArrayElement:
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    case NodeType::Tag: return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    default: return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    }
}

QStringList TopicTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(FieldMimeData::kMimeType)};
}

QMimeData *TopicTreeModel::mimeData(const QModelIndexList &indexes) const
{
    std::vector<DraggedField> fields;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || index.column() != NameColumn)
            continue;
        const auto type = NodeType(index.data(NodeTypeRole).toInt());
        if (type != NodeType::Field && type != NodeType::ArrayElement)
            continue;
        fields.push_back({m_bucket, index.data(TopicRole).toString(), index.data(FieldRole).toString(),
                          index.data(UnitRole).toString()});
    }
    return fields.empty() ? nullptr : FieldMimeData::create(fields);
}

QHash<int, QByteArray> TopicTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(NodeTypeRole, "nodeType");
    names.insert(TopicRole, "topic");
    names.insert(FieldRole, "field");
    names.insert(TopicKindRole, "topicKind");
    names.insert(FieldTypeRole, "fieldType");
    names.insert(ArrayLengthRole, "arrayLength");
    names.insert(ArrayIndexRole, "arrayIndex");
    names.insert(UnitRole, "unit");
    names.insert(DescriptionRole, "description");
    names.insert(MatchPositionsRole, "matchPositions");
    names.insert(PathRole, "path");
    names.insert(CscRole, "csc");
    names.insert(ReplicaSourceRole, "replicaSource");
    names.insert(LoadStateRole, "loadState");
    names.insert(SearchScoreRole, "searchScore");
    return names;
}

// ---- Search

void TopicTreeModel::resetSearchState()
{
    m_filter.clear();
}

void TopicTreeModel::clearSearch()
{
    if (!m_filter.isActive())
        return;
    const ChangeGuard guard(m_changeDepth);
    beginResetModel();
    resetSearchState();
    endResetModel();
}

void TopicTreeModel::applySearch(const SearchResult &result)
{
    if (FuzzyMatcher(result.query).isEmpty()) {
        clearSearch();
        return;
    }
    const ChangeGuard guard(m_changeDepth);
    beginResetModel();
    m_filter.apply(m_tree, result);
    endResetModel();
}

} // namespace sasquatch
