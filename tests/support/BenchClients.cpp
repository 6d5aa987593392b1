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

namespace sasquatch::test {

namespace {

constexpr int kTimeoutMs = 600'000;

BenchClients::Run runProcess(const QString &program, const QStringList &args, const QString &workDir = {})
{
    BenchClients::Run run;
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

double BenchClients::median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace sasquatch::test
