// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <cstdio>

namespace sasquatch::test {

/// What a subcommand printed and returned.
struct CommandRun
{
    int code = -1;
    QString out;
    QString err;
};

/// A subcommand's entry point, e.g. TopicsCommand::run.
using CommandEntry = int (*)(const QStringList &, std::FILE *, std::FILE *);

/// Runs a subcommand's entry point in-process with its standard output and error captured in
/// temporary files. `args` starts with the program name as the command sees it
/// ("sasquatch-browser topics").
CommandRun runCommand(CommandEntry command, const QStringList &args);

} // namespace sasquatch::test
