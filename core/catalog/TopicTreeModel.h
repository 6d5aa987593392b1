// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldDocs.h"
#include "core/catalog/FieldInfo.h"
#include "core/catalog/SearchResult.h"
#include "core/catalog/TopicNodeType.h"
#include "core/catalog/TopicSearchIndex.h"
#include "core/catalog/TopicTree.h"
#include "core/catalog/TopicTreeFilter.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>

#include <optional>
#include <vector>

namespace sasquatch {

/// The topic browser's tree: topics grouped by their dotted names (lsst › sal › MTM1M3 ›
/// forceActuatorData), MirrorMaker 2 replicas under a top-level "<source> (replica)" node and then
/// the same grouping, fields (arrays collapsed to `zForce[156]` with their elements beneath) and
/// tags under each topic. Siblings: groups, then topics, then replica clusters, each in natural
/// order; fields in FieldGrouping's order, then tags.
///
/// Fields load lazily. A topic whose fields are unknown reports canFetchMore(); fetchMore() adds a
/// "Loading…" Status row and emits fieldsRequested() once. The owner answers with setTopicFields()
/// or setTopicFieldsFailed() (the Status row then shows the error). A failed topic reports
/// canFetchMore() false, because views call fetchMore() on every relayout of an expanded row and
/// would hammer a failing server; an explicit fetchMore() on it (e.g. from QTreeView::expanded or
/// a Retry action) or retryFields() retries.
/// setAllFields() fills many topics at once (e.g. from one SHOW FIELD KEYS); their rows appear
/// when the topic is expanded. Fields stay cached per topic, also across setTopics().
/// Tag keys: a topic whose fields came through setAllFields() without tag information keeps the
/// tags it knew; if it knew none, expanding it shows the fields at once and still emits
/// fieldsRequested() (once), whose answer adds the tag rows. A failure of that load keeps the
/// fields (the topic tooltip tells); an explicit fetchMore() or retryFields() retries.
///
/// Search: run TopicSearchIndex::search() (typically on QtConcurrent) and hand the result to
/// applySearch(): only matching topics/fields and their ancestors remain, siblings by best
/// score. A topic that matched by name keeps all its fields (loaded lazily as usual); a topic
/// reached only through fields shows just those. clearSearch() restores the full tree. Both
/// reset the model.
///
/// Columns: Name, Type (topic kind, field type, `float[156]` for arrays), Count (topics beneath a
/// group, fields of a topic once known, length of an array).
class TopicTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    using NodeType = TopicNodeType;

    enum Column { NameColumn = 0, TypeColumn = 1, CountColumn = 2, ColumnCount = 3 };

    /// Custom roles. Enumerations come back as int (cast to the enum type named).
    enum Role {
        NodeTypeRole = Qt::UserRole + 1, ///< int(NodeType), every row
        TopicRole,          ///< QString: full measurement name, on a topic and every row beneath it
        FieldRole,          ///< QString: InfluxDB field name; element: `xForce3`; array: its base `xForce`; tag: the tag key
        TopicKindRole,      ///< int(TopicKind), on a topic and every row beneath it
        FieldTypeRole,      ///< int(FieldType) of a field, array (its elements' type) or element
        ArrayLengthRole,    ///< int: length of an array, on the array and on its elements
        ArrayIndexRole,     ///< int: index of an array element
        UnitRole,           ///< QString: unit of a field/array/element (may be empty)
        DescriptionRole,    ///< QString: description of a field/array/element (may be empty)
        MatchPositionsRole, ///< QList<int>: matched character positions in the Name text while a search is applied
        PathRole,           ///< QString: dotted path: group prefix, topic name, `topic.field`
        CscRole,            ///< QString: CSC of a SAL topic (and of rows beneath it)
        ReplicaSourceRole,  ///< QString: source cluster of a replica group/topic (and rows beneath)
        LoadStateRole,      ///< int(FieldLoadState) on a topic
        SearchScoreRole,    ///< int: best search score in the row's subtree while a search is applied
    };
    Q_ENUM(Role)

    explicit TopicTreeModel(QObject *parent = nullptr);
    ~TopicTreeModel() override;

    // --- QAbstractItemModel
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QHash<int, QByteArray> roleNames() const override;
    /// Field and array-element rows drag as FieldMimeData (bucket(), topic, field, unit).
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;

    /// The bucket the topics belong to, carried by dragged fields ("efd/autogen").
    void setBucket(const QString &bucket) { m_bucket = bucket; }
    QString bucket() const { return m_bucket; }

    // --- Catalog
    /// Rebuilds the tree for these measurement names (resets the model and clears any search).
    /// Fields already loaded for topics that are still listed are kept.
    void setTopics(const QStringList &topics);
    /// Empties the model and forgets all cached fields (another server or bucket).
    void clear();
    /// Answers fieldsRequested() (or refreshes a topic). Unknown topics are ignored. Rows of a
    /// topic that was showing children (Loading… or older fields) are replaced in place.
    void setTopicFields(const QString &topic, std::vector<FieldInfo> fields, const QStringList &tags = {});
    /// Answers fieldsRequested() with a failure: the Status row shows `message`; a later
    /// fetchMore() on the topic or retryFields() retries. Ignored for topics whose fields are
    /// already loaded.
    void setTopicFieldsFailed(const QString &topic, const QString &message);
    /// Loads a failed topic's fields (or the failed tag keys of a loaded one) again (emits
    /// fieldsRequested()); no-op unless it failed.
    void retryFields(const QString &topic);
    /// Units and descriptions of `topic`'s fields from its schema: applied now if its fields
    /// are loaded (rows update in place) and to fields stored later. Kept until clear().
    void setFieldDocs(const QString &topic, const FieldDocs &docs);
    /// Stores the fields (and tags) of many topics at once. Names that are not topics are ignored.
    /// A topic in `tagsByTopic` gets those tags (an empty list: it has none); a topic missing
    /// from it keeps the tags it has, or, knowing none, loads them when expanded.
    void setAllFields(const QHash<QString, std::vector<FieldInfo>> &fieldsByTopic,
                      const QHash<QString, QStringList> &tagsByTopic = {});

    /// All topics in the order given to setTopics() (duplicates dropped).
    QStringList topics() const;
    int topicCount() const { return m_tree.topicCount(); }
    /// Fields of every topic whose fields are loaded: the input of a TopicSearchIndex.
    QHash<QString, std::vector<FieldInfo>> knownFields() const;
    /// Fields of one topic, empty when not loaded.
    std::vector<FieldInfo> fieldsOf(const QString &topic) const;
    FieldLoadState loadState(const QString &topic) const;
    /// Convenience: a search index over topics() and knownFields(), built on the calling thread.
    /// For big catalogs build `TopicSearchIndex(topics(), knownFields())` on a worker instead.
    TopicSearchIndex buildSearchIndex() const;

    /// The index of a topic's row, invalid when it is not shown (unknown or filtered out).
    QModelIndex indexOfTopic(const QString &topic) const;
    /// The row of a field (scalar name, array base or element name) of a shown topic; creates the
    /// topic's field rows first when its fields are known. Invalid when not shown.
    QModelIndex indexOfField(const QString &topic, const QString &field);

    // --- Search
    /// Shows only the hits of `result` and their ancestors (resets the model). A blank query
    /// clears the search instead. Hits on topics this model does not list are ignored.
    void applySearch(const SearchResult &result);
    /// Restores the full tree (resets the model). No-op without an applied search.
    void clearSearch();
    bool isSearchApplied() const { return m_filter.isActive(); }
    /// The query of the applied search, empty without one.
    QString searchQuery() const { return m_filter.query(); }

Q_SIGNALS:
    /// A topic's fields (or, when only its fields are known, its tag keys) are needed; answer with
    /// setTopicFields() or setTopicFieldsFailed(). Emitted once per load: not again while that
    /// load is pending.
    void fieldsRequested(const QString &topic);

private:
    int nodeOf(const QModelIndex &index) const;
    const std::vector<int> &visibleChildren(int node) const;
    int visibleRow(int node) const;
    bool isVisible(int node) const;
    QModelIndex indexOfNode(int node, int column = 0) const;
    void removeAllChildren(int node);
    void insertChildren(int node, std::vector<int> children);
    void materializeFields(int topic);
    void requestFields(int topic);
    void requestTags(int topic);
    void retryTopic(int topic);
    void storeTopic(int topic, std::vector<FieldInfo> fields, std::optional<QStringList> tags);
    void replaceTagRows(int topic, QStringList tags);
    void topicRowChanged(int node);
    void childrenChanged(int node);
    void resetSearchState();
    QVariant displayData(int node, int column) const;

    TopicTree m_tree;
    int m_changeDepth = 0; ///< > 0 while rows are being inserted/removed or the model reset

    TopicTreeFilter m_filter; ///< active while a search is applied
    QString m_bucket;
    QHash<QString, FieldDocs> m_docs; ///< by topic
};

} // namespace sasquatch
