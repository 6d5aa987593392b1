// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ConnectionProfile.h"
#include "core/connection/ProfileTemplates.h"

#include <QJsonDocument>
#include <QTest>

using namespace sasquatch;

class tst_ConnectionProfile : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("summit");
        p.influxUrl = QStringLiteral("https://summit-lsp.lsst.codes/influxdb-enterprise-data");
        p.api = ApiFlavour::V1;
        p.database = QStringLiteral("efd");
        p.username = QStringLiteral("efdreader");
        p.kafkaBootstrap = QStringLiteral("kafka.example:9094");
        p.kafkaUsername = QStringLiteral("reader");
        p.schemaRegistryUrl = QStringLiteral("https://summit-lsp.lsst.codes/schema-registry");
        p.verifyTls = false;
        auto back = ConnectionProfile::fromJson(p.toJson());
        QVERIFY(back.ok());
        QCOMPARE(back.value(), p);
    }

    void jsonNeverHoldsSecrets()
    {
        const QByteArray json = QJsonDocument(profileTemplates().front().toJson()).toJson();
        QVERIFY(!json.contains("password"));
        QVERIFY(!json.contains("token"));
    }

    void tlsVerificationDefaultsOn()
    {
        QJsonObject o{{QStringLiteral("name"), QStringLiteral("x")}, {QStringLiteral("influxUrl"), QStringLiteral("https://h")}};
        auto p = ConnectionProfile::fromJson(o);
        QVERIFY(p.ok());
        QVERIFY(p->verifyTls);
        QVERIFY(p->kafkaTls);
        QCOMPARE(p->api, ApiFlavour::Auto);
        for (const auto &t : profileTemplates())
            QVERIFY2(t.verifyTls, qPrintable(t.name));
    }

    void fromJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("no name") << QByteArray("{\"influxUrl\":\"https://h\"}") << QStringLiteral("a profile has no name");
        QTest::newRow("no url") << QByteArray("{\"name\":\"a\"}") << QStringLiteral("profile \"a\" has no InfluxDB URL");
        QTest::newRow("bad api") << QByteArray("{\"name\":\"a\",\"influxUrl\":\"https://h\",\"api\":\"v9\"}")
                                 << QStringLiteral("profile \"a\": unknown api \"v9\" (expected auto, v1 or v2)");
    }
    void fromJsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        auto p = ConnectionProfile::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!p.ok());
        QCOMPARE(p.error(), message);
    }

    void validate_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("kafka");
        QTest::addColumn<int>("problems");
        QTest::newRow("ok") << "https://host/influxdb" << "k1:9094,k2:9094" << 0;
        QTest::newRow("no scheme") << "host:8086" << "" << 1;
        QTest::newRow("ftp") << "ftp://host" << "" << 1;
        QTest::newRow("credentials in url") << "https://u:p@host" << "" << 1;
        QTest::newRow("kafka without port") << "http://h" << "broker" << 1;
        QTest::newRow("kafka bad port") << "http://h" << "broker:99999" << 1;
    }
    void validate()
    {
        QFETCH(QString, url);
        QFETCH(QString, kafka);
        QFETCH(int, problems);
        ConnectionProfile p;
        p.name = QStringLiteral("x");
        p.influxUrl = url;
        p.kafkaBootstrap = kafka;
        QCOMPARE(p.validate().size(), problems);
    }

    void templates()
    {
        QStringList names;
        for (const auto &t : profileTemplates()) {
            names << t.name;
            QVERIFY2(t.validate().isEmpty(), qPrintable(t.name + u": " + t.validate().join(u' ')));
        }
        for (const char *expected : {"summit", "USDF", "BTS", "TTS", "local demo"})
            QVERIFY2(names.contains(QString::fromLatin1(expected)), expected);
        const auto summit = profileTemplates().front();
        QCOMPARE(summit.database, QStringLiteral("efd"));
        QVERIFY(summit.schemaRegistryUrl.endsWith(QStringLiteral("/schema-registry")));
        QVERIFY(summit.restProxyUrl.endsWith(QStringLiteral("/sasquatch-rest-proxy")));
        QVERIFY(summit.kafkaBootstrap.endsWith(QStringLiteral(":9094")));
    }

    void flavourNames()
    {
        QCOMPARE(parseApiFlavour(QStringLiteral("V2")), ApiFlavour::V2);
        QCOMPARE(parseApiFlavour(QStringLiteral("1.x")), ApiFlavour::V1);
        QCOMPARE(parseApiFlavour(QString()), ApiFlavour::Auto);
        QVERIFY(!parseApiFlavour(QStringLiteral("v3")));
        QCOMPARE(secretKey(QStringLiteral("summit"), SecretKind::InfluxToken), QStringLiteral("summit/influx-token"));
    }
};

QTEST_GUILESS_MAIN(tst_ConnectionProfile)
#include "tst_connectionprofile.moc"
