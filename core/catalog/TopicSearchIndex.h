// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"
#include "core/catalog/SearchResult.h"
#include "core/util/CancelToken.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace sasquatch {

/// An immutable fuzzy-search snapshot of a catalog: topics, their fields (arrays collapsed by
/// FieldGrouping) and array elements, each scored by FuzzyMatcher against its dotted path.
///
/// Copies share the same data and search() is const and re-entrant, so the GUI can build one on a
/// worker thread, keep it, and run search() per keystroke with QtConcurrent while the user types:
/// \code
///   auto future = QtConcurrent::run([index, query] { return index.search(query); });
/// \endcode
///
/// Results are thinned so that arrays do not flood them: a field or element is a hit only when
/// its own name improves on what the topic path alone scores; at most kMaxElementHitsPerArray
/// elements of one array are kept, and when the array itself matches only elements scoring above
/// it (at most kMaxElementHitsBesideArray).
class TopicSearchIndex
{
public:
    static constexpr int kDefaultMaxHits = 500;
    static constexpr int kMaxElementHitsPerArray = 10;
    static constexpr int kMaxElementHitsBesideArray = 3;

    /// An empty index: every search returns no hits.
    TopicSearchIndex();
    /// Indexes `topics` (duplicates ignored) with the fields known for them; topics missing from
    /// `fieldsByTopic` are searchable by name only, keys that are not in `topics` are ignored.
    TopicSearchIndex(const QStringList &topics, const QHash<QString, std::vector<FieldInfo>> &fieldsByTopic);

    /// Ranks every topic, field, array and element against `query` (see FuzzyMatcher) and returns
    /// the best `maxHits` (clamped to >= 1). A blank query returns no hits. When `cancel` is set
    /// while searching, returns early with `cancelled` set.
    SearchResult search(const QString &query, int maxHits = kDefaultMaxHits,
                        const CancelToken *cancel = nullptr) const;

    int topicCount() const;
    /// Scalars and arrays (an array counts once).
    qsizetype fieldCount() const;
    /// Everything that can be a hit: topics, scalars, arrays and array elements.
    qsizetype candidateCount() const;

private:
    struct Data;
    std::shared_ptr<const Data> d;
};

} // namespace sasquatch
