// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/EfdAuthImport.h"

#include <QFile>
#include <QTest>

using namespace sasquatch;

class tst_EfdAuthImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void imports()
    {
        // lsst-efd-client's credential file: {label: {url, database, username, password, schema_registry}}
        // lsst-efd-client's credential file: {label: {url, database, username, password, schema_registry}};
        // the second entry has the Segwarides shape (host/port/path).
        QFile file(QStringLiteral(SASQUATCH_TEST_FIXTURES "/efdauth/two-environments.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        auto result = importEfdAuth(json, QStringLiteral("efdauth.json"));
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->size(), size_t(2));
        const auto &summit = result->at(0); // QJsonObject iterates keys in order
        QCOMPARE(summit.profile.name, QStringLiteral("summit_efd"));
        QCOMPARE(summit.profile.influxUrl, QStringLiteral("https://summit-lsp.lsst.codes/influxdb-enterprise-data/"));
        QCOMPARE(summit.password, QStringLiteral("pw2"));
        const auto &usdf = result->at(1);
        QCOMPARE(usdf.profile.database, QStringLiteral("efd"));
        QCOMPARE(usdf.profile.username, QStringLiteral("efdreader"));
        QCOMPARE(usdf.profile.api, ApiFlavour::V1);
        QCOMPARE(usdf.profile.schemaRegistryUrl, QStringLiteral("https://usdf-rsp.slac.stanford.edu/schema-registry"));
        QCOMPARE(usdf.password, QStringLiteral("s3cret"));
        QVERIFY(usdf.profile.verifyTls);
        QVERIFY(!usdf.profile.toJson().contains(QStringLiteral("password")));
    }

    void segwaridesAnswer()
    {
        // The body of GET https://roundtable.lsst.codes/segwarides/creds/usdf_efd saved to a file:
        // one bare object (shape from lsst-efd-client's auth_helper and its test cassette).
        const QByteArray json = R"({"host":"usdf-rsp.slac.stanford.edu","username":"efdreader","password":"s3cret",)"
                                R"("schema_registry":"https://usdf-rsp.slac.stanford.edu/schema-registry","port":"443",)"
                                R"("path":"/influxdb-enterprise-data/"})";
        auto result = importEfdAuth(json, QStringLiteral("/home/me/usdf_efd.json"));
        QVERIFY2(result.ok(), qPrintable(result.error()));
        QCOMPARE(result->size(), size_t(1));
        const ImportedProfile &p = result->front();
        QCOMPARE(p.profile.name, QStringLiteral("usdf_efd"));
        QCOMPARE(p.profile.influxUrl, QStringLiteral("https://usdf-rsp.slac.stanford.edu/influxdb-enterprise-data/"));
        QCOMPARE(p.profile.username, QStringLiteral("efdreader"));
        QCOMPARE(p.password, QStringLiteral("s3cret"));
        QCOMPARE(p.profile.schemaRegistryUrl, QStringLiteral("https://usdf-rsp.slac.stanford.edu/schema-registry"));
        // "." is the server's root; a port other than 443 is kept.
        auto root = importEfdAuth(R"({"host":"foo.bar.baz.net","username":"foo","password":"bar","port":8086,"path":"."})", {});
        QVERIFY2(root.ok(), qPrintable(root.error()));
        QCOMPARE(root->front().profile.name, QStringLiteral("EFD"));
        QCOMPARE(root->front().profile.influxUrl, QStringLiteral("https://foo.bar.baz.net:8086"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QByteArray("{\n  \"a\": {\n  \"url\" \"x\"}\n}")
                                << QStringLiteral("auth.json:3:10: not valid JSON: missing name separator");
        QTest::newRow("array") << QByteArray("[1]")
                               << QStringLiteral("auth.json: expected a JSON object of {label: {url, database, "
                                                 "username, password, schema_registry}} or one Segwarides answer {host, port, path, username, password, schema_registry}");
        QTest::newRow("entry not object") << QByteArray("{\"a\": 3}") << QStringLiteral("auth.json: entry \"a\" is not an object");
        QTest::newRow("no url") << QByteArray("{\"a\": {\"database\": \"efd\"}}")
                                << QStringLiteral("auth.json: entry \"a\" has neither \"url\" nor \"host\"");
        QTest::newRow("bad url") << QByteArray("{\"a\": {\"url\": \"notaurl\"}}")
                                 << QStringLiteral("auth.json: entry \"a\": The InfluxDB URL must be an http:// or "
                                                   "https:// address with a host.");
        QTest::newRow("empty") << QByteArray("{}") << QStringLiteral("auth.json: no entries found");
    }
    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        auto result = importEfdAuth(json, QStringLiteral("auth.json"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error(), message);
    }
};

QTEST_GUILESS_MAIN(tst_EfdAuthImport)
#include "tst_efdauthimport.moc"
