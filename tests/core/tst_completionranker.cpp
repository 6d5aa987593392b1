// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/CompletionRanker.h"

#include <QTest>

using namespace sasquatch;

class tst_CompletionRanker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classes_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<int>("score"); // -1: no match
        using R = CompletionRanker;
        QTest::newRow("empty pattern") << "mean" << "" << 0;
        QTest::newRow("exact-case prefix") << "mean" << "me" << R::kPrefixScore + R::kExactCaseBonus;
        QTest::newRow("other-case prefix") << "SELECT" << "sel" << R::kPrefixScore;
        QTest::newRow("segment start") << "lsst.sal.MTM1M3.forceActuatorData" << "MTM1M3" << R::kWordStartScore - 2;
        QTest::newRow("camel hump") << "lsst.sal.MTM1M3.forceActuatorData" << "actuator" << R::kWordStartScore - 5;
        QTest::newRow("underscore word") << "private_efdStamp" << "efd" << R::kWordStartScore - 2;
        QTest::newRow("substring") << "aggregateWindow" << "gate" << R::kSubstringScore - 1;
        QTest::newRow("no match") << "mean" << "xyz" << -1;
        QTest::newRow("one-letter subsequence refused") << "mean" << "q" << -1;
        QTest::newRow("subsequence must start a word") << "forceActuatorData" << "oA" << -1;
    }
    void classes()
    {
        QFETCH(QString, label);
        QFETCH(QString, pattern);
        QFETCH(int, score);
        QCOMPARE(CompletionRanker::matchScore(label, pattern).value_or(-1), score);
    }

    void subsequence()
    {
        // "fad" → forceActuatorData: f…A…D word starts; it beats a scattered match.
        const auto good = CompletionRanker::matchScore(u"forceActuatorData", u"fad");
        const auto poor = CompletionRanker::matchScore(u"fieldaddon", u"fad");
        QVERIFY(good && poor);
        QVERIFY(*good > *poor);
        QVERIFY(*good < CompletionRanker::kSubstringScore);
        QVERIFY(!CompletionRanker::matchScore(u"mean", u"mx"));
    }

    void natural()
    {
        QVERIFY(CompletionRanker::naturalLess(u"xForce2", u"xForce10"));
        QVERIFY(!CompletionRanker::naturalLess(u"xForce10", u"xForce2"));
        QVERIFY(CompletionRanker::naturalLess(u"a", u"B"));
        QVERIFY(CompletionRanker::naturalLess(u"x1", u"x01") != CompletionRanker::naturalLess(u"x01", u"x1"));
        QVERIFY(!CompletionRanker::naturalLess(u"same", u"same"));
    }

    void ordering()
    {
        CompletionRanker ranker(QStringLiteral("me"), 3, 5);
        const auto item = [](const char *label, CompletionKind kind = CompletionKind::Function) {
            CompletionItem i;
            i.kind = kind;
            i.label = QString::fromLatin1(label);
            i.insertText = i.label;
            return i;
        };
        ranker.add(item("median"));
        ranker.add(item("mean"), 10);
        ranker.add(item("timeMean"));
        ranker.add(item("max"));           // no match
        ranker.add(item("mean"));          // duplicate
        ranker.add(item("mean", CompletionKind::Field)); // same label, other kind: kept
        const QList<CompletionItem> items = ranker.take(10);
        QStringList labels;
        for (const CompletionItem &i : items)
            labels.append(i.label + u':' + QString::number(int(i.kind)));
        QCOMPARE(labels, (QStringList{QStringLiteral("mean:0"), QStringLiteral("mean:6"), QStringLiteral("median:0"),
                                      QStringLiteral("timeMean:0")}));
        QCOMPARE(items.first().replaceStart, qsizetype(3));
        QCOMPARE(items.first().replaceEnd, qsizetype(5));
        QCOMPARE(items.first().score, CompletionRanker::kPrefixScore + CompletionRanker::kExactCaseBonus + 10);
    }
};

QTEST_GUILESS_MAIN(tst_CompletionRanker)
#include "tst_completionranker.moc"
