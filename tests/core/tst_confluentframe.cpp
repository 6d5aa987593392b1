// SPDX-License-Identifier: GPL-3.0-or-later
// ConfluentFrame: the 5-byte header (magic 0x00, big-endian schema id) and each way a value
// can fail to be one.
#include "core/kafka/ConfluentFrame.h"

#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::FrameError)

class tst_ConfluentFrame : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void writeHeaderRoundTrip();
};

void tst_ConfluentFrame::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<FrameError>("error");
    QTest::addColumn<int>("schemaId");
    QTest::addColumn<int>("bodySize");
    QTest::addColumn<QString>("message");
    QTest::newRow("id 1, body 2") << QByteArray("\x00\x00\x00\x00\x01\xaa\xbb", 7) << FrameError::None << 1 << 2 << QString();
    QTest::newRow("big-endian id") << QByteArray("\x00\x01\x02\x03\x04", 5) << FrameError::None << 0x01020304 << 0 << QString();
    QTest::newRow("largest id") << QByteArray("\x00\x7f\xff\xff\xff\x00", 6) << FrameError::None << 0x7fffffff << 1 << QString();
    QTest::newRow("empty") << QByteArray() << FrameError::Empty << -1 << 0 << QStringLiteral("empty message value");
    QTest::newRow("4 bytes") << QByteArray("\x00\x00\x00\x01", 4) << FrameError::TooShort << -1 << 0
                             << QStringLiteral("shorter than the 5-byte Confluent header");
    QTest::newRow("JSON value") << QByteArray("{\"a\":1}") << FrameError::BadMagic << -1 << 0
                                << QStringLiteral("magic byte 0x7b, expected 0x00");
    QTest::newRow("magic 1") << QByteArray("\x01\x00\x00\x00\x01\x02", 6) << FrameError::BadMagic << -1 << 0
                             << QStringLiteral("magic byte 0x01, expected 0x00");
    QTest::newRow("one byte 0xff") << QByteArray("\xff", 1) << FrameError::BadMagic << -1 << 0 << QStringLiteral("magic byte 0xff");
}

void tst_ConfluentFrame::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(FrameError, error);
    QFETCH(int, schemaId);
    QFETCH(int, bodySize);
    QFETCH(QString, message);
    const ConfluentFrame frame = ConfluentFrame::parse(bytes.constData(), std::size_t(bytes.size()));
    QCOMPARE(frame.error, error);
    QCOMPARE(frame.ok(), error == FrameError::None);
    QCOMPARE(frame.schemaId, schemaId);
    QCOMPARE(int(frame.bodySize), bodySize);
    if (frame.ok())
        QCOMPARE(static_cast<const void *>(frame.body), static_cast<const void *>(bytes.constData() + 5));
    QVERIFY2(message.isEmpty() ? frame.describeError().isEmpty() : frame.describeError().contains(message),
             qPrintable(frame.describeError()));
}

void tst_ConfluentFrame::writeHeaderRoundTrip()
{
    for (std::int32_t id : {0, 1, 255, 256, 65536, 0x12345678, 0x7fffffff}) {
        std::uint8_t header[ConfluentFrame::kHeaderSize];
        ConfluentFrame::writeHeader(id, header);
        const ConfluentFrame frame = ConfluentFrame::parse(header, sizeof header);
        QVERIFY(frame.ok());
        QCOMPARE(frame.schemaId, id);
    }
}

QTEST_GUILESS_MAIN(tst_ConfluentFrame)
#include "tst_confluentframe.moc"
