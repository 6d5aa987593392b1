// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileStore.h"
#include "core/connection/ProfileTemplates.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sasquatch;

class tst_ProfileStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saveLoad()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cfg/profiles.json"));
        ProfileStore store(path);
        QVERIFY(store.load().ok()); // missing file = empty
        QVERIFY(store.profiles().empty());
        for (const auto &t : profileTemplates())
            QVERIFY(store.upsert(t).ok());
        store.setCurrentProfile(QStringLiteral("USDF"));
        store.setSecretStorage(SecretStorageMode::File, dir.filePath(QStringLiteral("s.json")));
        QVERIFY(store.save().ok());

        ProfileStore again(path);
        QVERIFY(again.load().ok());
        QCOMPARE(again.names(), store.names());
        QCOMPARE(again.currentProfile(), QStringLiteral("USDF"));
        QCOMPARE(again.secretStorage(), SecretStorageMode::File);
        QCOMPARE(again.secretsFile(), dir.filePath(QStringLiteral("s.json")));
        QCOMPARE(*again.find(QStringLiteral("summit")), *store.find(QStringLiteral("summit")));
    }

    void upsertRules()
    {
        QTemporaryDir dir;
        ProfileStore store(dir.filePath(QStringLiteral("p.json")));
        auto a = profileTemplates().front();
        QVERIFY(store.upsert(a).ok());
        auto b = a;
        b.name = QStringLiteral("other");
        QVERIFY(store.upsert(b).ok());
        // renaming onto an existing name is refused
        auto renamed = b;
        renamed.name = a.name;
        auto r = store.upsert(renamed, QStringLiteral("other"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error(), QStringLiteral("A profile named \"summit\" already exists."));
        // a rename keeps "current" pointing at it
        store.setCurrentProfile(QStringLiteral("other"));
        renamed.name = QStringLiteral("third");
        QVERIFY(store.upsert(renamed, QStringLiteral("other")).ok());
        QCOMPARE(store.currentProfile(), QStringLiteral("third"));
        auto invalid = a;
        invalid.influxUrl = QStringLiteral("nope");
        QVERIFY(!store.upsert(invalid).ok());
        QVERIFY(store.remove(QStringLiteral("third")));
        QVERIFY(store.currentProfile().isEmpty());
        QVERIFY(!store.remove(QStringLiteral("third")));
    }

    void corruptFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"profiles\": [");
        f.close();
        ProfileStore store(path);
        auto r = store.load();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(path + QStringLiteral(" is not a valid profiles file")), qPrintable(r.error()));
    }
};

QTEST_GUILESS_MAIN(tst_ProfileStore)
#include "tst_profilestore.moc"
