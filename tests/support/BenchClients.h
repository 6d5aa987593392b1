// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
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
        /// CPU time (user + system) the client spent: node's own figure ("cpu") for the
        /// query, the process's for curl. On a loaded machine it is steadier than seconds.
        double cpuSeconds = 0;
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

    /// One line of a benchmark's table: medians over runs, or why it was not measured.
    struct Figure
    {
        QString label;
        std::vector<double> seconds;    ///< wall time per run
        std::vector<double> cpuSeconds; ///< CPU time per run
        double bytes = 0;               ///< response bytes the client read
        std::uint64_t rows = 0;         ///< 0: the client does not parse rows (curl)
        QString problem;                ///< set when it could not be measured

        double wall() const { return median(seconds); }
        double cpu() const { return median(cpuSeconds); }
        bool measured() const { return problem.isEmpty() && !seconds.empty(); }
    };
    /// Prints the figures as a table; ratios are to `reference` (our engine).
    static void printTable(const std::vector<Figure> &figures, const Figure &reference);

    /// CPU time (user + system) of the calling thread so far.
    static double threadCpuSeconds();
    /// The median of `values` (0 when empty).
    static double median(std::vector<double> values);
};

} // namespace sasquatch::test
