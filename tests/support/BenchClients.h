// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sasquatch::test {

/// Other programs that query benchmarks compare against: curl's raw download and the
/// JavaScript clients of tests/bench/js (installed there with `npm ci`, never by a test).
class BenchClients
{
public:
    /// What one run of an external program gave.
    struct Run
    {
        bool ok = false;
        QString problem;  ///< why not ok, for the printed table
        double seconds = 0;
        QByteArray output; ///< its standard output
    };

    /// tests/bench/js in the source tree.
    static QString jsDir();
    /// Empty when `node` and the installed packages are there, else what to do about it.
    static QString nodeProblem();
    /// `node <jsDir>/<script> args...`; seconds from the JSON line it prints ("seconds").
    static Run node(const QString &script, const QStringList &args);
    /// `curl -s -o /dev/null` of `url` (POST with `body` as JSON when not empty); seconds is
    /// curl's own time_total, output its size_download.
    static Run curlDownload(const QString &url, const QByteArray &jsonBody = {});

    /// The median of `values` (0 when empty).
    static double median(std::vector<double> values);
};

} // namespace sasquatch::test
