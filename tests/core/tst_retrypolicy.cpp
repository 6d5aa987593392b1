// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/RetryPolicy.h"

#include <QTest>

using namespace sasquatch;
using std::chrono::milliseconds;

class tst_RetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decidesWhatToRetry_data();
    void decidesWhatToRetry();
    void backsOffExponentially();
    void appliesJitterWithinBounds();
    void honoursRetryAfter();
    void parsesRetryAfter_data();
    void parsesRetryAfter();
};

void tst_RetryPolicy::decidesWhatToRetry_data()
{
    QTest::addColumn<int>("method");
    QTest::addColumn<int>("methods");
    QTest::addColumn<int>("timeouts");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("retry");
    const int get = int(HttpMethod::Get), post = int(HttpMethod::Post), del = int(HttpMethod::Delete);
    const int idem = int(RetryMethods::IdempotentOnly), all = int(RetryMethods::All);
    const int tRetry = int(TimeoutRetry::Retry), tNo = int(TimeoutRetry::DontRetry);
    const int none = int(HttpErrorKind::None), transport = int(HttpErrorKind::Transport),
              timeout = int(HttpErrorKind::Timeout), cancelled = int(HttpErrorKind::Cancelled),
              aborted = int(HttpErrorKind::Aborted);
    QTest::newRow("GET 503") << get << idem << tRetry << none << 503 << true;
    QTest::newRow("GET 502") << get << idem << tRetry << none << 502 << true;
    QTest::newRow("GET 429") << get << idem << tRetry << none << 429 << true;
    QTest::newRow("GET 500") << get << idem << tRetry << none << 500 << false;
    QTest::newRow("GET 404") << get << idem << tRetry << none << 404 << false;
    QTest::newRow("GET 401") << get << idem << tRetry << none << 401 << false;
    QTest::newRow("GET refused") << get << idem << tRetry << transport << 0 << true;
    QTest::newRow("DELETE refused") << del << idem << tRetry << transport << 0 << true;
    QTest::newRow("POST 503 idempotent only") << post << idem << tRetry << none << 503 << false;
    QTest::newRow("POST 503 all") << post << all << tRetry << none << 503 << true;
    QTest::newRow("POST refused all") << post << all << tRetry << transport << 0 << true;
    QTest::newRow("GET timeout") << get << idem << tRetry << timeout << 0 << true;
    QTest::newRow("GET timeout no") << get << idem << tNo << timeout << 0 << false;
    QTest::newRow("GET cancelled") << get << all << tRetry << cancelled << 0 << false;
    QTest::newRow("GET aborted") << get << all << tRetry << aborted << 0 << false;
}

void tst_RetryPolicy::decidesWhatToRetry()
{
    QFETCH(int, method);
    QFETCH(int, methods);
    QFETCH(int, timeouts);
    QFETCH(int, kind);
    QFETCH(int, status);
    QFETCH(bool, retry);
    RetryPolicy p;
    p.methods = static_cast<RetryMethods>(methods);
    p.timeouts = static_cast<TimeoutRetry>(timeouts);
    HttpRequest request;
    request.method = static_cast<HttpMethod>(method);
    HttpResult result;
    result.errorKind = static_cast<HttpErrorKind>(kind);
    result.response.status = status;
    QCOMPARE(p.shouldRetry(request, result), retry);
}

void tst_RetryPolicy::backsOffExponentially()
{
    RetryPolicy p;
    p.initialDelay = milliseconds(100);
    p.multiplier = 3.0;
    p.maxDelay = milliseconds(2000);
    p.jitter = 0.0;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const HttpResponse none;
    QCOMPARE(p.delayBefore(2, none, 0.5, now), std::optional(milliseconds(100)));
    QCOMPARE(p.delayBefore(3, none, 0.5, now), std::optional(milliseconds(300)));
    QCOMPARE(p.delayBefore(4, none, 0.5, now), std::optional(milliseconds(900)));
    QCOMPARE(p.delayBefore(5, none, 0.5, now), std::optional(milliseconds(2000)));
    QCOMPARE(p.delayBefore(50, none, 0.5, now), std::optional(milliseconds(2000)));
}

void tst_RetryPolicy::appliesJitterWithinBounds()
{
    RetryPolicy p;
    p.initialDelay = milliseconds(1000);
    p.jitter = 0.25;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(p.delayBefore(2, {}, 0.0, now), std::optional(milliseconds(750)));
    QCOMPARE(p.delayBefore(2, {}, 0.5, now), std::optional(milliseconds(1000)));
    QCOMPARE(p.delayBefore(2, {}, 0.999999, now), std::optional(milliseconds(1250)));
}

void tst_RetryPolicy::honoursRetryAfter()
{
    RetryPolicy p;
    p.initialDelay = milliseconds(100);
    p.maxDelay = milliseconds(5000);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    HttpResponse r;
    r.status = 503;
    r.headers.emplace_back("retry-after", "3");
    QCOMPARE(p.delayBefore(2, r, 0.9, now), std::optional(milliseconds(3000)));
    r.headers.back().second = "60"; // longer than we hold a request: give up instead
    QCOMPARE(p.delayBefore(2, r, 0.9, now), std::nullopt);
    r.headers.back().second = "soon"; // unreadable: fall back to the backoff
    p.jitter = 0;
    QCOMPARE(p.delayBefore(2, r, 0.9, now), std::optional(milliseconds(100)));
}

void tst_RetryPolicy::parsesRetryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1 = not parsed
    QTest::newRow("seconds") << QByteArray("120") << qint64(120'000);
    QTest::newRow("zero") << QByteArray(" 0 ") << qint64(0);
    QTest::newRow("negative") << QByteArray("-5") << qint64(-1);
    QTest::newRow("imf date") << QByteArray("Tue, 14 Nov 2023 12:00:30 GMT") << qint64(30'000);
    QTest::newRow("date in past") << QByteArray("Tue, 14 Nov 2023 11:00:00 GMT") << qint64(0);
    QTest::newRow("rfc 850") << QByteArray("Tuesday, 14-Nov-23 12:01:00 GMT") << qint64(60'000);
    QTest::newRow("asctime") << QByteArray("Tue Nov 14 12:00:05 2023") << qint64(5'000);
    QTest::newRow("asctime one-digit day") << QByteArray("Thu Nov  2 12:00:00 2023") << qint64(0);
    QTest::newRow("bad month") << QByteArray("Tue, 14 Foo 2023 12:00:30 GMT") << qint64(-1);
    QTest::newRow("bad day") << QByteArray("Tue, 31 Nov 2023 12:00:30 GMT") << qint64(-1);
    QTest::newRow("not gmt") << QByteArray("Tue, 14 Nov 2023 12:00:30 +0100") << qint64(-1);
    QTest::newRow("garbage") << QByteArray("later please") << qint64(-1);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
}

void tst_RetryPolicy::parsesRetryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedMs);
    const QDateTime now(QDate(2023, 11, 14), QTime(12, 0, 0), Qt::UTC);
    const auto parsed = RetryPolicy::parseRetryAfter(value, now);
    if (expectedMs < 0) {
        QVERIFY(!parsed.has_value());
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(qint64(parsed->count()), expectedMs);
    }
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
