// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/CommandLine.h"

#include "core/cli/AnnotationsCommand.h"
#include "core/cli/CliOutput.h"
#include "core/cli/QueryCommand.h"
#include "core/cli/TailCommand.h"
#include "core/cli/TopicsCommand.h"
#include "core/cli/UploadCommand.h"

#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace sasquatch {

namespace {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &, std::FILE *, std::FILE *);
};

const Command kCommands[] = {
    {"topics", "list buckets, topics and fields (fuzzy --filter)", &TopicsCommand::run},
    {"query", "run a Flux or InfluxQL query: CSV, JSON lines or stats", &QueryCommand::run},
    {"tail", "print Kafka messages as they arrive, decoded (Avro via Schema Registry, JSON)", &TailCommand::run},
    {"upload", "validate metric files and send them (REST proxy, bridge, Kafka, InfluxDB)", &UploadCommand::run},
    {"annotations", "add, list, edit or delete annotations (Chronograf's on 1.x, 2.x API)", &AnnotationsCommand::run},
};

QString topLevelHelp()
{
    QString help = QStringLiteral(
        "Usage: sasquatch-browser [--demo] [--profile NAME]\n"
        "       sasquatch-browser COMMAND [OPTIONS]\n\n"
        "Sasquatch Browser: browse, query, plot and tail Rubin Observatory telemetry in Sasquatch\n"
        "(InfluxDB 1.x/2.x, Kafka, Schema Registry).\n\n"
        "Options:\n"
        "  --demo            start on the embedded demo stack (local influxd with a synthetic EFD)\n"
        "  --profile NAME    open the saved connection profile NAME\n"
        "  --find TEXT       start with TEXT in the topic filter\n"
        "  --live FIELDS     tail TOPIC:FIELD[,NAME[N]...] live with its history (with --demo: after seeding)\n"
        "  -h, --help        show this help\n"
        "  -v, --version     show the version\n\n"
        "Commands (each has --help):\n");
    for (const Command &c : kCommands)
        help += QStringLiteral("  %1 %2\n").arg(QString::fromLatin1(c.name).leftJustified(16), QString::fromLatin1(c.summary));
    help += QStringLiteral("\nSecrets come from SASQUATCH_PASSWORD / SASQUATCH_TOKEN or the system keyring, never from argv.\n"
                           "Exit status: 0 success, 1 failure (message on stderr), 2 bad usage.\n");
    return help;
}

} // namespace

QStringList commandNames()
{
    QStringList names;
    for (const Command &c : kCommands)
        names << QString::fromLatin1(c.name);
    return names;
}

std::optional<int> runCommandLine(const QStringList &args)
{
    CliOutput io(stdout, stderr);
    if (args.size() < 2)
        return std::nullopt;
    const QString first = args.at(1);
    if (first == u"--help" || first == u"-h" || first == u"help") {
        io.out(topLevelHelp());
        return kExitOk;
    }
    if (first == u"--version" || first == u"-v") {
        io.out(QStringLiteral("sasquatch-browser %1\n").arg(QStringLiteral(SASQUATCH_VERSION)));
        return kExitOk;
    }
    for (const Command &c : kCommands) {
        if (first == QLatin1String(c.name)) {
            QStringList rest = args;
            rest.removeAt(1);
            rest[0] = QStringLiteral("sasquatch-browser %1").arg(first);
            // An event loop exists for the keyring's D-Bus calls; no GUI is created.
            int fakeArgc = 1;
            char name[] = "sasquatch-browser";
            char *fakeArgv[] = {name, nullptr};
            std::unique_ptr<QCoreApplication> app;
            if (!QCoreApplication::instance())
                app = std::make_unique<QCoreApplication>(fakeArgc, fakeArgv);
            const int code = c.run(rest, stdout, stderr);
            std::fflush(stdout);
            return code;
        }
    }
    if (!first.startsWith(u'-')) {
        io.message(QStringLiteral("sasquatch-browser: unknown command \"%1\".\n\n%2").arg(first, topLevelHelp()));
        return kExitUsage;
    }
    return std::nullopt; // GUI options
}

} // namespace sasquatch
