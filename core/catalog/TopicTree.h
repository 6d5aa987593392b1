// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldDocs.h"
#include "core/catalog/FieldInfo.h"
#include "core/catalog/GroupedField.h"
#include "core/catalog/TopicName.h"
#include "core/catalog/TopicNodeType.h"

#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

namespace sasquatch {

/// The node storage behind TopicTreeModel: a flat vector of nodes addressed by index (the model's
/// internal id), topics with their cached fields, and no Qt model semantics. Group names are
/// interned; topic and field names are shared with the topic records. Field rows exist only once a
/// topic is expanded (or shown by a search), so 20,000 topics cost 20,000 nodes plus groups.
class TopicTree
{
public:
    static constexpr int kRoot = 0;

    struct Node
    {
        int parent = -1;
        int row = 0;        ///< position in the parent's `children`
        int topic = -1;     ///< the topic of a Topic node and of everything beneath it, else -1
        /// Group/ReplicaGroup: name id; Field/ArrayField: index into the topic's grouped fields;
        /// ArrayElement: element index; Tag: index into the topic's tags.
        int ref = -1;
        int topicCount = 0; ///< Group/ReplicaGroup/root: topics beneath
        TopicNodeType type = TopicNodeType::Group;
        std::vector<int> children;
    };

    struct Topic
    {
        TopicName name;
        int node = -1;
        FieldLoadState state = FieldLoadState::Unknown;
        /// Where the tag keys stand once the fields are Loaded: a bulk field load may bring fields
        /// without tags (SHOW FIELD KEYS); then they are Unknown until the topic's own load.
        FieldLoadState tagState = FieldLoadState::Unknown;
        std::vector<FieldInfo> fields;
        QStringList tags;
        QString error; ///< of the failed field load, or of the failed tag load of a Loaded topic
        std::vector<GroupedField> grouped; ///< valid when groupedValid
        bool groupedValid = false;
        bool materialized = false; ///< the node's children are the field and tag rows
    };

    TopicTree();

    /// Rebuilds the tree for `topics` (duplicates ignored). Fields and tags already loaded for a
    /// topic that is still listed are kept; pending and failed loads start over as Unknown.
    void build(const QStringList &topics);
    /// Forgets everything, including cached fields.
    void clear();

    Node &node(int id) { return m_nodes[size_t(id)]; }
    const Node &node(int id) const { return m_nodes[size_t(id)]; }
    Topic &topic(int id) { return m_topics[size_t(id)]; }
    const Topic &topic(int id) const { return m_topics[size_t(id)]; }
    int topicCount() const { return int(m_topics.size()); }
    /// -1 when `name` is not a topic.
    int findTopic(const QString &name) const { return m_topicIndex.value(name, -1); }
    const QString &groupName(int nameId) const { return m_names[size_t(nameId)]; }

    /// The topic's fields after FieldGrouping (computed on first use, then cached).
    const std::vector<GroupedField> &groupedFields(int topic);
    /// Stores a topic's fields (state Loaded) and its tags (tagState Loaded); does not touch its
    /// nodes. Without `tags` the topic keeps the tags it knows; if it knows none they stay
    /// Unknown (or Loading while the topic's own load is pending).
    void storeFields(int topic, std::vector<FieldInfo> fields, std::optional<QStringList> tags);
    /// Sets units and descriptions of a topic's stored fields (and of its grouped fields, in
    /// place, so rows keep their identity) from `docs`; true if anything changed.
    bool applyDocs(int topic, const FieldDocs &docs);

    /// The row's text in the Name column.
    QString displayName(int id) const;
    /// The row's text in the Type column: topic kind, field type, `float[156]`, "tag", "replica".
    QString typeName(int id) const;
    /// A multi-line description of the row for tooltips.
    QString toolTip(int id, int shownTopicCount) const;
    /// The dotted path of a node: group prefix, topic name or `topic.field`.
    QString path(int id) const;
    /// The grouped field of a Field, ArrayField or ArrayElement node (the array for an element).
    const GroupedField *groupedField(int id) const;

    /// Creates the field, array (with element children) and tag nodes of a topic, parented to
    /// the topic's node but not yet in its `children`; marks the topic materialized.
    std::vector<int> createFieldNodes(int topic);
    /// Creates the tag nodes of a topic (the tail of createFieldNodes()), not yet in `children`.
    std::vector<int> createTagNodes(int topic);
    /// Creates a Status child node for a topic (not yet in its `children`).
    int createStatusNode(int topic);
    /// Makes `children` the children of `parent`, numbering their rows.
    void setChildren(int parent, std::vector<int> children);
    /// Frees the children of `id` and their descendants; appends the freed ids to `released`.
    void releaseChildren(int id, std::vector<int> *released);
    /// Frees the children of `id` from row `keep` on, and their descendants.
    void truncateChildren(int id, int keep, std::vector<int> *released);

private:
    int newNode(TopicNodeType type, int parent, int topic, int ref);
    int groupChild(int parent, const QString &name, TopicNodeType type);
    void freeNode(int id, std::vector<int> *released);
    void sortChildren(int id);

    std::vector<Node> m_nodes;
    std::vector<int> m_freeNodes;
    std::vector<Topic> m_topics;
    QHash<QString, int> m_topicIndex;
    std::vector<QString> m_names;
    QHash<std::pair<int, QString>, int> m_groupIndex; // (parent, segment) -> group node
};

} // namespace sasquatch
