// SPDX-License-Identifier: GPL-3.0-or-later
// Starts private influxd servers of its own (besides the CTest fixture's) and checks that
// every way of ending them leaves nothing running.
#include "core/demo/InfluxdProcess.h"
#include "core/demo/LoopbackPort.h"
#include "core/http/CurlTransport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <unistd.h>

using namespace sasquatch;
using namespace std::chrono_literals;

namespace {

bool alive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    return !stat.open(QIODevice::ReadOnly) || !stat.readAll().contains(") Z ");
}

HttpResult ping(const QString &url)
{
    CurlTransport http;
    HttpRequest request;
    request.url = url + QStringLiteral("/ping");
    request.connectTimeout = 2s;
    request.totalTimeout = 5s;
    return http.perform(request);
}

QString writeScript(const QTemporaryDir &dir, const char *name, const QByteArray &body)
{
    const QString path = dir.filePath(QString::fromLatin1(name));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write("#!/bin/sh\n" + body);
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

} // namespace

class tst_InfluxdProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startPingVersionStop();
    void destructorStops();
    void detachedOutlivesTheObject();
    void staleInstanceIsStoppedFirst();
    void locate_data();
    void locate();
    void missingExecutable();
    void diesWhileStartingReportsItsOutput();
    void timesOutAndKills();
    void cancelledStartLeavesNothing();
    void stopDetachedNeverSignalsStrangers();
};

void tst_InfluxdProcess::startPingVersionStop()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    InfluxdProcess influxd;
    const Outcome<Done> started = influxd.start({dir.path(), InfluxdLifetime::OwnedChild, {}, 30s});
    QVERIFY2(started, qPrintable(started.error()));
    QVERIFY(influxd.isRunning());
    QCOMPARE(influxd.url(), QStringLiteral("http://127.0.0.1:%1").arg(influxd.httpPort()));
    QVERIFY(influxd.version().startsWith(QStringLiteral("1.")));

    const HttpResult answer = ping(influxd.url());
    QCOMPARE(answer.response.status, 204);
    QCOMPARE(QString::fromLatin1(answer.response.header("x-influxdb-version")), influxd.version());
    QVERIFY(LoopbackPort::isListening(influxd.rpcPort()));

    QFile conf(dir.filePath(QStringLiteral("influxd.conf")));
    QVERIFY(conf.open(QIODevice::ReadOnly));
    const QByteArray config = conf.readAll();
    QVERIFY(config.contains(QByteArray("bind-address = \"127.0.0.1:").append(QByteArray::number(influxd.httpPort()))));
    QVERIFY(config.contains("reporting-enabled = false"));
    QVERIFY(config.contains("store-enabled = false"));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("influxd.pid"))));
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("meta"))).isDir());

    const qint64 pid = influxd.pid();
    const quint16 port = influxd.httpPort();
    QVERIFY(influxd.stop());
    QVERIFY(!alive(pid));
    QVERIFY(!influxd.isRunning());
    QVERIFY(!LoopbackPort::isListening(port));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("influxd.pid"))));
    QVERIFY(influxd.stop()); // stopping twice is fine
}

void tst_InfluxdProcess::destructorStops()
{
    QTemporaryDir dir;
    qint64 pid = 0;
    {
        InfluxdProcess influxd;
        QVERIFY2(influxd.start({dir.path()}), "start");
        pid = influxd.pid();
        QVERIFY(alive(pid));
    }
    QVERIFY(!alive(pid));
}

void tst_InfluxdProcess::detachedOutlivesTheObject()
{
    QTemporaryDir dir;
    qint64 pid = 0;
    QString url;
    {
        InfluxdProcess influxd;
        const Outcome<Done> started = influxd.start({dir.path(), InfluxdLifetime::Detached});
        QVERIFY2(started, qPrintable(started.error()));
        pid = influxd.pid();
        url = influxd.url();
    }
    QVERIFY(alive(pid));
    QCOMPARE(ping(url).response.status, 204);
    QVERIFY(InfluxdProcess::stopDetached(dir.path()));
    QVERIFY(!alive(pid));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("influxd.pid"))));
    QVERIFY(InfluxdProcess::stopDetached(dir.path())); // nothing left: still fine
}

void tst_InfluxdProcess::staleInstanceIsStoppedFirst()
{
    QTemporaryDir dir;
    InfluxdProcess first;
    QVERIFY(first.start({dir.path(), InfluxdLifetime::Detached}));
    const qint64 stalePid = first.pid();

    InfluxdProcess second;
    const Outcome<Done> started = second.start({dir.path()});
    QVERIFY2(started, qPrintable(started.error()));
    QVERIFY(!alive(stalePid));
    QVERIFY(second.pid() != stalePid);
    QCOMPARE(ping(second.url()).response.status, 204);
}

void tst_InfluxdProcess::locate_data()
{
    QTest::addColumn<QString>("sasquatchInfluxd");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("fallbacks");
    QTest::addColumn<QString>("expected"); // a path, or the start of an error
    const QString notFound = QString::fromLatin1(InfluxdProcess::kNotFoundMessage);
    QTest::newRow("nothing anywhere") << QString() << QStringLiteral("/nonexistent") << QStringList() << notFound;
    QTest::newRow("empty PATH") << QString() << QString() << QStringList{QStringLiteral("/nonexistent/influxd")} << notFound;
    QTest::newRow("on PATH") << QString() << QStringLiteral("/nonexistent:/usr/bin") << QStringList() << QStringLiteral("/usr/bin/influxd");
    QTest::newRow("fallback") << QString() << QStringLiteral("/nonexistent") << QStringList{QStringLiteral("/usr/bin/influxd")} << QStringLiteral("/usr/bin/influxd");
    QTest::newRow("env wins") << QStringLiteral("/usr/bin/influxd") << QStringLiteral("/nonexistent") << QStringList() << QStringLiteral("/usr/bin/influxd");
    QTest::newRow("env wrong") << QStringLiteral("/nonexistent/influxd") << QStringLiteral("/usr/bin") << QStringList()
                               << QStringLiteral("SASQUATCH_INFLUXD is set to \"/nonexistent/influxd\", which is not an executable file");
    QTest::newRow("env not executable") << QStringLiteral("not-executable") << QStringLiteral("/usr/bin") << QStringList()
                                        << QStringLiteral("SASQUATCH_INFLUXD is set to \"");
}

void tst_InfluxdProcess::locate()
{
    QFETCH(QString, sasquatchInfluxd);
    QFETCH(QString, path);
    QFETCH(QStringList, fallbacks);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    if (sasquatchInfluxd == u"not-executable") {
        sasquatchInfluxd = dir.filePath(QStringLiteral("influxd"));
        QFile plain(sasquatchInfluxd);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }
    QProcessEnvironment env;
    if (!sasquatchInfluxd.isEmpty())
        env.insert(QStringLiteral("SASQUATCH_INFLUXD"), sasquatchInfluxd);
    env.insert(QStringLiteral("PATH"), path);
    const Outcome<QString> found = InfluxdProcess::locate(env, fallbacks);
    if (expected.startsWith(u'/')) {
        QVERIFY2(found, qPrintable(found.error()));
        QCOMPARE(*found, expected);
    } else {
        QVERIFY(!found);
        QVERIFY2(found.error().startsWith(expected), qPrintable(found.error()));
    }
}

void tst_InfluxdProcess::missingExecutable()
{
    QTemporaryDir dir;
    InfluxdProcess influxd;
    InfluxdOptions options{dir.path()};
    options.executable = dir.filePath(QStringLiteral("no-such-influxd"));
    const Outcome<Done> started = influxd.start(options);
    QVERIFY(!started);
    QVERIFY2(started.error().contains(QStringLiteral("no-such-influxd is not an executable file")),
             qPrintable(started.error()));
    QVERIFY(!influxd.isRunning());
}

void tst_InfluxdProcess::diesWhileStartingReportsItsOutput()
{
    QTemporaryDir dir;
    const QString fake = writeScript(dir, "fake-influxd", "echo 'boom: cannot open meta store' >&2\nexit 3\n");
    InfluxdProcess influxd;
    InfluxdOptions options{dir.filePath(QStringLiteral("data"))};
    options.executable = fake;
    const Outcome<Done> started = influxd.start(options);
    QVERIFY(!started);
    QVERIFY2(started.error().contains(QStringLiteral("exited while starting")), qPrintable(started.error()));
    QVERIFY2(started.error().contains(QStringLiteral("boom: cannot open meta store")), qPrintable(started.error()));
    QVERIFY(!influxd.isRunning());
}

void tst_InfluxdProcess::timesOutAndKills()
{
    QTemporaryDir dir;
    const QString fake = writeScript(dir, "mute-influxd", "exec sleep 60\n");
    InfluxdProcess influxd;
    InfluxdOptions options{dir.filePath(QStringLiteral("data"))};
    options.executable = fake;
    options.startTimeout = 700ms;
    QElapsedTimer timer;
    timer.start();
    const Outcome<Done> started = influxd.start(options);
    QVERIFY(!started);
    QVERIFY2(started.error().contains(QStringLiteral("did not answer")), qPrintable(started.error()));
    QVERIFY(timer.elapsed() < 15'000);
    QVERIFY(!influxd.isRunning());
}

void tst_InfluxdProcess::cancelledStartLeavesNothing()
{
    QTemporaryDir dir;
    const QString fake = writeScript(dir, "mute-influxd", "exec sleep 60\n");
    InfluxdProcess influxd;
    InfluxdOptions options{dir.filePath(QStringLiteral("data"))};
    options.executable = fake;
    CancelToken cancel;
    cancel.cancel();
    const Outcome<Done> started = influxd.start(options, cancel);
    QVERIFY(!started);
    QVERIFY(started.failure().cancelled);
    QVERIFY(!influxd.isRunning());
}

void tst_InfluxdProcess::stopDetachedNeverSignalsStrangers()
{
    // A pid file naming a process that is not this directory's influxd (here: ourselves,
    // as after pid reuse) must not get it killed.
    QTemporaryDir dir;
    QFile pidFile(dir.filePath(QStringLiteral("influxd.pid")));
    QVERIFY(pidFile.open(QIODevice::WriteOnly));
    pidFile.write(QByteArray::number(qint64(::getpid())));
    pidFile.close();
    QVERIFY(InfluxdProcess::stopDetached(dir.path()));
    QVERIFY(alive(::getpid()));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("influxd.pid"))));
}

QTEST_GUILESS_MAIN(tst_InfluxdProcess)
#include "tst_it_influxdprocess.moc"
