// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/HttpFailure.h"

#include <QTest>

using namespace sasquatch;

class tst_HttpFailure : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotesServerText_data();
    void quotesServerText();
    void describesTransportProblems_data();
    void describesTransportProblems();
    void neverShowsCredentials();
    void truncatesLongBodies();
};

void tst_HttpFailure::quotesServerText_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    // Body shapes from the InfluxDB 1.x and 2.x HTTP API references and Confluent's
    // Schema Registry / REST Proxy error docs.
    QTest::newRow("influx 1.x") << 400 << QByteArray("Bad Request") << QByteArray("application/json")
                                << QByteArray(R"({"error":"error parsing query: found EOF, expected FROM at line 1, char 9"})")
                                << "POST http://h/query answered HTTP 400 Bad Request: error parsing query: found EOF, expected FROM at line 1, char 9";
    QTest::newRow("influx 2.x") << 401 << QByteArray("Unauthorized") << QByteArray("application/json; charset=utf-8")
                                << QByteArray(R"({"code":"unauthorized","message":"unauthorized access"})")
                                << "POST http://h/query answered HTTP 401 Unauthorized: unauthorized: unauthorized access (check the user name and password, or the token)";
    QTest::newRow("schema registry") << 404 << QByteArray("Not Found") << QByteArray("application/vnd.schemaregistry.v1+json")
                                     << QByteArray(R"({"error_code":40403,"message":"Schema 7 not found"})")
                                     << "POST http://h/query answered HTTP 404 Not Found: Schema 7 not found (error code 40403)";
    QTest::newRow("nginx html") << 502 << QByteArray("Bad Gateway") << QByteArray("text/html")
                                << QByteArray("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center></body></html>")
                                << "POST http://h/query answered HTTP 502 Bad Gateway: 502 Bad Gateway";
    QTest::newRow("plain text") << 413 << QByteArray("Request Entity Too Large") << QByteArray("text/plain")
                                << QByteArray("  request\nbody too large  \n")
                                << "POST http://h/query answered HTTP 413 Request Entity Too Large: request body too large";
    QTest::newRow("http2 no reason") << 503 << QByteArray() << QByteArray() << QByteArray()
                                     << "POST http://h/query answered HTTP 503 Service Unavailable";
    QTest::newRow("text equals reason") << 404 << QByteArray("Not Found") << QByteArray("text/plain")
                                        << QByteArray("not found\n")
                                        << "POST http://h/query answered HTTP 404 Not Found";
    // InfluxDB 1.8 answers in the format the request's Accept asked for (services/httpd/handler.go
    // httpError, response_writer.go csvFormatter): a Flux query (Accept: application/csv) with a
    // bad password gets a one-column CSV table `error` and no X-Influxdb-Error header.
    QTest::newRow("influx 1.8 csv") << 401 << QByteArray("Unauthorized") << QByteArray("application/csv")
                                    << QByteArray("error\nauthorization failed\n")
                                    << "POST http://h/query answered HTTP 401 Unauthorized: authorization failed (check the user name and password, or the token)";
    // Go's csv.Writer quotes a message holding a comma, a quote or a line break.
    QTest::newRow("influx 1.8 csv quoted") << 400 << QByteArray("Bad Request") << QByteArray("application/csv")
                                           << QByteArray("error\r\n\"error parsing query: found \"\"x\"\", expected FROM\"\r\n")
                                           << "POST http://h/query answered HTTP 400 Bad Request: error parsing query: found \"x\", expected FROM";
    QTest::newRow("csv without error header") << 500 << QByteArray("Internal Server Error") << QByteArray("text/csv")
                                              << QByteArray("result,table\n,0\n")
                                              << "POST http://h/query answered HTTP 500 Internal Server Error: result,table ,0";
    QTest::newRow("unknown status") << 599 << QByteArray() << QByteArray() << QByteArray()
                                    << "POST http://h/query answered HTTP 599";
    QTest::newRow("json without text") << 500 << QByteArray("Internal Server Error") << QByteArray("application/json")
                                       << QByteArray(R"({"status":"fail"})")
                                       << "POST http://h/query answered HTTP 500 Internal Server Error";
    QTest::newRow("broken json") << 500 << QByteArray("Internal Server Error") << QByteArray("application/json")
                                 << QByteArray(R"({"error":)")
                                 << "POST http://h/query answered HTTP 500 Internal Server Error";
}

void tst_HttpFailure::quotesServerText()
{
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);

    HttpRequest request;
    request.method = HttpMethod::Post;
    request.url = "http://h/query";
    HttpResult result;
    result.response.status = status;
    result.response.reason = reason;
    if (!contentType.isEmpty())
        result.response.headers.emplace_back("content-type", contentType);
    result.response.body = body;
    const Failure f = HttpFailure::from(request, result);
    QCOMPARE(f.message, expected);
    QCOMPARE(f.httpStatus, status);
    QVERIFY(!f.cancelled);
}

void tst_HttpFailure::describesTransportProblems_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("cancelled");
    QTest::newRow("refused") << int(HttpErrorKind::Transport) << "Couldn't connect to server"
                             << "GET http://h/ping failed: Couldn't connect to server" << false;
    QTest::newRow("timeout") << int(HttpErrorKind::Timeout) << "Operation timed out after 10000 ms"
                             << "GET http://h/ping timed out: Operation timed out after 10000 ms" << false;
    QTest::newRow("cancel") << int(HttpErrorKind::Cancelled) << "whatever"
                            << "Cancelled: GET http://h/ping" << true;
    QTest::newRow("aborted") << int(HttpErrorKind::Aborted) << ""
                             << "GET http://h/ping was stopped while reading the response" << false;
}

void tst_HttpFailure::describesTransportProblems()
{
    QFETCH(int, kind);
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    QFETCH(bool, cancelled);
    HttpRequest request;
    request.url = "http://h/ping";
    HttpResult result;
    result.errorKind = static_cast<HttpErrorKind>(kind);
    result.transportError = detail;
    const Failure f = HttpFailure::from(request, result);
    QCOMPARE(f.message, expected);
    QCOMPARE(f.cancelled, cancelled);
    QCOMPARE(f.httpStatus, 0);
}

void tst_HttpFailure::neverShowsCredentials()
{
    HttpRequest request;
    request.url = "https://reader:hunter2@h/query?u=reader&p=hunter2&q=SHOW%20DATABASES";
    HttpResult result;
    result.response.status = 401;
    result.response.headers.emplace_back("x-influxdb-error", "authorization failed");
    const Failure f = HttpFailure::from(request, result);
    QVERIFY2(!f.message.contains("hunter2"), qPrintable(f.message));
    QVERIFY2(f.message.contains("authorization failed"), qPrintable(f.message));
    QVERIFY2(f.message.contains("p=***"), qPrintable(f.message));
}

void tst_HttpFailure::truncatesLongBodies()
{
    HttpResponse response;
    response.status = 500;
    response.body = QByteArray("x").repeated(5000);
    const QString text = HttpFailure::serverMessage(response);
    QCOMPARE(text.size(), HttpFailure::kMaxServerTextChars);
    QVERIFY(text.endsWith(QChar(0x2026)));
}

QTEST_GUILESS_MAIN(tst_HttpFailure)
#include "tst_httpfailure.moc"
