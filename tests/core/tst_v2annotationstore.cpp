// SPDX-License-Identifier: GPL-3.0-or-later
// V2AnnotationStore against an InfluxDB 2.x contract server: responses in
// tests/fixtures/annotations-v2, written from the documented shapes of /api/v2private/annotations
// and /api/v2private/streams (see the README there). The requests the store sends are checked
// against the same documents: paths, orgID, times, stickerIncludes[k], and the JSON bodies.
#include "core/annotations/V2AnnotationJson.h"
#include "core/annotations/V2AnnotationStore.h"
#include "core/http/CurlTransport.h"
#include "core/time/TimeText.h"
#include "tests/support/ContractHttpServer.h"

#include <QFile>
#include <QTest>

#include <nlohmann/json.hpp>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

const QString kOrgId = QStringLiteral("a1b2c3d4e5f60718");

ContractResponse fixture(const QString &name)
{
    auto r = ContractResponse::fromHttpFile(QStringLiteral(SASQUATCH_TEST_FIXTURES "/annotations-v2/") + name);
    if (!r)
        qFatal("fixture %s: %s", qPrintable(name), qPrintable(r.error()));
    return r.value();
}

std::int64_t ns(const char *text)
{
    return parseTimeText(QString::fromLatin1(text)).value();
}

nlohmann::json jsonFixture(const QString &name)
{
    QFile f(QStringLiteral(SASQUATCH_TEST_FIXTURES "/annotations-v2/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(name));
    const QByteArray bytes = f.readAll();
    return nlohmann::json::parse(bytes.begin(), bytes.end());
}

nlohmann::json body(const ContractRequest &r)
{
    return nlohmann::json::parse(r.body.begin(), r.body.end(), nullptr, false);
}

} // namespace

class tst_V2AnnotationStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ContractHttpServer> m_server;

    V2AnnotationStore store()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("contract");
        p.influxUrl = m_server->baseUrl();
        p.api = ApiFlavour::V2;
        p.org = QStringLiteral("rubin");
        return V2AnnotationStore(p, QStringLiteral("t0ken"), std::make_shared<CurlTransport>());
    }

    static Annotation fault()
    {
        Annotation a;
        a.startNs = ns("2026-11-23T03:12:00Z");
        a.endNs = ns("2026-11-23T03:20:00.5Z");
        a.text = QStringLiteral("M1M3 fault\nforce actuator 112 following error");
        a.tags.insert(QStringLiteral("csc"), QStringLiteral("MTM1M3"));
        a.color = QStringLiteral("#e5533d");
        return a;
    }

private Q_SLOTS:
    void init()
    {
        m_server = std::make_unique<ContractHttpServer>();
        QVERIFY(m_server->start().ok());
        m_server->on("GET", QStringLiteral("/api/v2/orgs"), fixture(QStringLiteral("orgs.http")));
        m_server->on("PUT", QStringLiteral("/api/v2private/streams"), fixture(QStringLiteral("stream-put.http")));
    }

    void createsWithDocumentedBody()
    {
        m_server->on("POST", QStringLiteral("/api/v2private/annotations"), fixture(QStringLiteral("create.http")));
        auto s = store();
        auto created = s.create(fault());
        QVERIFY2(created.ok(), qPrintable(created.error()));
        QCOMPARE(created->id, QStringLiteral("08a8f2c1d4e50000"));
        QCOMPARE(created->stream, QStringLiteral("default"));
        Annotation expected = fault();
        expected.id = created->id;
        expected.stream = QStringLiteral("default");
        QCOMPARE(created.value(), expected);

        const auto posts = m_server->requestsTo(QStringLiteral("/api/v2private/annotations"));
        QCOMPARE(int(posts.size()), 1);
        const ContractRequest &post = posts.front();
        QCOMPARE(post.queryValue(QStringLiteral("orgID")), std::optional<QString>(kOrgId));
        QCOMPARE(post.tokenAuth(), std::optional<QString>(QStringLiteral("t0ken")));
        QVERIFY(post.header("content-type").startsWith("application/json"));
        const nlohmann::json expectedBody = jsonFixture(QStringLiteral("create-request.json"));
        QCOMPARE(QString::fromStdString(body(post).dump()), QString::fromStdString(expectedBody.dump()));

        // The stream was made sure of once, with a description; the org looked up once.
        const auto streams = m_server->requestsTo(QStringLiteral("/api/v2private/streams"));
        QCOMPARE(int(streams.size()), 1);
        QCOMPARE(streams.front().queryValue(QStringLiteral("orgID")), std::optional<QString>(kOrgId));
        QVERIFY(body(streams.front())["stream"] == "default");
        QVERIFY(body(streams.front())["description"].is_string());
        QVERIFY(s.create(fault()).ok());
        QCOMPARE(int(m_server->requestsTo(QStringLiteral("/api/v2private/streams")).size()), 1);
        QCOMPARE(int(m_server->requestsTo(QStringLiteral("/api/v2/orgs")).size()), 1);
        QVERIFY(m_server->unmatchedRequests().empty());
    }

    void listsOverlappingAcrossStreams()
    {
        m_server->on("GET", QStringLiteral("/api/v2private/annotations"), fixture(QStringLiteral("list.http")));
        AnnotationFilter filter;
        filter.startNs = ns("2026-11-23T03:00:00Z");
        filter.endNs = ns("2026-11-23T06:00:00Z");
        auto listed = store().list(filter);
        QVERIFY2(listed.ok(), qPrintable(listed.error()));
        QCOMPARE(int(listed->size()), 3); // "Long before" lies outside the asked range
        const Annotation &a = listed->at(0);
        QCOMPARE(a.id, QStringLiteral("08a8f2c1d4e50000"));
        QCOMPARE(a.text, QStringLiteral("M1M3 fault\nforce actuator 112 following error"));
        QCOMPARE(a.color, QStringLiteral("#e5533d"));
        QCOMPARE(a.tags, (QMap<QString, QString>{{QStringLiteral("csc"), QStringLiteral("MTM1M3")}}));
        QCOMPARE(a.endNs, ns("2026-11-23T03:20:00.5Z"));
        const Annotation &b = listed->at(1);
        QVERIFY(b.isPoint());
        QCOMPARE(b.text, QStringLiteral("Dome opened"));
        QCOMPARE(b.color, QString());
        const Annotation &c = listed->at(2);
        QCOMPARE(c.stream, QStringLiteral("deploys"));
        QCOMPARE(c.text, QStringLiteral("Deploy v3.8.1\n\nrolled out by the night crew"));
        QCOMPARE(c.startNs, ns("2026-11-23T04:30:00Z"));

        const auto gets = m_server->requestsTo(QStringLiteral("/api/v2private/annotations"));
        QCOMPARE(int(gets.size()), 1);
        const ContractRequest &get = gets.front();
        QCOMPARE(get.queryValue(QStringLiteral("orgID")), std::optional<QString>(kOrgId));
        // The API keeps only annotations wholly inside the window, so the store widens it.
        QCOMPARE(get.queryValue(QStringLiteral("startTime")), std::optional<QString>(QStringLiteral("2026-10-24T03:00:00Z")));
        QCOMPARE(get.queryValue(QStringLiteral("endTime")), std::optional<QString>(QStringLiteral("2026-12-23T06:00:00Z")));
    }

    void listByTagsSendsStickerIncludes()
    {
        m_server->on("GET", QStringLiteral("/api/v2private/annotations"), fixture(QStringLiteral("list.http")));
        AnnotationFilter filter;
        filter.tags.insert(QStringLiteral("csc"), QStringLiteral("MTDome"));
        auto listed = store().list(filter);
        QVERIFY2(listed.ok(), qPrintable(listed.error()));
        QCOMPARE(int(listed->size()), 1);
        QCOMPARE(listed->front().text, QStringLiteral("Dome opened"));
        const ContractRequest get = m_server->requestsTo(QStringLiteral("/api/v2private/annotations")).front();
        QCOMPARE(get.queryValue(QStringLiteral("stickerIncludes[csc]")), std::optional<QString>(QStringLiteral("MTDome")));
        QVERIFY(!get.queryValue(QStringLiteral("startTime")));
        QVERIFY(get.queryValue(QStringLiteral("endTime"))); // else the server stops at now
    }

    void findsUpdatesAndDeletes()
    {
        const QString path = QStringLiteral("/api/v2private/annotations/08a8f2c1d4e50001");
        m_server->on("GET", path, fixture(QStringLiteral("get.http")));
        m_server->on("PUT", path, fixture(QStringLiteral("update.http")));
        m_server->on("DELETE", path, ContractResponse::noContent());
        auto s = store();
        auto found = s.find(QStringLiteral("08a8f2c1d4e50001"));
        QVERIFY2(found.ok(), qPrintable(found.error()));
        Annotation changed = found.value();
        changed.text = QStringLiteral("Dome opened late");
        changed.tags.insert(QStringLiteral("shift"), QStringLiteral("night"));
        auto updated = s.update(changed);
        QVERIFY2(updated.ok(), qPrintable(updated.error()));
        QCOMPARE(updated.value(), changed);
        const ContractRequest put = m_server->requestsTo(path).at(1);
        QCOMPARE(put.method, QByteArray("PUT"));
        const nlohmann::json expected = jsonFixture(QStringLiteral("update-request.json"));
        QCOMPARE(QString::fromStdString(body(put).dump()), QString::fromStdString(expected.dump()));
        auto removed = s.remove(QStringLiteral("08a8f2c1d4e50001"));
        QVERIFY2(removed.ok(), qPrintable(removed.error()));
        QCOMPARE(m_server->requestsTo(path).back().method, QByteArray("DELETE"));
        QVERIFY(m_server->unmatchedRequests().empty());
    }

    void failuresCarryStatusAndServerWords_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("words");
        QTest::newRow("refused") << "summary-empty.http" << 400 << "summary cannot be empty";
        QTest::newRow("not found") << "not-found.http" << 400 << "annotation not found";
    }

    void failuresCarryStatusAndServerWords()
    {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QString, words);
        m_server->on("*", QStringLiteral("/api/v2private/annotations*"), fixture(file));
        auto s = store();
        auto created = s.create(fault());
        QVERIFY(!created.ok());
        QCOMPARE(created.failure().httpStatus, status);
        QVERIFY2(created.error().contains(words), qPrintable(created.error()));
        QVERIFY2(created.error().startsWith(QStringLiteral("Saving the annotation failed")), qPrintable(created.error()));
        auto found = s.find(QStringLiteral("0000000000000001"));
        QVERIFY(!found.ok());
        QVERIFY2(found.error().contains(words), qPrintable(found.error()));
    }

    void unknownOrganisation()
    {
        m_server->on("GET", QStringLiteral("/api/v2/orgs"),
                     ContractResponse::json(200, "{\"orgs\":[{\"id\":\"a1b2c3d4e5f60718\",\"name\":\"other\"}]}"));
        auto listed = store().list({});
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().contains(QStringLiteral("\"rubin\"")), qPrintable(listed.error()));
        QVERIFY(m_server->requestsTo(QStringLiteral("/api/v2private/annotations")).empty());
    }

    void refusesTextOverTheServerLimitBeforeSending()
    {
        Annotation a = fault();
        a.text = QString(V2AnnotationJson::kMaxMessageChars + 1, u'x');
        auto created = store().create(a);
        QVERIFY(!created.ok());
        QVERIFY2(created.error().contains(QStringLiteral("4096")), qPrintable(created.error()));
        QCOMPARE(m_server->requestCount(), 0);
    }

    void summaryIsFirstLineWithinLimit()
    {
        QCOMPARE(V2AnnotationJson::summaryOf(QStringLiteral("  first\nsecond")), QStringLiteral("first"));
        const QString longLine = QString(300, QChar(0x00f1)); // ñ: one character, two UTF-8 bytes
        const QString summary = V2AnnotationJson::summaryOf(longLine);
        QCOMPARE(summary.size(), V2AnnotationJson::kMaxSummaryChars);
        QVERIFY(summary.endsWith(QChar(0x2026)));
        // Emoji are two UTF-16 units but one character for the server.
        const QString emoji = QString::fromUtf8("\xF0\x9F\x94\xAD").repeated(260);
        QCOMPARE(V2AnnotationJson::summaryOf(emoji).toUcs4().size(), V2AnnotationJson::kMaxSummaryChars);
    }

    void listsStreams()
    {
        m_server->on("GET", QStringLiteral("/api/v2private/streams"), fixture(QStringLiteral("streams-list.http")));
        auto streams = store().listStreams();
        QVERIFY2(streams.ok(), qPrintable(streams.error()));
        QCOMPARE(streams.value(), (QStringList{QStringLiteral("default"), QStringLiteral("deploys")}));
    }
};

QTEST_GUILESS_MAIN(tst_V2AnnotationStore)
#include "tst_v2annotationstore.moc"
