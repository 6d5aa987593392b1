// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/TopicSearchIndex.h"

#include "core/catalog/FieldGrouping.h"
#include "core/catalog/FuzzyMatcher.h"
#include "core/catalog/TopicName.h"

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>

namespace sasquatch {

namespace {

constexpr int kCancelCheckInterval = 64;

// A field name shared by every topic that has it (private_* fields, xForce, ...).
struct IndexString
{
    QString text;
    QString dotted;         // "." + folded text: what follows the topic path in a field's path
    size_t bonusOffset = 0; // bonuses of "." + text
    quint64 mask = 0;       // of dotted
    quint8 firstDigitBonus = 0; // bonus of an element index's first digit after this base
};

struct IndexField
{
    quint64 mask = 0; // of the name, copied here so that rejecting a field reads only this array
    int string = 0;
    int length = 0; // 0 for a scalar, else the array length
};

struct IndexTopic
{
    QString name;
    QString folded;
    size_t bonusOffset = 0;
    quint64 mask = 0;
    quint64 subtreeMask = 0; // topic, fields and element digits together
    FuzzyMatcher::Range csc;
    int fieldBegin = 0;
    int fieldEnd = 0;
    bool replica = false;
};

struct RawHit
{
    int score;
    int topic;
    int field;   // index into Data::fields, -1 for a topic hit
    int element; // -1 unless an element hit
    SearchHitKind kind;
    int pathLength;
    bool replica;
};

bool rawHitBefore(const RawHit &a, const RawHit &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    if (a.replica != b.replica)
        return !a.replica;
    if (a.pathLength != b.pathLength)
        return a.pathLength < b.pathLength;
    if (a.topic != b.topic)
        return a.topic < b.topic;
    if (a.field != b.field)
        return a.field < b.field;
    return a.element < b.element;
}

quint64 digitsMask(int arrayLength)
{
    // Union of the digits of 0..arrayLength-1.
    quint64 mask = 0;
    const int top = std::min(arrayLength, 10);
    for (int i = 0; i < top; ++i)
        mask |= FuzzyMatcher::charMask(char16_t(u'0' + i));
    return mask;
}

} // namespace

struct TopicSearchIndex::Data
{
    std::vector<IndexTopic> topics;
    std::vector<IndexField> fields;
    std::vector<IndexString> strings;
    std::vector<quint8> bonus;
    std::vector<QString> digits; // decimal text of element indexes
    std::vector<quint64> digitMasks;
    qsizetype candidates = 0;
};

TopicSearchIndex::TopicSearchIndex()
    : d(std::make_shared<const Data>())
{
}

TopicSearchIndex::TopicSearchIndex(const QStringList &topics,
                                   const QHash<QString, std::vector<FieldInfo>> &fieldsByTopic)
{
    auto data = std::make_shared<Data>();
    QHash<QString, int> interned;
    QSet<QString> seen;
    int longestArray = 0;
    data->topics.reserve(size_t(topics.size()));
    for (const QString &topicName : topics) {
        if (seen.contains(topicName))
            continue;
        seen.insert(topicName);
        const TopicName parsed(topicName);
        IndexTopic t;
        t.name = topicName;
        t.folded = FuzzyMatcher::foldCase(topicName);
        t.mask = FuzzyMatcher::textMask(t.folded);
        t.replica = parsed.isReplica();
        if (parsed.cscSegment() >= 0) {
            qsizetype begin = 0;
            for (int s = 0; s < parsed.cscSegment(); ++s)
                begin += parsed.segments()[s].size() + 1;
            t.csc = {begin, begin + parsed.segments()[parsed.cscSegment()].size()};
        }
        t.bonusOffset = data->bonus.size();
        data->bonus.resize(t.bonusOffset + size_t(topicName.size()));
        FuzzyMatcher::computeBonuses(topicName, data->bonus.data() + t.bonusOffset);
        for (qsizetype i = std::max<qsizetype>(t.csc.begin, 0); i < t.csc.end; ++i)
            data->bonus[t.bonusOffset + size_t(i)] += FuzzyMatcher::kBonusCsc;
        t.subtreeMask = t.mask;
        ++data->candidates;

        t.fieldBegin = int(data->fields.size());
        const auto found = fieldsByTopic.constFind(topicName);
        if (found != fieldsByTopic.constEnd()) {
            for (const GroupedField &g : FieldGrouping::group(found.value())) {
                const auto it = interned.constFind(g.name);
                int id = 0;
                if (it != interned.constEnd()) {
                    id = it.value();
                } else {
                    id = int(data->strings.size());
                    interned.insert(g.name, id);
                    IndexString s;
                    s.text = g.name;
                    const QString dotted = QLatin1Char('.') + g.name;
                    s.dotted = FuzzyMatcher::foldCase(dotted);
                    s.mask = FuzzyMatcher::textMask(s.dotted);
                    s.bonusOffset = data->bonus.size();
                    data->bonus.resize(s.bonusOffset + size_t(dotted.size()));
                    FuzzyMatcher::computeBonuses(dotted, data->bonus.data() + s.bonusOffset);
                    s.firstDigitBonus = g.name.isEmpty()
                                            ? 0
                                            : FuzzyMatcher::charBonus(g.name.back(), QLatin1Char('0'), QChar());
                    data->strings.push_back(std::move(s));
                }
                data->fields.push_back({data->strings[size_t(id)].mask, id, g.isArray() ? g.length() : 0});
                t.subtreeMask |= data->strings[size_t(id)].mask;
                if (g.isArray()) {
                    t.subtreeMask |= digitsMask(g.length());
                    longestArray = std::max(longestArray, g.length());
                    data->candidates += g.length();
                }
                ++data->candidates;
            }
        }
        t.fieldEnd = int(data->fields.size());
        data->topics.push_back(std::move(t));
    }
    data->digits.reserve(size_t(longestArray));
    data->digitMasks.reserve(size_t(longestArray));
    for (int i = 0; i < longestArray; ++i) {
        data->digits.push_back(QString::number(i));
        data->digitMasks.push_back(FuzzyMatcher::textMask(data->digits.back()));
    }
    d = std::move(data);
}

int TopicSearchIndex::topicCount() const
{
    return int(d->topics.size());
}

qsizetype TopicSearchIndex::fieldCount() const
{
    return qsizetype(d->fields.size());
}

qsizetype TopicSearchIndex::candidateCount() const
{
    return d->candidates;
}

SearchResult TopicSearchIndex::search(const QString &query, int maxHits, const CancelToken *cancel) const
{
    QElapsedTimer timer;
    timer.start();
    SearchResult result;
    result.query = query;
    const FuzzyMatcher matcher(query);
    if (matcher.isEmpty() || d->topics.empty()) {
        result.elapsed_us = timer.nsecsElapsed() / 1000;
        return result;
    }
    maxHits = std::max(maxHits, 1);
    const Data &data = *d;
    const QStringList &tokens = matcher.tokens();
    const size_t tokenCount = size_t(tokens.size());

    // Alignment state per token, laid out one after another: after the topic path, after a
    // field's (or array base's) name, and after an element's digits.
    std::vector<size_t> offset(tokenCount + 1, 0);
    for (size_t k = 0; k < tokenCount; ++k)
        offset[k + 1] = offset[k] + size_t(tokens[qsizetype(k)].size());
    const size_t stateSize = offset[tokenCount];
    std::vector<int> topicH(stateSize), topicGap(stateSize), topicRun(stateSize);
    std::vector<int> baseH(stateSize), baseGap(stateSize), baseRun(stateSize);
    std::vector<int> workH(stateSize), workGap(stateSize), workRun(stateSize);
    std::vector<quint8> elementBonus;
    std::vector<int> topicBest(tokenCount), topicExact(tokenCount), baseBest(tokenCount);
    std::vector<RawHit> hits;
    std::vector<RawHit> elementHits;

    // Element names differ from their array's only by digits: without a digit in the query an
    // element can never beat its array (same alignment, longer path), so elements are skipped.
    quint64 queryMask = 0;
    for (size_t k = 0; k < tokenCount; ++k)
        queryMask |= matcher.tokenMask(qsizetype(k));
    const bool queryHasDigits = (queryMask & digitsMask(10)) != 0;

    auto covers = [&](quint64 mask) {
        for (size_t k = 0; k < tokenCount; ++k) {
            const quint64 need = matcher.tokenMask(qsizetype(k));
            if ((need & mask) != need)
                return false;
        }
        return true;
    };

    for (size_t ti = 0; ti < data.topics.size(); ++ti) {
        if (cancel && ti % kCancelCheckInterval == 0 && cancel->isCancelled()) {
            result.cancelled = true;
            result.elapsed_us = timer.nsecsElapsed() / 1000;
            return result;
        }
        const IndexTopic &t = data.topics[ti];
        if (!covers(t.subtreeMask))
            continue;

        bool topicMatches = true;
        int topicSum = 0;
        // Exactness bonuses of the topic path, worked out only once a hit needs them.
        bool topicExactKnown = false;
        auto ensureTopicExact = [&] {
            if (topicExactKnown)
                return;
            topicExactKnown = true;
            for (size_t k = 0; k < tokenCount; ++k)
                topicExact[k] = FuzzyMatcher::exactBonus(tokens[qsizetype(k)], t.folded,
                                                         data.bonus.data() + t.bonusOffset);
        };
        for (size_t k = 0; k < tokenCount; ++k) {
            std::fill(topicH.begin() + qsizetype(offset[k]), topicH.begin() + qsizetype(offset[k + 1]),
                      FuzzyMatcher::kNoMatch);
            std::fill(topicGap.begin() + qsizetype(offset[k]), topicGap.begin() + qsizetype(offset[k + 1]),
                      FuzzyMatcher::kNoMatch);
            topicBest[k] = FuzzyMatcher::scan(tokens[qsizetype(k)], QStringView(t.folded).utf16(),
                                              data.bonus.data() + t.bonusOffset, t.folded.size(),
                                              topicH.data() + offset[k], topicGap.data() + offset[k],
                                              topicRun.data() + offset[k], FuzzyMatcher::kNoMatch);
            if (topicBest[k] == FuzzyMatcher::kNoMatch)
                topicMatches = false;
            else
                topicSum += topicBest[k];
        }
        if (topicMatches) {
            ensureTopicExact();
            int topicExactSum = 0;
            for (size_t k = 0; k < tokenCount; ++k)
                topicExactSum += topicExact[k];
            hits.push_back({topicSum + topicExactSum - FuzzyMatcher::lengthPenalty(t.name.size()), int(ti), -1,
                            -1, SearchHitKind::Topic, int(t.name.size()), t.replica});
        }
        // A field is only a hit when its name improves on the topic path alone: otherwise every
        // field of a matching topic would be listed.
        const int topicOnly = topicMatches ? topicSum : FuzzyMatcher::kNoMatch;

        for (int fi = t.fieldBegin; fi < t.fieldEnd; ++fi) {
            const IndexField &f = data.fields[size_t(fi)];
            const quint64 fieldMask = t.mask | f.mask;
            const bool isArray = f.length > 0;
            if (!covers(fieldMask) && !(isArray && covers(fieldMask | digitsMask(f.length))))
                continue;
            // A name sharing no character with the query cannot improve on the topic alone.
            if (topicMatches && (f.mask & queryMask) == 0 && !(isArray && queryHasDigits))
                continue;
            const IndexString &s = data.strings[size_t(f.string)];

            std::copy(topicH.begin(), topicH.end(), baseH.begin());
            std::copy(topicGap.begin(), topicGap.end(), baseGap.begin());
            std::copy(topicRun.begin(), topicRun.end(), baseRun.begin());
            bool all = true;
            int sum = 0;
            for (size_t k = 0; k < tokenCount; ++k) {
                baseBest[k] = FuzzyMatcher::scan(tokens[qsizetype(k)], QStringView(s.dotted).utf16(),
                                                 data.bonus.data() + s.bonusOffset, s.dotted.size(),
                                                 baseH.data() + offset[k], baseGap.data() + offset[k],
                                                 baseRun.data() + offset[k], topicBest[k]);
                if (baseBest[k] == FuzzyMatcher::kNoMatch)
                    all = false;
                else
                    sum += baseBest[k];
            }
            int arrayScore = FuzzyMatcher::kNoMatch;
            if (all && sum > topicOnly) {
                const QStringView name = QStringView(s.dotted).sliced(1);
                const quint8 *nameBonus = data.bonus.data() + s.bonusOffset + 1;
                ensureTopicExact();
                int exact = 0;
                for (size_t k = 0; k < tokenCount; ++k)
                    exact += std::max(topicExact[k], FuzzyMatcher::exactBonus(tokens[qsizetype(k)], name, nameBonus));
                const int score = sum + exact - FuzzyMatcher::lengthPenalty(t.name.size() + s.dotted.size());
                hits.push_back({score, int(ti), fi, -1, isArray ? SearchHitKind::Array : SearchHitKind::Field,
                                int(t.name.size() + s.dotted.size()), t.replica});
                if (isArray)
                    arrayScore = score;
            }
            if (!isArray || !queryHasDigits)
                continue;

            elementHits.clear();
            for (int e = 0; e < f.length; ++e) {
                // Only the digits tell an element from its array: they must be in the query.
                if ((data.digitMasks[size_t(e)] & queryMask) == 0 || !covers(fieldMask | data.digitMasks[size_t(e)]))
                    continue;
                const QString &digits = data.digits[size_t(e)];
                quint8 digitBonus[16] = {};
                digitBonus[0] = s.firstDigitBonus;
                std::copy(baseH.begin(), baseH.end(), workH.begin());
                std::copy(baseGap.begin(), baseGap.end(), workGap.begin());
                std::copy(baseRun.begin(), baseRun.end(), workRun.begin());
                bool elementMatches = true;
                int elementSum = 0;
                for (size_t k = 0; k < tokenCount && elementMatches; ++k) {
                    const int best = FuzzyMatcher::scan(tokens[qsizetype(k)], QStringView(digits).utf16(), digitBonus,
                                                        digits.size(), workH.data() + offset[k],
                                                        workGap.data() + offset[k], workRun.data() + offset[k],
                                                        baseBest[k]);
                    elementMatches = best != FuzzyMatcher::kNoMatch;
                    elementSum += best;
                }
                if (!elementMatches || elementSum <= topicOnly)
                    continue;
                const QString elementName = QStringView(s.dotted).sliced(1) + digits;
                elementBonus.assign(data.bonus.begin() + qsizetype(s.bonusOffset) + 1,
                                    data.bonus.begin() + qsizetype(s.bonusOffset) + s.dotted.size());
                elementBonus.insert(elementBonus.end(), digitBonus, digitBonus + digits.size());
                ensureTopicExact();
                int exact = 0;
                for (size_t k = 0; k < tokenCount; ++k)
                    exact += std::max(topicExact[k], FuzzyMatcher::exactBonus(tokens[qsizetype(k)], elementName,
                                                                              elementBonus.data()));
                const int score = elementSum + exact
                                  - FuzzyMatcher::lengthPenalty(t.name.size() + s.dotted.size() + digits.size());
                if (arrayScore != FuzzyMatcher::kNoMatch && score <= arrayScore)
                    continue;
                elementHits.push_back({score, int(ti), fi, e, SearchHitKind::ArrayElement,
                                       int(t.name.size() + s.dotted.size() + digits.size()), t.replica});
            }
            const size_t limit = size_t(arrayScore != FuzzyMatcher::kNoMatch ? kMaxElementHitsBesideArray
                                                                               : kMaxElementHitsPerArray);
            if (elementHits.size() > limit) {
                std::partial_sort(elementHits.begin(), elementHits.begin() + qsizetype(limit), elementHits.end(),
                                  rawHitBefore);
                elementHits.resize(limit);
            }
            hits.insert(hits.end(), elementHits.begin(), elementHits.end());
        }
    }

    result.totalMatches = int(hits.size());
    const size_t keep = std::min(hits.size(), size_t(maxHits));
    std::partial_sort(hits.begin(), hits.begin() + qsizetype(keep), hits.end(), rawHitBefore);
    hits.resize(keep);

    result.hits.reserve(keep);
    for (const RawHit &raw : hits) {
        const IndexTopic &t = data.topics[size_t(raw.topic)];
        SearchHit hit;
        hit.kind = raw.kind;
        hit.topic = t.name;
        hit.score = raw.score;
        if (raw.field >= 0) {
            const IndexField &f = data.fields[size_t(raw.field)];
            const IndexString &s = data.strings[size_t(f.string)];
            if (raw.kind == SearchHitKind::ArrayElement) {
                hit.field = s.text + data.digits[size_t(raw.element)];
                hit.elementIndex = raw.element;
            } else {
                hit.field = s.text;
            }
            if (f.length > 0) {
                hit.arrayName = s.text;
                hit.arrayLength = f.length;
            }
            hit.path = t.name + QLatin1Char('.') + hit.field;
        } else {
            hit.path = t.name;
        }
        // Positions come from the full alignment, which the incremental scores above reproduce.
        if (const auto m = matcher.match(hit.path, t.csc)) {
            Q_ASSERT(m->score == raw.score);
            hit.positions = m->positions;
        }
        result.hits.push_back(std::move(hit));
    }
    result.elapsed_us = timer.nsecsElapsed() / 1000;
    return result;
}

} // namespace sasquatch
