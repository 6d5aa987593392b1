// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/TopicTreeModel.h"

#include "core/catalog/FieldMimeData.h"
#include "core/catalog/FuzzyMatcher.h"


#include <algorithm>

namespace sasquatch {

namespace {

// Marks a structural change (begin…end, signals included) in flight. Views and the model tester
// walk the model from inside those signals; fetching then would nest a second change.
class ChangeGuard
{
public:
    explicit ChangeGuard(int &depth) : m_depth(depth) { ++m_depth; }
    ~ChangeGuard() { --m_depth; }
    ChangeGuard(const ChangeGuard &) = delete;
    ChangeGuard &operator=(const ChangeGuard &) = delete;

private:
    int &m_depth;
};

} // namespace

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
    return !t.materialized && (!t.fields.empty() || !t.tags.isEmpty());
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
    case FieldLoadState::Loaded: return !t.materialized && (!t.fields.empty() || !t.tags.isEmpty());
    }
    return false;
}

void TopicTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        // An explicit fetch of a failed topic retries it.
        if (parent.isValid() && parent.column() == 0 && m_changeDepth == 0
            && m_tree.node(nodeOf(parent)).type == NodeType::Topic
            && m_tree.topic(m_tree.node(nodeOf(parent)).topic).state == FieldLoadState::Failed)
            requestFields(m_tree.node(nodeOf(parent)).topic);
        return;
    }
    const int topic = m_tree.node(nodeOf(parent)).topic;
    if (m_tree.topic(topic).state == FieldLoadState::Loaded)
        materializeFields(topic);
    else
        requestFields(topic);
}

void TopicTreeModel::retryFields(const QString &topic)
{
    const int t = m_tree.findTopic(topic);
    if (t >= 0 && m_changeDepth == 0 && m_tree.topic(t).state == FieldLoadState::Failed)
        requestFields(t);
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
    if (t < 0)
        return;
    const int node = m_tree.topic(t).node;
    // An expanded topic (Loading…, an error or older fields) gets its new rows at once; a
    // collapsed one when it is next expanded.
    const bool showing = !visibleChildren(node).empty();
    removeAllChildren(node);
    m_tree.storeFields(t, std::move(fields), tags);
    if (const auto docs = m_docs.constFind(topic); docs != m_docs.constEnd())
        m_tree.applyDocs(t, *docs);
    if (showing)
        materializeFields(t);
    topicRowChanged(node);
}

void TopicTreeModel::setTopicFieldsFailed(const QString &topic, const QString &message)
{
    const int t = m_tree.findTopic(topic);
    if (t < 0 || m_tree.topic(t).state == FieldLoadState::Loaded)
        return;
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
        if (!m_tree.node(node).children.empty()) {
            setTopicFields(it.key(), it.value(), tagsByTopic.value(it.key()));
            continue;
        }
        m_tree.storeFields(t, it.value(), tagsByTopic.value(it.key()));
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
