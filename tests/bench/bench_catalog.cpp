// SPDX-License-Identifier: GPL-3.0-or-later
// Catalog benchmark: builds TopicTreeModel and TopicSearchIndex from synthetic catalogs of
// production size (2,200 topics × 30 fields) and of a large federation (20,000 × 100, with
// MirrorMaker 2 replicas), then searches while "typing" queries one character at a time.
// Prints figures only, never fails; budgets: build ≤ 100 ms and ≤ 2 s, search ≤ 16 ms per
// keystroke on the production-size catalog. Usage: bench_catalog [runs]
#include "core/catalog/TopicSearchIndex.h"
#include "core/catalog/TopicTreeModel.h"
#include "tests/support/SyntheticCatalog.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace sasquatch;

namespace {

struct Stats
{
    double mean_ms = 0;
    double max_ms = 0;
};

Stats summarise(const std::vector<qint64> &ns)
{
    Stats s;
    if (ns.empty())
        return s;
    double total = 0;
    for (qint64 v : ns) {
        total += double(v);
        s.max_ms = std::max(s.max_ms, double(v) / 1e6);
    }
    s.mean_ms = total / double(ns.size()) / 1e6;
    return s;
}

void benchCatalog(int topics, int fields, int runs, double buildBudget_ms, double keystrokeBudget_ms)
{
    QElapsedTimer timer;
    timer.start();
    const SyntheticCatalog catalog = SyntheticCatalog::generate(topics, fields);
    std::printf("\n== %lld topics, %lld InfluxDB fields (%.1f per topic), generated in %lld ms\n",
                qlonglong(catalog.topics.size()), qlonglong(catalog.fieldCount),
                double(catalog.fieldCount) / double(catalog.topics.size()), timer.elapsed());

    std::vector<qint64> build;
    std::vector<qint64> setTopics;
    for (int run = 0; run < runs; ++run) {
        TopicTreeModel model;
        timer.restart();
        model.setTopics(catalog.topics);
        const qint64 afterTopics = timer.nsecsElapsed();
        model.setAllFields(catalog.fields);
        build.push_back(timer.nsecsElapsed());
        setTopics.push_back(afterTopics);
    }
    const Stats b = summarise(build);
    const Stats t = summarise(setTopics);
    std::printf("model build (setTopics + setAllFields): mean %8.2f ms  max %8.2f ms  (setTopics alone mean %.2f ms)"
                "  budget %.0f ms: %s\n",
                b.mean_ms, b.max_ms, t.mean_ms, buildBudget_ms, b.max_ms <= buildBudget_ms ? "met" : "MISSED");

    std::vector<qint64> indexBuild;
    TopicSearchIndex index;
    for (int run = 0; run < std::max(1, runs / 2); ++run) {
        timer.restart();
        index = TopicSearchIndex(catalog.topics, catalog.fields);
        indexBuild.push_back(timer.nsecsElapsed());
    }
    const Stats ib = summarise(indexBuild);
    std::printf("search index build (worker thread):     mean %8.2f ms  max %8.2f ms  (%lld candidates)\n",
                ib.mean_ms, ib.max_ms, qlonglong(index.candidateCount()));

    TopicTreeModel model;
    model.setTopics(catalog.topics);
    model.setAllFields(catalog.fields);
    for (const QString &query : {QStringLiteral("m1m3 fad"), QStringLiteral("zforce")}) {
        std::vector<qint64> search;
        std::vector<qint64> apply;
        std::vector<qint64> slowestPerPrefix(size_t(query.size()), 0);
        QString best;
        int hits = 0;
        for (int run = 0; run < runs; ++run) {
            for (qsizetype n = 1; n <= query.size(); ++n) {
                const QString typed = query.left(n);
                timer.restart();
                const SearchResult r = index.search(typed);
                search.push_back(timer.nsecsElapsed());
                slowestPerPrefix[size_t(n - 1)] = std::max(slowestPerPrefix[size_t(n - 1)], search.back());
                timer.restart();
                model.applySearch(r);
                apply.push_back(timer.nsecsElapsed());
                if (n == query.size()) {
                    best = r.hits.empty() ? QStringLiteral("(none)") : r.hits.front().path;
                    hits = r.totalMatches;
                }
            }
            model.clearSearch();
        }
        const Stats s = summarise(search);
        const Stats a = summarise(apply);
        const QByteArray verdict = keystrokeBudget_ms <= 0 ? QByteArray("no budget at this size")
                                   : QByteArray("budget ") + QByteArray::number(keystrokeBudget_ms) + " ms: "
                                         + (s.max_ms <= keystrokeBudget_ms ? "met" : "MISSED");
        std::printf("typing \"%s\" (%lld keystrokes × %d runs): search mean %6.2f ms  max %6.2f ms  (%s);"
                    "  applySearch mean %6.2f ms  max %6.2f ms\n",
                    qPrintable(query), qlonglong(query.size()), runs, s.mean_ms, s.max_ms, verdict.constData(),
                    a.mean_ms, a.max_ms);
        std::printf("    per keystroke, slowest of the runs (ms):");
        for (qsizetype n = 0; n < query.size(); ++n)
            std::printf(" \"%s\" %.2f", qPrintable(query.left(n + 1)), double(slowestPerPrefix[size_t(n)]) / 1e6);
        std::printf("\n    best hit: %s  (%d matches)\n", qPrintable(best), hits);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;
    std::printf("bench_catalog: %d runs per figure\n", runs);
    benchCatalog(2200, 30, runs, 100.0, 16.0);
    benchCatalog(20000, 100, runs, 2000.0, 0.0);
    return 0;
}
