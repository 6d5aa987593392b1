// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/CommandRun.h"

#include <QByteArray>

namespace sasquatch::test {

namespace {

QString drain(std::FILE *f)
{
    std::fflush(f);
    std::rewind(f);
    QByteArray bytes;
    char buffer[65536];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
        bytes.append(buffer, qsizetype(n));
    std::fclose(f);
    return QString::fromUtf8(bytes);
}

} // namespace

CommandRun runCommand(CommandEntry command, const QStringList &args)
{
    std::FILE *out = std::tmpfile();
    std::FILE *err = std::tmpfile();
    CommandRun r;
    r.code = command(args, out, err);
    r.out = drain(out);
    r.err = drain(err);
    return r;
}

} // namespace sasquatch::test
