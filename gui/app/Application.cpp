// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/Application.h"

#include "core/cli/CommandLine.h"
#include "core/demo/DemoStack.h"
#include "core/series/LiveFieldSpec.h"
#include "gui/app/AppTranslator.h"
#include "gui/app/ConnectionController.h"
#include "gui/app/MainWindow.h"
#include "gui/app/Theme.h"
#include "gui/live/LivePanel.h"
#include "gui/plots/PlotWorkspaceFiles.h"
#include "gui/query/QueryWorkspace.h"
#include "gui/topics/TopicBrowser.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <optional>

namespace sasquatch {

namespace {

void installTranslations(QApplication &app)
{
    auto *ours = new AppTranslator(&app);
    if (ours->load(QLocale(), QStringLiteral("sasquatch"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
}

} // namespace

int runApplication(int argc, char **argv)
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    {
        QStringList args;
        for (int i = 0; i < argc; ++i)
            args << QString::fromLocal8Bit(argv[i]);
        if (const auto code = runCommandLine(args))
            return *code;
    }

    QApplication::setApplicationName(QStringLiteral("sasquatch-browser"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sasquatch Browser"));
    QApplication::setOrganizationName(QStringLiteral("lsst"));
    QApplication::setOrganizationDomain(QStringLiteral("lsst.io"));
    QApplication::setApplicationVersion(QStringLiteral(SASQUATCH_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.lsst.SasquatchBrowser"));
    QApplication app(argc, argv);
    installTranslations(app);
    applyTheme(app, ThemeKind::Dark);

    QCommandLineParser parser;
    const QCommandLineOption demo(QStringLiteral("demo"), QApplication::translate("main", "Start on the embedded demo stack."));
    const QCommandLineOption profile(QStringLiteral("profile"), QApplication::translate("main", "Open this profile."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption find(QStringLiteral("find"),
                                  QApplication::translate("main", "Start with TEXT in the topic filter."),
                                  QStringLiteral("TEXT"));
    // A query tab with TEXT, run once connected (also how the README screenshot is made).
    const QCommandLineOption query(QStringLiteral("query"),
                                   QApplication::translate("main", "Open a query tab with TEXT and run it once connected."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption language(QStringLiteral("language"),
                                      QApplication::translate("main", "Language of --query: flux or influxql (default: "
                                                                      "the server's, InfluxQL on 1.x)."),
                                      QStringLiteral("LANG"));
    // A saved plot workspace instead of the last one (reproducible screenshots).
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QApplication::translate("main", "Open this plot workspace (.sqws) instead of the last one."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption live(QStringLiteral("live"),
                                  QApplication::translate("main", "Tail these fields live, with history before them: "
                                                                  "TOPIC:FIELD[,FIELD...][;TOPIC:...], NAME[N] for an array's "
                                                                  "N elements (with --demo: once its history is in)."),
                                  QStringLiteral("FIELDS"));
    // For tests/bench/bench_startup: print the time to the first painted frame and quit.
    QCommandLineOption startupProbe(QStringLiteral("startup-probe"));
    startupProbe.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, profile, find, query, language, workspace, live, startupProbe});
    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "sasquatch-browser: %s\nTry 'sasquatch-browser --help'.\n", qPrintable(parser.errorText()));
        return 2;
    }
    std::optional<QueryLanguage> queryLanguage;
    if (parser.isSet(language)) {
        const QString name = parser.value(language).toLower();
        if (name != QLatin1String("flux") && name != QLatin1String("influxql")) {
            std::fprintf(stderr, "sasquatch-browser: --language must be flux or influxql, not \"%s\".\n",
                         qPrintable(parser.value(language)));
            return 2;
        }
        queryLanguage = name == QLatin1String("flux") ? QueryLanguage::Flux : QueryLanguage::InfluxQl;
    }

    ConnectionController controller;
    MainWindow window(controller);
    const QString problem = controller.initialize();
    if (!problem.isEmpty())
        window.showMessage(problem, true);

    if (parser.isSet(workspace)) {
        if (!window.plotFiles()->open(parser.value(workspace)))
            std::fprintf(stderr, "sasquatch-browser: cannot open the workspace \"%s\" (see the status bar).\n",
                         qPrintable(parser.value(workspace)));
    } else if (!parser.isSet(startupProbe)) {
        window.plotFiles()->restoreLast();
    }
    std::map<QString, QStringList> liveFields; // with --demo: tailed once the demo's history is in
    if (parser.isSet(live)) {
        const Outcome<std::map<QString, QStringList>> fields = LiveFieldSpec::parse(parser.value(live));
        if (!fields) {
            std::fprintf(stderr, "sasquatch-browser: --live: %s\n", qPrintable(fields.error()));
            return 2;
        }
        window.showLivePanel();
        if (!parser.isSet(demo)) {
            window.livePanel()->addFields(*fields);
            window.livePanel()->startWhenConnected();
        } else {
            liveFields = *fields;
        }
    }
    if (parser.isSet(find))
        window.topicBrowser()->setFilterText(parser.value(find));
    if (parser.isSet(query))
        window.queryWorkspace()->openQuery(parser.value(query), queryLanguage);

    if (parser.isSet(startupProbe)) {
        QObject::connect(&window, &MainWindow::firstPaint, &app, [&] {
            std::printf("first-paint-ms %lld\n", static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stdout);
            QTimer::singleShot(0, &app, &QApplication::quit);
        });
    }

    std::unique_ptr<DemoStack> demoStack;
    if (parser.isSet(demo)) {
        demoStack = std::make_unique<DemoStack>();
        QObject::connect(demoStack.get(), &DemoStack::progressChanged, &window,
                         [&window](double fraction, const QString &text) { window.showBackgroundProgress(fraction, text); });
        QObject::connect(demoStack.get(), &DemoStack::ready, &controller, [&](const QString &url) {
            window.showBackgroundProgress(-1, QApplication::translate("main", "Demo stack ready at %1").arg(url));
            controller.useDemo(url, demoStack->kafkaBootstrap());
        });
        if (parser.isSet(live)) // live telemetry starts when the history is complete
            QObject::connect(demoStack.get(), &DemoStack::seedFinished, &window,
                             [&window, &liveFields] {
                                 window.livePanel()->addFields(liveFields);
                                 window.livePanel()->startWhenConnected();
                             });
        QObject::connect(demoStack.get(), &DemoStack::seedFinished, &window, [&window](double seconds, qint64 values) {
            window.showBackgroundProgress(-1, QApplication::translate("main", "Demo history ready: %L1 values in %2 s")
                                                  .arg(values).arg(seconds, 0, 'f', 1));
        });
        QObject::connect(demoStack.get(), &DemoStack::failed, &window, [&window](const QString &message) {
            window.showBackgroundProgress(-1, QString());
            window.showMessage(message, true);
            QMessageBox::warning(&window, QApplication::translate("main", "Demo stack"), message);
        });
        demoStack->start();
    } else if (parser.isSet(profile)) {
        controller.activateProfile(parser.value(profile));
    } else if (!controller.profiles().currentProfile().isEmpty()) {
        controller.activateProfile(controller.profiles().currentProfile());
    }
    window.show();
    const int code = app.exec();
    if (demoStack)
        demoStack->stop();
    return code;
}

} // namespace sasquatch
