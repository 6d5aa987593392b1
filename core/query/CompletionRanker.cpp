// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/CompletionRanker.h"

#include <QVarLengthArray>

#include <algorithm>

namespace sasquatch {

namespace {

bool isSeparator(QChar c)
{
    return c == u'.' || c == u'_' || c == u'/' || c == u'-' || c == u':' || c == u' ';
}

bool isWordStart(QStringView label, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar prev = label[i - 1];
    const QChar cur = label[i];
    if (isSeparator(cur))
        return false;
    if (isSeparator(prev))
        return true;
    if (cur.isUpper() && prev.isLower())
        return true;
    return cur.isDigit() != prev.isDigit() && cur.isLetterOrNumber() && prev.isLetterOrNumber();
}

qsizetype positionPenalty(qsizetype position)
{
    return std::min<qsizetype>(position, 100) / 4;
}

} // namespace

CompletionRanker::CompletionRanker(QString prefix, qsizetype replaceStart, qsizetype replaceEnd)
    : m_prefix(std::move(prefix)), m_replaceStart(replaceStart), m_replaceEnd(replaceEnd)
{
}

std::optional<int> CompletionRanker::matchScore(QStringView label, QStringView pattern)
{
    if (pattern.isEmpty())
        return 0;
    const qsizetype n = label.size();
    const qsizetype m = pattern.size();
    if (m > n)
        return std::nullopt;
    // Fold once; the comparisons below run on every label of a several-thousand-name schema.
    QVarLengthArray<char16_t, 128> fl(n);
    QVarLengthArray<char16_t, 32> fp(m);
    for (qsizetype i = 0; i < n; ++i)
        fl[i] = label[i].toCaseFolded().unicode();
    for (qsizetype i = 0; i < m; ++i)
        fp[i] = pattern[i].toCaseFolded().unicode();
    const auto equalAt = [&](qsizetype at) { return std::equal(fp.cbegin(), fp.cend(), fl.cbegin() + at); };

    // Cheap rejection: the pattern must at least be a subsequence.
    for (qsizetype i = 0, p = 0; p < m; ++i) {
        if (i == n)
            return std::nullopt;
        if (fl[i] == fp[p])
            ++p;
    }
    if (equalAt(0))
        return kPrefixScore + (label.startsWith(pattern) ? kExactCaseBonus : 0);
    for (qsizetype i = 1; i + m <= n; ++i)
        if (fl[i] == fp[0] && isWordStart(label, i) && equalAt(i))
            return kWordStartScore - int(positionPenalty(i));
    for (qsizetype i = 1; i + m <= n; ++i)
        if (fl[i] == fp[0] && equalAt(i))
            return kSubstringScore - int(positionPenalty(i));
    if (m < 2)
        return std::nullopt;
    // Subsequence whose first character starts a word; word starts and runs earn points.
    qsizetype start = -1;
    for (qsizetype i = 0; i < n; ++i)
        if (fl[i] == fp[0] && isWordStart(label, i)) {
            start = i;
            break;
        }
    if (start < 0)
        return std::nullopt;
    int score = kSubsequenceScore;
    qsizetype last = start;
    for (qsizetype p = 1; p < m; ++p) {
        qsizetype i = last + 1;
        while (i < n && fl[i] != fp[p])
            ++i;
        if (i >= n)
            return std::nullopt;
        if (i == last + 1)
            score += 2;
        else
            score -= int(std::min<qsizetype>(i - last - 1, 10)) / 2;
        if (isWordStart(label, i))
            score += 8;
        last = i;
    }
    return std::clamp(score, 1, kSubstringScore - 30);
}

bool CompletionRanker::naturalLess(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ie = i, je = j;
            while (ie < a.size() && a[ie].isDigit())
                ++ie;
            while (je < b.size() && b[je].isDigit())
                ++je;
            // Compare digit runs by value: strip leading zeros, then length, then digits.
            QStringView da = a.sliced(i, ie - i), db = b.sliced(j, je - j);
            while (da.size() > 1 && da[0] == u'0')
                da = da.sliced(1);
            while (db.size() > 1 && db[0] == u'0')
                db = db.sliced(1);
            if (da.size() != db.size())
                return da.size() < db.size();
            if (const int c = da.compare(db); c != 0)
                return c < 0;
            i = ie;
            j = je;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb;
        ++i;
        ++j;
    }
    if (a.size() - i != b.size() - j)
        return a.size() - i < b.size() - j;
    return a < b; // case decides last, so the order is total
}

bool CompletionRanker::matches(QStringView label) const
{
    return matchScore(label, m_prefix).has_value();
}

void CompletionRanker::add(CompletionItem item, int boost)
{
    const auto score = matchScore(item.label, m_prefix);
    if (!score)
        return;
    quint32 &kinds = m_seen[item.label];
    const quint32 bit = 1u << int(item.kind);
    if (kinds & bit)
        return;
    kinds |= bit;
    if (item.replaceStart == 0 && item.replaceEnd == 0) {
        item.replaceStart = m_replaceStart;
        item.replaceEnd = m_replaceEnd;
    }
    item.score = *score + boost;
    m_items.append(std::move(item));
}

QList<CompletionItem> CompletionRanker::take(int maxItems)
{
    const auto better = [](const CompletionItem &a, const CompletionItem &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return naturalLess(a.label, b.label);
    };
    const qsizetype keep = qMin<qsizetype>(qMax(0, maxItems), m_items.size());
    std::partial_sort(m_items.begin(), m_items.begin() + keep, m_items.end(), better);
    m_items.resize(keep);
    return std::exchange(m_items, {});
}

} // namespace sasquatch
