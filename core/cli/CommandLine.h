// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <optional>

namespace sasquatch {

/// Exit codes of every subcommand.
enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

/// Runs `sasquatch-browser <subcommand> ...`, or the top-level --help/--version, without any
/// GUI. Returns nullopt when `args` ask for the GUI instead (no subcommand).
std::optional<int> runCommandLine(const QStringList &args);

/// The names of the subcommands, for help texts.
QStringList commandNames();

} // namespace sasquatch
