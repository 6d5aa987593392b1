// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/GzipCodec.h"

#include <QRandomGenerator>
#include <QTest>

using namespace sasquatch;

namespace {

QByteArray bytes(std::initializer_list<unsigned char> list)
{
    QByteArray out;
    for (unsigned char c : list)
        out.append(static_cast<char>(c));
    return out;
}

// `printf 'hello, sasquatch\n' | gzip -n -9`: checks interoperability with the gzip tool,
// which a round trip through our own encoder cannot.
const QByteArray kGzipToolOutput = bytes({0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03,
                                          0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0xd7, 0x51, 0x28, 0x4e, 0x2c,
                                          0x2e, 0x2c, 0x4d, 0x2c, 0x49, 0xce, 0xe0, 0x02, 0x00, 0x66,
                                          0x33, 0xe3, 0x2e, 0x11, 0x00, 0x00, 0x00});

// `gzip -n` of "part one\n" and of "part two\n", concatenated: two members.
const QByteArray kTwoMembers = bytes(
    {0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2b, 0x48, 0x2c, 0x2a, 0x51, 0xc8,
     0xcf, 0x4b, 0xe5, 0x02, 0x00, 0x0c, 0xa1, 0x3d, 0xf9, 0x09, 0x00, 0x00, 0x00, 0x1f, 0x8b, 0x08,
     0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0x2b, 0x48, 0x2c, 0x2a, 0x51, 0x28, 0x29, 0xcf, 0xe7,
     0x02, 0x00, 0xe7, 0x01, 0x3d, 0x97, 0x09, 0x00, 0x00, 0x00});

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = static_cast<char>(rng.bounded(256));
    return out;
}

} // namespace

class tst_GzipCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void decodesGzipToolOutput();
    void decodesConcatenatedMembers();
    void rejectsBadInput_data();
    void rejectsBadInput();
    void enforcesOutputLimit();
};

void tst_GzipCodec::roundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<int>("level");
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("one byte") << QByteArray("x") << -1;
    QTest::newRow("line protocol") << QByteArray("lsst.sal.ESS.temperature,salIndex=1 temperatureItem0=12.5 1700000000000000000\n").repeated(2000) << 6;
    QTest::newRow("random 300 KiB") << randomBytes(300 * 1024, 7) << 9;
    QTest::newRow("stored level 0") << randomBytes(70 * 1024, 8) << 0;
}

void tst_GzipCodec::roundTrip()
{
    QFETCH(QByteArray, data);
    QFETCH(int, level);
    const QByteArray packed = GzipCodec::compress(data, level);
    QVERIFY(GzipCodec::looksLikeGzip(packed));
    const auto unpacked = GzipCodec::decompress(packed);
    QVERIFY2(unpacked.ok(), qPrintable(unpacked.error()));
    QCOMPARE(unpacked.value(), data);
    if (data.size() > 1000 && level != 0 && data.startsWith("lsst"))
        QVERIFY(packed.size() < data.size() / 10);
}

void tst_GzipCodec::decodesGzipToolOutput()
{
    const auto out = GzipCodec::decompress(kGzipToolOutput);
    QVERIFY2(out.ok(), qPrintable(out.error()));
    QCOMPARE(out.value(), QByteArray("hello, sasquatch\n"));
}

void tst_GzipCodec::decodesConcatenatedMembers()
{
    const auto out = GzipCodec::decompress(kTwoMembers);
    QVERIFY2(out.ok(), qPrintable(out.error()));
    QCOMPARE(out.value(), QByteArray("part one\npart two\n"));
}

void tst_GzipCodec::rejectsBadInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QByteArray() << "not gzip";
    QTest::newRow("plain text") << QByteArray("hello") << "not gzip";
    QTest::newRow("truncated") << kGzipToolOutput.left(20) << "truncated";
    QTest::newRow("header only") << kGzipToolOutput.left(10) << "truncated";
    QByteArray corrupt = kGzipToolOutput;
    corrupt[corrupt.size() - 6] = static_cast<char>(corrupt[corrupt.size() - 6] ^ 0x55); // CRC
    QTest::newRow("bad crc") << corrupt << "corrupt";
    QTest::newRow("trailing garbage") << kGzipToolOutput + QByteArray("garbage!!") << "corrupt";
}

void tst_GzipCodec::rejectsBadInput()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    const auto out = GzipCodec::decompress(data);
    QVERIFY(!out.ok());
    QVERIFY2(out.error().contains(expected), qPrintable(out.error()));
}

void tst_GzipCodec::enforcesOutputLimit()
{
    const QByteArray zeros(4 * 1024 * 1024, '\0');
    const QByteArray packed = GzipCodec::compress(zeros);
    QVERIFY(packed.size() < 64 * 1024);
    const auto limited = GzipCodec::decompress(packed, 1024 * 1024);
    QVERIFY(!limited.ok());
    QVERIFY2(limited.error().contains("limit"), qPrintable(limited.error()));
    const auto enough = GzipCodec::decompress(packed, zeros.size());
    QVERIFY2(enough.ok(), qPrintable(enough.error()));
    QCOMPARE(enough.value().size(), zeros.size());
}

QTEST_GUILESS_MAIN(tst_GzipCodec)
#include "tst_gzipcodec.moc"
