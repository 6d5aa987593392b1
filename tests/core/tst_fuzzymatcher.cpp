// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FuzzyMatcher.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace sasquatch;

namespace {

struct Ranked
{
    QString candidate;
    int score;
};

std::vector<Ranked> rank(const QString &query, const QStringList &candidates)
{
    const FuzzyMatcher matcher(query);
    std::vector<Ranked> out;
    for (const QString &c : candidates) {
        if (const auto s = matcher.score(c))
            out.push_back({c, *s});
    }
    std::stable_sort(out.begin(), out.end(), [](const Ranked &a, const Ranked &b) { return a.score > b.score; });
    return out;
}

QString describe(const std::vector<Ranked> &ranked)
{
    QStringList lines;
    for (const Ranked &r : ranked)
        lines << QStringLiteral("%1 %2").arg(r.score).arg(r.candidate);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_FuzzyMatcher : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ranking_data();
    void ranking();
    void matches_data();
    void matches();
    void positions_data();
    void positions();
    void tokensAreIndependent();
    void emptyQuery();
    void scoreEqualsMatch();
    void bonuses();
    void incrementalScanEqualsWholeScan();
};

void tst_FuzzyMatcher::ranking_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("candidates");
    QTest::addColumn<QString>("best");

    const QString fad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
    QTest::newRow("m1m3 fad") << "m1m3 fad"
                              << QStringList{"lsst.sal.MTM1M3.logevent_forceActuatorDataApplied",
                                             "lsst.sal.MTM1M3.logevent_forceActuatorState",
                                             "lsst.sal.MTM1M3.logevent_forceActuatorInfo",
                                             "lsst.sal.MTM1M3.forceActuatorPressure",
                                             "lsst.sal.MTM1M3TS.logevent_fanCoilsHeatersData",
                                             "lsst.sal.MTM1M3TS.thermalData",
                                             "lsst.sal.MTM1M3.forceActuatorData.forceMagnitude",
                                             "lsst.sal.MTM1M3.forceActuatorData.fx",
                                             "lsst.sal.MTM2.forceActuatorData",
                                             "lsst.sal.MTM1M3.hardpointActuatorData", fad}
                              << fad;
    QTest::newRow("m1m3 fad, CSC typed in full") << "mtm1m3 fad"
                                                 << QStringList{"lsst.sal.MTM1M3TS.logevent_fanCoilsHeatersData",
                                                                fad, "lsst.sal.MTM1M3.logevent_forceActuatorDataApplied"}
                                                 << fad;
    QTest::newRow("fad alone") << "fad"
                               << QStringList{"lsst.sal.MTM1M3.logevent_forceActuatorDataApplied",
                                              "lsst.sal.ATAOS.logevent_focusAppliedData", fad}
                               << fad;
    const QString zForce = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData.zForce");
    QTest::newRow("zforce") << "zforce"
                            << QStringList{"lsst.sal.MTM1M3.forceActuatorData.zForce3",
                                           "lsst.sal.MTM1M3.forceActuatorData.zForce12",
                                           "lsst.sal.MTM1M3.logevent_appliedForces.zForces",
                                           "lsst.sal.MTM1M3.logevent_appliedForces.zForces155",
                                           "lsst.sal.MTM1M3.forceActuatorData.primaryCylinderForce",
                                           "lsst.sal.MTHexapod.application.zForceOffset", zForce}
                            << zForce;
    QTest::newRow("zforce12 prefers the element") << "zforce12"
                                                  << QStringList{"lsst.sal.MTM1M3.forceActuatorData.zForce120",
                                                                 "lsst.sal.MTM1M3.forceActuatorData.zForce102",
                                                                 "lsst.sal.MTM1M3.forceActuatorData.zForce12"}
                                                  << "lsst.sal.MTM1M3.forceActuatorData.zForce12";
    const QString summary = QStringLiteral("lsst.sal.ATDome.logevent_summaryState");
    QTest::newRow("summarystate") << "summarystate"
                                  << QStringList{"lsst.sal.ATDome.logevent_summaryStateDetails",
                                                 "lsst.sal.ATDome.command_setSummaryStateTimeout",
                                                 "lsst.sal.ATDome.logevent_simulationModeStatusReady",
                                                 "lsst.sal.ATDome.logevent_summaryState.summaryState", summary}
                                  << "lsst.sal.ATDome.logevent_summaryState.summaryState";
    QTest::newRow("summarystate among topics") << "summarystate"
                                               << QStringList{"lsst.sal.ATDome.logevent_summaryStateDetails",
                                                              "lsst.sal.ATDome.command_setSummaryStateTimeout",
                                                              summary}
                                               << summary;
    QTest::newRow("CSC names rank first") << "hexapod"
                                          << QStringList{"lsst.sal.ATPtg.logevent_hexapodCorrection",
                                                         "lsst.sal.MTAOS.hexapodOffsetData",
                                                         "lsst.sal.MTHexapod.ackcmd"}
                                          << "lsst.sal.MTHexapod.ackcmd";
    QTest::newRow("exact CSC over a longer CSC") << "mtm1m3"
                                                 << QStringList{"lsst.sal.MTM1M3TS.ackcmd", "lsst.sal.MTM1M3.ackcmd",
                                                                "lsst.sal.ATAOS.mtm1m3Offsets"}
                                                 << "lsst.sal.MTM1M3.ackcmd";
    QTest::newRow("word starts beat scattered letters") << "ccs"
                                                        << QStringList{"lsst.sal.X.accessories",
                                                                       "lsst.sal.X.logevent_cameraCoolingStatus"}
                                                        << "lsst.sal.X.logevent_cameraCoolingStatus";
    QTest::newRow("consecutive beats spread") << "temp"
                                              << QStringList{"lsst.sal.X.timeEpochMinutesPassed",
                                                             "lsst.sal.X.temperatureData"}
                                              << "lsst.sal.X.temperatureData";
    QTest::newRow("letter-digit boundary") << "m3"
                                           << QStringList{"lsst.sal.X.maximum3rdParty", "lsst.sal.X.logevent_m3State"}
                                           << "lsst.sal.X.logevent_m3State";
    QTest::newRow("shorter wins a tie") << "ack"
                                        << QStringList{"lsst.sal.ATDome.ackcmdStatistics", "lsst.sal.ATDome.ackcmd"}
                                        << "lsst.sal.ATDome.ackcmd";
    QTest::newRow("initials beat a tighter prefix") << "m1m3 fad"
                                                    << QStringList{"lsst.sal.MTM1M3.modeWarning.fanDriveFlow", fad}
                                                    << fad;
    QTest::newRow("a word beats scattered initials") << "temp"
                                                     << QStringList{"lsst.sal.X.timeEpochMinutesPassed",
                                                                    "lsst.sal.X.temperatureValues"}
                                                     << "lsst.sal.X.temperatureValues";
    QTest::newRow("dm metrics") << "ap verify"
                                << QStringList{"lsst.dm.ap_verify.totalUnassociatedDiaObjects",
                                               "lsst.verify.validate_drp"}
                                << "lsst.dm.ap_verify.totalUnassociatedDiaObjects";
}

void tst_FuzzyMatcher::ranking()
{
    QFETCH(QString, query);
    QFETCH(QStringList, candidates);
    QFETCH(QString, best);
    const auto ranked = rank(query, candidates);
    QVERIFY2(!ranked.empty(), "nothing matched");
    QVERIFY2(ranked.front().candidate == best, qPrintable(describe(ranked)));
    if (ranked.size() > 1)
        QVERIFY2(ranked[0].score > ranked[1].score, qPrintable(describe(ranked)));
}

void tst_FuzzyMatcher::matches_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("matches");
    QTest::newRow("subsequence") << "fad" << "forceActuatorData" << true;
    QTest::newRow("case-insensitive") << "FAD" << "forceactuatordata" << true;
    QTest::newRow("order matters within a token") << "daf" << "forceActuatorData" << false;
    QTest::newRow("all tokens must match") << "m1m3 nothere" << "lsst.sal.MTM1M3.forceActuatorData" << false;
    QTest::newRow("token order is free") << "data m1m3" << "lsst.sal.MTM1M3.forceActuatorData" << true;
    QTest::newRow("spans segments") << "m3fa" << "lsst.sal.MTM1M3.forceActuatorData" << true;
    QTest::newRow("dot in the query") << "m1m3.fad" << "lsst.sal.MTM1M3.forceActuatorData" << true;
    QTest::newRow("whitespace around") << "  fad\t " << "forceActuatorData" << true;
    QTest::newRow("longer than candidate") << "forceactuatordatax" << "forceActuatorData" << false;
    QTest::newRow("unicode") << QStringLiteral("TEMPÉ") << QStringLiteral("lsst.sal.X.température") << true;
    QTest::newRow("empty candidate") << "a" << "" << false;
    QTest::newRow("repeated letters need repeats") << "ss" << "lsat" << false;
}

void tst_FuzzyMatcher::matches()
{
    QFETCH(QString, query);
    QFETCH(QString, candidate);
    QFETCH(bool, matches);
    QCOMPARE(FuzzyMatcher(query).match(candidate).has_value(), matches);
}

void tst_FuzzyMatcher::positions_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<QList<int>>("positions");
    QTest::newRow("humps") << "fad" << "lsst.sal.MTM1M3.forceActuatorData" << QList<int>{16, 21, 29};
    QTest::newRow("exact segment highlights the segment") << "zforce" << "a.zForce.b" << QList<int>{2, 3, 4, 5, 6, 7};
    QTest::newRow("exact word") << "summarystate" << "x.logevent_summaryState"
                                << QList<int>{11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22};
    QTest::newRow("two tokens merge") << "m1m3 fad" << "lsst.sal.MTM1M3.forceActuatorData"
                                      << QList<int>{9, 12, 13, 14, 16, 21, 29};
    QTest::newRow("overlapping tokens") << "sal sa" << "lsst.sal.X" << QList<int>{5, 6, 7};
    QTest::newRow("initials") << "fad" << "x.forceActuatorData" << QList<int>{2, 7, 15};
    QTest::newRow("initials of a word") << "ss" << "x.logevent_summaryState" << QList<int>{11, 18};
    QTest::newRow("CSC initials") << "m1m3" << "lsst.sal.MTM1M3.x" << QList<int>{9, 12, 13, 14};
}

void tst_FuzzyMatcher::positions()
{
    QFETCH(QString, query);
    QFETCH(QString, candidate);
    QFETCH(QList<int>, positions);
    const auto m = FuzzyMatcher(query).match(candidate);
    QVERIFY(m.has_value());
    QCOMPARE(m->positions, positions);
}

void tst_FuzzyMatcher::tokensAreIndependent()
{
    const QString c = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
    QCOMPARE(FuzzyMatcher(u"m1m3 fad").score(c), FuzzyMatcher(u"fad m1m3").score(c));
    QCOMPARE(FuzzyMatcher(u"m1m3   fad").score(c), FuzzyMatcher(u"m1m3 fad").score(c));
    QCOMPARE(FuzzyMatcher(u"  M1M3 Fad ").tokens(), QStringList({"m1m3", "fad"}));
}

void tst_FuzzyMatcher::emptyQuery()
{
    for (const QString &q : {QString(), QStringLiteral("   "), QStringLiteral("\t\n")}) {
        const FuzzyMatcher matcher(q);
        QVERIFY(matcher.isEmpty());
        QVERIFY(!matcher.match(u"lsst.sal.X.y").has_value());
    }
}

void tst_FuzzyMatcher::scoreEqualsMatch()
{
    const QStringList queries = {"m1m3 fad", "zforce", "summarystate", "a", "lsst", "x y z", "forceactuator"};
    const QStringList candidates = {"lsst.sal.MTM1M3.forceActuatorData", "lsst.sal.MTM1M3.forceActuatorData.zForce",
                                    "summit.lsst.sal.ATDome.logevent_summaryState", "lsst.dm.x_y.z",
                                    "lsst.sal.MTM1M3.logevent_forceActuatorDataApplied"};
    for (const QString &q : queries) {
        const FuzzyMatcher matcher(q);
        for (const QString &c : candidates) {
            const auto m = matcher.match(c);
            const auto s = matcher.score(c);
            QCOMPARE(m.has_value(), s.has_value());
            if (m)
                QCOMPARE(m->score, *s);
        }
    }
}

void tst_FuzzyMatcher::bonuses()
{
    const QString path = QStringLiteral("lsst.sal.MTM1M3.logevent_forceActuatorData");
    std::vector<quint8> b(size_t(path.size()));
    FuzzyMatcher::computeBonuses(path, b.data());
    auto at = [&](qsizetype i) { return int(b[size_t(i)]); };
    QCOMPARE(at(0), FuzzyMatcher::kBonusSegment);                        // l
    QCOMPARE(at(1), 0);                                                  // s
    QCOMPARE(at(4), 0);                                                  // .
    QCOMPARE(at(5), FuzzyMatcher::kBonusSegment);                        // s of sal
    QCOMPARE(at(9), FuzzyMatcher::kBonusSegment);                        // M of MTM1M3
    QCOMPARE(at(11), 0);                                                 // M after T, before 1
    QCOMPARE(at(12), FuzzyMatcher::kBonusDigit);                         // 1
    QCOMPARE(at(13), FuzzyMatcher::kBonusDigit);                         // M after 1
    QCOMPARE(at(25), FuzzyMatcher::kBonusWord);                          // f after _
    QCOMPARE(at(30), FuzzyMatcher::kBonusCamel);                         // A
    QCOMPARE(int(FuzzyMatcher::charBonus(u'T', u'D', u'o')), FuzzyMatcher::kBonusCamel); // ATDome
    QCOMPARE(FuzzyMatcher::cscRange(path).begin, 9);
    QCOMPARE(FuzzyMatcher::cscRange(path).end, 15);
    QCOMPARE(FuzzyMatcher::cscRange(u"summit.lsst.sal.MTM1M3.x").begin, 16);
    QCOMPARE(FuzzyMatcher::cscRange(u"lsst.dm.x").begin, -1);
}

void tst_FuzzyMatcher::incrementalScanEqualsWholeScan()
{
    // TopicSearchIndex scans a topic path once and resumes for each field: splitting a text
    // anywhere must give the same best score as scanning it whole.
    QRandomGenerator random(7);
    const QString alphabet = QStringLiteral("abcAB1._");
    for (int round = 0; round < 300; ++round) {
        QString text;
        const int n = int(random.bounded(1, 30));
        for (int i = 0; i < n; ++i)
            text += alphabet[int(random.bounded(alphabet.size()))];
        QString token;
        const int m = int(random.bounded(1, 5));
        for (int i = 0; i < m; ++i)
            token += alphabet.toLower()[int(random.bounded(alphabet.size()))];
        const QString folded = FuzzyMatcher::foldCase(text);
        std::vector<quint8> bonus(size_t(text.size()));
        FuzzyMatcher::computeBonuses(text, bonus.data());
        std::vector<int> h(size_t(m), FuzzyMatcher::kNoMatch), gap(size_t(m), FuzzyMatcher::kNoMatch);
        std::vector<int> run(size_t(m), 0);
        const int whole = FuzzyMatcher::scan(token, QStringView(folded).utf16(), bonus.data(), n, h.data(),
                                             gap.data(), run.data(), FuzzyMatcher::kNoMatch);
        const int split = int(random.bounded(n + 1));
        std::fill(h.begin(), h.end(), FuzzyMatcher::kNoMatch);
        std::fill(gap.begin(), gap.end(), FuzzyMatcher::kNoMatch);
        int parts = FuzzyMatcher::scan(token, QStringView(folded).utf16(), bonus.data(), split, h.data(), gap.data(),
                                       run.data(), FuzzyMatcher::kNoMatch);
        parts = FuzzyMatcher::scan(token, QStringView(folded).utf16() + split, bonus.data() + split, n - split,
                                   h.data(), gap.data(), run.data(), parts);
        QCOMPARE(parts, whole);
        // And the scan agrees with the aligning matcher (positions walk-back) on the whole text.
        const auto m2 = FuzzyMatcher(token).match(text, FuzzyMatcher::Range());
        QCOMPARE(m2.has_value(), whole != FuzzyMatcher::kNoMatch);
        if (m2)
            QVERIFY(m2->positions.size() <= m);
    }
}

QTEST_GUILESS_MAIN(tst_FuzzyMatcher)
#include "tst_fuzzymatcher.moc"
