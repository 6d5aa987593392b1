// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <cstdio>

namespace sasquatch {

/// `sasquatch-browser query`: runs one Flux or InfluxQL query and streams the result as CSV,
/// JSON lines or a one-line summary, to stdout or atomically to a file (see --help).
class QueryCommand
{
public:
    /// `args` starts with the program name followed by "query". Writes results to `out`,
    /// messages to `err`; returns the exit code (0 ok, 1 failure, 2 bad usage).
    static int run(const QStringList &args, std::FILE *out, std::FILE *err);
};

} // namespace sasquatch
