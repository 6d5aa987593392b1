// SPDX-License-Identifier: GPL-3.0-or-later
// Cases come from the JSON grammar of RFC 8259 (sections 2-8: values, objects, arrays,
// numbers, strings and escapes, UTF-16 surrogate pairs) and from what Go's encoding/json (the
// writer of InfluxDB responses) produces: shortest float text with exponents such as `1e-7`
// and `1e+21`, `\u003c`-style escapes of <, > and &, JSON Lines of several top-level values.
#include "core/parse/DecimalToDouble.h"
#include "core/parse/JsonNumber.h"
#include "core/parse/JsonTokenizer.h"

#include <QStringList>
#include <QTest>

#include <bit>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace sasquatch;
using Token = JsonTokenizer::Token;

namespace {

// One token per word: { } [ ] K:key S:string I:int64 U:uint64 D:double T F N, or the error.
QString describe(const JsonTokenizer &t, Token token)
{
    const QString text = QString::fromUtf8(t.text().data(), static_cast<qsizetype>(t.text().size()));
    switch (token) {
    case Token::ObjectBegin:
        return QStringLiteral("{");
    case Token::ObjectEnd:
        return QStringLiteral("}");
    case Token::ArrayBegin:
        return QStringLiteral("[");
    case Token::ArrayEnd:
        return QStringLiteral("]");
    case Token::Key:
        return QStringLiteral("K:") + text;
    case Token::String:
        return QStringLiteral("S:") + text;
    case Token::Number:
        switch (t.numberKind()) {
        case JsonTokenizer::NumberKind::Int64:
            return QStringLiteral("I:%1").arg(t.int64Value());
        case JsonTokenizer::NumberKind::UInt64:
            return QStringLiteral("U:%1").arg(t.uint64Value());
        case JsonTokenizer::NumberKind::Double: {
            char buf[64]; // shortest text that reads back as the same double
            const auto r = std::to_chars(buf, buf + sizeof buf, t.doubleValue());
            return QStringLiteral("D:") + QString::fromLatin1(buf, r.ptr - buf);
        }
        }
        return QString();
    case Token::True:
        return QStringLiteral("T");
    case Token::False:
        return QStringLiteral("F");
    case Token::Null:
        return QStringLiteral("N");
    case Token::Error:
        return QStringLiteral("E L%1 C%2: %3")
            .arg(t.errorLine())
            .arg(t.errorColumn())
            .arg(QString::fromStdString(t.errorMessage()));
    case Token::NeedMore:
    case Token::End:
        break;
    }
    return QString();
}

QString tokenize(const QByteArray &input, const std::function<qsizetype()> &chunkSize, bool allowNonFinite = false)
{
    JsonTokenizer t;
    t.setAllowNonFinite(allowNonFinite);
    QStringList out;
    qsizetype pos = 0;
    for (;;) {
        if (pos < input.size()) {
            const qsizetype n = std::min(chunkSize(), input.size() - pos);
            t.setInput(input.constData() + pos, static_cast<std::size_t>(n));
            pos += n;
        } else {
            t.finishInput();
        }
        Token token;
        while ((token = t.next()) != Token::NeedMore && token != Token::End && token != Token::Error)
            out << describe(t, token);
        if (token == Token::Error) {
            out << describe(t, token);
            break;
        }
        if (token == Token::End)
            break;
    }
    return out.join(QLatin1Char(' '));
}

// The value std::from_chars gives (the reference for correct rounding).
double referenceDouble(const std::string &text)
{
    double v = 0;
    std::from_chars(text.data(), text.data() + text.size(), v);
    return v;
}

// The double the tokenizer reads from `text` as a single top-level number.
bool tokenizerDouble(const std::string &text, double &value)
{
    JsonTokenizer t;
    t.setInput(text.data(), text.size());
    t.finishInput();
    if (t.next() != Token::Number)
        return false;
    switch (t.numberKind()) {
    case JsonTokenizer::NumberKind::Int64:
        value = static_cast<double>(t.int64Value());
        break;
    case JsonTokenizer::NumberKind::UInt64:
        value = static_cast<double>(t.uint64Value());
        break;
    case JsonTokenizer::NumberKind::Double:
        value = t.doubleValue();
        break;
    }
    return true;
}

} // namespace

class tst_JsonTokenizer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokens_data();
    void tokens();
    void positions();
    void doublesRoundTrip();
    void decimalToDoubleAgreesWithFromChars();
    void longIntegersAsFromChars();
    void decimalsAsFromChars();
    void resetAndLimits();
    void numberArrays_data();
    void numberArrays();
    void nonFinite_data();
    void nonFinite();
};

void tst_JsonTokenizer::tokens_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    // RFC 8259 section 2: the structural characters, whitespace anywhere between tokens.
    QTest::newRow("structure") << QByteArray(" {\"a\" : [ 1 , {} , [] ] ,\r\n\t\"b\":{\"c\":null}} ")
                               << "{ K:a [ I:1 { } [ ] ] K:b { K:c N } }";
    QTest::newRow("literals") << QByteArray("[true,false,null]") << "[ T F N ]";
    // Section 2: any value may be a JSON text; JSON Lines put several in a row.
    QTest::newRow("several top-level values") << QByteArray("{}\n[]\n\"s\" 12\ntrue") << "{ } [ ] S:s I:12 T";
    QTest::newRow("values back to back") << QByteArray("{}[]{\"a\":1}") << "{ } [ ] { K:a I:1 }";
    QTest::newRow("empty input") << QByteArray() << QString();
    // Section 6: numbers. Integers within 64 bits stay exact.
    QTest::newRow("integers") << QByteArray("[0,-0,7,-7,9223372036854775807,-9223372036854775808,9223372036854775808,"
                                            "18446744073709551615,18446744073709551616,-9223372036854775809]")
                              << "[ I:0 I:0 I:7 I:-7 I:9223372036854775807 I:-9223372036854775808 U:9223372036854775808 "
                                 "U:18446744073709551615 D:18446744073709551616 D:-9223372036854775808 ]";
    // Go's float text: shortest digits, exponent forms 1e-7 / 1e+21, no leading '+'.
    QTest::newRow("floats") << QByteArray("[0.5,-2.3165478706359863,1e-7,1e+21,1E5,2.5e-3,1.7976931348623157e308,5e-324,"
                                          "0.000001,123456789012345678901234567890,0.1000000000000000000000000001]")
                            << "[ D:0.5 D:-2.3165478706359863 D:1e-07 D:1e+21 D:1e+05 D:0.0025 "
                               "D:1.7976931348623157e+308 D:5e-324 D:1e-06 D:1.2345678901234568e+29 D:0.1 ]";
    // Beyond double's range: infinity; below its smallest subnormal: zero (Go's ParseFloat).
    QTest::newRow("out of range") << QByteArray("[1e400,-1e400,1e-400,-1e-400]") << "[ D:inf D:-inf D:0 D:-0 ]";
    // Section 7: escapes, \u with surrogate pairs; Go escapes <, > and & as \u003c etc.
    QTest::newRow("escapes") << QByteArray(R"(["\"\\\/\b\f\n\r\t","\u003cb\u003e \u0026","\u00e9\u20ac\ud834\udd1e"])")
                             << QString::fromUtf8("[ S:\"\\/\b\f\n\r\t S:<b> & S:é€\xF0\x9D\x84\x9E ]");
    // A lone surrogate (not valid Unicode) becomes U+FFFD, as Go's decoder does.
    QTest::newRow("lone surrogates") << QByteArray(R"(["\ud800","\udc00x","\ud800\u0041","\ud800\n"])")
                                     << QString::fromUtf8("[ S:\xEF\xBF\xBD S:\xEF\xBF\xBDx S:\xEF\xBF\xBD" "A S:\xEF\xBF\xBD\n ]");
    QTest::newRow("raw UTF-8 passes through") << QByteArray("[\"caf\xC3\xA9\"]") << QString::fromUtf8("[ S:café ]");
    QTest::newRow("keys are decoded") << QByteArray(R"({"a\"b":1,"":2})") << "{ K:a\"b I:1 K: I:2 }";

    // Errors: message with line and byte column.
    QTest::newRow("leading zero") << QByteArray("[01]") << "[ E L1 C2: invalid number \"01\" (leading zero)";
    QTest::newRow("lone minus") << QByteArray("[-]") << "[ E L1 C2: invalid number \"-\"";
    QTest::newRow("plus sign") << QByteArray("[+1]") << "[ E L1 C2: expected a value, found '+'";
    QTest::newRow("point without digits") << QByteArray("[1.e5]") << "[ E L1 C2: invalid number \"1.e5\" (digit expected after '.')";
    QTest::newRow("exponent without digits") << QByteArray("[1e+]") << "[ E L1 C2: invalid number \"1e+\" (digit expected in the exponent)";
    QTest::newRow("two points") << QByteArray("[1.2.3]") << "[ E L1 C2: invalid number \"1.2.3\"";
    QTest::newRow("number at end") << QByteArray("[1.") << "[ E L1 C2: invalid number \"1.\" (digit expected after '.')";
    QTest::newRow("hex is not JSON") << QByteArray("[0x10]") << "[ I:0 E L1 C3: expected ',' or ']', found 'x'";
    QTest::newRow("NaN is not JSON") << QByteArray("[NaN]") << "[ E L1 C2: expected a value, found 'N'";
    QTest::newRow("bad literal") << QByteArray("[tru]") << "[ E L1 C2: invalid literal (expected true)";
    QTest::newRow("literal cut by the end") << QByteArray("[fals") << "[ E L1 C2: invalid literal (expected false)";
    QTest::newRow("trailing comma in array") << QByteArray("[1,]") << "[ I:1 E L1 C4: expected a value, found ']'";
    QTest::newRow("trailing comma in object") << QByteArray("{\"a\":1,}") << "{ K:a I:1 E L1 C8: expected a quoted object key, found '}'";
    QTest::newRow("missing comma") << QByteArray("[1 2]") << "[ I:1 E L1 C4: expected ',' or ']', found '2'";
    QTest::newRow("mismatched close") << QByteArray("{\"a\":[1}") << "{ K:a [ I:1 E L1 C8: expected ',' or ']', found '}'";
    QTest::newRow("close at top level") << QByteArray("]") << "E L1 C1: expected a value, found ']'";
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << "{ E L1 C2: expected a quoted object key, found 'a'";
    QTest::newRow("control character in string") << QByteArray("[\"a\tb\"]") << "[ E L1 C4: control character (byte 0x09) inside a string must be escaped";
    QTest::newRow("bad escape") << QByteArray("[\"\\x\"]") << "[ E L1 C3: invalid escape \\x in a string";
    QTest::newRow("short unicode escape") << QByteArray("[\"\\u12\"]") << "[ E L1 C7: invalid \\u escape: '\"' is not a hex digit";
    QTest::newRow("unterminated string") << QByteArray("[\"abc") << "[ E L1 C6: unterminated string at end of input";
    QTest::newRow("unclosed object") << QByteArray("{\"a\":{}") << "{ K:a { } E L1 C8: unexpected end of input inside an object";
    QTest::newRow("control character between tokens") << QByteArray("[1,\x01 2]") << "[ I:1 E L1 C4: unexpected control character (byte 0x01) between tokens";
    QTest::newRow("error on a later line") << QByteArray("{\n  \"a\": 1,\n  \"b\": x\n}") << "{ K:a I:1 K:b E L3 C8: expected a value, found 'x'";
    QTest::newRow("too deep") << QByteArray(65, '[') << QString(QStringList(64, QStringLiteral("[")).join(QLatin1Char(' '))
                                                               + QStringLiteral(" E L1 C65: nesting deeper than 64 levels"));
}

void tst_JsonTokenizer::tokens()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    QCOMPARE(tokenize(input, [&] { return std::max<qsizetype>(input.size(), 1); }), expected);
    QCOMPARE(tokenize(input, [] { return qsizetype(1); }), expected);
    for (unsigned seed = 1; seed <= 8; ++seed) {
        std::mt19937 rng(seed);
        QCOMPARE(tokenize(input, [&] { return qsizetype(1 + rng() % 7); }), expected);
    }
}

void tst_JsonTokenizer::positions()
{
    const QByteArray input = "{\n  \"results\": [\r\n    12345,\n\"x\"]}";
    for (const qsizetype chunk : {qsizetype(1), qsizetype(3), input.size()}) {
        JsonTokenizer t;
        QStringList seen;
        qsizetype pos = 0;
        for (;;) {
            Token token = Token::NeedMore;
            if (pos < input.size()) {
                const qsizetype n = std::min(chunk, input.size() - pos);
                t.setInput(input.constData() + pos, static_cast<std::size_t>(n));
                pos += n;
            } else {
                t.finishInput();
            }
            while ((token = t.next()) != Token::NeedMore && token != Token::End && token != Token::Error)
                seen << QStringLiteral("%1:%2:%3").arg(describe(t, token)).arg(t.tokenLine()).arg(t.tokenColumn());
            if (token != Token::NeedMore)
                break;
        }
        QCOMPARE(seen.join(QLatin1Char(' ')), QStringLiteral("{:1:1 K:results:2:3 [:2:14 I:12345:3:5 S:x:4:1 ]:4:4 }:4:5"));
        QCOMPARE(t.offset(), std::uint64_t(input.size()));
    }
}

void tst_JsonTokenizer::doublesRoundTrip()
{
    // Every finite double written as its shortest text (as Go and std::to_chars write it, in
    // fixed and exponent forms) reads back as the same bits.
    std::mt19937_64 rng(20241124);
    char buf[400];
    int checked = 0;
    for (int i = 0; i < 200'000; ++i) {
        double d = 0;
        if (i % 2 == 0) {
            d = std::bit_cast<double>(rng());
        } else {
            // Telemetry-like magnitudes, often float32 values widened to double.
            d = static_cast<double>(static_cast<std::int64_t>(rng() >> 11) - (std::int64_t{1} << 52)) / std::ldexp(1.0, int(rng() % 60));
            if (i % 4 == 1)
                d = static_cast<float>(d);
        }
        if (!std::isfinite(d))
            continue;
        for (const auto format : {std::chars_format::general, std::chars_format::scientific}) {
            const auto r = std::to_chars(buf, buf + sizeof buf, d, format);
            const std::string text(buf, r.ptr);
            double back = 0;
            QVERIFY2(tokenizerDouble(text, back), text.c_str());
            QVERIFY2(std::bit_cast<std::uint64_t>(back) == std::bit_cast<std::uint64_t>(referenceDouble(text)), text.c_str());
            ++checked;
        }
    }
    QVERIFY(checked > 300'000);
}

void tst_JsonTokenizer::decimalToDoubleAgreesWithFromChars()
{
    // Random significands of 1..19 digits with exponents around the double range, halfway
    // cases included: decimalToDouble either declines or gives from_chars's correctly
    // rounded result.
    std::mt19937_64 rng(7);
    int decided = 0;
    for (int i = 0; i < 300'000; ++i) {
        const int digits = 1 + int(rng() % 19);
        std::uint64_t w = 0;
        for (int d = 0; d < digits; ++d)
            w = w * 10 + rng() % 10;
        if (i % 5 == 0)
            w = w / 10 * 10 + 5; // ends in 5: exact midpoints when divided by 10
        const int q = int(rng() % 400) - 200;
        const std::string text = std::to_string(w) + "e" + std::to_string(q);
        double value = 0;
        if (!decimalToDouble(w, q, (i & 1) != 0, value))
            continue;
        const double expected = (i & 1) ? -referenceDouble(text) : referenceDouble(text);
        QVERIFY2(std::bit_cast<std::uint64_t>(value) == std::bit_cast<std::uint64_t>(expected), text.c_str());
        ++decided;
    }
    QVERIFY(decided > 150'000); // it declines only the rare hard cases and far exponents
    double v = 1;
    QVERIFY(decimalToDouble(0, 5, true, v) && std::signbit(v) && v == 0);
    QVERIFY(decimalToDouble(1, 22, false, v) && v == 1e22);
    QVERIFY(!decimalToDouble(1, 400, false, v)); // overflow: the caller's fallback decides
}

void tst_JsonTokenizer::longIntegersAsFromChars()
{
    // 19-digit integers (epoch-ns times) take a short path: around it, 17 to 21 digits with
    // every kind of byte after them, the result must be what the grammar and from_chars say.
    std::mt19937_64 random(19);
    const std::string after[] = {",", "]", "}", " ", "\n", ".5", "e3", "E-2", "0", "-", "+", "x", "\""};
    for (int i = 0; i < 100'000; ++i) {
        const int digits = 17 + int(random() % 5);
        std::string number(1, char('1' + random() % 9));
        for (int d = 1; d < digits; ++d)
            number += char('0' + random() % 10);
        if (i % 7 == 0)
            number[0] = '9'; // near and above INT64_MAX and UINT64_MAX
        const std::string &tail = after[random() % std::size(after)];
        const std::string text = number + tail + std::string(16, ' ');
        JsonNumber got;
        const bool complete = readJsonNumber(text.data(), text.data() + text.size(), true, got);
        const bool continues = tail == ".5" || tail == "e3" || tail == "E-2" || tail == "0";
        const bool invalid = tail == "-" || tail == "+";
        if (invalid) {
            QVERIFY2(!complete, text.c_str());
            continue;
        }
        QVERIFY2(complete, text.c_str());
        const std::string whole = continues ? number + tail : number;
        QCOMPARE(got.end, text.data() + whole.size());
        std::uint64_t exact = 0;
        const auto r = std::from_chars(whole.data(), whole.data() + whole.size(), exact);
        const bool integral = !continues || tail == "0";
        if (integral && r.ec == std::errc() && r.ptr == whole.data() + whole.size()) {
            if (exact <= std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
                QCOMPARE(got.kind, JsonNumber::Kind::Int64);
                QCOMPARE(std::uint64_t(got.int64Value), exact);
            } else {
                QCOMPARE(got.kind, JsonNumber::Kind::UInt64);
                QCOMPARE(got.uint64Value, exact);
            }
        } else {
            double expected = 0;
            std::from_chars(whole.data(), whole.data() + whole.size(), expected);
            QCOMPARE(got.kind, JsonNumber::Kind::Double);
            QCOMPARE(std::bit_cast<std::uint64_t>(got.doubleValue), std::bit_cast<std::uint64_t>(expected));
        }
    }
    // A leading zero is never a number of more than one digit.
    const std::string zero = "0714521600000000821,                ";
    JsonNumber got;
    QVERIFY(!readJsonNumber(zero.data(), zero.data() + zero.size(), true, got));
}

void tst_JsonTokenizer::decimalsAsFromChars()
{
    // Decimals without exponent take a short path: 1-9 integer digits, 0-20 fraction digits,
    // signs, leading zeros and every kind of byte after them; the result must be what the
    // grammar and from_chars say.
    std::mt19937_64 random(7);
    const std::string after[] = {",", "]", "}", " ", "e3", "E-2", ".5", "-", "x"};
    for (int i = 0; i < 200'000; ++i) {
        std::string number = random() % 3 == 0 ? "-" : "";
        const int intDigits = 1 + int(random() % 9);
        const int fractionDigits = int(random() % 21);
        for (int d = 0; d < intDigits; ++d)
            number += char('0' + random() % 10);
        number += '.';
        for (int d = 0; d < fractionDigits; ++d)
            number += char(random() % 4 == 0 ? '9' : '0' + random() % 10);
        const std::string &tail = after[random() % std::size(after)];
        const std::string text = number + tail + std::string(40, ' ');
        const std::string_view digits = std::string_view(number).substr(number[0] == '-' ? 1 : 0);
        const bool leadingZero = digits.size() > 1 && digits[0] == '0' && digits[1] != '.';
        const bool valid = !leadingZero && fractionDigits > 0 && tail != "-" && tail != ".5";
        JsonNumber got;
        const bool complete = readJsonNumber(text.data(), text.data() + text.size(), true, got);
        QVERIFY2(complete == valid, text.c_str());
        if (!valid)
            continue;
        const std::string whole = number + (tail[0] == 'e' || tail[0] == 'E' ? tail : std::string());
        QCOMPARE(got.end, text.data() + whole.size());
        double expected = 0;
        const auto r = std::from_chars(whole.data(), whole.data() + whole.size(), expected);
        QVERIFY(r.ptr == whole.data() + whole.size());
        QCOMPARE(got.kind, JsonNumber::Kind::Double);
        if (std::bit_cast<std::uint64_t>(got.doubleValue) != std::bit_cast<std::uint64_t>(expected))
            QFAIL(whole.c_str());
    }
}

void tst_JsonTokenizer::resetAndLimits()
{
    JsonTokenizer t;
    t.setMaxStringBytes(4);
    const QByteArray longString = "[\"abcde\"]";
    t.setInput(longString.constData(), static_cast<std::size_t>(longString.size()));
    QCOMPARE(t.next(), Token::ArrayBegin);
    QCOMPARE(t.next(), Token::Error);
    QCOMPARE(QString::fromStdString(t.errorMessage()), QStringLiteral("string longer than 4 bytes"));
    QCOMPARE(t.next(), Token::Error); // final

    t.reset();
    const QByteArray ok = "[\"abcd\"]";
    t.setInput(ok.constData(), static_cast<std::size_t>(ok.size()));
    QCOMPARE(t.next(), Token::ArrayBegin);
    QCOMPARE(t.next(), Token::String); // the limit survived reset()
    QCOMPARE(t.next(), Token::ArrayEnd);
    QCOMPARE(t.depth(), 0u);
    t.finishInput();
    QCOMPARE(t.next(), Token::End);
    QCOMPARE(t.next(), Token::End);

    // Numbers longer than kMaxNumberChars are refused, however they are chunked.
    const QByteArray huge = "[" + QByteArray(2000, '1') + "]";
    QCOMPARE(tokenize(huge, [] { return qsizetype(64); }), QStringLiteral("[ E L1 C2: number longer than 1024 characters"));
    QCOMPARE(tokenize(huge, [&] { return huge.size(); }), QStringLiteral("[ E L1 C2: number longer than 1024 characters"));
}

void tst_JsonTokenizer::numberArrays_data()
{
    // readNumberArray must be invisible: the tokens are those of next() alone, at every chunk
    // boundary, and it declines (consuming nothing) whatever it does not handle.
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("fastRowsInOneChunk");
    QTest::newRow("influxql values") << QByteArray("{\"values\":[[1714521600000000821,-11718.75],[1,2e3],[-0,0.5]]}") << 3;
    QTest::newRow("uint64 and big") << QByteArray("[[18446744073709551615,123456789012345678901234567890]]") << 1;
    QTest::newRow("whitespace declines") << QByteArray("[ [1,2], [3 ,4],[5, 6],[7,8] ]") << 1;
    QTest::newRow("strings and literals decline") << QByteArray("[[1,\"a\"],[true,1],[null],[1,2]]") << 1;
    QTest::newRow("empty and nested decline") << QByteArray("[[],[[1]],[1,[2]],[1,2]]") << 2;
    QTest::newRow("too many for capacity") << QByteArray("[[1,2,3,4,5],[1,2,3,4]]") << 1;
    QTest::newRow("invalid numbers go to next()") << QByteArray("[[1,2],[01,2]]") << 1;
    QTest::newRow("trailing comma goes to next()") << QByteArray("[[1,2,]]") << 0;
    QTest::newRow("last element then comma") << QByteArray("[[1],[2],\n[3]]") << 2;
    QTest::newRow("top level array") << QByteArray("[1,2] [3]") << 1;
}

void tst_JsonTokenizer::numberArrays()
{
    QFETCH(QByteArray, input);
    QFETCH(int, fastRowsInOneChunk);
    // Reads like tokenize(), but offers every position to readNumberArray first and writes
    // what it read as the tokens next() would have given.
    const auto read = [&input](qsizetype chunk, int &fastRows) -> QString {
        JsonTokenizer t;
        QStringList out;
        fastRows = 0;
        qsizetype pos = 0;
        JsonNumber numbers[4];
        std::string_view texts[4];
        for (;;) {
            if (pos < input.size()) {
                const qsizetype n = std::min(chunk, input.size() - pos);
                t.setInput(input.constData() + pos, static_cast<std::size_t>(n));
                pos += n;
            } else {
                t.finishInput();
            }
            Token token = Token::NeedMore;
            for (;;) {
                if (const int n = t.readNumberArray(numbers, texts, 4); n >= 0) {
                    ++fastRows;
                    QStringList row{QStringLiteral("[")};
                    for (int i = 0; i < n; ++i) {
                        JsonTokenizer single;
                        single.setInput(texts[i].data(), texts[i].size());
                        single.finishInput();
                        const Token number = single.next();
                        if (number != Token::Number || single.numberKind() != numbers[i].kind)
                            row << QStringLiteral("MISMATCH");
                        row << describe(single, number);
                    }
                    out << row << QStringLiteral("]");
                    continue;
                }
                token = t.next();
                if (token == Token::NeedMore || token == Token::End || token == Token::Error)
                    break;
                out << describe(t, token);
            }
            if (token == Token::Error)
                out << describe(t, token);
            if (token != Token::NeedMore)
                break;
        }
        return out.join(QLatin1Char(' '));
    };
    const QString expected = tokenize(input, [&input] { return input.size() + 1; });
    int fastRows = 0;
    QCOMPARE(read(input.size() + 1, fastRows), expected);
    QCOMPARE(fastRows, fastRowsInOneChunk);
    for (qsizetype chunk = 1; chunk <= input.size(); ++chunk)
        QCOMPARE(read(chunk, fastRows), expected);
}

// Python's json.dump writes float('nan') and float('inf') as the bare words NaN, Infinity and
// -Infinity unless allow_nan=False (Python docs, json module: "allow_nan"); lsst.verify job files
// and analysis_tools metric records carry them. Accepted only when asked for.
void tst_JsonTokenizer::nonFinite_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("strict");
    QTest::addColumn<QString>("lenient");
    QTest::newRow("the three words")
        << QByteArray("[NaN,Infinity,-Infinity]") << "[ E L1 C2: expected a value, found 'N'" << "[ D:nan D:inf D:-inf ]";
    QTest::newRow("as member values")
        << QByteArray(R"({"value":NaN, "v2": -Infinity ,"n":-1.5})") << "{ K:value E L1 C10: expected a value, found 'N'"
        << "{ K:value D:nan K:v2 D:-inf K:n D:-1.5 }";
    QTest::newRow("top level") << QByteArray("Infinity") << "E L1 C1: expected a value, found 'I'" << "D:inf";
    QTest::newRow("minus then a number still a number")
        << QByteArray("[-7,-0.5]") << "[ I:-7 D:-0.5 ]" << "[ I:-7 D:-0.5 ]";
    QTest::newRow("misspelt") << QByteArray("[Nan]") << "[ E L1 C2: expected a value, found 'N'"
                              << "[ E L1 C2: invalid literal (expected NaN)";
    QTest::newRow("cut by the end") << QByteArray("[-Inf") << "[ E L1 C2: invalid number \"-\""
                                    << "[ E L1 C2: invalid literal (expected -Infinity)";
    QTest::newRow("lower case is not Python's") << QByteArray("[nan]") << "[ E L1 C2: invalid literal (expected null)"
                                                << "[ E L1 C2: invalid literal (expected null)";
    QTest::newRow("not as a key") << QByteArray("{NaN:1}") << "{ E L1 C2: expected a quoted object key, found 'N'"
                                  << "{ E L1 C2: expected a quoted object key, found 'N'";
}

void tst_JsonTokenizer::nonFinite()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, strict);
    QFETCH(QString, lenient);
    for (const bool allow : {false, true}) {
        const QString &expected = allow ? lenient : strict;
        QCOMPARE(tokenize(input, [&] { return std::max<qsizetype>(input.size(), 1); }, allow), expected);
        QCOMPARE(tokenize(input, [] { return qsizetype(1); }, allow), expected);
        for (unsigned seed = 1; seed <= 8; ++seed) {
            std::mt19937 rng(seed);
            QCOMPARE(tokenize(input, [&] { return qsizetype(1 + rng() % 7); }, allow), expected);
        }
    }
    // reset() keeps the mode.
    JsonTokenizer t;
    t.setAllowNonFinite(true);
    t.reset();
    const QByteArray nan("NaN");
    t.setInput(nan.constData(), std::size_t(nan.size()));
    t.finishInput();
    QCOMPARE(t.next(), Token::Number);
    QVERIFY(std::isnan(t.doubleValue()));
}

QTEST_GUILESS_MAIN(tst_JsonTokenizer)
#include "tst_jsontokenizer.moc"
