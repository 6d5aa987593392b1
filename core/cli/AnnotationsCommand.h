// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationStore.h"

#include <QStringList>

#include <cstdio>
#include <memory>

namespace sasquatch {

/// `sasquatch-browser annotations add|list|edit|delete`: annotations in Chronograf's
/// measurement (InfluxDB 1.x) or through the 2.x annotations API, from scripts (see --help).
class AnnotationsCommand
{
public:
    /// `args` starts with the program name followed by "annotations". Writes results to `out`,
    /// messages to `err`; returns the exit code (0 ok, 1 failure, 2 bad usage).
    static int run(const QStringList &args, std::FILE *out, std::FILE *err);

    /// The same against a given store instead of the one the connection flags choose (the
    /// connection flags are then accepted and ignored). For tests and embedding.
    static int runWithStore(const QStringList &args, std::FILE *out, std::FILE *err,
                            std::shared_ptr<AnnotationStore> store);
};

} // namespace sasquatch
