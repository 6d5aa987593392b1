// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/BenchClients.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>
#include <time.h>

namespace sasquatch::test {

namespace {

constexpr int kTimeoutMs = 600'000;

double childrenCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

BenchClients::Run runProcess(const QString &program, const QStringList &args, const QString &workDir = {})
{
    BenchClients::Run run;
    const double cpuBefore = childrenCpuSeconds();
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start(program, args);
    if (!p.waitForStarted()) {
        run.problem = QStringLiteral("%1 did not start").arg(program);
        return run;
    }
    if (!p.waitForFinished(kTimeoutMs)) {
        p.kill();
        p.waitForFinished();
        run.problem = QStringLiteral("%1 took longer than %2 s").arg(program).arg(kTimeoutMs / 1000);
        return run;
    }
    run.output = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        run.problem = QStringLiteral("%1 failed: %2").arg(program, QString::fromLocal8Bit(p.readAllStandardError().left(300)).trimmed());
        return run;
    }
    run.cpuSeconds = childrenCpuSeconds() - cpuBefore;
    run.ok = true;
    return run;
}

} // namespace

QString BenchClients::jsDir()
{
    return QDir::cleanPath(QStringLiteral(SASQUATCH_FIXTURES_DIR "/../bench/js"));
}

QString BenchClients::nodeProblem()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node is not installed (apt-get install nodejs npm)");
    if (!QFileInfo::exists(jsDir() + QStringLiteral("/node_modules/@influxdata/influxdb-client"))
        || !QFileInfo::exists(jsDir() + QStringLiteral("/node_modules/influx")))
        return QStringLiteral("JS clients not installed: (cd %1 && npm ci)").arg(jsDir());
    return {};
}

BenchClients::Run BenchClients::node(const QString &script, const QStringList &args)
{
    if (const QString problem = nodeProblem(); !problem.isEmpty()) {
        Run run;
        run.problem = problem;
        return run;
    }
    Run run = runProcess(QStringLiteral("node"), QStringList{jsDir() + u'/' + script} + args, jsDir());
    if (!run.ok)
        return run;
    const QJsonObject o = QJsonDocument::fromJson(run.output.trimmed().split('\n').last()).object();
    if (!o.contains(u"seconds")) {
        run.ok = false;
        run.problem = QStringLiteral("node printed no figures: %1").arg(QString::fromUtf8(run.output.left(200)));
        return run;
    }
    run.seconds = o.value(u"seconds").toDouble();
    run.cpuSeconds = o.value(u"cpu").toDouble();
    return run;
}

BenchClients::Run BenchClients::curlDownload(const QString &url, const QByteArray &jsonBody)
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty()) {
        Run run;
        run.problem = QStringLiteral("curl is not installed");
        return run;
    }
    QStringList args{QStringLiteral("-s"), QStringLiteral("-S"), QStringLiteral("-f"), QStringLiteral("-o"),
                     QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{size_download} %{time_total}")};
    QTemporaryFile bodyFile;
    if (!jsonBody.isEmpty()) {
        if (!bodyFile.open() || bodyFile.write(jsonBody) != jsonBody.size()) {
            Run run;
            run.problem = QStringLiteral("cannot write a temporary file");
            return run;
        }
        bodyFile.flush();
        args << QStringLiteral("-X") << QStringLiteral("POST") << QStringLiteral("-H")
             << QStringLiteral("Content-Type: application/json") << QStringLiteral("--data-binary")
             << u'@' + bodyFile.fileName();
    }
    args << url;
    Run run = runProcess(QStringLiteral("curl"), args);
    if (!run.ok)
        return run;
    const QList<QByteArray> parts = run.output.trimmed().split(' ');
    run.seconds = parts.size() == 2 ? parts[1].toDouble() : 0;
    run.output = parts.value(0);
    return run;
}

void BenchClients::printTable(const std::vector<Figure> &figures, const Figure &reference)
{
    std::printf("%-54s %8s %8s %9s %7s %11s %10s\n", "client (median of runs)", "wall s", "CPU s", "M rows/s", "MB/s",
                "wall/ours", "CPU/ours");
    for (const Figure &f : figures) {
        if (!f.measured()) {
            std::printf("%-54s not measured: %s\n", qPrintable(f.label), qPrintable(f.problem));
            continue;
        }
        const QByteArray rowsPerSecond = f.rows ? QByteArray::number(double(f.rows) / f.wall() / 1e6, 'f', 2) : QByteArray("-");
        const QByteArray cpu = f.cpuSeconds.empty() ? QByteArray("-") : QByteArray::number(f.cpu(), 'f', 3);
        const QByteArray cpuRatio = f.cpuSeconds.empty() || reference.cpuSeconds.empty()
                                        ? QByteArray("-")
                                        : QByteArray::number(f.cpu() / reference.cpu(), 'f', 1) + 'x';
        std::printf("%-54s %8.3f %8s %9s %7.0f %10.1fx %10s\n", qPrintable(f.label), f.wall(), cpu.constData(),
                    rowsPerSecond.constData(), f.bytes / f.wall() / 1e6, f.wall() / reference.wall(), cpuRatio.constData());
    }
}

double BenchClients::threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

double BenchClients::median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace sasquatch::test
