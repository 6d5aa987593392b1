// SPDX-License-Identifier: GPL-3.0-or-later
// `sasquatch-browser upload`: exit codes, per-file summary, dry run, --valid-only, --report.
#include "core/cli/UploadCommand.h"
#include "tests/support/CommandRun.h"
#include "tests/support/ContractHttpServer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace sasquatch;
using namespace sasquatch::test;

namespace {

using Run = sasquatch::test::CommandRun;

Run run(const QStringList &args)
{
    return sasquatch::test::runCommand(&UploadCommand::run, QStringList{QStringLiteral("sasquatch-browser upload")} + args);
}

/// A bridge that acknowledges every record it gets, offsets counting from 0.
void acknowledgeEverything(ContractHttpServer &server, const QString &path)
{
    auto next = std::make_shared<int>(0);
    server.on("POST", path, [next](const ContractRequest &request) {
        const QJsonArray records = QJsonDocument::fromJson(request.body).object().value("records").toArray();
        QJsonArray offsets;
        for (qsizetype i = 0; i < records.size(); ++i)
            offsets.append(QJsonObject{{"partition", 0}, {"offset", (*next)++}});
        return ContractResponse::json(200, QJsonDocument(QJsonObject{{"offsets", offsets}}).toJson(QJsonDocument::Compact));
    });
}

} // namespace

class tst_UploadCommand : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString write(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write");
        f.write(content);
        return f.fileName();
    }

private Q_SLOTS:
    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no file") << QStringList{"--via", "bridge"} << "Give at least one FILE to upload.";
        QTest::newRow("no via") << QStringList{"a.csv"} << "Say how to upload: --via rest-proxy, bridge, kafka or influx.";
        QTest::newRow("bad via") << QStringList{"a.csv", "--via", "ftp"} << "--via must be rest-proxy, bridge, kafka or influx, not \"ftp\".";
        QTest::newRow("no url") << QStringList{"a.csv", "--via", "bridge"} << "No Kafka bridge URL: give --bridge-url URL or a profile with one.";
        QTest::newRow("bad precision") << QStringList{"a.lp", "--via", "kafka", "--precision", "h"} << "--precision must be ns, us, ms or s, not \"h\".";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run r = run(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void uploadsThroughTheBridgeWithAReport()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        acknowledgeEverything(server, "/topics/lsst.dm.campaign");
        const QString csv = write("campaign.csv", "time,visit,PA1\n1795000000,1,1.5\n1795000001,2,2.5\n1795000002,3,3.5\n");
        const QString report = m_dir.filePath("report.json");
        const Run r = run({csv, "--via", "bridge", "--bridge-url", server.baseUrl(), "--report", report});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QStringLiteral("%1 (CSV): 3 record(s): 3 acknowledged, 0 failed, 0 not sent\n"
                                       "  note: unix times read as seconds (from their size)\n").arg(csv));
        QFile f(report);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
        QCOMPARE(json.value("allAcknowledged").toBool(), true);
        const QJsonArray outcomes = json.value("files").toArray()[0].toObject().value("outcomes").toArray();
        QCOMPARE(outcomes.size(), 3);
        QCOMPARE(outcomes[2].toObject().value("offset").toInt(), 2);
        QCOMPARE(outcomes[2].toObject().value("topic").toString(), u"lsst.dm.campaign"_qs);
    }

    void allOrNothingThenValidOnly()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        acknowledgeEverything(server, "/topics/lsst.dm.bad");
        const QString csv = write("bad.csv", "time,PA1\n1795000000,1.5\n1795000001,oops\n1795000002,3.5\n");
        Run r = run({csv, "--via", "bridge", "--bridge-url", server.baseUrl()});
        QCOMPARE(r.code, 1);
        QCOMPARE(server.requestCount(), 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("%1 (CSV): 3 record(s): 0 acknowledged, 0 failed, 3 not sent\n"
                                                 "  %1:3:2: column \"PA1\" holds numbers (since line 2); \"oops\" is not a number\n")
                                      .arg(csv)),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(u"--valid-only sends the valid ones"));
        QVERIFY2(r.err.contains(u"0 of 3 record(s) acknowledged; 0 failed, 3 not sent."), qPrintable(r.err));

        r = run({csv, "--via", "bridge", "--bridge-url", server.baseUrl(), "--valid-only"});
        QCOMPARE(r.code, 1); // the invalid record was not acknowledged
        QVERIFY2(r.out.startsWith(QStringLiteral("%1 (CSV): 3 record(s): 2 acknowledged, 0 failed, 1 not sent\n").arg(csv)), qPrintable(r.out));
        QCOMPARE(server.requestsTo("/topics/lsst.dm.bad").size(), std::size_t(1));
        QCOMPARE(QJsonDocument::fromJson(server.requestsTo("/topics/lsst.dm.bad")[0].body).object()["records"].toArray().size(), 2);
    }

    void unreadableFileFails()
    {
        const QString empty = write("empty.csv", "");
        const Run r = run({empty, "--via", "bridge", "--bridge-url", "http://127.0.0.1:9"});
        QCOMPARE(r.code, 1);
        QCOMPARE(r.out, QStringLiteral("%1 (unknown): 0 record(s): 0 acknowledged, 0 failed, 0 not sent\n  %1: empty file\n").arg(empty));
        QVERIFY2(r.err.contains(u"1 file(s) could not be read."), qPrintable(r.err));
    }

    void dryRunShowsTheRequestsAndSendsNothing()
    {
        ContractHttpServer server;
        QVERIFY(server.start().ok());
        const QString lp = write("points.lp", "lsst.dm.points,band=g PA1=1.5 1795000000000000000\n");
        const Run r = run({lp, "--via", "rest-proxy", "--rest-proxy-url", server.baseUrl(), "--dry-run"});
        QCOMPARE(r.code, 0);
        QCOMPARE(server.requestCount(), 0);
        QVERIFY2(r.out.contains(QStringLiteral("POST %1/topics/lsst.dm.points  (1 record(s))\n").arg(server.baseUrl())), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Content-Type: application/vnd.kafka.avro.v2+json\n"));
        QVERIFY(r.out.contains(uR"("records":[{"value":{"timestamp":1795000000,"band":"g","PA1":1.5}}]})"_qs));
        QVERIFY(r.out.contains(QStringLiteral("%1 (line protocol): 1 record(s): 1 would be sent, 0 would not").arg(lp)));
    }

    /// Files as the real tools write them, planned in a dry run. Sources: a REST proxy v2 body
    /// as analysis_tools' dispatcher posts it (value_schema with namespace and name; Confluent
    /// REST Proxy API reference), an lsst.verify job whose meta holds measurement notes
    /// ("<metric>.<note>", lsst/verify Job.json) and NaN (Python's json.dump, allow_nan=True).
    void realFilesDryRun_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QStringList>("expected"); // lines the output holds; %1 = the file
        const QByteArray schema = R"({"type":"record","namespace":"lsst.verify","name":"psfCcdSize","fields":[)"
                                  R"({"name":"timestamp","type":"double"},{"name":"PA1","type":"int"}]})";
        const QByteArray body = "{\"value_schema\":\"" + QByteArray(schema).replace("\"", "\\\"") + "\","
                                + R"("records":[{"value":{"timestamp":1795000000,"PA1":2}},)"
                                  R"({"key":"k","partition":0,"value":{"timestamp":1795000001,"PA1":3}}]})";
        QTest::newRow("saved REST proxy body")
            << "saved-body.json" << body << QStringList{}
            << QStringList{uR"(Topic lsst.verify.psfCcdSize: 2 record(s), Avro schema {"type":"record","namespace":"lsst.verify","name":"psfCcdSize",)"_qs,
                           u"POST http://127.0.0.1:9/topics/lsst.verify.psfCcdSize  (2 record(s))"_qs,
                           u"%1 (metric records): 2 record(s): 2 would be sent, 0 would not"_qs};
        QTest::newRow("saved REST proxy body, --topic wins")
            << "saved-body2.json" << body << QStringList{"--topic", "lsst.dm.other"}
            << QStringList{uR"(Topic lsst.dm.other: 2 record(s), Avro schema {"type":"record","namespace":"lsst.dm","name":"other",)"_qs};
        QTest::newRow("verify job with notes and NaN")
            << "job.json"
            << QByteArray(R"({"measurements":[{"metric":"pipe_tasks.CharacterizeImageTime","value":3.5,"unit":"s"},)"
                          R"({"metric":"pipe_tasks.ProcessCcdTime","value":NaN,"unit":"s"}],)"
                          R"("meta":{"instrument":"HSC","pipe_tasks.CharacterizeImageTime.estimator":"utils.timer.timeMethod",)"
                          R"("env":{"date":"2026-11-23T03:12:00.5+00:00"}}})")
            << QStringList{}
            << QStringList{u"%1 (lsst.verify job): 1 record(s): 1 would be sent, 0 would not"_qs,
                           u"  note: %1:1: value of \"pipe_tasks.ProcessCcdTime\" is NaN: the measurement is skipped"_qs,
                           uR"({"value":{"timestamp":1795403520.5,"instrument":"HSC","estimator":"utils.timer.timeMethod","CharacterizeImageTime":3.5}})"_qs};
        // influx_inspect export (influxdb cmd/influx_inspect/export/export.go), no suffix, with a
        // log message over two lines (InfluxDB's scanLine: newlines inside quoted values).
        QTest::newRow("influx_inspect export")
            << "efd-export"
            << QByteArray("# INFLUXDB EXPORT: 1677-09-21T00:12:43Z - 2262-04-11T23:47:16Z\n# DDL\n"
                          "CREATE DATABASE efd WITH NAME autogen\n# DML\n# CONTEXT-DATABASE:efd\n"
                          "# CONTEXT-RETENTION-POLICY:autogen\n"
                          "lsst.sal.Script.logevent_logMessage message=\"a\",traceback=\"Traceback:\n  File x\" 1795000000000000000\n"
                          "lsst.sal.Script.logevent_logMessage message=\"b\" 1795000001000000000\n")
            << QStringList{"--namespace", "lsst.sal"}
            << QStringList{u"%1 (line protocol): 2 record(s): 2 would be sent, 0 would not"_qs,
                           u"  note: influx_inspect export: 1 DDL statement(s) skipped; database efd, retention policy autogen"_qs,
                           uR"("traceback":{"string":"Traceback:\n  File x"})"_qs,
                           u"POST http://127.0.0.1:9/topics/lsst.sal.Script.logevent_logMessage  (2 record(s))"_qs};
    }
    void realFilesDryRun()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, extra);
        QFETCH(QStringList, expected);
        const QString file = write(name, content);
        const Run r = run(QStringList{file, "--via", "rest-proxy", "--rest-proxy-url", "http://127.0.0.1:9", "--dry-run"} + extra);
        QCOMPARE(r.code, 0);
        for (const QString &line : expected)
            QVERIFY2(r.out.contains(line.contains(u"%1") ? line.arg(file) : line), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(tst_UploadCommand)
#include "tst_uploadcommand.moc"
