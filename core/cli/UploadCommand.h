// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <cstdio>

namespace sasquatch {

/// `sasquatch-browser upload FILE... --via rest-proxy|bridge|kafka|influx`: reads metric
/// files, validates them, sends them and prints a per-file summary. Exit 0 when every record
/// was acknowledged, 1 otherwise, 2 on bad usage.
class UploadCommand
{
public:
    static int run(const QStringList &args, std::FILE *out, std::FILE *err);
};

} // namespace sasquatch
