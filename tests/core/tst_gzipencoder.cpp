// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/GzipCodec.h"
#include "core/http/GzipEncoder.h"

#include <QTest>

#include <zlib.h>

using namespace sasquatch;

namespace {

// Inflates what a peer has received so far, without requiring the stream to be complete:
// that is how a client decodes a gzip response while it streams.
QByteArray inflatePrefix(const QByteArray &gz)
{
    z_stream zs{};
    if (inflateInit2(&zs, 15 + 16) != Z_OK)
        return "init failed";
    QByteArray out;
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gz.constData()));
    zs.avail_in = static_cast<uInt>(gz.size());
    char buffer[4096];
    int rc = Z_OK;
    do {
        zs.next_out = reinterpret_cast<Bytef *>(buffer);
        zs.avail_out = sizeof buffer;
        rc = inflate(&zs, Z_SYNC_FLUSH);
        out.append(buffer, static_cast<qsizetype>(sizeof buffer - zs.avail_out));
    } while (rc == Z_OK && (zs.avail_in > 0 || zs.avail_out == 0));
    inflateEnd(&zs);
    return out;
}

} // namespace

class tst_GzipEncoder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void syncFlushMakesPrefixDecodable_data();
    void syncFlushMakesPrefixDecodable();
    void noFlushBuffersSmallInput();
    void finishIsFinal();
};

void tst_GzipEncoder::syncFlushMakesPrefixDecodable_data()
{
    QTest::addColumn<QList<QByteArray>>("pieces");
    QTest::newRow("csv rows") << QList<QByteArray>{",result,table,_time,_value\r\n",
                                                   ",_result,0,2024-01-01T00:00:00Z,1.5\r\n",
                                                   ",_result,0,2024-01-01T00:00:01Z,2.5\r\n"};
    QTest::newRow("empty piece between") << QList<QByteArray>{"abc", "", "def"};
    QTest::newRow("large piece") << QList<QByteArray>{QByteArray(200 * 1024, 'z'), "tail"};
}

void tst_GzipEncoder::syncFlushMakesPrefixDecodable()
{
    QFETCH(QList<QByteArray>, pieces);
    GzipEncoder encoder;
    QByteArray sent;
    QByteArray plain;
    for (const QByteArray &piece : pieces) {
        sent += encoder.write(piece, GzipFlush::Sync);
        plain += piece;
        QCOMPARE(inflatePrefix(sent), plain);
    }
    sent += encoder.finish();
    QVERIFY(encoder.isFinished());
    const auto whole = GzipCodec::decompress(sent);
    QVERIFY2(whole.ok(), qPrintable(whole.error()));
    QCOMPARE(whole.value(), plain);
}

void tst_GzipEncoder::noFlushBuffersSmallInput()
{
    GzipEncoder encoder;
    QByteArray out = encoder.write("small", GzipFlush::None);
    // Only the 10-byte header may come out before a flush; the deflate data stays buffered.
    QVERIFY(out.size() <= 10);
    out += encoder.finish();
    const auto whole = GzipCodec::decompress(out);
    QVERIFY2(whole.ok(), qPrintable(whole.error()));
    QCOMPARE(whole.value(), QByteArray("small"));
}

void tst_GzipEncoder::finishIsFinal()
{
    GzipEncoder encoder;
    QByteArray out = encoder.write("x", GzipFlush::Sync);
    out += encoder.finish();
    QVERIFY(!out.isEmpty());
    QVERIFY(encoder.finish().isEmpty());
    QVERIFY(encoder.write("more").isEmpty());
    QCOMPARE(GzipCodec::decompress(out).value(), QByteArray("x"));
}

QTEST_GUILESS_MAIN(tst_GzipEncoder)
#include "tst_gzipencoder.moc"
