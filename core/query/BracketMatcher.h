// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"
#include "core/query/Token.h"

#include <QHash>
#include <QList>
#include <QStringView>

#include <optional>

namespace sasquatch {

/// A bracket next to the cursor and its partner.
struct BracketMatch
{
    qsizetype position = -1; ///< the bracket next to the cursor
    qsizetype partner = -1;  ///< its partner, -1 when it has none (or the wrong kind closes it)

    bool matched() const { return partner >= 0; }
    bool operator==(const BracketMatch &other) const = default;
};

/// Pairs the (), [] and {} of a query, ignoring brackets inside strings, comments, regexes and
/// quoted identifiers. A closer of the wrong kind pairs with nothing; when it closes a deeper
/// opener (`f(a[1)`), the openers it skips stay unmatched.
class BracketMatcher
{
public:
    BracketMatcher(QueryLanguage language, QStringView text);

    /// The bracket right after `cursor`, else the one right before it, with its partner;
    /// nullopt when neither side is a bracket.
    std::optional<BracketMatch> matchAt(qsizetype cursor) const;
    /// The partner of the bracket at `position`, -1 when none or when `position` is no bracket.
    qsizetype partnerOf(qsizetype position) const;
    /// Positions of brackets without a partner, ascending.
    QList<qsizetype> unmatched() const;

    /// One-shot form of matchAt().
    static std::optional<BracketMatch> match(QueryLanguage language, QStringView text, qsizetype cursor);

private:
    QList<qsizetype> m_brackets;       ///< positions of all bracket tokens, ascending
    QHash<qsizetype, qsizetype> m_partner; ///< both directions
};

} // namespace sasquatch
