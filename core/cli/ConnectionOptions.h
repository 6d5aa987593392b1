// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <QCommandLineParser>

namespace sasquatch {

/// A profile and its secret, resolved from the command line.
struct ResolvedConnection
{
    ConnectionProfile profile;
    QString secret;
    QString bucket; ///< --bucket, when given
};

/// The connection flags shared by every subcommand: `--profile NAME` or explicit flags.
/// Secrets never come from argv: SASQUATCH_PASSWORD / SASQUATCH_TOKEN, else the keyring
/// (or the secrets file the user chose in the GUI).
class ConnectionOptions
{
public:
    void addTo(QCommandLineParser &parser);
    /// A usage problem (exit 2) or a runtime problem (exit 1) is reported as a Failure whose
    /// httpStatus is kExitUsage or kExitFailure.
    Outcome<ResolvedConnection> resolve(const QCommandLineParser &parser) const;
};

} // namespace sasquatch
