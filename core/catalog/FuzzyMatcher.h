// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <limits>
#include <optional>

namespace sasquatch {

/// Scores a search query against a dotted path such as `lsst.sal.MTM1M3.forceActuatorData` or
/// `lsst.sal.MTM1M3.forceActuatorData.zForce`, the way a command palette does.
///
/// The query is split on whitespace; every token must match, case-insensitively, as a subsequence
/// of the path (tokens are matched independently, in any order). Each token is aligned by a
/// dynamic programme that rewards matched characters at word starts (path start or after `.`,
/// after `_`/`-`/space/`/`/`:`, camelCase humps, letter/digit boundaries), consecutive runs (a
/// run keeps the bonus of the word start it began at) and characters inside the CSC segment
/// (`lsst.sal.<CSC>.`), and penalises gaps (affine: a start cost, then a cost per skipped
/// character; characters before the first and after the last match are free). A token equal to a
/// whole `.` segment earns an exactness bonus; one equal to a `_`-separated word of a segment, or
/// to the initials of a segment or word ("fad" for forceActuatorData, "m1m3" for MTM1M3), a
/// smaller one. Shorter paths win ties (a penalty of one per 2 characters of the path), so a
/// topic ranks above its own fields when the fields add nothing to the match.
///
/// The object is immutable after construction and safe to use from several threads.
class FuzzyMatcher
{
public:
    static constexpr int kScoreMatch = 16;
    static constexpr int kGapStart = 3;
    static constexpr int kGapExtend = 1;
    static constexpr int kBonusSegment = 10;  ///< path start or after '.'
    static constexpr int kBonusWord = 9;      ///< after '_', '-', ' ', '/', ':'
    static constexpr int kBonusCamel = 8;     ///< fooBar, or the last capital of an acronym (ATDome)
    static constexpr int kBonusDigit = 7;     ///< letter/digit boundary (MTM1M3)
    static constexpr int kBonusConsecutive = 5;
    static constexpr int kFirstCharMultiplier = 2;
    static constexpr int kBonusCsc = 3;       ///< per matched character inside the CSC segment
    static constexpr int kBonusExactSegment = 40;
    static constexpr int kBonusExactWord = 20;    ///< also for initials
    /// Bonus from which a character counts as a word start (CSC emphasis stays below it).
    static constexpr int kWordStartThreshold = kBonusDigit;
    static constexpr int kLengthPenaltyDivisor = 2;
    static constexpr int kMaxLengthPenalty = 48;
    /// "No alignment" in the building blocks below; far enough from INT_MIN not to overflow.
    static constexpr int kNoMatch = std::numeric_limits<int>::min() / 4;

    /// A character range [begin, end) in a path; begin < 0 means none.
    struct Range
    {
        qsizetype begin = -1;
        qsizetype end = -1;
    };

    struct Match
    {
        int score = 0;
        /// Sorted indexes into the path of the characters that matched (union over tokens).
        QList<int> positions;
    };

    explicit FuzzyMatcher(QStringView query);

    /// True when the query has no tokens (blank): it matches nothing.
    bool isEmpty() const { return m_tokens.isEmpty(); }
    /// Case-folded tokens.
    const QStringList &tokens() const { return m_tokens; }
    /// Bit set of the characters of token `k` (see charMask()).
    quint64 tokenMask(qsizetype k) const { return m_masks[k]; }

    /// Scores `path`, finding its CSC segment itself (as TopicName does). nullopt when some token
    /// does not match.
    std::optional<Match> match(QStringView path) const;
    /// Same with the CSC segment given explicitly (begin < 0: none).
    std::optional<Match> match(QStringView path, Range csc) const;
    /// The score of match() without computing positions.
    std::optional<int> score(QStringView path) const;

    // ---- Building blocks, shared with TopicSearchIndex so that its incremental scores equal
    // ---- match()'s exactly.

    /// Case-folds one UTF-16 code unit keeping the length (positions stay valid).
    static QString foldCase(QStringView text);
    /// Per-character word-start bonus of `text` (size text.size()), as if `text` began a path.
    static void computeBonuses(QStringView text, quint8 *out);
    /// The bonus of `cur` preceded by `prev` (QChar() at the start) and followed by `next`
    /// (QChar() at the end).
    static quint8 charBonus(QChar prev, QChar cur, QChar next);
    /// A 64-bit set of folded characters: a token can only match a text whose mask covers its own.
    static quint64 charMask(char16_t folded);
    static quint64 textMask(QStringView folded);
    /// The CSC segment of a topic path (rules of TopicName), begin < 0 when there is none.
    static Range cscRange(QStringView path);
    /// The exactness bonus of a folded token against a folded path whose bonuses are `bonus`
    /// (0, kBonusExactWord or kBonusExactSegment); `positions` receives the characters it names.
    static int exactBonus(QStringView token, QStringView foldedPath, const quint8 *bonus,
                          QList<int> *positions = nullptr);
    static int lengthPenalty(qsizetype pathLength);
    /// Advances the score-only alignment of `token` over `n` more characters. `h`, `gap` and
    /// `run` hold token.size() values each (h and gap initially kNoMatch, run anything); returns
    /// the updated best score (start with kNoMatch), i.e. the best alignment of the whole token
    /// ending anywhere so far. Scanning a text in pieces gives the same result as in one go.
    static int scan(QStringView token, const char16_t *folded, const quint8 *bonus, qsizetype n, int *h, int *gap,
                    int *run, int best);

private:
    int alignToken(qsizetype k, QStringView folded, const quint8 *bonus, QList<int> *positions) const;
    std::optional<Match> run(QStringView path, Range csc, bool wantPositions) const;

    QStringList m_tokens;
    QList<quint64> m_masks;
};

} // namespace sasquatch
