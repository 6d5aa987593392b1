// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/UrlBuilder.h"

#include <QTest>

using namespace sasquatch;

class tst_UrlBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinsBaseAndPath_data();
    void joinsBaseAndPath();
    void encodesQueryStrictly_data();
    void encodesQueryStrictly();
    void segmentsAreEscaped();
    void takesCredentialsOutOfBase();
    void rejectsBadBase_data();
    void rejectsBadBase();
    void redacts_data();
    void redacts();
};

void tst_UrlBuilder::joinsBaseAndPath_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::newRow("host only") << "http://127.0.0.1:8086" << "/query" << "http://127.0.0.1:8086/query";
    QTest::newRow("trailing slash") << "https://usdf-rsp.slac.stanford.edu/influxdb-enterprise-data/"
                                    << "/query" << "https://usdf-rsp.slac.stanford.edu/influxdb-enterprise-data/query";
    QTest::newRow("prefix no slash") << "https://summit-lsp.lsst.codes/schema-registry" << "subjects"
                                     << "https://summit-lsp.lsst.codes/schema-registry/subjects";
    QTest::newRow("doubled slashes") << "http://h//" << "//api/v2/query" << "http://h/api/v2/query";
    QTest::newRow("no path") << "http://h:1" << "" << "http://h:1/";
    QTest::newRow("ipv6") << "http://[::1]:8086" << "/ping" << "http://[::1]:8086/ping";
    QTest::newRow("scheme case") << "HTTPS://Example.ORG" << "/health" << "https://example.org/health";
}

void tst_UrlBuilder::joinsBaseAndPath()
{
    QFETCH(QString, base);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    auto b = UrlBuilder::fromBase(base);
    QVERIFY2(b.ok(), qPrintable(b.error()));
    QCOMPARE(b->path(path).toString(), expected);
}

void tst_UrlBuilder::encodesQueryStrictly_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("encoded");
    QTest::newRow("plus") << "1+1" << "1%2B1";
    QTest::newRow("space") << "a b" << "a%20b";
    QTest::newRow("influxql") << R"(SELECT "x" FROM "efd"."autogen"."lsst.sal.MTM1M3.forceActuatorData" WHERE time > now()-1h; SHOW DATABASES)"
                              << "SELECT%20%22x%22%20FROM%20%22efd%22.%22autogen%22.%22lsst.sal.MTM1M3.forceActuatorData%22%20WHERE%20time%20%3E%20now%28%29-1h%3B%20SHOW%20DATABASES";
    QTest::newRow("amp equals") << "a&b=c" << "a%26b%3Dc";
    QTest::newRow("utf8") << QString::fromUtf8("µm/s²") << "%C2%B5m%2Fs%C2%B2";
    QTest::newRow("unreserved") << "Az09-._~" << "Az09-._~";
}

void tst_UrlBuilder::encodesQueryStrictly()
{
    QFETCH(QString, value);
    QFETCH(QString, encoded);
    QCOMPARE(UrlBuilder::encodeComponent(value), encoded);
    auto b = UrlBuilder::fromBase("http://h");
    QVERIFY(b.ok());
    b->path("/query").query("db", "efd").query("q", value).queryIfSet("rp", "").query("epoch", "ns");
    QCOMPARE(b->toString(), QStringLiteral("http://h/query?db=efd&q=%1&epoch=ns").arg(encoded));
}

void tst_UrlBuilder::segmentsAreEscaped()
{
    auto b = UrlBuilder::fromBase("https://h/sasquatch-rest-proxy");
    QVERIFY(b.ok());
    b->path("topics").segment("lsst.sal.Test/topic x");
    QCOMPARE(b->toString(), QStringLiteral("https://h/sasquatch-rest-proxy/topics/lsst.sal.Test%2Ftopic%20x"));
}

void tst_UrlBuilder::takesCredentialsOutOfBase()
{
    auto b = UrlBuilder::fromBase("https://efdreader:s3cr%40t@summit-lsp.lsst.codes/influxdb");
    QVERIFY2(b.ok(), qPrintable(b.error()));
    QCOMPARE(b->username(), QStringLiteral("efdreader"));
    QCOMPARE(b->password(), QStringLiteral("s3cr@t"));
    const QString url = b->path("/query").toString();
    QCOMPARE(url, QStringLiteral("https://summit-lsp.lsst.codes/influxdb/query"));
    QVERIFY(!url.contains("s3cr"));
}

void tst_UrlBuilder::rejectsBadBase_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << "  " << "empty";
    QTest::newRow("ftp") << "ftp://h" << "http:// or https://";
    QTest::newRow("no scheme") << "summit-lsp.lsst.codes" << "http:// or https://";
    QTest::newRow("no host") << "http://" << "no host";
    QTest::newRow("query") << "http://h/?db=efd" << "'?'";
    QTest::newRow("fragment") << "http://h/#x" << "'?' or '#'";
    QTest::newRow("bad port") << "http://h:99999" << "not valid";
}

void tst_UrlBuilder::rejectsBadBase()
{
    QFETCH(QString, base);
    QFETCH(QString, expected);
    const auto b = UrlBuilder::fromBase(base);
    QVERIFY(!b.ok());
    QVERIFY2(b.error().contains(expected), qPrintable(b.error()));
}

void tst_UrlBuilder::redacts_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("user info") << "https://u:pw@h:8086/query?db=efd" << "https://h:8086/query?db=efd";
    QTest::newRow("influx 1.x u/p") << "http://h/query?u=reader&p=secret&q=SHOW%20DATABASES"
                                    << "http://h/query?u=reader&p=***&q=SHOW%20DATABASES";
    QTest::newRow("token case") << "http://h/x?Token=abc&PASSWORD=d" << "http://h/x?Token=***&PASSWORD=***";
    QTest::newRow("encoded name") << "http://h/x?%70=abc" << "http://h/x?%70=***";
    QTest::newRow("at in path") << "http://h/a@b?x=1" << "http://h/a@b?x=1";
    QTest::newRow("at in query") << "http://h/q?email=a@b" << "http://h/q?email=a@b";
    QTest::newRow("no query") << "http://h" << "http://h";
    QTest::newRow("fragment kept") << "http://u@h/p?p=1#frag" << "http://h/p?p=***#frag";
    QTest::newRow("not a url") << "not a url" << "not a url";
    QTest::newRow("empty p") << "http://h/?p=" << "http://h/?p=***";
}

void tst_UrlBuilder::redacts()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    QCOMPARE(UrlBuilder::redacted(url), expected);
}

QTEST_GUILESS_MAIN(tst_UrlBuilder)
#include "tst_urlbuilder.moc"
