// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/TopicTreeFilter.h"

#include <QSet>

#include <algorithm>

namespace sasquatch {

void TopicTreeFilter::clear()
{
    m_active = false;
    m_query.clear();
    m_children.clear();
    m_row.clear();
    m_topicCount.clear();
    m_bestScore.clear();
    m_positions.clear();
}

const std::vector<int> *TopicTreeFilter::children(int node) const
{
    if (!m_active)
        return nullptr;
    const auto it = m_children.constFind(node);
    return it == m_children.constEnd() ? nullptr : &it.value();
}

const int *TopicTreeFilter::bestScore(int node) const
{
    const auto it = m_bestScore.constFind(node);
    return it == m_bestScore.constEnd() ? nullptr : &it.value();
}

const QList<int> *TopicTreeFilter::positions(int node) const
{
    const auto it = m_positions.constFind(node);
    return it == m_positions.constEnd() ? nullptr : &it.value();
}

void TopicTreeFilter::forget(const std::vector<int> &released)
{
    if (!m_active)
        return;
    for (int id : released) {
        m_children.remove(id);
        m_row.remove(id);
        m_topicCount.remove(id);
        m_bestScore.remove(id);
        m_positions.remove(id);
    }
}

int TopicTreeFilter::fieldNodeFor(TopicTree &tree, int topic, const SearchHit &hit) const
{
    if (tree.topic(topic).state != FieldLoadState::Loaded)
        return -1;
    const int topicNode = tree.topic(topic).node;
    if (!tree.topic(topic).materialized)
        tree.setChildren(topicNode, tree.createFieldNodes(topic)); // inside a reset: no signals
    for (int child : tree.node(topicNode).children) {
        const TopicTree::Node &n = tree.node(child);
        if (n.type == TopicNodeType::Field && hit.kind == SearchHitKind::Field
            && tree.groupedField(child)->name == hit.field)
            return child;
        if (n.type != TopicNodeType::ArrayField || tree.groupedField(child)->name != hit.arrayName)
            continue;
        if (hit.kind == SearchHitKind::Array)
            return child;
        if (hit.kind == SearchHitKind::ArrayElement && hit.elementIndex >= 0
            && hit.elementIndex < int(n.children.size()))
            return n.children[size_t(hit.elementIndex)];
    }
    return -1;
}

void TopicTreeFilter::notePositions(int node, const QList<int> &positions, qsizetype from, qsizetype length)
{
    if (m_positions.contains(node))
        return; // the best hit through this row already decided its highlight
    QList<int> mine;
    for (int p : positions) {
        if (p >= from && p < from + length)
            mine.append(int(p - from));
    }
    if (!mine.isEmpty())
        m_positions.insert(node, mine);
}

void TopicTreeFilter::apply(TopicTree &tree, const SearchResult &result)
{
    clear();
    m_active = true;
    m_query = result.query;

    QSet<int> directHits;
    std::vector<std::pair<int, int>> hitNodes; // node, score
    for (const SearchHit &hit : result.hits) {
        const int t = tree.findTopic(hit.topic);
        if (t < 0)
            continue;
        const int topicNode = tree.topic(t).node;
        const int target = hit.kind == SearchHitKind::Topic ? -1 : fieldNodeFor(tree, t, hit);
        // A field the model cannot place (fields not loaded here) shows its topic instead.
        const int node = target >= 0 ? target : topicNode;
        directHits.insert(node);
        hitNodes.emplace_back(node, hit.score);

        // Highlight: the path's segments are the topic's ancestors, one level each.
        const QStringList &segments = tree.topic(t).name.segments();
        std::vector<int> chain;
        for (int a = topicNode; a != TopicTree::kRoot; a = tree.node(a).parent)
            chain.push_back(a);
        if (chain.size() == size_t(segments.size())) {
            qsizetype offset = 0;
            for (qsizetype s = 0; s < segments.size(); ++s) {
                notePositions(chain[chain.size() - 1 - size_t(s)], hit.positions, offset, segments[s].size());
                offset += segments[s].size() + 1;
            }
        }
        if (target >= 0) {
            const qsizetype fieldStart = hit.topic.size() + 1;
            notePositions(target, hit.positions, fieldStart, hit.field.size());
            if (hit.kind == SearchHitKind::ArrayElement)
                notePositions(tree.node(target).parent, hit.positions, fieldStart, hit.arrayName.size());
        }
    }

    // Every hit and its ancestors become visible; each remembers the best score beneath it.
    QHash<int, std::vector<int>> pending;
    for (const auto &[hitNode, score] : hitNodes) {
        for (int c = hitNode; c != TopicTree::kRoot; c = tree.node(c).parent) {
            const auto known = m_bestScore.find(c);
            if (known == m_bestScore.end()) {
                m_bestScore.insert(c, score);
                pending[tree.node(c).parent].push_back(c);
            } else if (known.value() >= score) {
                break; // its ancestors already carry a score at least as good
            } else {
                known.value() = score;
            }
        }
    }

    m_children.insert(TopicTree::kRoot, {});
    for (auto it = pending.begin(); it != pending.end(); ++it) {
        const int parent = it.key();
        const TopicNodeType type = tree.node(parent).type;
        // A topic or array that matched itself keeps all its children.
        if ((type == TopicNodeType::Topic || type == TopicNodeType::ArrayField) && directHits.contains(parent))
            continue;
        std::vector<int> &children = it.value();
        std::sort(children.begin(), children.end(), [this, &tree](int a, int b) {
            const int sa = m_bestScore.value(a);
            const int sb = m_bestScore.value(b);
            return sa != sb ? sa > sb : tree.node(a).row < tree.node(b).row;
        });
        for (size_t r = 0; r < children.size(); ++r)
            m_row.insert(children[r], int(r));
        m_children.insert(parent, std::move(children));
    }
    for (auto it = m_bestScore.constBegin(); it != m_bestScore.constEnd(); ++it) {
        if (tree.node(it.key()).type != TopicNodeType::Topic)
            continue;
        for (int a = tree.node(it.key()).parent; a != TopicTree::kRoot; a = tree.node(a).parent)
            ++m_topicCount[a];
    }
}

} // namespace sasquatch
