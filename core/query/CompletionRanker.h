// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionItem.h"

#include <QList>
#include <QHash>
#include <QString>

#include <optional>

namespace sasquatch {

/// Collects completion items, keeps those that match the typed prefix and orders them.
///
/// Matching is case-insensitive, in classes that always rank in this order: the label starts
/// with the prefix (an exact-case start ranks a little higher), the prefix starts a word inside
/// the label (after `.`, `_`, `/`, `-`, or a camelCase hump: `fad` does not, `force` and
/// `MTM1M3` do in `lsst.sal.MTM1M3.forceActuatorData`), the prefix occurs anywhere, and — for
/// prefixes of two or more characters — the prefix is a subsequence whose first character starts
/// a word. Within a class a caller's boost (context priorities) decides, then natural order
/// (`xForce2` before `xForce10`).
class CompletionRanker
{
public:
    static constexpr int kPrefixScore = 1000;
    static constexpr int kExactCaseBonus = 20;
    static constexpr int kWordStartScore = 700;
    static constexpr int kSubstringScore = 400;
    static constexpr int kSubsequenceScore = 100;

    CompletionRanker(QString prefix, qsizetype replaceStart, qsizetype replaceEnd);

    /// Adds `item` if its label matches the prefix. The item's range defaults to the ranker's
    /// when left at 0..0. A second item with the same kind and label is dropped.
    void add(CompletionItem item, int boost = 0);
    /// Whether a label would be kept: callers with thousands of names test before building items.
    bool matches(QStringView label) const;
    /// The matching items, best first, at most `maxItems`.
    QList<CompletionItem> take(int maxItems);

    const QString &prefix() const { return m_prefix; }

    /// The match score of `label` for `pattern` without boost; nullopt when it does not match.
    static std::optional<int> matchScore(QStringView label, QStringView pattern);
    /// Natural order: digit runs compare by value.
    static bool naturalLess(QStringView a, QStringView b);

private:
    QString m_prefix;
    qsizetype m_replaceStart;
    qsizetype m_replaceEnd;
    QList<CompletionItem> m_items;
    QHash<QString, quint32> m_seen; ///< label → bit set of the kinds added under it
};

} // namespace sasquatch
