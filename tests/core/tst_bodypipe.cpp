// SPDX-License-Identifier: GPL-3.0-or-later
// BodyPipe: a response body crossing from the receiving thread to the parsing thread.
#include "core/query/BodyPipe.h"

#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

using namespace sasquatch;

class tst_BodyPipe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deliversEveryByteInOrder_data();
    void deliversEveryByteInOrder();
    void readerTakesWhatHasArrived();
    void writerWaitsWhenBlocksPileUp();
    void stopEndsBothSides();
    void emptyBody();
};

namespace {

// A body whose every byte depends on its position, so that a lost, doubled or reordered byte
// shows.
std::string patternedBody(std::size_t size)
{
    std::string body(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        body[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
    return body;
}

} // namespace

void tst_BodyPipe::deliversEveryByteInOrder_data()
{
    QTest::addColumn<qsizetype>("bodyBytes");
    QTest::addColumn<qsizetype>("writeBytes");
    QTest::newRow("libcurl's 16 KiB pieces") << qsizetype(5'000'000) << qsizetype(16 * 1024);
    QTest::newRow("one byte at a time") << qsizetype(200'000) << qsizetype(1);
    QTest::newRow("pieces larger than a block") << qsizetype(7'000'000) << qsizetype(3 * BodyPipe::kBlockBytes + 17);
    QTest::newRow("exactly one block") << qsizetype(BodyPipe::kBlockBytes) << qsizetype(BodyPipe::kBlockBytes);
}

void tst_BodyPipe::deliversEveryByteInOrder()
{
    QFETCH(qsizetype, bodyBytes);
    QFETCH(qsizetype, writeBytes);
    const std::string body = patternedBody(std::size_t(bodyBytes));
    BodyPipe pipe;
    std::atomic<bool> allWritten{true};
    std::thread writer([&] {
        for (std::size_t at = 0; at < body.size(); at += std::size_t(writeBytes))
            allWritten = allWritten && pipe.write(body.data() + at, std::min(std::size_t(writeBytes), body.size() - at));
        pipe.close();
    });
    // A failed check returns early: the writer must not outlive the test.
    const auto joinWriter = qScopeGuard([&] {
        pipe.stop();
        writer.join();
    });
    std::string received;
    std::size_t blocks = 0;
    for (std::string block; pipe.read(block); ++blocks) {
        QVERIFY(!block.empty());
        QVERIFY(block.size() <= BodyPipe::kBlockBytes);
        received += block;
    }
    QVERIFY(allWritten);
    QCOMPARE(received.size(), body.size());
    QVERIFY(received == body);
    QVERIFY(blocks >= (body.size() + BodyPipe::kBlockBytes - 1) / BodyPipe::kBlockBytes);
}

void tst_BodyPipe::readerTakesWhatHasArrived()
{
    // A slow server: the parser gets the few bytes there are, not only full blocks.
    BodyPipe pipe;
    QVERIFY(pipe.write("{\"results\":[", 12));
    std::string block;
    QVERIFY(pipe.read(block));
    QCOMPARE(block, std::string("{\"results\":["));
    std::thread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        pipe.write("]}", 2);
    });
    QVERIFY(pipe.read(block)); // waits for the writer
    QCOMPARE(block, std::string("]}"));
    writer.join();
    pipe.close();
    QVERIFY(!pipe.read(block));
}

void tst_BodyPipe::writerWaitsWhenBlocksPileUp()
{
    // Nobody reads: the writer stops at kMaxBlocks full blocks (plus the one it fills) and
    // waits, so memory stays bounded; stop() releases it with false.
    BodyPipe pipe;
    const std::string chunk(16 * 1024, 'x');
    std::atomic<std::size_t> written{0};
    std::atomic<bool> lastWrite{true};
    std::thread writer([&] {
        while (written < 4 * BodyPipe::kMaxBlocks * BodyPipe::kBlockBytes) {
            if (!pipe.write(chunk.data(), chunk.size())) {
                lastWrite = false;
                return;
            }
            written += chunk.size();
        }
    });
    const auto joinWriter = qScopeGuard([&] {
        pipe.stop();
        writer.join();
    });
    const std::size_t bound = (BodyPipe::kMaxBlocks + 1) * BodyPipe::kBlockBytes;
    QTRY_VERIFY_WITH_TIMEOUT(written >= bound, 5000);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    QCOMPARE(written.load(), bound);
    // Reading one block makes room for one more.
    std::string block;
    QVERIFY(pipe.read(block));
    QCOMPARE(block.size(), BodyPipe::kBlockBytes);
    QTRY_COMPARE_WITH_TIMEOUT(written.load(), bound + BodyPipe::kBlockBytes, 5000);
    pipe.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!lastWrite, 5000);
}

void tst_BodyPipe::stopEndsBothSides()
{
    BodyPipe pipe;
    QVERIFY(pipe.write("abc", 3));
    pipe.stop();
    std::string block;
    QVERIFY(!pipe.read(block));
    QVERIFY(!pipe.write("d", 1));
    // A reader waiting for data is released by stop() too.
    BodyPipe waiting;
    std::thread stopper([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        waiting.stop();
    });
    QVERIFY(!waiting.read(block));
    stopper.join();
}

void tst_BodyPipe::emptyBody()
{
    BodyPipe pipe;
    pipe.close();
    std::string block;
    QVERIFY(!pipe.read(block));
}

QTEST_GUILESS_MAIN(tst_BodyPipe)
#include "tst_bodypipe.moc"
