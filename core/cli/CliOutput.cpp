// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/CliOutput.h"

#include "core/cli/CommandLine.h"

#include <QRegularExpression>

#include <atomic>
#include <csignal>
#include <mutex>

namespace sasquatch {

namespace {

// Signal handlers may only touch lock-free atomics; the token's flag is one, reached through a
// pointer set once.
std::atomic<CancelToken *> g_interruptToken{nullptr};

extern "C" void onInterrupt(int)
{
    if (CancelToken *token = g_interruptToken.load())
        token->cancel();
}

} // namespace

void CliOutput::out(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    outBytes(bytes.constData(), std::size_t(bytes.size()));
}

void CliOutput::outBytes(const char *data, std::size_t size) const
{
    std::fwrite(data, 1, size, m_out);
}

void CliOutput::message(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), m_err);
    if (!text.endsWith(u'\n'))
        std::fputc('\n', m_err);
    std::fflush(m_err);
}

int CliOutput::usageError(const QString &text, const QString &command) const
{
    message(QStringLiteral("sasquatch-browser %1: %2\nTry 'sasquatch-browser %1 --help'.").arg(command, text));
    return kExitUsage;
}

int CliOutput::failure(const QString &text) const
{
    std::fflush(m_out);
    message(QStringLiteral("sasquatch-browser: %1").arg(text));
    return kExitFailure;
}

QString CliOutput::helpText(const QString &parserHelp, const QString &command)
{
    QString help = parserHelp;
    const qsizetype end = help.indexOf(u'\n');
    if (help.startsWith(QStringLiteral("Usage: ")) && end > 0)
        help.replace(0, end, QStringLiteral("Usage: sasquatch-browser %1 [options]").arg(command));
    help.remove(QRegularExpression(QStringLiteral("\n *--help-all[^\n]*")));
    return help;
}

CancelToken CliOutput::cancelOnInterrupt()
{
    static CancelToken token;
    static std::once_flag once;
    std::call_once(once, [] {
        g_interruptToken.store(&token);
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
    });
    return token;
}

} // namespace sasquatch
