// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <vector>

namespace sasquatch {

/// What a search hit points at in the topic tree.
enum class SearchHitKind : quint8 {
    Topic,        ///< the topic itself (its path matched)
    Field,        ///< a scalar field
    Array,        ///< a flattened array as a whole (`zForce[156]`)
    ArrayElement, ///< one element of an array (`zForce12`)
};

/// One ranked match of TopicSearchIndex::search().
struct SearchHit
{
    SearchHitKind kind = SearchHitKind::Topic;
    /// Full measurement name of the topic.
    QString topic;
    /// InfluxDB field name for Field and ArrayElement (`zForce12`), the array's base name for
    /// Array (`zForce`); empty for Topic.
    QString field;
    /// Base name of the array for Array and ArrayElement, else empty.
    QString arrayName;
    /// Length of the array for Array and ArrayElement, else 0.
    int arrayLength = 0;
    /// Index of the element for ArrayElement, else -1.
    int elementIndex = -1;
    /// Higher is better; only comparable within one search.
    int score = 0;
    /// The text that was scored: the topic name, or topic + '.' + field (array: + base name).
    QString path;
    /// Sorted indexes into `path` of the matched characters.
    QList<int> positions;
};

/// The outcome of one search: an immutable value handed from a worker thread to the GUI.
struct SearchResult
{
    QString query;
    /// Best first: score, then topics before arrays before fields before elements, then
    /// non-replicas first, then shorter paths.
    std::vector<SearchHit> hits;
    /// Matches before truncation to the requested maximum (elements already thinned out).
    int totalMatches = 0;
    /// True when the search was cancelled; `hits` is then empty.
    bool cancelled = false;
    /// Time spent searching, in microseconds.
    qint64 elapsed_us = 0;

    bool isTruncated() const { return totalMatches > int(hits.size()); }
};

} // namespace sasquatch
