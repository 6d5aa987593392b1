// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FuzzyMatcher.h"
#include "core/catalog/TopicSearchIndex.h"
#include "tests/support/SyntheticCatalog.h"

#include <QSet>
#include <QTest>

#include <thread>

using namespace sasquatch;

namespace {

QString describe(const SearchResult &r, int n = 12)
{
    QStringList lines;
    for (int i = 0; i < std::min<int>(n, int(r.hits.size())); ++i)
        lines << QStringLiteral("%1 %2").arg(r.hits[size_t(i)].score).arg(r.hits[size_t(i)].path);
    return lines.join(QLatin1Char('\n'));
}

std::vector<FieldInfo> floats(const QStringList &names)
{
    std::vector<FieldInfo> out;
    for (const QString &n : names)
        out.push_back({n, FieldType::Float, {}, {}});
    return out;
}

} // namespace

class tst_TopicSearchIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void m1m3fad();
    void zforceArray();
    void zforceElement();
    void summaryState();
    void scoresMatchTheMatcher_data();
    void scoresMatchTheMatcher();
    void topicHitsAreExactlyTheMatchingTopics_data();
    void topicHitsAreExactlyTheMatchingTopics();
    void fieldsOnlyWhenTheyAdd();
    void replicasAfterOrigins();
    void truncation();
    void blankAndEmpty();
    void cancel();
    void concurrentSearches();
    void oddInput();

private:
    SyntheticCatalog m_catalog;
    TopicSearchIndex m_index;
};

void tst_TopicSearchIndex::initTestCase()
{
    m_catalog = SyntheticCatalog::generate(2200, 30);
    m_index = TopicSearchIndex(m_catalog.topics, m_catalog.fields);
    QCOMPARE(m_index.topicCount(), int(m_catalog.topics.size()));
    QVERIFY(m_index.candidateCount() > m_index.fieldCount());
    QVERIFY(m_index.fieldCount() > 0);
}

void tst_TopicSearchIndex::m1m3fad()
{
    const SearchResult r = m_index.search(QStringLiteral("m1m3 fad"));
    QVERIFY(!r.hits.empty());
    QVERIFY2(r.hits[0].path == QLatin1String("lsst.sal.MTM1M3.forceActuatorData"), qPrintable(describe(r)));
    QCOMPARE(r.hits[0].kind, SearchHitKind::Topic);
    QCOMPARE(r.hits[0].topic, QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    QVERIFY(r.hits[0].field.isEmpty());
    QVERIFY(r.hits[0].score > r.hits[1].score);
    // The competitor named in the brief is there, lower.
    bool applied = false;
    for (const SearchHit &h : r.hits)
        applied = applied || h.path == QLatin1String("lsst.sal.MTM1M3.logevent_forceActuatorDataApplied");
    QVERIFY(applied);
}

void tst_TopicSearchIndex::zforceArray()
{
    const SearchResult r = m_index.search(QStringLiteral("zforce"));
    QVERIFY(!r.hits.empty());
    const SearchHit &best = r.hits[0];
    QVERIFY2(best.kind == SearchHitKind::Array, qPrintable(describe(r)));
    QCOMPARE(best.topic, QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    QCOMPARE(best.field, QStringLiteral("zForce"));
    QCOMPARE(best.arrayName, QStringLiteral("zForce"));
    QCOMPARE(best.arrayLength, 156);
    QCOMPARE(best.elementIndex, -1);
    QCOMPARE(best.path, QStringLiteral("lsst.sal.MTM1M3.forceActuatorData.zForce"));
    QCOMPARE(best.positions, (QList<int>{34, 35, 36, 37, 38, 39}));
    int elements = 0;
    for (const SearchHit &h : r.hits)
        elements += h.kind == SearchHitKind::ArrayElement && h.arrayName == QLatin1String("zForce") ? 1 : 0;
    QVERIFY2(elements <= TopicSearchIndex::kMaxElementHitsBesideArray, qPrintable(describe(r, 40)));
    // Other topics match "zforce" loosely (azimuthForce…), far below the array.
    QVERIFY2(r.hits[1].score < best.score - 40, qPrintable(describe(r)));
}

void tst_TopicSearchIndex::zforceElement()
{
    const SearchResult r = m_index.search(QStringLiteral("zforce12"));
    QVERIFY(!r.hits.empty());
    const SearchHit &best = r.hits[0];
    QVERIFY2(best.kind == SearchHitKind::ArrayElement, qPrintable(describe(r)));
    QCOMPARE(best.field, QStringLiteral("zForce12"));
    QCOMPARE(best.arrayName, QStringLiteral("zForce"));
    QCOMPARE(best.arrayLength, 156);
    QCOMPARE(best.elementIndex, 12);
    QCOMPARE(best.path, QStringLiteral("lsst.sal.MTM1M3.forceActuatorData.zForce12"));
    int elements = 0;
    for (const SearchHit &h : r.hits)
        elements += h.arrayName == QLatin1String("zForce") && h.topic == best.topic ? 1 : 0;
    QCOMPARE(elements, TopicSearchIndex::kMaxElementHitsPerArray);
}

void tst_TopicSearchIndex::summaryState()
{
    const SearchResult r = m_index.search(QStringLiteral("summarystate"));
    QSet<QString> expected;
    for (const QString &t : m_catalog.topics) {
        if (t.endsWith(QLatin1String(".logevent_summaryState")))
            expected.insert(t);
    }
    QVERIFY(expected.size() >= 59);
    // Every logevent_summaryState topic is found, and before any other topic.
    QSet<QString> seen;
    for (const SearchHit &h : r.hits) {
        if (h.kind != SearchHitKind::Topic)
            continue;
        if (seen.size() == expected.size())
            break;
        QVERIFY2(expected.contains(h.topic), qPrintable(h.path + QLatin1Char('\n') + describe(r, 80)));
        seen.insert(h.topic);
    }
    QCOMPARE(seen, expected);
}

void tst_TopicSearchIndex::scoresMatchTheMatcher_data()
{
    QTest::addColumn<QString>("query");
    for (const char *q : {"m1m3 fad", "zforce", "zforce1", "summarystate", "m", "private", "ack", "x 1", "dm"})
        QTest::newRow(q) << QString::fromLatin1(q);
}

void tst_TopicSearchIndex::scoresMatchTheMatcher()
{
    // The index scores incrementally (topic once, then each field); the result must be exactly
    // what FuzzyMatcher gives for the whole path.
    QFETCH(QString, query);
    const FuzzyMatcher matcher(query);
    const SearchResult r = m_index.search(query, 300);
    QVERIFY(!r.hits.empty());
    for (const SearchHit &h : r.hits) {
        const auto m = matcher.match(h.path);
        QVERIFY2(m.has_value(), qPrintable(h.path));
        QCOMPARE(m->score, h.score);
        QCOMPARE(m->positions, h.positions);
    }
    for (size_t i = 1; i < r.hits.size(); ++i)
        QVERIFY(r.hits[i - 1].score >= r.hits[i].score);
}

void tst_TopicSearchIndex::topicHitsAreExactlyTheMatchingTopics_data()
{
    QTest::addColumn<QString>("query");
    for (const char *q : {"m1m3 fad", "summarystate", "cmd", "hex pod", "ATDome", "verify"})
        QTest::newRow(q) << QString::fromLatin1(q);
}

void tst_TopicSearchIndex::topicHitsAreExactlyTheMatchingTopics()
{
    QFETCH(QString, query);
    const FuzzyMatcher matcher(query);
    QSet<QString> expected;
    for (const QString &t : m_catalog.topics) {
        if (matcher.score(t))
            expected.insert(t);
    }
    const SearchResult r = m_index.search(query, 1'000'000);
    QSet<QString> got;
    for (const SearchHit &h : r.hits) {
        if (h.kind == SearchHitKind::Topic)
            got.insert(h.topic);
    }
    QCOMPARE(got, expected);
    QCOMPARE(r.totalMatches, int(r.hits.size()));
}

void tst_TopicSearchIndex::fieldsOnlyWhenTheyAdd()
{
    const QString topic = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
    const TopicSearchIndex index({topic}, {{topic, SyntheticCatalog::forceActuatorDataFields()}});
    // Everything the query names is in the topic path: fields add nothing, only the topic is a hit.
    SearchResult r = index.search(QStringLiteral("m1m3 fad"));
    QCOMPARE(r.hits.size(), size_t(1));
    QCOMPARE(r.hits[0].kind, SearchHitKind::Topic);
    // A field named by the query is a hit; the topic is not (no 'z' in its path).
    r = index.search(QStringLiteral("m1m3 zforce"));
    QVERIFY(!r.hits.empty());
    QCOMPARE(r.hits[0].kind, SearchHitKind::Array);
    for (const SearchHit &h : r.hits)
        QVERIFY(h.kind != SearchHitKind::Topic);
    // Private fields are searchable too.
    r = index.search(QStringLiteral("seqnum"));
    QVERIFY(!r.hits.empty());
    QCOMPARE(r.hits[0].field, QStringLiteral("private_seqNum"));
    QCOMPARE(r.hits[0].kind, SearchHitKind::Field);
    QCOMPARE(index.fieldCount(), qsizetype(9 + 7 + 8)); // private, arrays, scalars
    QCOMPARE(index.candidateCount(), qsizetype(1 + 9 + 7 + 8 + 156 + 112 + 156 + 112 + 12 + 100 + 156));
}

void tst_TopicSearchIndex::replicasAfterOrigins()
{
    const QStringList topics = {"summit.lsst.sal.ATDome.logevent_summaryState",
                                "lsst.sal.ATDome.logevent_summaryState", "base.lsst.sal.ATDome.logevent_summaryState"};
    const TopicSearchIndex index(topics, {});
    const SearchResult r = index.search(QStringLiteral("atdome summarystate"));
    QCOMPARE(r.hits.size(), size_t(3));
    QCOMPARE(r.hits[0].topic, topics[1]);
    QVERIFY(r.hits[0].score > r.hits[1].score || r.hits[1].topic.contains(QLatin1String("lsst.sal")));
}

void tst_TopicSearchIndex::truncation()
{
    const SearchResult r = m_index.search(QStringLiteral("a"), 10);
    QCOMPARE(r.hits.size(), size_t(10));
    QVERIFY(r.totalMatches > 10);
    QVERIFY(r.isTruncated());
    const SearchResult all = m_index.search(QStringLiteral("a"), 1'000'000);
    QCOMPARE(all.totalMatches, r.totalMatches);
    QVERIFY(!all.isTruncated());
    for (size_t i = 0; i < r.hits.size(); ++i) {
        QCOMPARE(r.hits[i].path, all.hits[i].path);
        QCOMPARE(r.hits[i].score, all.hits[i].score);
    }
    QCOMPARE(m_index.search(QStringLiteral("a"), 0).hits.size(), size_t(1));
}

void tst_TopicSearchIndex::blankAndEmpty()
{
    QVERIFY(m_index.search(QString()).hits.empty());
    QVERIFY(m_index.search(QStringLiteral("  \t")).hits.empty());
    QVERIFY(m_index.search(QStringLiteral("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq")).hits.empty());
    const TopicSearchIndex empty;
    QCOMPARE(empty.topicCount(), 0);
    QVERIFY(empty.search(QStringLiteral("x")).hits.empty());
    QCOMPARE(empty.search(QStringLiteral("x")).query, QStringLiteral("x"));
}

void tst_TopicSearchIndex::cancel()
{
    CancelToken token;
    token.cancel();
    const SearchResult r = m_index.search(QStringLiteral("m1m3 fad"), 100, &token);
    QVERIFY(r.cancelled);
    QVERIFY(r.hits.empty());
    const CancelToken fresh;
    QVERIFY(!m_index.search(QStringLiteral("m1m3 fad"), 100, &fresh).cancelled);
}

void tst_TopicSearchIndex::concurrentSearches()
{
    const QStringList queries = {"m1m3 fad", "zforce", "summarystate", "temp", "ack", "mtmount az"};
    std::vector<SearchResult> expected;
    for (const QString &q : queries)
        expected.push_back(m_index.search(q));
    const TopicSearchIndex copy = m_index; // copies share the snapshot
    std::vector<std::vector<SearchResult>> got(4);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < got.size(); ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 3; ++round)
                for (const QString &q : queries)
                    got[t].push_back((t % 2 ? copy : m_index).search(q));
        });
    }
    for (std::thread &th : threads)
        th.join();
    for (const auto &results : got) {
        for (size_t i = 0; i < results.size(); ++i) {
            const SearchResult &e = expected[i % queries.size()];
            QCOMPARE(results[i].hits.size(), e.hits.size());
            for (size_t h = 0; h < e.hits.size(); ++h) {
                QCOMPARE(results[i].hits[h].path, e.hits[h].path);
                QCOMPARE(results[i].hits[h].score, e.hits[h].score);
            }
        }
    }
}

void tst_TopicSearchIndex::oddInput()
{
    const QStringList topics = {"", "...", "cpu", "cpu", "\"quoted\".x", QStringLiteral("lsst.sal.Été.logevent_ça"),
                                "lsst.sal.X.y"};
    QHash<QString, std::vector<FieldInfo>> fields;
    fields.insert(QStringLiteral("cpu"), floats({"usage_idle", "usage0", "usage1", ""}));
    fields.insert(QStringLiteral("not.a.topic"), floats({"ghost"}));
    const TopicSearchIndex index(topics, fields);
    QCOMPARE(index.topicCount(), 6);
    QVERIFY(index.search(QStringLiteral("ghost")).hits.empty());
    const SearchResult idle = index.search(QStringLiteral("cpu idle"));
    QCOMPARE(idle.hits.size(), size_t(1));
    QCOMPARE(idle.hits[0].field, QStringLiteral("usage_idle"));
    const SearchResult usage = index.search(QStringLiteral("usage"));
    QVERIFY(!usage.hits.empty());
    QCOMPARE(usage.hits[0].kind, SearchHitKind::Array);
    QCOMPARE(index.search(QStringLiteral("ÉTÉ ÇA")).hits.size(), size_t(1));
    QCOMPARE(index.search(QStringLiteral("\"")).hits.size(), size_t(1));
    QCOMPARE(index.search(QStringLiteral("..")).hits.size(), size_t(3)); // "...", and two with 3 dots
}

QTEST_GUILESS_MAIN(tst_TopicSearchIndex)
#include "tst_topicsearchindex.moc"
