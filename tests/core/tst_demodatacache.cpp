// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoDataCache.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

class tst_DemoDataCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultDirectoryFollowsXdg();
    void markerRoundTrip();
    void brokenOrForeignMarkers_data();
    void brokenOrForeignMarkers();
    void matches();
    void wipeKeepsOnlyTheLock();
    void lockIsExclusive();
};

void tst_DemoDataCache::defaultDirectoryFollowsXdg()
{
    QTemporaryDir home;
    const QByteArray saved = qgetenv("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", home.path().toLocal8Bit());
    const QString dir = DemoDataCache::defaultDirectory();
    qputenv("XDG_CACHE_HOME", saved);
    QCOMPARE(dir, home.path() + QStringLiteral("/sasquatch-browser/demo-influxdb-%1").arg(DemoDataCache::kFormatVersion));
}

void tst_DemoDataCache::markerRoundTrip()
{
    QTemporaryDir dir;
    DemoDataCache cache(dir.path());
    QVERIFY(!cache.readMarker());
    DemoDataCache::Marker m;
    m.catalogFingerprint = "0123456789abcdef0123456789abcdef01234567";
    m.influxdVersion = QStringLiteral("1.6.7~rc0");
    m.anchorMs = 1'764'000'000'123;
    m.seededUntilMs = 1'764'000'600'456;
    QVERIFY(cache.writeMarker(m));
    const std::optional<DemoDataCache::Marker> read = cache.readMarker();
    QVERIFY(read);
    QCOMPARE(read->catalogFingerprint, m.catalogFingerprint);
    QCOMPARE(read->influxdVersion, m.influxdVersion);
    QCOMPARE(read->anchorMs, m.anchorMs);
    QCOMPARE(read->seededUntilMs, m.seededUntilMs);
    cache.removeMarker();
    QVERIFY(!cache.readMarker());
}

void tst_DemoDataCache::brokenOrForeignMarkers_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("not json") << QByteArray("garbage");
    QTest::newRow("other format version") << QByteArray(R"({"formatVersion":999,"catalogFingerprint":"ab","anchorMs":1,"seededUntilMs":2})");
    QTest::newRow("no fingerprint") << QByteArray(R"({"formatVersion":1,"anchorMs":1,"seededUntilMs":2})");
    QTest::newRow("no times") << QByteArray(R"({"formatVersion":1,"catalogFingerprint":"ab"})");
}

void tst_DemoDataCache::brokenOrForeignMarkers()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QFile f(dir.filePath(QString::fromLatin1(DemoDataCache::kMarkerFileName)));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
    f.close();
    QVERIFY(!DemoDataCache(dir.path()).readMarker());
}

void tst_DemoDataCache::matches()
{
    DemoDataCache::Marker m;
    m.catalogFingerprint = "abc";
    m.influxdVersion = QStringLiteral("1.6.7~rc0");
    QVERIFY(DemoDataCache::matches(m, "abc", QStringLiteral("1.6.7~rc0")));
    QVERIFY(!DemoDataCache::matches(m, "abd", QStringLiteral("1.6.7~rc0")));
    QVERIFY(!DemoDataCache::matches(m, "abc", QStringLiteral("1.8.10")));
}

void tst_DemoDataCache::wipeKeepsOnlyTheLock()
{
    QTemporaryDir dir;
    DemoDataCache cache(dir.filePath(QStringLiteral("cache")));
    QVERIFY(cache.lock());
    QVERIFY(QDir().mkpath(cache.directory() + QStringLiteral("/data/efd/autogen")));
    QFile conf(cache.directory() + QStringLiteral("/influxd.conf"));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.close();
    DemoDataCache::Marker m;
    m.catalogFingerprint = "x";
    m.anchorMs = 1;
    m.seededUntilMs = 2;
    QVERIFY(cache.writeMarker(m));
    QVERIFY(cache.wipe());
    const QStringList left = QDir(cache.directory()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    QCOMPARE(left, QStringList{QStringLiteral(".lock")});
    QVERIFY(!cache.readMarker());
}

void tst_DemoDataCache::lockIsExclusive()
{
    QTemporaryDir dir;
    DemoDataCache first(dir.path());
    DemoDataCache second(dir.path());
    QVERIFY(first.lock());
    QVERIFY(first.lock()); // taking it again is harmless
    QVERIFY(!second.lock());
    first.unlock();
    QVERIFY(second.lock());
}

QTEST_GUILESS_MAIN(tst_DemoDataCache)
#include "tst_demodatacache.moc"
