// SPDX-License-Identifier: GPL-3.0-or-later
// RFC 3339 section 5.6 grammar, as Go's time.RFC3339/RFC3339Nano layouts (which Flux uses)
// read and write it.
#include "core/parse/Rfc3339.h"

#include <QTest>

#include <limits>

using namespace sasquatch;

class tst_Rfc3339 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void parseWithMemo_data() { parse_data(); }
    void parseWithMemo();
    void memoAcrossMinutes();
    void format_data();
    void format();
    void roundTrip();
};

void tst_Rfc3339::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ns");

    QTest::newRow("epoch") << QByteArray("1970-01-01T00:00:00Z") << true << qint64(0);
    QTest::newRow("millis") << QByteArray("2023-01-31T05:41:24.001Z") << true << qint64(1675143684001000000);
    QTest::newRow("nanos") << QByteArray("2024-05-01T00:00:00.000000123Z") << true << qint64(1714521600000000123);
    QTest::newRow("lower case t z") << QByteArray("2024-05-01t00:00:00z") << true << qint64(1714521600000000000);
    QTest::newRow("positive offset") << QByteArray("2024-05-01T02:00:00+02:00") << true << qint64(1714521600000000000);
    QTest::newRow("negative offset") << QByteArray("2024-04-30T14:30:00.5-09:30") << true << qint64(1714521600500000000);
    QTest::newRow("leap day") << QByteArray("2024-02-29T00:00:00Z") << true << qint64(1709164800000000000);
    QTest::newRow("leap day 2000") << QByteArray("2000-02-29T00:00:00Z") << true << qint64(951782400000000000);
    QTest::newRow("before epoch") << QByteArray("1969-12-31T23:59:59.999999999Z") << true << qint64(-1);
    QTest::newRow("ten fraction digits truncate") << QByteArray("1970-01-01T00:00:00.1234567899Z") << true
                                                  << qint64(123456789);
    QTest::newRow("int64 min") << QByteArray("1677-09-21T00:12:43.145224192Z") << true
                               << std::numeric_limits<qint64>::min();
    QTest::newRow("int64 max") << QByteArray("2262-04-11T23:47:16.854775807Z") << true
                               << std::numeric_limits<qint64>::max();

    QTest::newRow("past int64 max") << QByteArray("2262-04-11T23:47:16.854775808Z") << false << qint64(0);
    QTest::newRow("before int64 min") << QByteArray("1677-09-21T00:12:43.145224191Z") << false << qint64(0);
    QTest::newRow("no zone") << QByteArray("2024-05-01T00:00:00") << false << qint64(0);
    QTest::newRow("space separator") << QByteArray("2024-05-01 00:00:00Z") << false << qint64(0);
    QTest::newRow("29 Feb non-leap") << QByteArray("2023-02-29T00:00:00Z") << false << qint64(0);
    QTest::newRow("29 Feb 1900") << QByteArray("1900-02-29T00:00:00Z") << false << qint64(0);
    QTest::newRow("month 13") << QByteArray("2024-13-01T00:00:00Z") << false << qint64(0);
    QTest::newRow("day 0") << QByteArray("2024-01-00T00:00:00Z") << false << qint64(0);
    QTest::newRow("hour 24") << QByteArray("2024-01-01T24:00:00Z") << false << qint64(0);
    QTest::newRow("second 60") << QByteArray("2024-01-01T00:00:60Z") << false << qint64(0);
    QTest::newRow("offset hour 24") << QByteArray("2024-01-01T00:00:00+24:00") << false << qint64(0);
    QTest::newRow("offset without colon") << QByteArray("2024-01-01T00:00:00+0200") << false << qint64(0);
    QTest::newRow("dot without digits") << QByteArray("2024-01-01T00:00:00.Z") << false << qint64(0);
    QTest::newRow("trailing junk") << QByteArray("2024-01-01T00:00:00Zx") << false << qint64(0);
    QTest::newRow("short year") << QByteArray("24-01-01T00:00:00Z") << false << qint64(0);
    QTest::newRow("sign in field") << QByteArray("2024-01-01T00:-1:00Z") << false << qint64(0);
    QTest::newRow("empty") << QByteArray() << false << qint64(0);
    // The fixed UTC layout has a fast path (every fraction length, bad bytes in each part).
    QTest::newRow("fraction 1") << QByteArray("2024-05-01T00:00:00.5Z") << true << qint64(1714521600500000000);
    QTest::newRow("fraction 2") << QByteArray("2024-05-01T00:00:00.05Z") << true << qint64(1714521600050000000);
    QTest::newRow("fraction 3") << QByteArray("2024-05-01T00:00:00.123Z") << true << qint64(1714521600123000000);
    QTest::newRow("fraction 4") << QByteArray("2024-05-01T00:00:00.1234Z") << true << qint64(1714521600123400000);
    QTest::newRow("fraction 5") << QByteArray("2024-05-01T00:00:00.12345Z") << true << qint64(1714521600123450000);
    QTest::newRow("fraction 6") << QByteArray("2024-05-01T00:00:00.123456Z") << true << qint64(1714521600123456000);
    QTest::newRow("fraction 7") << QByteArray("2024-05-01T00:00:00.1234567Z") << true << qint64(1714521600123456700);
    QTest::newRow("fraction 8") << QByteArray("2024-05-01T00:00:00.12345678Z") << true << qint64(1714521600123456780);
    QTest::newRow("fraction 9") << QByteArray("2024-05-01T23:59:59.987654321Z") << true << qint64(1714607999987654321);
    QTest::newRow("letter in fraction") << QByteArray("2024-05-01T00:00:00.12a4Z") << false << qint64(0);
    QTest::newRow("letter in 9th digit") << QByteArray("2024-05-01T00:00:00.x23456789Z") << false << qint64(0);
    QTest::newRow("colon in fraction") << QByteArray("2024-05-01T00:00:00.1:3Z") << false << qint64(0);
    QTest::newRow("letter in year") << QByteArray("2O24-05-01T00:00:00Z") << false << qint64(0);
    QTest::newRow("letter in minute") << QByteArray("2024-05-01T00:0a:00.5Z") << false << qint64(0);
    QTest::newRow("high byte in day") << QByteArray("2024-05-0\xff" "T00:00:00Z") << false << qint64(0);
    QTest::newRow("letter in second") << QByteArray("2024-05-01T00:00:0xZ") << false << qint64(0);
}

void tst_Rfc3339::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(qint64, ns);
    std::int64_t out = 42;
    QCOMPARE(parseRfc3339(std::string_view(text.constData(), static_cast<std::size_t>(text.size())), out), valid);
    QCOMPARE(qint64(out), valid ? ns : qint64(42));
}

void tst_Rfc3339::parseWithMemo()
{
    // The same answers when the time before was in the same minute (the memo's short path)
    // and when nothing is remembered.
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(qint64, ns);
    const std::string_view view(text.constData(), static_cast<std::size_t>(text.size()));
    Rfc3339Memo fresh;
    std::int64_t out = 42;
    QCOMPARE(parseRfc3339(view, out, fresh), valid);
    QCOMPARE(qint64(out), valid ? ns : qint64(42));

    if (text.size() < 16)
        return;
    const std::string before = text.left(16).toStdString() + ":00Z";
    Rfc3339Memo memo;
    std::int64_t primed = 0;
    if (!parseRfc3339(before, primed, memo))
        return; // no valid time in that minute to remember
    out = 42;
    QCOMPARE(parseRfc3339(view, out, memo), valid);
    QCOMPARE(qint64(out), valid ? ns : qint64(42));
    // A rejected time leaves a memo that still answers correctly.
    out = 42;
    QVERIFY(parseRfc3339(before, out, memo));
    QCOMPARE(out, primed);
}

void tst_Rfc3339::memoAcrossMinutes()
{
    // A column of times 7.3 s apart across minute, day, month and year ends, before and after
    // 1970, through one memo: each equal to the time it was formatted from.
    for (const std::int64_t start : {std::int64_t{-86'400} * 365 - 200, std::int64_t{951'782'000}, std::int64_t{1'703'980'000}}) {
        Rfc3339Memo memo;
        for (std::int64_t i = 0; i < 40'000; ++i) {
            const std::int64_t ns = (start + i * 7) * 1'000'000'000 + (i * 300'000'123) % 1'000'000'000;
            const std::string text = formatRfc3339Nano(ns);
            std::int64_t back = 0;
            QVERIFY2(parseRfc3339(text, back, memo), text.c_str());
            if (back != ns)
                QFAIL(text.c_str());
        }
    }
    // The last minute of the int64 range: in range up to its maximum, not one ns beyond.
    Rfc3339Memo memo;
    std::int64_t out = 0;
    QVERIFY(parseRfc3339("2262-04-11T23:47:00Z", out, memo));
    QVERIFY(parseRfc3339("2262-04-11T23:47:16.854775807Z", out, memo));
    QCOMPARE(out, std::numeric_limits<std::int64_t>::max());
    QVERIFY(!parseRfc3339("2262-04-11T23:47:16.854775808Z", out, memo));
    QVERIFY(!parseRfc3339("2262-04-11T23:47:59Z", out, memo));
    QCOMPARE(out, std::numeric_limits<std::int64_t>::max());
    // The first minute's start is out of range, so it is never remembered; its times still parse.
    QVERIFY(parseRfc3339("1677-09-21T00:12:43.145224192Z", out, memo));
    QCOMPARE(out, std::numeric_limits<std::int64_t>::min());
    QVERIFY(parseRfc3339("1677-09-21T00:12:59Z", out, memo));
    QCOMPARE(out, std::numeric_limits<std::int64_t>::min() + std::int64_t{15'854'775'808});
}

void tst_Rfc3339::format_data()
{
    QTest::addColumn<qint64>("ns");
    QTest::addColumn<QString>("text");
    QTest::newRow("epoch") << qint64(0) << "1970-01-01T00:00:00Z";
    QTest::newRow("trailing zeros trimmed") << qint64(1675143684001000000) << "2023-01-31T05:41:24.001Z";
    QTest::newRow("one ns") << qint64(1) << "1970-01-01T00:00:00.000000001Z";
    QTest::newRow("before epoch") << qint64(-1) << "1969-12-31T23:59:59.999999999Z";
    QTest::newRow("before epoch whole second") << qint64(-86400000000000) << "1969-12-31T00:00:00Z";
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << "1677-09-21T00:12:43.145224192Z";
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max() << "2262-04-11T23:47:16.854775807Z";
}

void tst_Rfc3339::format()
{
    QFETCH(qint64, ns);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(formatRfc3339Nano(ns)), text);
}

void tst_Rfc3339::roundTrip()
{
    // Every day boundary from 1678 to 2261 plus odd offsets: format then parse is identity.
    for (std::int64_t s = -9'200'000'000; s < 9'200'000'000; s += 86'400 * 7 + 3'601) {
        const std::int64_t ns = s * 1'000'000'000 + (s % 1'000'000'000 + 1'000'000'000) % 1'000'000'000;
        std::int64_t back = 0;
        const std::string text = formatRfc3339Nano(ns);
        QVERIFY2(parseRfc3339(text, back), text.c_str());
        QCOMPARE(back, ns);
    }
}

QTEST_GUILESS_MAIN(tst_Rfc3339)
#include "tst_rfc3339.moc"
