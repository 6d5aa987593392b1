// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/CancelToken.h"

#include <QString>

#include <cstdio>

namespace sasquatch {

/// Output of a subcommand: results to `out` (UTF-8, as they come), messages to `err`, and
/// the exit code that goes with each kind of message.
class CliOutput
{
public:
    CliOutput(std::FILE *out, std::FILE *err) : m_out(out), m_err(err) {}

    void out(const QString &text) const;
    void outBytes(const char *data, std::size_t size) const;
    void message(const QString &text) const;

    /// Prints "sasquatch-browser COMMAND: MESSAGE" and a hint to --help; returns kExitUsage.
    int usageError(const QString &text, const QString &command) const;
    /// Prints "sasquatch-browser: MESSAGE"; returns kExitFailure.
    int failure(const QString &text) const;

    /// `parser`'s help with the usage line naming the subcommand.
    static QString helpText(const QString &parserHelp, const QString &command);

    /// A token that Ctrl+C (SIGINT) or SIGTERM cancels, so that a long request ends cleanly.
    static CancelToken cancelOnInterrupt();

private:
    std::FILE *m_out;
    std::FILE *m_err;
};

} // namespace sasquatch
