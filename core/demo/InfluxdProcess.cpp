// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/InfluxdProcess.h"

#include "core/demo/InfluxdConfig.h"
#include "core/demo/LoopbackPort.h"
#include "core/http/CurlTransport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>
#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#endif

namespace sasquatch {

namespace {

constexpr int kLaunchAttempts = 3;
constexpr std::chrono::milliseconds kPollInterval{50};

QString pidFilePath(const QString &dataDir)
{
    return dataDir + u'/' + QString::fromLatin1(InfluxdProcess::kPidFileName);
}

qint64 readPidFile(const QString &dataDir)
{
    QFile f(pidFilePath(dataDir));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const qint64 pid = f.readAll().trimmed().toLongLong(&ok);
    return ok && pid > 1 ? pid : 0;
}

/// True while `pid` runs and is not a zombie. A dead child stays a zombie until QProcess
/// reaps it, and a detached server's zombie waits for whichever process adopted it.
bool pidAlive(qint64 pid)
{
    if (pid <= 1 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true; // no procfs: kill() said it exists
    const QByteArray text = stat.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    return paren < 0 || paren + 2 >= text.size() || text.at(paren + 2) != 'Z';
}

/// True when `pid` is an influxd running with the config file of `dataDir`, so that a stale
/// pid file never makes us signal an unrelated process that reused the number.
bool pidRunsDataDir(qint64 pid, const QString &dataDir)
{
    if (!pidAlive(pid))
        return false;
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return false;
    const QByteArray args = cmdline.readAll();
    const InfluxdConfig config{dataDir, 0, 0};
    return args.contains(config.path().toLocal8Bit());
}

bool waitForExit(qint64 pid, std::chrono::milliseconds timeout)
{
    QDeadlineTimer deadline(timeout);
    while (pidAlive(pid)) {
        if (deadline.hasExpired())
            return false;
        QThread::msleep(20);
    }
    return true;
}

QString tailOf(const QString &path, int maxLines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    constexpr qint64 kMaxBytes = 16 * 1024;
    if (f.size() > kMaxBytes)
        f.seek(f.size() - kMaxBytes);
    QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines.join(u'\n');
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo fi(path);
    return fi.isFile() && fi.isExecutable();
}

} // namespace

InfluxdProcess::InfluxdProcess(std::shared_ptr<HttpTransport> http)
    : m_http(http ? std::move(http) : std::make_shared<CurlTransport>())
{
}

InfluxdProcess::~InfluxdProcess()
{
    if (m_lifetime == InfluxdLifetime::OwnedChild)
        stop();
}

Outcome<QString> InfluxdProcess::locate(const QProcessEnvironment &env, const QStringList &fallbacks)
{
    const QString explicitPath = env.value(QStringLiteral("SASQUATCH_INFLUXD"));
    if (!explicitPath.isEmpty()) {
        if (isExecutableFile(explicitPath))
            return QFileInfo(explicitPath).absoluteFilePath();
        return Failure{QStringLiteral("SASQUATCH_INFLUXD is set to \"%1\", which is not an executable file")
                           .arg(explicitPath)};
    }
    for (const QString &dir : env.value(QStringLiteral("PATH")).split(u':', Qt::SkipEmptyParts)) {
        const QString candidate = dir + QStringLiteral("/influxd");
        if (isExecutableFile(candidate))
            return QFileInfo(candidate).absoluteFilePath();
    }
    for (const QString &candidate : fallbacks)
        if (isExecutableFile(candidate))
            return candidate;
    return Failure{QString::fromLatin1(kNotFoundMessage)};
}

Outcome<Done> InfluxdProcess::start(const InfluxdOptions &options, const CancelToken &cancel)
{
    if (isRunning())
        return Failure{QStringLiteral("influxd is already running at %1").arg(m_url)};
    if (options.dataDir.isEmpty())
        return Failure{QStringLiteral("no data directory given for influxd")};
    m_dataDir = QDir(options.dataDir).absolutePath();
    m_lifetime = options.lifetime;
    m_version.clear();
    m_url.clear();

    if (options.executable.isEmpty()) {
        Outcome<QString> found = locate();
        if (!found)
            return found.failure();
        m_executable = *found;
    } else if (!isExecutableFile(options.executable)) {
        return Failure{QStringLiteral("%1 is not an executable file").arg(options.executable)};
    } else {
        m_executable = options.executable;
    }

    for (const char *sub : {"", "/meta", "/data", "/wal"}) {
        if (!QDir().mkpath(m_dataDir + QString::fromLatin1(sub)))
            return Failure{QStringLiteral("cannot create the influxd data directory %1").arg(m_dataDir)};
    }
    // A server an interrupted earlier run left on this directory holds its files locked.
    if (Outcome<Done> stale = stopDetached(m_dataDir); !stale)
        return stale.failure();

    Failure failure;
    for (int attempt = 0; attempt < kLaunchAttempts; ++attempt) {
        switch (launchOnce(options, cancel, failure)) {
        case Attempt::Started:
            return Done{};
        case Attempt::PortTaken:
            continue; // another program took the port between our probe and influxd's bind
        case Attempt::Failed:
            return failure;
        }
    }
    return failure;
}

InfluxdProcess::Attempt InfluxdProcess::launchOnce(const InfluxdOptions &options, const CancelToken &cancel,
                                                   Failure &failure)
{
    Outcome<quint16> http = LoopbackPort::pickFree();
    Outcome<quint16> rpc = LoopbackPort::pickFree();
    if (!http || !rpc) {
        failure = !http ? http.failure() : rpc.failure();
        return Attempt::Failed;
    }
    if (*http == *rpc) {
        failure = Failure{QStringLiteral("the kernel picked the same port twice")};
        return Attempt::PortTaken;
    }
    m_httpPort = *http;
    m_rpcPort = *rpc;
    const InfluxdConfig config{m_dataDir, m_httpPort, m_rpcPort};
    QFile conf(config.path());
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate) || conf.write(config.render()) < 0) {
        failure = Failure{QStringLiteral("cannot write %1: %2").arg(config.path(), conf.errorString())};
        return Attempt::Failed;
    }
    conf.close();

    const QString logPath = m_dataDir + u'/' + QString::fromLatin1(kLogFileName);
    QFile::remove(logPath); // the tail quoted in errors must be this run's

    auto process = std::make_unique<QProcess>();
    process->setProgram(m_executable);
    process->setArguments({QStringLiteral("-config"), config.path()});
    process->setWorkingDirectory(m_dataDir);
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(logPath, QIODevice::Append);
    process->setStandardErrorFile(logPath, QIODevice::Append);

    if (options.lifetime == InfluxdLifetime::Detached) {
        qint64 pid = 0;
        if (!process->startDetached(&pid) || pid <= 0) {
            failure = Failure{QStringLiteral("cannot start %1: %2").arg(m_executable, process->errorString())};
            return Attempt::Failed;
        }
        m_pid = pid;
    } else {
#ifdef Q_OS_LINUX
        // The kernel ends influxd when the thread that forked it dies, so a crashed GUI
        // leaves no server behind. Checking the parent afterwards closes the race where we
        // died before prctl ran.
        const pid_t parent = ::getpid();
        process->setChildProcessModifier([parent] {
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent)
                ::_exit(1);
        });
#endif
        process->start();
        if (!process->waitForStarted(10'000)) {
            failure = Failure{QStringLiteral("cannot start %1: %2").arg(m_executable, process->errorString())};
            return Attempt::Failed;
        }
        m_pid = process->processId();
        m_process = std::move(process);
    }
    QFile pidFile(pidFilePath(m_dataDir));
    if (pidFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        pidFile.write(QByteArray::number(m_pid).append('\n'));
    pidFile.close();

    m_url = QStringLiteral("http://127.0.0.1:%1").arg(m_httpPort);
    if (waitUntilAnswering(options.startTimeout, cancel, failure))
        return Attempt::Started;

    const QString tail = logTail();
    stop(std::chrono::milliseconds{3'000});
    if (tail.contains(QStringLiteral("address already in use"))) {
        failure.message += QStringLiteral("\n") + tail;
        return Attempt::PortTaken;
    }
    if (!failure.cancelled && !tail.isEmpty())
        failure.message += QStringLiteral("\ninfluxd said:\n") + tail;
    return Attempt::Failed;
}

bool InfluxdProcess::waitUntilAnswering(std::chrono::milliseconds timeout, const CancelToken &cancel,
                                        Failure &failure)
{
    QDeadlineTimer deadline(timeout);
    HttpRequest ping;
    ping.method = HttpMethod::Get;
    ping.url = m_url + QStringLiteral("/ping");
    ping.connectTimeout = std::chrono::milliseconds{1'000};
    ping.totalTimeout = std::chrono::milliseconds{3'000};
    ping.acceptGzip = false;
    for (;;) {
        if (cancel.isCancelled()) {
            failure = Failure{QStringLiteral("starting influxd was cancelled"), 0, true};
            return false;
        }
        if (!processAlive()) {
            failure = Failure{QStringLiteral("influxd (%1) exited while starting on port %2")
                                  .arg(m_executable)
                                  .arg(m_httpPort)};
            return false;
        }
        const HttpResult result = m_http->perform(ping, {}, {}, cancel);
        if (result.errorKind == HttpErrorKind::None && result.response.status == 204) {
            m_version = QString::fromLatin1(result.response.header("x-influxdb-version"));
            return true;
        }
        if (deadline.hasExpired()) {
            failure = Failure{QStringLiteral("influxd did not answer %1 within %2 s")
                                  .arg(ping.url)
                                  .arg(timeout.count() / 1000.0)};
            return false;
        }
        QThread::msleep(kPollInterval.count());
    }
}

Outcome<Done> InfluxdProcess::stop(std::chrono::milliseconds grace)
{
    if (m_pid == 0)
        return Done{};
    bool exited = false;
    if (m_process) {
        m_process->terminate();
        exited = m_process->waitForFinished(int(grace.count()));
        if (!exited) {
            m_process->kill();
            exited = m_process->waitForFinished(5'000);
        }
    } else {
        if (pidRunsDataDir(m_pid, m_dataDir)) {
            ::kill(pid_t(m_pid), SIGTERM);
            exited = waitForExit(m_pid, grace);
            if (!exited) {
                ::kill(pid_t(m_pid), SIGKILL);
                exited = waitForExit(m_pid, std::chrono::milliseconds{5'000});
            }
        } else {
            exited = true;
        }
    }
    const qint64 pid = m_pid;
    if (exited)
        QFile::remove(pidFilePath(m_dataDir));
    forgetProcess();
    if (!exited)
        return Failure{QStringLiteral("influxd (pid %1) did not stop, even after SIGKILL").arg(pid)};
    return Done{};
}

Outcome<Done> InfluxdProcess::stopDetached(const QString &dataDir, std::chrono::milliseconds grace)
{
    const QString dir = QDir(dataDir).absolutePath();
    const qint64 pid = readPidFile(dir);
    if (pid == 0)
        return Done{};
    if (pidRunsDataDir(pid, dir)) {
        ::kill(pid_t(pid), SIGTERM);
        if (!waitForExit(pid, grace)) {
            ::kill(pid_t(pid), SIGKILL);
            if (!waitForExit(pid, std::chrono::milliseconds{5'000}))
                return Failure{QStringLiteral("influxd (pid %1) on %2 did not stop, even after SIGKILL").arg(pid).arg(dir)};
        }
    }
    QFile::remove(pidFilePath(dir));
    return Done{};
}

bool InfluxdProcess::isRunning() const
{
    return m_pid != 0 && processAlive();
}

bool InfluxdProcess::processAlive() const
{
    if (m_process) {
        // Lets QProcess notice (and reap) a child that died; without an event loop it
        // would not know.
        if (m_process->state() == QProcess::NotRunning || m_process->waitForFinished(0))
            return false;
    }
    return pidAlive(m_pid);
}

void InfluxdProcess::forgetProcess()
{
    m_process.reset();
    m_pid = 0;
    m_url.clear();
}

QString InfluxdProcess::logTail(int maxLines) const
{
    if (m_dataDir.isEmpty())
        return {};
    return tailOf(m_dataDir + u'/' + QString::fromLatin1(kLogFileName), maxLines);
}

} // namespace sasquatch
