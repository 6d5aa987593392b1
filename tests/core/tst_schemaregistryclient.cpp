// SPDX-License-Identifier: GPL-3.0-or-later
// SchemaRegistryClient against a contract server answering as the Confluent Schema Registry
// documents GET /schemas/ids/{id} and GET /subjects/{subject}/versions/latest (fixtures in
// tests/fixtures/schema-registry name their source): 200, 404 40403/40401, 500 (retried), slow
// (timeout), non-Avro, garbage; caching; auth.
#include "core/http/CurlTransport.h"
#include "core/kafka/AvroSchema.h"
#include "core/kafka/SchemaRegistryClient.h"
#include "tests/support/ContractHttpServer.h"

#include <QTest>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

ContractResponse fixture(const QString &name)
{
    auto r = ContractResponse::fromHttpFile(QStringLiteral(SASQUATCH_TEST_FIXTURES "/schema-registry/") + name);
    if (!r)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(r.error()));
    return *r;
}

SchemaRegistryOptions fastOptions(const ContractHttpServer &server)
{
    SchemaRegistryOptions options;
    options.baseUrl = server.url(QStringLiteral("/schema-registry/"));
    options.retry.initialDelay = std::chrono::milliseconds(10); // keep the test quick
    options.timeout = std::chrono::milliseconds(3000);
    return options;
}

} // namespace

class tst_SchemaRegistryClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answers_data();
    void answers();
    void cachedAfterSuccess();
    void failuresNotCached();
    void retriedAfter500();
    void slowRegistryTimesOut();
    void basicAuth();
    void latestOfSubject();
};

void tst_SchemaRegistryClient::answers_data()
{
    QTest::addColumn<QStringList>("responses"); // fixture names, one per attempt (the last repeats)
    QTest::addColumn<int>("id");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<QString>("expected"); // in the schema text, or in the error message
    QTest::newRow("200") << QStringList{QStringLiteral("schema-by-id-200.http")} << 7 << true << 200 << 1
                         << QStringLiteral("logevent_summaryState");
    QTest::newRow("404 40403") << QStringList{QStringLiteral("schema-by-id-404.http")} << 999 << false << 404 << 1
                               << QStringLiteral("Schema 999 not found");
    QTest::newRow("500 three times") << QStringList{QStringLiteral("schema-by-id-500.http")} << 7 << false << 500 << 3
                                     << QStringLiteral("Error in the backend data store");
    QTest::newRow("500 then 200") << QStringList{QStringLiteral("schema-by-id-500.http"), QStringLiteral("schema-by-id-200.http")}
                                  << 7 << true << 200 << 2 << QStringLiteral("summaryState");
    QTest::newRow("protobuf schema") << QStringList{QStringLiteral("schema-by-id-protobuf.http")} << 8 << false << 200 << 1
                                     << QStringLiteral("PROTOBUF schema; only Avro");
}

void tst_SchemaRegistryClient::answers()
{
    QFETCH(QStringList, responses);
    QFETCH(int, id);
    QFETCH(bool, ok);
    QFETCH(int, status);
    QFETCH(int, attempts);
    QFETCH(QString, expected);
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    std::vector<ContractResponse> sequence;
    for (const QString &name : responses)
        sequence.push_back(fixture(name));
    const QString path = QStringLiteral("/schema-registry/schemas/ids/%1").arg(id);
    server.onSequence("GET", path, sequence);
    SchemaRegistryClient client(std::make_shared<CurlTransport>(), fastOptions(server));
    auto schema = client.schemaJson(id);
    QCOMPARE(schema.ok(), ok);
    QCOMPARE(int(server.requestsTo(path).size()), attempts);
    QCOMPARE(client.requestCount(), attempts);
    QVERIFY(server.unmatchedRequests().empty());
    if (ok) {
        QVERIFY2(schema->contains(expected.toUtf8()), schema->constData());
        // The text is an Avro schema with its SAL attributes.
        auto parsed = AvroSchema::parse(*schema, id);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
        QCOMPARE(QString::fromStdString((*parsed)->fields().at(2).units), QStringLiteral("N"));
        QCOMPARE((*parsed)->fields().at(2).declaredLength, 3);
    } else {
        QVERIFY2(schema.error().contains(expected), qPrintable(schema.error()));
        QVERIFY2(schema.error().startsWith(QStringLiteral("Schema %1").arg(id)), qPrintable(schema.error()));
        QCOMPARE(schema.failure().httpStatus, status);
    }
}

void tst_SchemaRegistryClient::cachedAfterSuccess()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    server.on("GET", QStringLiteral("/schema-registry/schemas/ids/7"), fixture(QStringLiteral("schema-by-id-200.http")));
    SchemaRegistryClient client(std::make_shared<CurlTransport>(), fastOptions(server));
    const auto first = client.schemaJson(7);
    QVERIFY(first.ok());
    for (int i = 0; i < 5; ++i) {
        const auto again = client.schemaJson(7);
        QVERIFY(again.ok());
        QCOMPARE(*again, *first);
    }
    QCOMPARE(server.requestCount(), 1); // schemas are immutable per id
    QVERIFY(client.describe().contains(server.baseUrl()));
}

void tst_SchemaRegistryClient::failuresNotCached()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    const QString path = QStringLiteral("/schema-registry/schemas/ids/5");
    server.onSequence("GET", path, {fixture(QStringLiteral("schema-by-id-404.http")), fixture(QStringLiteral("schema-by-id-200.http"))});
    SchemaRegistryClient client(std::make_shared<CurlTransport>(), fastOptions(server));
    QVERIFY(!client.schemaJson(5).ok());
    // Registered in the meantime: the next ask finds it.
    QVERIFY(client.schemaJson(5).ok());
    QCOMPARE(int(server.requestsTo(path).size()), 2);
}

void tst_SchemaRegistryClient::retriedAfter500()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    const QString path = QStringLiteral("/schema-registry/schemas/ids/7");
    server.onSequence("GET", path, {fixture(QStringLiteral("schema-by-id-500.http")), fixture(QStringLiteral("schema-by-id-500.http")),
                                    fixture(QStringLiteral("schema-by-id-200.http"))});
    SchemaRegistryClient client(std::make_shared<CurlTransport>(), fastOptions(server));
    QVERIFY(client.schemaJson(7).ok());
    QCOMPARE(int(server.requestsTo(path).size()), 3);
}

void tst_SchemaRegistryClient::slowRegistryTimesOut()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    const QString path = QStringLiteral("/schema-registry/schemas/ids/7");
    ContractResponse slow = fixture(QStringLiteral("schema-by-id-200.http"));
    slow.delayBeforeHeaders = std::chrono::milliseconds(1500);
    server.on("GET", path, slow);
    SchemaRegistryOptions options = fastOptions(server);
    options.timeout = std::chrono::milliseconds(300);
    options.retry.maxAttempts = 2;
    {
        SchemaRegistryClient client(std::make_shared<CurlTransport>(), options);
        QElapsedTimer timer;
        timer.start();
        const auto schema = client.schemaJson(7);
        QVERIFY(!schema.ok());
        QVERIFY2(schema.error().contains(u"time", Qt::CaseInsensitive), qPrintable(schema.error()));
        QCOMPARE(client.requestCount(), 2); // a timeout is retried once
        QVERIFY(timer.elapsed() < 1400);
    }
    // Slow but within the limit: fine.
    options.timeout = std::chrono::milliseconds(5000);
    SchemaRegistryClient patient(std::make_shared<CurlTransport>(), options);
    QVERIFY(patient.schemaJson(7).ok());
    // A cancelled ask ends at once.
    SchemaRegistryClient cancelled(std::make_shared<CurlTransport>(), options);
    CancelToken token;
    token.cancel();
    const auto none = cancelled.schemaJson(7, token);
    QVERIFY(!none.ok());
    QVERIFY(none.failure().cancelled);
}

void tst_SchemaRegistryClient::basicAuth()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    server.on("GET", QStringLiteral("/schema-registry/schemas/ids/7"), [](const ContractRequest &r) {
        if (r.basicAuth() != std::optional<std::pair<QString, QString>>({QStringLiteral("reader"), QStringLiteral("pw")}))
            return ContractResponse::json(401, R"({"error_code":401,"message":"Unauthorized"})");
        return fixture(QStringLiteral("schema-by-id-200.http"));
    });
    SchemaRegistryOptions options = fastOptions(server);
    options.username = QStringLiteral("reader");
    options.password = QStringLiteral("pw");
    SchemaRegistryClient client(std::make_shared<CurlTransport>(), options);
    QVERIFY(client.schemaJson(7).ok());
    options.password = QStringLiteral("wrong");
    SchemaRegistryClient wrong(std::make_shared<CurlTransport>(), options);
    const auto denied = wrong.schemaJson(7);
    QVERIFY(!denied.ok());
    QCOMPARE(denied.failure().httpStatus, 401);
    QVERIFY2(denied.error().contains(u"Unauthorized"), qPrintable(denied.error()));
    QVERIFY(!denied.error().contains(u"wrong"));
}

void tst_SchemaRegistryClient::latestOfSubject()
{
    ContractHttpServer server;
    QVERIFY(server.start().ok());
    const QString topic = QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState");
    const QString path = QStringLiteral("/schema-registry/subjects/%1-value/versions/latest").arg(topic);
    server.on("GET", path, fixture(QStringLiteral("subject-latest-200.http")));
    const QString unknown = QStringLiteral("/schema-registry/subjects/lsst.sal.Unknown.topic-value/versions/latest");
    server.on("GET", unknown, fixture(QStringLiteral("subject-latest-404.http")));
    SchemaRegistryClient client(std::make_shared<CurlTransport>(), fastOptions(server));

    const auto latest = client.latestSchemaJson(topic + QStringLiteral("-value"));
    QVERIFY2(latest.ok(), qPrintable(latest.error()));
    auto parsed = AvroSchema::parse(*latest);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error()));
    QCOMPARE(QString::fromStdString((*parsed)->fields().at(2).description), QStringLiteral("X forces"));
    // The answer names its id: asking for that id later needs no request.
    QVERIFY(client.schemaJson(7).ok());
    QCOMPARE(server.requestCount(), 1);

    const auto missing = client.latestSchemaJson(QStringLiteral("lsst.sal.Unknown.topic-value"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.failure().httpStatus, 404);
    QVERIFY2(missing.error().contains(QStringLiteral("Subject lsst.sal.Unknown.topic-value")), qPrintable(missing.error()));
    QVERIFY2(missing.error().contains(QStringLiteral("not found")), qPrintable(missing.error()));
    QVERIFY(server.unmatchedRequests().empty());
}

QTEST_GUILESS_MAIN(tst_SchemaRegistryClient)
#include "tst_schemaregistryclient.moc"
