// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sasquatch::test {

/// The real influxd that the CTest fixture (tests/fixtures/influxd_fixture_main.cpp) starts
/// for the integration tests (tst_it_*): a Debian influxd on a free loopback port, holding
/// the demo catalog (one point per topic of every database) and a few minutes of data.
class InfluxFixture
{
public:
    /// The fixture's state directory (SASQUATCH_INFLUXD_STATE_DIR): url, pid, datadir.
    static QString stateDir();

    /// "http://127.0.0.1:<port>" of the running fixture. When there is none, records a test
    /// failure that says how to start it and returns an empty string; callers then return:
    ///
    ///     const QString url = InfluxFixture::url();
    ///     if (url.isEmpty())
    ///         return;
    static QString url();
};

} // namespace sasquatch::test
