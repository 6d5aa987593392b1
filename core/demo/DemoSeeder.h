// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoSeedTypes.h"
#include "core/http/HttpTransport.h"
#include "core/util/CancelToken.h"
#include "core/util/Outcome.h"

#include <QString>

#include <memory>

namespace sasquatch {

/// Fills a running influxd with the demo catalog: creates the databases, writes one point
/// per topic (so SHOW MEASUREMENTS / SHOW FIELD KEYS see the whole catalog), then — at the
/// Full level — history ending now: events and commands, an hour of telemetry, and the
/// MTM1M3 force actuator history (812 values at 50 Hz), streamed last with progress.
///
/// Stages run one after the other; within a stage `writers` threads render and POST
/// line-protocol batches (precision=ms) in parallel. Values are a function of time only,
/// so an interrupted or repeated seed rewrites identical points.
class DemoSeeder
{
public:
    /// `http` is shared by the writer threads (CurlTransport is thread-safe); empty: a
    /// CurlTransport of its own. `baseUrl` is the server, e.g. InfluxdProcess::url().
    explicit DemoSeeder(QString baseUrl, std::shared_ptr<HttpTransport> http = {},
                        const DemoCatalog &catalog = DemoCatalog::instance());

    /// Runs every stage. Blocks; call it from a worker thread. `progress` is called from the
    /// seeding threads, one call at a time, at most ~10 times a second.
    Outcome<DemoSeedReport> seed(const DemoSeedOptions &options, const DemoProgress &progress = {},
                                 const CancelToken &cancel = {});

private:
    Outcome<Done> createDatabases(const DemoSeedOptions &options, const CancelToken &cancel);

    QString m_baseUrl;
    std::shared_ptr<HttpTransport> m_http;
    const DemoCatalog &m_catalog;
};

} // namespace sasquatch
