// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/TopicTree.h"

#include "core/catalog/FieldGrouping.h"
#include "core/catalog/NaturalOrder.h"

#include <algorithm>

namespace sasquatch {

namespace {

const QString &emptyName()
{
    static const QString text = QStringLiteral("(empty)");
    return text;
}

// Groups first, then topics, then (at the top) replica clusters.
int sortRank(TopicNodeType type)
{
    switch (type) {
    case TopicNodeType::Group: return 0;
    case TopicNodeType::Topic: return 1;
    case TopicNodeType::ReplicaGroup: return 2;
    default: return 3;
    }
}

} // namespace

TopicTree::TopicTree()
{
    clear();
}

void TopicTree::clear()
{
    m_nodes.clear();
    m_freeNodes.clear();
    m_topics.clear();
    m_topicIndex.clear();
    m_names.clear();
    m_groupIndex.clear();
    newNode(TopicNodeType::Group, -1, -1, -1); // the invisible root
}

int TopicTree::newNode(TopicNodeType type, int parent, int topic, int ref)
{
    int id = 0;
    if (!m_freeNodes.empty()) {
        id = m_freeNodes.back();
        m_freeNodes.pop_back();
        m_nodes[size_t(id)] = Node();
    } else {
        id = int(m_nodes.size());
        m_nodes.emplace_back();
    }
    Node &n = m_nodes[size_t(id)];
    n.type = type;
    n.parent = parent;
    n.topic = topic;
    n.ref = ref;
    return id;
}

int TopicTree::groupChild(int parent, const QString &name, TopicNodeType type)
{
    // Replica clusters and plain groups may share a name at the top ("summit.x" vs "summit.lsst.x").
    const QString key = type == TopicNodeType::ReplicaGroup ? QStringLiteral("\x01") + name : name;
    const auto found = m_groupIndex.constFind({parent, key});
    if (found != m_groupIndex.constEnd())
        return found.value();
    const int nameId = int(m_names.size());
    m_names.push_back(name);
    const int id = newNode(type, parent, -1, nameId);
    m_nodes[size_t(parent)].children.push_back(id);
    m_groupIndex.insert({parent, key}, id);
    return id;
}

void TopicTree::build(const QStringList &topics)
{
    QHash<QString, Topic> cache;
    for (Topic &t : m_topics) {
        if (t.state == FieldLoadState::Loaded)
            cache.insert(t.name.fullName(), std::move(t));
    }
    clear();
    m_topics.reserve(size_t(topics.size()));
    m_topicIndex.reserve(topics.size());
    m_nodes.reserve(size_t(topics.size()) + 64);
    for (const QString &name : topics) {
        if (m_topicIndex.contains(name))
            continue;
        const int topicId = int(m_topics.size());
        Topic t;
        const auto cached = cache.find(name);
        if (cached != cache.end()) {
            t = std::move(cached.value());
            t.materialized = false;
            if (t.tagState == FieldLoadState::Loading) // its answer would be dropped: start over
                t.tagState = FieldLoadState::Unknown;
        } else {
            t.name = TopicName(name);
        }
        const QStringList &segments = t.name.segments();
        int parent = kRoot;
        if (t.name.isReplica())
            parent = groupChild(parent, segments.constFirst(), TopicNodeType::ReplicaGroup);
        for (qsizetype i = t.name.originStart(); i + 1 < segments.size(); ++i)
            parent = groupChild(parent, segments[i], TopicNodeType::Group);
        t.node = newNode(TopicNodeType::Topic, parent, topicId, -1);
        m_nodes[size_t(parent)].children.push_back(t.node);
        for (int a = parent; a >= 0; a = m_nodes[size_t(a)].parent)
            ++m_nodes[size_t(a)].topicCount;
        m_topicIndex.insert(name, topicId);
        m_topics.push_back(std::move(t));
    }
    sortChildren(kRoot);
}

void TopicTree::sortChildren(int id)
{
    std::vector<int> &children = m_nodes[size_t(id)].children;
    auto rawName = [this](int n) -> const QString & {
        const Node &node = m_nodes[size_t(n)];
        if (node.type == TopicNodeType::Topic) {
            const QStringList &segments = m_topics[size_t(node.topic)].name.segments();
            return segments.isEmpty() ? emptyName() : segments.constLast();
        }
        return m_names[size_t(node.ref)];
    };
    std::sort(children.begin(), children.end(), [&](int a, int b) {
        const int ra = sortRank(m_nodes[size_t(a)].type);
        const int rb = sortRank(m_nodes[size_t(b)].type);
        if (ra != rb)
            return ra < rb;
        return naturalCompare(rawName(a), rawName(b)) < 0;
    });
    for (size_t r = 0; r < children.size(); ++r) {
        m_nodes[size_t(children[r])].row = int(r);
        if (m_nodes[size_t(children[r])].type != TopicNodeType::Topic)
            sortChildren(children[r]);
    }
}

const std::vector<GroupedField> &TopicTree::groupedFields(int topic)
{
    Topic &t = m_topics[size_t(topic)];
    if (!t.groupedValid) {
        t.grouped = FieldGrouping::group(t.fields);
        t.groupedValid = true;
    }
    return t.grouped;
}

void TopicTree::storeFields(int topic, std::vector<FieldInfo> fields, std::optional<QStringList> tags)
{
    Topic &t = m_topics[size_t(topic)];
    t.fields = std::move(fields);
    if (tags) {
        t.tags = std::move(*tags);
        t.tagState = FieldLoadState::Loaded;
    } else if (t.state != FieldLoadState::Loaded) {
        t.tags.clear();
        t.tagState = t.state == FieldLoadState::Loading ? FieldLoadState::Loading : FieldLoadState::Unknown;
    }
    t.error.clear();
    t.state = FieldLoadState::Loaded;
    t.grouped.clear();
    t.groupedValid = false;
}

bool TopicTree::applyDocs(int topic, const FieldDocs &docs)
{
    Topic &t = m_topics[size_t(topic)];
    if (!docs.apply(t.fields))
        return false;
    for (GroupedField &g : t.grouped) {
        if (!g.isArray()) {
            if (const FieldDoc *doc = docs.find(g.name)) {
                g.unit = doc->unit;
                g.description = doc->description;
            }
            continue;
        }
        docs.apply(g.elements);
        bool sameUnit = true;
        for (const FieldInfo &e : g.elements)
            sameUnit = sameUnit && e.unit == g.elements.front().unit;
        g.unit = sameUnit ? g.elements.front().unit : QString();
        g.description = g.elements.front().description;
    }
    return true;
}

QString TopicTree::displayName(int id) const
{
    const Node &n = m_nodes[size_t(id)];
    switch (n.type) {
    case TopicNodeType::Group: {
        const QString &name = m_names[size_t(n.ref)];
        return name.isEmpty() ? emptyName() : name;
    }
    case TopicNodeType::ReplicaGroup:
        return m_names[size_t(n.ref)] + QStringLiteral(" (replica)");
    case TopicNodeType::Topic: {
        const QStringList &segments = m_topics[size_t(n.topic)].name.segments();
        return segments.isEmpty() || segments.constLast().isEmpty() ? emptyName() : segments.constLast();
    }
    case TopicNodeType::Field: return groupedField(id)->name;
    case TopicNodeType::ArrayField: return groupedField(id)->displayName();
    case TopicNodeType::ArrayElement: return groupedField(id)->elements[size_t(n.ref)].name;
    case TopicNodeType::Tag: return m_topics[size_t(n.topic)].tags[n.ref];
    case TopicNodeType::Status: {
        const Topic &t = m_topics[size_t(n.topic)];
        if (t.state == FieldLoadState::Failed)
            return QStringLiteral("Could not load fields: ") + t.error;
        return QStringLiteral("Loading…");
    }
    }
    return {};
}

QString TopicTree::path(int id) const
{
    const Node &n = m_nodes[size_t(id)];
    switch (n.type) {
    case TopicNodeType::Group:
    case TopicNodeType::ReplicaGroup: {
        QStringList parts;
        for (int a = id; a > kRoot; a = m_nodes[size_t(a)].parent)
            parts.prepend(m_names[size_t(m_nodes[size_t(a)].ref)]);
        return parts.join(QLatin1Char('.'));
    }
    case TopicNodeType::Topic:
    case TopicNodeType::Status: return m_topics[size_t(n.topic)].name.fullName();
    case TopicNodeType::Field:
    case TopicNodeType::ArrayField:
        return m_topics[size_t(n.topic)].name.fullName() + QLatin1Char('.') + groupedField(id)->name;
    case TopicNodeType::ArrayElement:
        return m_topics[size_t(n.topic)].name.fullName() + QLatin1Char('.')
               + groupedField(id)->elements[size_t(n.ref)].name;
    case TopicNodeType::Tag:
        return m_topics[size_t(n.topic)].name.fullName() + QLatin1Char('.') + m_topics[size_t(n.topic)].tags[n.ref];
    }
    return {};
}

const GroupedField *TopicTree::groupedField(int id) const
{
    const Node &n = m_nodes[size_t(id)];
    const Topic &t = m_topics[size_t(n.topic)];
    switch (n.type) {
    case TopicNodeType::Field:
    case TopicNodeType::ArrayField: return &t.grouped[size_t(n.ref)];
    case TopicNodeType::ArrayElement: return &t.grouped[size_t(m_nodes[size_t(n.parent)].ref)];
    default: return nullptr;
    }
}

std::vector<int> TopicTree::createFieldNodes(int topic)
{
    const std::vector<GroupedField> &grouped = groupedFields(topic);
    const int topicNode = m_topics[size_t(topic)].node;
    std::vector<int> ids;
    ids.reserve(grouped.size() + size_t(m_topics[size_t(topic)].tags.size()));
    for (size_t i = 0; i < grouped.size(); ++i) {
        const bool array = grouped[i].isArray();
        const int id = newNode(array ? TopicNodeType::ArrayField : TopicNodeType::Field, topicNode, topic, int(i));
        if (array) {
            std::vector<int> elements;
            elements.reserve(size_t(grouped[i].length()));
            for (int e = 0; e < grouped[i].length(); ++e)
                elements.push_back(newNode(TopicNodeType::ArrayElement, id, topic, e));
            setChildren(id, std::move(elements));
        }
        ids.push_back(id);
    }
    for (int id : createTagNodes(topic))
        ids.push_back(id);
    m_topics[size_t(topic)].materialized = true;
    return ids;
}

std::vector<int> TopicTree::createTagNodes(int topic)
{
    const Topic &t = m_topics[size_t(topic)];
    std::vector<int> ids;
    ids.reserve(size_t(t.tags.size()));
    for (qsizetype i = 0; i < t.tags.size(); ++i)
        ids.push_back(newNode(TopicNodeType::Tag, t.node, topic, int(i)));
    return ids;
}

int TopicTree::createStatusNode(int topic)
{
    return newNode(TopicNodeType::Status, m_topics[size_t(topic)].node, topic, -1);
}

void TopicTree::setChildren(int parent, std::vector<int> children)
{
    for (size_t r = 0; r < children.size(); ++r)
        m_nodes[size_t(children[r])].row = int(r);
    m_nodes[size_t(parent)].children = std::move(children);
}

void TopicTree::releaseChildren(int id, std::vector<int> *released)
{
    std::vector<int> children = std::move(m_nodes[size_t(id)].children);
    m_nodes[size_t(id)].children.clear();
    for (int c : children)
        freeNode(c, released);
    if (m_nodes[size_t(id)].type == TopicNodeType::Topic)
        m_topics[size_t(m_nodes[size_t(id)].topic)].materialized = false;
}

void TopicTree::truncateChildren(int id, int keep, std::vector<int> *released)
{
    std::vector<int> &children = m_nodes[size_t(id)].children;
    if (keep >= int(children.size()))
        return;
    const std::vector<int> tail(children.begin() + keep, children.end());
    children.resize(size_t(keep));
    for (int c : tail)
        freeNode(c, released);
}

void TopicTree::freeNode(int id, std::vector<int> *released)
{
    releaseChildren(id, released);
    m_nodes[size_t(id)] = Node();
    m_nodes[size_t(id)].parent = -2; // marks a free node in debug dumps
    m_freeNodes.push_back(id);
    if (released)
        released->push_back(id);
}

} // namespace sasquatch

namespace sasquatch {

QString TopicTree::typeName(int id) const
{
    const Node &n = m_nodes[size_t(id)];
    switch (n.type) {
    case TopicNodeType::Group:
    case TopicNodeType::Status: return {};
    case TopicNodeType::ReplicaGroup: return QStringLiteral("replica");
    case TopicNodeType::Topic: return topicKindName(m_topics[size_t(n.topic)].name.kind());
    case TopicNodeType::Field:
    case TopicNodeType::ArrayField: return groupedField(id)->typeName();
    case TopicNodeType::ArrayElement: return fieldTypeName(groupedField(id)->elements[size_t(n.ref)].type);
    case TopicNodeType::Tag: return QStringLiteral("tag");
    }
    return {};
}

QString TopicTree::toolTip(int id, int shownTopicCount) const
{
    const Node &n = m_nodes[size_t(id)];
    const auto topicsLine = [shownTopicCount] {
        return shownTopicCount == 1 ? QStringLiteral("1 topic") : QStringLiteral("%1 topics").arg(shownTopicCount);
    };
    auto describe = [](QString text, const QString &unit, const QString &description) {
        if (!unit.isEmpty())
            text += QStringLiteral("\nUnit: ") + unit;
        if (!description.isEmpty())
            text += QLatin1Char('\n') + description;
        return text;
    };
    switch (n.type) {
    case TopicNodeType::Group: return path(id) + QStringLiteral("\n") + topicsLine();
    case TopicNodeType::ReplicaGroup:
        return QStringLiteral("Topics replicated by MirrorMaker 2 from the \"%1\" cluster\n").arg(m_names[size_t(n.ref)])
               + topicsLine();
    case TopicNodeType::Topic: {
        const Topic &t = m_topics[size_t(n.topic)];
        QString text = t.name.fullName() + QStringLiteral("\nKind: ") + topicKindName(t.name.kind());
        if (!t.name.csc().isEmpty())
            text += QStringLiteral("\nCSC: ") + t.name.csc();
        if (t.name.isReplica())
            text += QStringLiteral("\nReplica of %1 from the \"%2\" cluster")
                        .arg(t.name.originName(), t.name.replicaSource());
        switch (t.state) {
        case FieldLoadState::Unknown: text += QStringLiteral("\nFields not loaded yet"); break;
        case FieldLoadState::Loading: text += QStringLiteral("\nLoading fields…"); break;
        case FieldLoadState::Failed: text += QStringLiteral("\nCould not load fields: ") + t.error; break;
        case FieldLoadState::Loaded:
            text += QStringLiteral("\n%1 fields").arg(t.fields.size());
            if (!t.tags.isEmpty())
                text += QStringLiteral(", tags: ") + t.tags.join(QStringLiteral(", "));
            if (t.tagState == FieldLoadState::Failed)
                text += QStringLiteral("\nCould not load tag keys: ") + t.error;
            else if (t.tagState != FieldLoadState::Loaded)
                text += QStringLiteral("\nTag keys not loaded yet");
            break;
        }
        return text;
    }
    case TopicNodeType::Field: {
        const GroupedField *f = groupedField(id);
        return describe(f->name + QStringLiteral(" (") + fieldTypeName(f->type) + QLatin1Char(')'), f->unit,
                        f->description);
    }
    case TopicNodeType::ArrayField: {
        const GroupedField *f = groupedField(id);
        return describe(QStringLiteral("%1 (%2)\nInfluxDB fields %3 … %4")
                            .arg(f->displayName(), f->typeName(), f->elements.front().name, f->elements.back().name),
                        f->unit, f->description);
    }
    case TopicNodeType::ArrayElement: {
        const GroupedField *f = groupedField(id);
        const FieldInfo &e = f->elements[size_t(n.ref)];
        return describe(QStringLiteral("%1 (%2), element %3 of %4")
                            .arg(e.name, fieldTypeName(e.type), QString::number(n.ref), f->displayName()),
                        e.unit, e.description);
    }
    case TopicNodeType::Tag: return QStringLiteral("Tag key ") + m_topics[size_t(n.topic)].tags[n.ref];
    case TopicNodeType::Status: return displayName(id);
    }
    return {};
}

} // namespace sasquatch
