// SPDX-License-Identifier: GPL-3.0-or-later
// `sasquatch-browser query` end to end: InfluxQL against the real influxd of the CTest fixture,
// Flux against a contract fixture server (annotated CSV from tests/fixtures/influxdb2, see the
// README there), both through CurlTransport as the command runs them.
#include "core/cli/CommandLine.h"
#include "core/cli/QueryCommand.h"
#include "core/http/CurlTransport.h"
#include "tests/support/CommandRun.h"
#include "tests/support/ContractHttpServer.h"
#include "tests/support/InfluxFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

constexpr std::int64_t kStart = 1732406400123456789; // 2024-11-24T00:00:00.123456789Z

using Run = sasquatch::test::CommandRun;

Run query(QStringList args)
{
    args.prepend(QStringLiteral("sasquatch-browser query"));
    return sasquatch::test::runCommand(&QueryCommand::run, args);
}

QByteArray fixtureBytes(const QString &name)
{
    QFile f(QStringLiteral(SASQUATCH_TEST_FIXTURES "/influxdb2/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("fixture %s missing", qPrintable(name));
    return f.readAll();
}

} // namespace

class tst_ItQueryCommand : public QObject
{
    Q_OBJECT
private:
    QString m_url;
    QString m_m;
    ContractHttpServer m_flux;
    QTemporaryDir m_dir;

    QStringList server() const
    {
        return {QStringLiteral("--influx-url"), m_url, QStringLiteral("--database"), QStringLiteral("efd")};
    }
    QStringList fluxServer() const
    {
        return {QStringLiteral("--influx-url"), m_flux.baseUrl(), QStringLiteral("--api"), QStringLiteral("v2"),
                QStringLiteral("--org"), QStringLiteral("rubin")};
    }
    QString select() const { return QStringLiteral("SELECT xForce0, n FROM \"%1\" GROUP BY salIndex").arg(m_m); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("SASQUATCH_PASSWORD");
        qputenv("SASQUATCH_TOKEN", "tok-123");
        QVERIFY(m_dir.isValid());
        QVERIFY(m_flux.start().ok());
        m_flux.on("POST", QStringLiteral("/api/v2/query"), [](const ContractRequest &r) {
            if (r.tokenAuth() != std::optional<QString>(QStringLiteral("tok-123")))
                return ContractResponse::json(401, R"({"code":"unauthorized","message":"unauthorized access"})");
            if (r.body.contains("fromm"))
                return ContractResponse::json(400, R"({"code":"invalid","message":"compilation failed: error at @1:1-1:6: undefined identifier fromm"})");
            return ContractResponse::chunked(200, "text/csv; charset=utf-8", {fixtureBytes(QStringLiteral("query-two-results.csv"))});
        });
        m_url = InfluxFixture::url();
        if (m_url.isEmpty())
            return;
        m_m = QStringLiteral("it_querycmd_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        QByteArray lines;
        for (int k = 0; k < 4; ++k)
            for (int s = 1; s <= 2; ++s)
                lines += m_m.toUtf8() + ",salIndex=" + QByteArray::number(s) + " xForce0=" + QByteArray::number(k + s * 0.25)
                         + ",n=" + QByteArray::number(k) + "i " + QByteArray::number(qint64(kStart + k * 1'000'003)) + "\n";
        HttpRequest write;
        write.method = HttpMethod::Post;
        write.url = m_url + QStringLiteral("/write?db=efd&precision=ns");
        write.body = lines;
        CurlTransport transport;
        QCOMPARE(transport.perform(write).response.status, 204);
    }

    void influxQlCsv()
    {
        if (m_url.isEmpty())
            return;
        const Run r = query(server() << QStringLiteral("--influxql") << select() << QStringLiteral("--chunk-size")
                                     << QStringLiteral("3"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.err.isEmpty());
        const QStringList lines = r.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 9); // one header (both series have the same shape) + 8 rows
        QCOMPARE(lines[0], QStringLiteral("result,table,time,xForce0,n,_measurement,salIndex"));
        QCOMPARE(lines[1], QStringLiteral("0,0,2024-11-24T00:00:00.123456789Z,0.25,0,%1,1").arg(m_m));
        QCOMPARE(lines[8], QStringLiteral("0,1,2024-11-24T00:00:00.126456798Z,3.5,3,%1,2").arg(m_m));
    }

    void influxQlJsonLines()
    {
        if (m_url.isEmpty())
            return;
        const Run r = query(server() << QStringLiteral("--influxql") << select() << QStringLiteral("--format")
                                     << QStringLiteral("json"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(lines[0].toUtf8()).object();
        QCOMPARE(first.value(u"result").toString(), QStringLiteral("0"));
        QCOMPARE(first.value(u"table").toInt(), 0);
        QCOMPARE(first.value(u"columns").toArray().at(0).toObject().value(u"type").toString(), QStringLiteral("dateTime:RFC3339"));
        const QJsonArray row = first.value(u"rows").toArray().at(3).toArray();
        QCOMPARE(row.at(0).toString(), QStringLiteral("2024-11-24T00:00:00.126456798Z"));
        QCOMPARE(row.at(1).toDouble(), 3.25);
        QCOMPARE(row.at(2).toInt(), 3);
    }

    void stats()
    {
        if (m_url.isEmpty())
            return;
        const Run r = query(server() << QStringLiteral("--influxql") << select() << QStringLiteral("--format")
                                     << QStringLiteral("stats"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        static const QRegularExpression shape(QStringLiteral(R"(^\{"rows":8,"tables":2,"bytes":(\d+),"seconds":\d+\.\d{3}\}\n$)"));
        const auto m = shape.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(1).toInt() > 100);
    }

    void fluxFromFileToOut()
    {
        const QString queryFile = path(QStringLiteral("q.flux"));
        QFile f(queryFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("from(bucket: \"efd\") |> range(start: -1m)\n");
        f.close();
        const QString out = path(QStringLiteral("flux.csv"));
        const Run r = query(fluxServer() << QStringLiteral("--file") << queryFile << QStringLiteral("--out") << out);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString csv = QString::fromUtf8(written.readAll());
        // Two shapes: two headers; RFC 4180 quoting of the note with a comma, quotes and a newline.
        QCOMPARE(csv,
                 QStringLiteral("result,table,_start,_stop,_time,_value,_field,_measurement,salIndex\r\n"
                                "raw,0,2024-05-01T00:00:00Z,2024-05-01T00:01:00Z,2024-05-01T00:00:10.123456789Z,1.5,xForce0,"
                                "lsst.sal.MTM1M3.forceActuatorData,1\r\n"
                                "raw,0,2024-05-01T00:00:00Z,2024-05-01T00:01:00Z,2024-05-01T00:00:10.143456789Z,,xForce0,"
                                "lsst.sal.MTM1M3.forceActuatorData,1\r\n"
                                "raw,1,2024-05-01T00:00:00Z,2024-05-01T00:01:00Z,2024-05-01T00:00:10Z,-2.25,xForce1,"
                                "lsst.sal.MTM1M3.forceActuatorData,1\r\n"
                                "result,table,_time,_value,_field,note\r\n"
                                "count,0,2024-05-01T00:01:00Z,42,private_seqNum,\"a, \"\"quoted\"\"\nnote\"\r\n"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // q.flux, flux.csv: no temp left
    }

    void failedQueryLeavesNoFile()
    {
        const QString out = path(QStringLiteral("kept.csv"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old content\n");
        old.close();
        const QString fresh = path(QStringLiteral("never.csv"));
        Run r = query(fluxServer() << QStringLiteral("--flux") << QStringLiteral("fromm(bucket: \"x\")") << QStringLiteral("--out")
                                   << fresh);
        QCOMPARE(r.code, 1);
        QVERIFY(!QFile::exists(fresh));
        r = query(fluxServer() << QStringLiteral("--flux") << QStringLiteral("fromm(bucket: \"x\")") << QStringLiteral("--out") << out);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("sasquatch-browser: InfluxDB refused the Flux query (HTTP 400 Bad Request): "
                                                 "invalid: compilation failed: error at @1:1-1:6: undefined identifier fromm")),
                 qPrintable(r.err));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old content\n"));
        QStringList files = QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(!files.contains(QStringLiteral("never.csv")) && files.filter(QStringLiteral("kept.csv")).size() == 1,
                 qPrintable(files.join(u' ')));
    }

    void serverErrorsExitOne()
    {
        // 401: the token was not accepted.
        qputenv("SASQUATCH_TOKEN", "wrong");
        Run r = query(fluxServer() << QStringLiteral("--flux") << QStringLiteral("from(bucket: \"efd\")"));
        qputenv("SASQUATCH_TOKEN", "tok-123");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("HTTP 401 Unauthorized")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        // Nobody listening.
        r = query({QStringLiteral("--influx-url"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--api"),
                   QStringLiteral("v1"), QStringLiteral("--influxql"), QStringLiteral("SHOW DATABASES")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("sasquatch-browser: ")), qPrintable(r.err));
        if (m_url.isEmpty())
            return;
        // 400 with influxd's parse error.
        r = query(server() << QStringLiteral("--influxql") << QStringLiteral("SELECT * FRM x"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("error parsing query: found FRM, expected FROM at line 1, char 10")), qPrintable(r.err));
    }

    void statementErrorExitsOneAfterTheRows()
    {
        if (m_url.isEmpty())
            return;
        const QString q = select() + QStringLiteral("; SELECT * FROM \"nope\".\"autogen\".\"x\"");
        Run r = query(server() << QStringLiteral("--influxql") << q << QStringLiteral("--format") << QStringLiteral("json"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("statement 2 (SELECT * FROM \"nope\".\"autogen\".\"x\"): database not found: nope")),
                 qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // two tables, then the error line
        QCOMPARE(QJsonDocument::fromJson(lines[2].toUtf8()).object().value(u"error").toString(), QStringLiteral("database not found: nope"));
    }

    void budgetOption()
    {
        if (m_url.isEmpty())
            return;
        const Run r = query(server() << QStringLiteral("--influxql") << select() << QStringLiteral("--max-points")
                                     << QStringLiteral("3") << QStringLiteral("--format") << QStringLiteral("stats"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("memory budget of one query (3 points)")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("GROUP BY time(1m)")));
        QVERIFY(r.err.contains(QStringLiteral("--max-points")));
        QVERIFY(r.out.isEmpty());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList url{QStringLiteral("--influx-url"), QStringLiteral("http://h")};
        QTest::newRow("no query") << url << "Give the query: --flux TEXT, --influxql TEXT or --file F.";
        QTest::newRow("two queries") << (url + QStringList{"--flux", "a", "--influxql", "b"})
                                     << "Give only one of --flux, --influxql and --file.";
        QTest::newRow("bad format") << (url + QStringList{"--flux", "a", "--format", "xml"})
                                    << "--format must be csv, json or stats, not \"xml\".";
        QTest::newRow("unknown extension") << (url + QStringList{"--file", SASQUATCH_TEST_FIXTURES "/influxdb2/ping.http"})
                                           << "Cannot tell the language of";
        QTest::newRow("bad language") << (url + QStringList{"--flux", "a", "--language", "sql2"})
                                      << "--language must be flux or influxql, not \"sql2\".";
        QTest::newRow("contradiction") << (url + QStringList{"--flux", "a", "--language", "influxql"})
                                       << "--language influxql contradicts --flux.";
        QTest::newRow("bad max-bytes") << (url + QStringList{"--flux", "a", "--max-bytes", "lots"})
                                       << "--max-bytes must be a size such as 500M or 2G, not \"lots\".";
        QTest::newRow("bad max-points") << (url + QStringList{"--flux", "a", "--max-points", "-1"})
                                        << "--max-points must be a positive whole number";
        QTest::newRow("empty") << (url + QStringList{"--influxql", "  "}) << "The query is empty.";
        QTest::newRow("no server") << QStringList{"--flux", "a"} << "Say which server: --profile NAME or --influx-url URL.";
        QTest::newRow("positional") << (url + QStringList{"--flux", "a", "extra"}) << "Unexpected argument \"extra\".";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = query(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("Try 'sasquatch-browser query --help'.")));
        QVERIFY(r.out.isEmpty());
    }

    void missingFileIsAFailure()
    {
        const Run r = query(fluxServer() << QStringLiteral("--file") << path(QStringLiteral("absent.flux")));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Cannot read the query from")), qPrintable(r.err));
    }

    void helpAndDispatch()
    {
        const Run r = query({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: sasquatch-browser query [options]")));
        QVERIFY(r.out.contains(QStringLiteral("JSON Lines")));
        QVERIFY(r.out.contains(QStringLiteral("{\"rows\":N,\"tables\":T,\"bytes\":B,\"seconds\":S}")));
        QVERIFY(commandNames().contains(QStringLiteral("query")));
        QCOMPARE(runCommandLine({QStringLiteral("sasquatch-browser"), QStringLiteral("query"), QStringLiteral("--frob")}),
                 std::optional<int>(2));
    }
};

QTEST_GUILESS_MAIN(tst_ItQueryCommand)
#include "tst_it_querycommand.moc"
