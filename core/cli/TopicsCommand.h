// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <cstdio>

namespace sasquatch {

class HttpTransport;

/// `sasquatch-browser topics`: lists buckets, topics and fields of an InfluxDB server.
class TopicsCommand
{
public:
    /// `args` starts with the program name followed by "topics". Writes results to `out`,
    /// messages to `err`; returns the exit code.
    static int run(const QStringList &args, std::FILE *out, std::FILE *err);
};

} // namespace sasquatch
