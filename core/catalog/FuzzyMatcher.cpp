// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FuzzyMatcher.h"

#include "core/catalog/TopicName.h"

#include <algorithm>
#include <vector>

namespace sasquatch {

FuzzyMatcher::FuzzyMatcher(QStringView query)
{
    qsizetype i = 0;
    const qsizetype n = query.size();
    while (i < n) {
        while (i < n && query[i].isSpace())
            ++i;
        const qsizetype start = i;
        while (i < n && !query[i].isSpace())
            ++i;
        if (i > start) {
            m_tokens.append(foldCase(query.sliced(start, i - start)));
            m_masks.append(textMask(m_tokens.constLast()));
        }
    }
}

QString FuzzyMatcher::foldCase(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    char16_t *d = reinterpret_cast<char16_t *>(out.data());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80)
            d[i] = (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
        else
            d[i] = QChar(c).toLower().unicode(); // surrogates map to themselves
    }
    return out;
}

quint8 FuzzyMatcher::charBonus(QChar prev, QChar cur, QChar next)
{
    if (!cur.isLetterOrNumber())
        return 0;
    if (prev.isNull() || prev == u'.')
        return kBonusSegment;
    if (!prev.isLetterOrNumber())
        return kBonusWord;
    if (cur.isUpper() && prev.isLower())
        return kBonusCamel;
    if (cur.isUpper() && prev.isUpper() && next.isLower())
        return kBonusCamel;
    if (cur.isDigit() != prev.isDigit())
        return kBonusDigit;
    return 0;
}

void FuzzyMatcher::computeBonuses(QStringView text, quint8 *out)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar prev = i > 0 ? text[i - 1] : QChar();
        const QChar next = i + 1 < n ? text[i + 1] : QChar();
        out[i] = charBonus(prev, text[i], next);
    }
}

quint64 FuzzyMatcher::charMask(char16_t c)
{
    if (c >= u'a' && c <= u'z')
        return quint64(1) << (c - u'a');
    if (c >= u'0' && c <= u'9')
        return quint64(1) << (26 + c - u'0');
    if (c == u'.')
        return quint64(1) << 36;
    if (c == u'_')
        return quint64(1) << 37;
    return quint64(1) << (38 + c % 26);
}

quint64 FuzzyMatcher::textMask(QStringView folded)
{
    quint64 mask = 0;
    for (QChar c : folded)
        mask |= charMask(c.unicode());
    return mask;
}

FuzzyMatcher::Range FuzzyMatcher::cscRange(QStringView path)
{
    const TopicName name(path.toString());
    if (name.cscSegment() < 0)
        return {};
    qsizetype begin = 0;
    for (int s = 0; s < name.cscSegment(); ++s)
        begin += name.segments()[s].size() + 1;
    return {begin, begin + name.segments()[name.cscSegment()].size()};
}

int FuzzyMatcher::exactBonus(QStringView token, QStringView foldedPath, const quint8 *bonus, QList<int> *positions)
{
    if (token.isEmpty())
        return 0;
    int best = 0;
    QList<int> bestPositions;
    // Initials of [begin, end): the folded characters that start a word (or the range's first).
    auto initialsMatch = [&](qsizetype begin, qsizetype end, QList<int> *where) {
        qsizetype k = 0;
        for (qsizetype i = begin; i < end; ++i) {
            if (i != begin && bonus[i] < kWordStartThreshold)
                continue;
            if (k >= token.size() || foldedPath[i] != token[k])
                return false;
            ++k;
            if (where)
                where->append(int(i));
        }
        return k == token.size() && k >= 2;
    };
    auto range = [](qsizetype begin, qsizetype end) {
        QList<int> out;
        for (qsizetype i = begin; i < end; ++i)
            out.append(int(i));
        return out;
    };
    const qsizetype n = foldedPath.size();
    qsizetype segStart = 0;
    while (segStart <= n) {
        qsizetype segEnd = foldedPath.indexOf(u'.', segStart);
        if (segEnd < 0)
            segEnd = n;
        const QStringView segment = foldedPath.sliced(segStart, segEnd - segStart);
        if (segment == token) {
            if (positions)
                *positions = range(segStart, segEnd);
            return kBonusExactSegment;
        }
        if (best == 0 && segment.size() > token.size()) {
            QList<int> where;
            if (initialsMatch(segStart, segEnd, positions ? &where : nullptr)) {
                best = kBonusExactWord;
                bestPositions = where;
            }
            qsizetype partStart = segStart;
            while (best == 0 && partStart <= segEnd && segment.contains(u'_')) {
                qsizetype partEnd = foldedPath.indexOf(u'_', partStart);
                if (partEnd < 0 || partEnd > segEnd)
                    partEnd = segEnd;
                where.clear();
                if (foldedPath.sliced(partStart, partEnd - partStart) == token) {
                    best = kBonusExactWord;
                    bestPositions = range(partStart, partEnd);
                } else if (initialsMatch(partStart, partEnd, positions ? &where : nullptr)) {
                    best = kBonusExactWord;
                    bestPositions = where;
                }
                partStart = partEnd + 1;
            }
        }
        segStart = segEnd + 1;
    }
    if (positions && best > 0)
        *positions = bestPositions;
    return best;
}

int FuzzyMatcher::lengthPenalty(qsizetype pathLength)
{
    return int(std::min<qsizetype>(pathLength / kLengthPenaltyDivisor, kMaxLengthPenalty));
}

int FuzzyMatcher::scan(QStringView token, const char16_t *s, const quint8 *bonus, qsizetype n, int *h, int *gap,
                       int *run, int best)
{
    const qsizetype m = token.size();
    const char16_t *t = token.utf16();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = s[i];
        const int b = bonus[i];
        for (qsizetype j = m - 1; j >= 0; --j) {
            const int old = h[j];
            int value = kNoMatch;
            int runBonus = b;
            if (c == t[j]) {
                if (j == 0) {
                    value = kScoreMatch + b * kFirstCharMultiplier;
                } else {
                    // A consecutive character keeps the bonus of the word start its run began at.
                    const int viaRun = h[j - 1] == kNoMatch
                                           ? kNoMatch
                                           : h[j - 1] + kScoreMatch + std::max({b, kBonusConsecutive, run[j - 1]});
                    const int viaGap = gap[j - 1] == kNoMatch ? kNoMatch : gap[j - 1] + kScoreMatch + b;
                    if (viaRun != kNoMatch && viaRun >= viaGap) {
                        value = viaRun;
                        runBonus = std::max(run[j - 1], b);
                    } else {
                        value = viaGap;
                    }
                }
            }
            const int fromOld = old == kNoMatch ? kNoMatch : old - kGapStart;
            const int extended = gap[j] == kNoMatch ? kNoMatch : gap[j] - kGapExtend;
            gap[j] = std::max(fromOld, extended);
            h[j] = value;
            run[j] = runBonus;
        }
        best = std::max(best, h[m - 1]);
    }
    return best;
}

int FuzzyMatcher::alignToken(qsizetype k, QStringView folded, const quint8 *bonus, QList<int> *positions) const
{
    const QStringView token = m_tokens[k];
    const qsizetype m = token.size();
    const qsizetype n = folded.size();
    if (m == 0 || n < m)
        return kNoMatch;
    if (!positions) {
        std::vector<int> h(size_t(m), kNoMatch);
        std::vector<int> gap(size_t(m), kNoMatch);
        std::vector<int> run(size_t(m), 0);
        return scan(token, folded.utf16(), bonus, n, h.data(), gap.data(), run.data(), kNoMatch);
    }

    // The same recurrence as scan(), keeping the whole matrix and where each cell came from so
    // that the best alignment can be walked back.
    std::vector<int> score(size_t(n * m), kNoMatch);
    std::vector<int> runs(size_t(n * m), 0);
    std::vector<int> from(size_t(n * m), -1);
    std::vector<int> gap(size_t(m), kNoMatch);
    std::vector<int> gapFrom(size_t(m), -1);
    int best = kNoMatch;
    qsizetype bestEnd = -1;
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = folded[i].unicode();
        const int b = bonus[i];
        for (qsizetype j = m - 1; j >= 0; --j) {
            const size_t cell = size_t(i * m + j);
            const int old = i > 0 ? score[cell - size_t(m)] : kNoMatch;
            int value = kNoMatch;
            int source = -1;
            int runBonus = b;
            if (c == token[j].unicode()) {
                if (j == 0) {
                    value = kScoreMatch + b * kFirstCharMultiplier;
                } else {
                    const int prevRun = i > 0 ? score[cell - size_t(m) - 1] : kNoMatch;
                    const int prevBonus = i > 0 ? runs[cell - size_t(m) - 1] : 0;
                    const int viaRun = prevRun == kNoMatch
                                           ? kNoMatch
                                           : prevRun + kScoreMatch + std::max({b, kBonusConsecutive, prevBonus});
                    const int viaGap = gap[size_t(j - 1)] == kNoMatch ? kNoMatch
                                                                       : gap[size_t(j - 1)] + kScoreMatch + b;
                    if (viaRun != kNoMatch && viaRun >= viaGap) {
                        value = viaRun;
                        source = int(i - 1);
                        runBonus = std::max(prevBonus, b);
                    } else if (viaGap != kNoMatch) {
                        value = viaGap;
                        source = gapFrom[size_t(j - 1)];
                    }
                }
            }
            const int fromOld = old == kNoMatch ? kNoMatch : old - kGapStart;
            const int extended = gap[size_t(j)] == kNoMatch ? kNoMatch : gap[size_t(j)] - kGapExtend;
            if (fromOld != kNoMatch && fromOld >= extended) {
                gap[size_t(j)] = fromOld;
                gapFrom[size_t(j)] = int(i - 1);
            } else {
                gap[size_t(j)] = extended;
            }
            score[cell] = value;
            runs[cell] = runBonus;
            from[cell] = source;
        }
        const int last = score[size_t(i * m + m - 1)];
        if (last > best) {
            best = last;
            bestEnd = i;
        }
    }
    if (best == kNoMatch)
        return kNoMatch;
    qsizetype i = bestEnd;
    for (qsizetype j = m - 1; j >= 0 && i >= 0; --j) {
        positions->append(int(i));
        i = from[size_t(i * m + j)];
    }
    return best;
}

std::optional<FuzzyMatcher::Match> FuzzyMatcher::match(QStringView path) const
{
    return run(path, cscRange(path), true);
}

std::optional<FuzzyMatcher::Match> FuzzyMatcher::match(QStringView path, Range csc) const
{
    return run(path, csc, true);
}

std::optional<int> FuzzyMatcher::score(QStringView path) const
{
    const auto m = run(path, cscRange(path), false);
    return m ? std::optional<int>(m->score) : std::nullopt;
}

std::optional<FuzzyMatcher::Match> FuzzyMatcher::run(QStringView path, Range csc, bool wantPositions) const
{
    if (m_tokens.isEmpty())
        return std::nullopt;
    const QString folded = foldCase(path);
    const quint64 pathMask = textMask(folded);
    for (quint64 mask : m_masks) {
        if ((mask & pathMask) != mask)
            return std::nullopt;
    }
    std::vector<quint8> bonus(size_t(path.size()));
    computeBonuses(path, bonus.data());
    if (csc.begin >= 0) {
        for (qsizetype i = csc.begin; i < std::min(csc.end, path.size()); ++i)
            bonus[size_t(i)] = quint8(bonus[size_t(i)] + kBonusCsc);
    }

    Match result;
    for (qsizetype k = 0; k < m_tokens.size(); ++k) {
        QList<int> tokenPositions;
        const int aligned = alignToken(k, folded, bonus.data(), wantPositions ? &tokenPositions : nullptr);
        if (aligned == kNoMatch)
            return std::nullopt;
        QList<int> exact;
        const int exactness = exactBonus(m_tokens[k], folded, bonus.data(), wantPositions ? &exact : nullptr);
        result.score += aligned + exactness;
        // Highlight the segment, word or initials the token names rather than the alignment.
        result.positions.append(exactness > 0 ? exact : tokenPositions);
    }
    result.score -= lengthPenalty(path.size());
    std::sort(result.positions.begin(), result.positions.end());
    result.positions.erase(std::unique(result.positions.begin(), result.positions.end()), result.positions.end());
    return result;
}

} // namespace sasquatch
