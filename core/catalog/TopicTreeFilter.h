// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/SearchResult.h"
#include "core/catalog/TopicTree.h"

#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace sasquatch {

/// What TopicTreeModel shows while a search is applied: for each node whose children are
/// filtered, the visible children in score order, plus per-node best scores, matching-topic
/// counts and highlight positions. Nodes without a list of their own (a topic or array that
/// matched by itself) show all their children.
class TopicTreeFilter
{
public:
    bool isActive() const { return m_active; }
    const QString &query() const { return m_query; }

    /// Forgets the search.
    void clear();
    /// Computes the filter for `result`. Creates the field rows of topics reached through their
    /// fields, so `tree` changes: call it inside a model reset.
    void apply(TopicTree &tree, const SearchResult &result);

    /// The visible children of `node`, or nullptr when it shows all its children.
    const std::vector<int> *children(int node) const;
    /// Row of `node` in its parent's list (the parent must have one).
    int row(int node) const { return m_row.value(node, 0); }
    /// True when `node` is in its parent's list.
    bool isListed(int node) const { return m_row.contains(node); }
    /// Matching topics beneath a group.
    int topicCount(int node) const { return m_topicCount.value(node); }
    /// Best score beneath `node` (or of the node itself), nullptr when none.
    const int *bestScore(int node) const;
    /// Matched positions in the node's Name text, nullptr when none.
    const QList<int> *positions(int node) const;

    /// `node` shows all its children from now on (its fields were replaced).
    void dropList(int node) { m_children.remove(node); }
    /// Forgets nodes that the tree released.
    void forget(const std::vector<int> &released);

private:
    int fieldNodeFor(TopicTree &tree, int topic, const SearchHit &hit) const;
    void notePositions(int node, const QList<int> &positions, qsizetype from, qsizetype length);

    bool m_active = false;
    QString m_query;
    QHash<int, std::vector<int>> m_children; ///< node -> visible children in score order
    QHash<int, int> m_row;                   ///< node -> row within its parent's list
    QHash<int, int> m_topicCount;            ///< group -> matching topics beneath
    QHash<int, int> m_bestScore;             ///< node -> best score in its subtree
    QHash<int, QList<int>> m_positions;      ///< node -> highlighted positions in its name
};

} // namespace sasquatch
