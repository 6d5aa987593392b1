// SPDX-License-Identifier: GPL-3.0-or-later
// Start-up benchmark: time from launching `sasquatch-browser --startup-probe` (no demo, a fresh
// config dir, so no network) to its first painted frame, measured from outside the process
// (exec, dynamic loading and Qt start-up included). Uses the X display when DISPLAY is set
// (run under xvfb-run for a real window system), otherwise the offscreen platform.
// Prints figures; never fails on time.
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString exe = QCoreApplication::applicationDirPath() + QStringLiteral("/sasquatch-browser");
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
    std::vector<double> outside, inside;
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir home;
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path());
        if (!env.contains(QStringLiteral("DISPLAY")))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        p.start(exe, {QStringLiteral("--startup-probe")});
        if (!p.waitForStarted(10000)) {
            std::fprintf(stderr, "cannot start %s\n", qPrintable(exe));
            return 1;
        }
        QByteArray line;
        while (!line.contains('\n') && timer.elapsed() < 20000) {
            p.waitForReadyRead(100);
            line += p.readAllStandardOutput();
        }
        const double wall = timer.nsecsElapsed() / 1e6;
        p.waitForFinished(10000);
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() != 2) {
            std::fprintf(stderr, "unexpected output: %s\n%s\n", line.constData(), p.readAllStandardError().constData());
            return 1;
        }
        outside.push_back(wall);
        inside.push_back(parts[1].toDouble());
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("start to first painted window (%s platform, %d runs)\n",
                qEnvironmentVariableIsSet("DISPLAY") ? "xcb" : "offscreen", runs);
    std::printf("  from exec (measured outside): median %.1f ms, min %.1f ms, max %.1f ms\n", median(outside),
                *std::min_element(outside.begin(), outside.end()), *std::max_element(outside.begin(), outside.end()));
    std::printf("  from main() (reported inside): median %.1f ms\n", median(inside));
    std::printf("  goal: <= 500 ms\n");
    return 0;
}
