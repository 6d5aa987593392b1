// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/InfluxQlTokenizer.h"

#include <QTest>

using namespace sasquatch;

namespace {

QString kindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Comment: return QStringLiteral("comment");
    case TokenKind::String: return QStringLiteral("str");
    case TokenKind::Identifier: return QStringLiteral("id");
    case TokenKind::QuotedIdentifier: return QStringLiteral("qid");
    case TokenKind::Keyword: return QStringLiteral("kw");
    case TokenKind::Function: return QStringLiteral("fn");
    case TokenKind::Constant: return QStringLiteral("const");
    case TokenKind::Number: return QStringLiteral("num");
    case TokenKind::Duration: return QStringLiteral("dur");
    case TokenKind::DateTime: return QStringLiteral("time");
    case TokenKind::Regex: return QStringLiteral("regex");
    case TokenKind::Operator: return QStringLiteral("op");
    case TokenKind::Punctuation: return QStringLiteral("punct");
    case TokenKind::OpenBracket: return QStringLiteral("open");
    case TokenKind::CloseBracket: return QStringLiteral("close");
    case TokenKind::BindParameter: return QStringLiteral("bind");
    case TokenKind::Invalid: return QStringLiteral("invalid");
    default: return QStringLiteral("other");
    }
}

QString describe(QStringView text, const QList<Token> &tokens)
{
    QStringList parts;
    for (const Token &t : tokens)
        parts.append(kindName(t.kind) + u':' + text.sliced(t.start, t.length) + (t.closed ? QString() : QStringLiteral("!")));
    return parts.join(u' ');
}

} // namespace

// Slots are defined after the class: moc misreads some raw string literals and would not
// find the class if they came first.
class tst_InfluxQlTokenizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data();
    void tokens();
    void blockCommentAcrossLines();
};

void tst_InfluxQlTokenizer::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("select") << R"(SELECT mean("zForce0") FROM "efd"."autogen"."lsst.sal.MTM1M3.forceActuatorData")"
                            << R"(kw:SELECT fn:mean open:( qid:"zForce0" close:) kw:FROM qid:"efd" punct:. )"
                               R"(qid:"autogen" punct:. qid:"lsst.sal.MTM1M3.forceActuatorData")";
    QTest::newRow("lower case keywords") << "select * from cpu where time > now() - 1h group by time(5m) fill(none)"
                                         << "kw:select op:* kw:from id:cpu kw:where id:time op:> fn:now open:( "
                                            "close:) op:- dur:1h kw:group kw:by fn:time open:( dur:5m close:) "
                                            "fn:fill open:( id:none close:)";
    QTest::newRow("strings and times") << R"(WHERE "CSC" = 'M1M3' AND time >= '2024-01-31T00:00:00Z')"
                                       << R"(kw:WHERE qid:"CSC" op:= str:'M1M3' kw:AND id:time op:>= )"
                                          R"(time:'2024-01-31T00:00:00Z')";
    QTest::newRow("escapes") << R"('it\'s' "a\"b")" << R"(str:'it\'s' qid:"a\"b")";
    QTest::newRow("durations") << "10s 7d 500ms 100u 3µ 2w 15m 1h30m 4ns"
                               << "dur:10s dur:7d dur:500ms dur:100u dur:3µ dur:2w dur:15m dur:1h30m dur:4ns";
    QTest::newRow("numbers") << "42 -1.5 .25" << "num:42 op:- num:1.5 num:.25";
    QTest::newRow("regex") << R"(FROM /^lsst\.sal\.MTM1M3\..*/ WHERE "x" =~ /a\/b/ AND a / 2 > 1)"
                           << R"(kw:FROM regex:/^lsst\.sal\.MTM1M3\..*/ kw:WHERE qid:"x" op:=~ regex:/a\/b/ )"
                              R"(kw:AND id:a op:/ num:2 op:> num:1)";
    QTest::newRow("casts") << R"(SELECT "value"::float, host::tag)"
                           << R"(kw:SELECT qid:"value" op::: kw:float punct:, id:host op::: kw:tag)";
    QTest::newRow("comments") << "SELECT 1 -- why\n/* block */ FROM x"
                              << "kw:SELECT num:1 comment:-- why comment:/* block */ kw:FROM id:x";
    QTest::newRow("bind and operators") << "a <> $tag != b <= c >= d % e & f | g ^ h; i"
                                        << "id:a op:<> bind:$tag op:!= id:b op:<= id:c op:>= id:d op:% id:e op:& "
                                           "id:f op:| id:g op:^ id:h punct:; id:i";
    QTest::newRow("in is no function") << R"(WITH KEY IN ("a", "b"))"
                                        << R"(kw:WITH kw:KEY kw:IN open:( qid:"a" punct:, qid:"b" close:))";
    QTest::newRow("distinct is a function") << "SELECT DISTINCT(x), DISTINCT y"
                                            << "kw:SELECT fn:DISTINCT open:( id:x close:) punct:, kw:DISTINCT id:y";
    QTest::newRow("booleans") << "x = TRUE OR y = false" << "id:x op:= const:TRUE kw:OR id:y op:= const:false";
    QTest::newRow("unterminated identifier") << "FROM \"lsst.sal.M\nWHERE"
                                             << "kw:FROM qid:\"lsst.sal.M! kw:WHERE";
    QTest::newRow("unterminated string") << "WHERE a = 'x" << "kw:WHERE id:a op:= str:'x!";
    QTest::newRow("invalid") << "SELECT {x} 5q" << "kw:SELECT invalid:{ id:x invalid:} invalid:5q";
}

void tst_InfluxQlTokenizer::tokens()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(describe(text, InfluxQlTokenizer::tokenize(text).tokens), expected);
}

void tst_InfluxQlTokenizer::blockCommentAcrossLines()
{
    const QString first = QStringLiteral("SELECT /* a");
    const TokenizedText a = InfluxQlTokenizer::tokenize(first);
    QCOMPARE(a.endState.mode(), LexState::Mode::InBlockComment);
    QCOMPARE(describe(first, a.tokens), QStringLiteral("kw:SELECT comment:/* a!"));
    const QString second = QStringLiteral("b */ x FROM y");
    const TokenizedText b = InfluxQlTokenizer::tokenize(second, LexState::fromInt(a.endState.toInt()));
    QCOMPARE(describe(second, b.tokens), QStringLiteral("comment:b */ id:x kw:FROM id:y"));
    QCOMPARE(b.endState, LexState());
    const QString third = QStringLiteral("still");
    QCOMPARE(describe(third, InfluxQlTokenizer::tokenize(third, a.endState).tokens), QStringLiteral("comment:still!"));
}

QTEST_GUILESS_MAIN(tst_InfluxQlTokenizer)
#include "tst_influxqltokenizer.moc"
