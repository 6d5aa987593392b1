// SPDX-License-Identifier: GPL-3.0-or-later
// BodyPipe: the hand-off of body bytes from the receiving thread to the parsing thread.
#include "core/query/BodyPipe.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace sasquatch;
using namespace std::chrono_literals;

class tst_BodyPipe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bytesArriveInOrderAcrossThreads()
    {
        BodyPipe pipe;
        std::thread receiver([&] {
            for (int i = 0; i < 20'000; ++i) {
                const std::string piece = std::to_string(i) + ',';
                if (!pipe.push(piece.data(), piece.size()))
                    return;
            }
            pipe.close();
        });
        std::string all, chunk;
        int takes = 0;
        while (pipe.take(chunk)) {
            all += chunk;
            ++takes;
        }
        receiver.join();
        std::string expected;
        for (int i = 0; i < 20'000; ++i)
            expected += std::to_string(i) + ',';
        QCOMPARE(all, expected);
        QVERIFY(takes >= 1);
        QVERIFY(!pipe.take(chunk)); // closed and empty stays so
        QVERIFY(chunk.empty());
    }

    void takeWaitsForData()
    {
        BodyPipe pipe;
        std::thread late([&] {
            std::this_thread::sleep_for(50ms);
            pipe.push("abc", 3);
            pipe.close();
        });
        std::string chunk;
        QVERIFY(pipe.take(chunk));
        QCOMPARE(chunk, std::string("abc"));
        QVERIFY(!pipe.take(chunk));
        late.join();
    }

    void fullPipeBlocksTheReceiverUntilTaken()
    {
        BodyPipe pipe;
        const std::string big(BodyPipe::kMaxPendingBytes, 'x');
        QVERIFY(pipe.push(big.data(), big.size()));
        std::atomic<bool> pushed{false};
        std::thread receiver([&] {
            pushed = pipe.push("y", 1);
        });
        std::this_thread::sleep_for(50ms);
        QVERIFY2(!pushed, "a full pipe holds the receiver back");
        std::string chunk;
        QVERIFY(pipe.take(chunk));
        QCOMPARE(chunk.size(), big.size());
        receiver.join();
        QVERIFY(pushed);
        QVERIFY(pipe.take(chunk));
        QCOMPARE(chunk, std::string("y"));
    }

    void stopFailsPushAndWakesABlockedOne()
    {
        BodyPipe pipe;
        const std::string big(BodyPipe::kMaxPendingBytes, 'x');
        QVERIFY(pipe.push(big.data(), big.size()));
        std::atomic<int> result{-1};
        std::thread receiver([&] { result = pipe.push("y", 1) ? 1 : 0; });
        std::this_thread::sleep_for(30ms);
        pipe.stop();
        receiver.join();
        QCOMPARE(result.load(), 0);
        QVERIFY(!pipe.push("z", 1));
    }
};

QTEST_GUILESS_MAIN(tst_BodyPipe)
#include "tst_bodypipe.moc"
