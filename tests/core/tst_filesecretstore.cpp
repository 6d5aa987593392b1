// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/FileSecretStore.h"
#include "core/connection/MemorySecretStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

class tst_FileSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writeReadRemove()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/secrets.json"));
        FileSecretStore store(path);
        QVERIFY(store.read(QStringLiteral("a"))->value_or(QStringLiteral("none")) == u"none");
        QVERIFY(store.write(QStringLiteral("a"), QStringLiteral("pw")).ok());
        QVERIFY(store.write(QStringLiteral("b"), QStringLiteral("tok")).ok());
        QCOMPARE(store.read(QStringLiteral("a"))->value(), QStringLiteral("pw"));
        const auto perms = QFile(path).permissions();
        QCOMPARE(perms & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadOwner | QFileDevice::WriteOwner),
                 QFileDevice::Permissions());
        QVERIFY(store.remove(QStringLiteral("a")).ok());
        QVERIFY(!store.read(QStringLiteral("a"))->has_value());
        QCOMPARE(store.read(QStringLiteral("b"))->value(), QStringLiteral("tok"));
        QVERIFY(store.describe().contains(path));
    }

    void refusesFileOthersCanRead()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"a\":\"pw\"}");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        FileSecretStore store(path);
        auto r = store.read(QStringLiteral("a"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().contains(QStringLiteral("chmod 600")), qPrintable(r.error()));
        QVERIFY(!store.write(QStringLiteral("a"), QStringLiteral("x")).ok());
    }

    void corruptFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{not json");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        auto r = FileSecretStore(path).read(QStringLiteral("a"));
        QVERIFY(!r.ok());
        QVERIFY(r.error().contains(QStringLiteral("not a valid secrets file")));
    }

    void memoryStore()
    {
        MemorySecretStore store;
        QVERIFY(!store.read(QStringLiteral("k"))->has_value());
        QVERIFY(store.write(QStringLiteral("k"), QStringLiteral("v")).ok());
        QCOMPARE(store.read(QStringLiteral("k"))->value(), QStringLiteral("v"));
        QVERIFY(store.remove(QStringLiteral("k")).ok());
        QVERIFY(!store.read(QStringLiteral("k"))->has_value());
    }
};

QTEST_GUILESS_MAIN(tst_FileSecretStore)
#include "tst_filesecretstore.moc"
