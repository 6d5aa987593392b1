// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/FluxTokenizer.h"

#include <QTest>

using namespace sasquatch;

namespace {

QString kindName(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Comment: return QStringLiteral("comment");
    case TokenKind::String: return QStringLiteral("str");
    case TokenKind::StringEscape: return QStringLiteral("esc");
    case TokenKind::Interpolation: return QStringLiteral("interp");
    case TokenKind::Identifier: return QStringLiteral("id");
    case TokenKind::QuotedIdentifier: return QStringLiteral("qid");
    case TokenKind::Keyword: return QStringLiteral("kw");
    case TokenKind::Function: return QStringLiteral("fn");
    case TokenKind::Property: return QStringLiteral("prop");
    case TokenKind::Parameter: return QStringLiteral("param");
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
    }
    return QStringLiteral("?");
}

/// "kind:text kind:text …", with "!" after an unclosed token.
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
class tst_FluxTokenizer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data();
    void tokens();
    void multiLineStrings();
    void multiLineInterpolation();
    void wholeQuery();
    void stringEscapes();
};

void tst_FluxTokenizer::tokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("from") << R"(from(bucket: "efd/autogen"))"
                          << R"(fn:from open:( param:bucket punct:: str:"efd/autogen" close:))";
    QTest::newRow("pipe range") << "|> range(start: -1h30m, stop: now())"
                                << "op:|> fn:range open:( param:start punct:: op:- dur:1h30m punct:, "
                                   "param:stop punct:: fn:now open:( close:) close:)";
    QTest::newRow("lambda") << R"(filter(fn: (r) => r._measurement == "a" and r["x y"] != "b"))"
                            << R"(fn:filter open:( param:fn punct:: open:( id:r close:) op:=> id:r punct:. )"
                               R"(prop:_measurement op:== str:"a" kw:and id:r open:[ str:"x y" close:] op:!= )"
                               R"(str:"b" close:))";
    QTest::newRow("comment") << "x = 1 // the answer\ny" << "id:x op:= num:1 comment:// the answer id:y";
    QTest::newRow("comment in string") << R"("a // b")" << R"(str:"a // b")";
    QTest::newRow("escapes") << R"("say \"hi\" \\ \n")" << R"(str:"say \"hi\" \\ \n")";
    QTest::newRow("durations") << "5m 1h30m 1mo 2y 3w 10ms 5us 7µs 9ns 1d12h"
                               << "dur:5m dur:1h30m dur:1mo dur:2y dur:3w dur:10ms dur:5us dur:7µs dur:9ns dur:1d12h";
    QTest::newRow("numbers") << "42 3.14 .5 0" << "num:42 num:3.14 num:.5 num:0";
    QTest::newRow("bad numbers") << "5mx 1.5h 12abc" << "invalid:5mx invalid:1.5h invalid:12abc";
    QTest::newRow("date-times") << "2024-01-31 2024-01-31T12:00:00Z 2024-01-31T12:00:00.123456789+02:00 2024-01-31T12:00:00"
                                << "time:2024-01-31 time:2024-01-31T12:00:00Z "
                                   "time:2024-01-31T12:00:00.123456789+02:00 time:2024-01-31T12:00:00";
    QTest::newRow("regex") << R"(r.host =~ /^lsst\.sal\/x/ and a / b)"
                           << R"(id:r punct:. prop:host op:=~ regex:/^lsst\.sal\/x/ kw:and id:a op:/ id:b)";
    QTest::newRow("division after call") << "f() / 2" << "fn:f open:( close:) op:/ num:2";
    QTest::newRow("keywords") << "import \"strings\"\noption now = () => 2024-01-01T00:00:00Z"
                              << R"(kw:import str:"strings" kw:option id:now op:= open:( close:) op:=> )"
                                 "time:2024-01-01T00:00:00Z";
    QTest::newRow("constants") << "createEmpty: false, x: true" << "param:createEmpty punct:: const:false punct:, param:x punct:: const:true";
    QTest::newRow("package call") << "strings.toUpper(v: r._value)"
                                  << "id:strings punct:. fn:toUpper open:( param:v punct:: id:r punct:. prop:_value close:)";
    QTest::newRow("operators") << "a <- b |> c => d <= e >= f != g !~ /x/ ^ 2 % 3 ? @"
                               << "id:a op:<- id:b op:|> id:c op:=> id:d op:<= id:e op:>= id:f op:!= id:g op:!~ "
                                  "regex:/x/ op:^ num:2 op:% num:3 op:? op:@";
    QTest::newRow("record") << "{r with _value: 1}" << "open:{ id:r kw:with param:_value punct:: num:1 close:}";
    QTest::newRow("interpolation") << R"("v=${r._value}!")"
                                   << R"(str:"v= interp:${ id:r punct:. prop:_value interp:} str:!")";
    QTest::newRow("interpolation with record") << R"("${ {a: 1}.a } x")"
                                               << R"(str:" interp:${ open:{ param:a punct:: num:1 close:} punct:. )"
                                                  R"(prop:a interp:} str: x")";
    QTest::newRow("unterminated string") << R"(from(bucket: "ef)" << R"(fn:from open:( param:bucket punct:: str:"ef!)";
    QTest::newRow("unicode identifier") << "αβ = 1" << "id:αβ op:= num:1";
    QTest::newRow("invalid char") << "a ; b" << "id:a invalid:; id:b";
    QTest::newRow("empty") << "" << "";
}

void tst_FluxTokenizer::tokens()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(describe(text, FluxTokenizer::tokenize(text).tokens), expected);
}

void tst_FluxTokenizer::multiLineStrings()
{
    // A highlighter feeds line by line: the open string carries over in the state.
    const QString first = QStringLiteral("x = \"first line");
    const TokenizedText a = FluxTokenizer::tokenize(first);
    QCOMPARE(a.endState.mode(), LexState::Mode::InString);
    QCOMPARE(describe(first, a.tokens), QStringLiteral("id:x op:= str:\"first line!"));

    const QString second = QStringLiteral("still string\" |> y");
    const TokenizedText b = FluxTokenizer::tokenize(second, a.endState);
    QCOMPARE(b.endState, LexState());
    QCOMPARE(describe(second, b.tokens), QStringLiteral("str:still string\" op:|> id:y"));

    // The state survives a round trip through the highlighter's integer.
    QCOMPARE(LexState::fromInt(a.endState.toInt()), a.endState);
    QCOMPARE(LexState::fromInt(-1), LexState());
}

void tst_FluxTokenizer::multiLineInterpolation()
{
    const QString first = QStringLiteral("\"a ${ {b:");
    const TokenizedText a = FluxTokenizer::tokenize(first);
    QCOMPARE(a.endState.mode(), LexState::Mode::InInterpolation);
    QCOMPARE(a.endState.braceDepth(), 1);
    const QString second = QStringLiteral("1}.b } c\"");
    const TokenizedText b = FluxTokenizer::tokenize(second, LexState::fromInt(a.endState.toInt()));
    QCOMPARE(describe(second, b.tokens), QStringLiteral("num:1 close:} punct:. prop:b interp:} str: c\""));
    QCOMPARE(b.endState, LexState());
}

void tst_FluxTokenizer::wholeQuery()
{
    // The same tokens whether the query is tokenized at once or line by line.
    const QString query = QStringLiteral(
        "import \"influxdata/influxdb/schema\"\n"
        "from(bucket: \"efd/autogen\")\n"
        "    |> range(start: -15m)\n"
        "    |> filter(fn: (r) => r._measurement == \"lsst.sal.MTM1M3.forceActuatorData\"\n"
        "        and r._field =~ /^zForce[0-9]+$/)\n"
        "    |> aggregateWindow(every: 10s, fn: mean, createEmpty: false) // downsample\n"
        "    |> yield(name: \"multi\n"
        "line\")\n");
    const TokenizedText whole = FluxTokenizer::tokenize(query);
    QStringList lineByLine;
    LexState state;
    for (const QString &line : query.split(u'\n')) {
        const TokenizedText t = FluxTokenizer::tokenize(line, state);
        state = t.endState;
        if (!t.tokens.isEmpty())
            lineByLine.append(describe(line, t.tokens));
    }
    QString joined = describe(query, whole.tokens);
    // The multi-line string is one token when tokenized whole, two when split.
    joined.replace(QStringLiteral("str:\"multi\nline\""), QStringLiteral("str:\"multi! str:line\""));
    QCOMPARE(joined, lineByLine.join(u' '));
    QCOMPARE(whole.endState, LexState());
}

void tst_FluxTokenizer::stringEscapes()
{
    const QString text = QStringLiteral(R"(x = "a\"b\\c\x41d\$")");
    const Token string = FluxTokenizer::tokenize(text).tokens.at(2);
    QCOMPARE(string.kind, TokenKind::String);
    QCOMPARE(describe(text, FluxTokenizer::splitStringEscapes(text, string)),
             QStringLiteral(R"(str:"a esc:\" str:b esc:\\ str:c esc:\x41 str:d esc:\$ str:")"));
}

QTEST_GUILESS_MAIN(tst_FluxTokenizer)
#include "tst_fluxtokenizer.moc"
