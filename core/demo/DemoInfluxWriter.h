// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoSeedTypes.h"
#include "core/http/HttpTransport.h"
#include "core/util/CancelToken.h"
#include "core/util/Outcome.h"

#include <QString>

#include <memory>
#include <string>

namespace sasquatch {

/// The two InfluxDB 1.x calls the demo seeder needs — an InfluxQL statement and a line
/// protocol write — over an HttpTransport. Deliberately not a client: the application's
/// InfluxDB client lives in core/influx; this only feeds the demo server.
class DemoInfluxWriter
{
public:
    DemoInfluxWriter(std::shared_ptr<HttpTransport> http, QString baseUrl,
                     DemoBodyEncoding encoding = DemoBodyEncoding::Plain);

    /// POST /query?q=...: fails on HTTP errors and on a statement error inside the 200 answer.
    Outcome<Done> execute(const QString &statement, const CancelToken &cancel = {}) const;

    /// POST /write?db=&precision=ms with `lines`; retried twice on 5xx or connection trouble.
    Outcome<Done> write(const QString &database, const std::string &lines, const CancelToken &cancel = {}) const;

    /// Bytes actually sent for the last write on this thread (after gzip).
    static std::int64_t lastBodyBytes();

    /// InfluxQL identifier quoting: "name" with '"' and '\' escaped.
    static QString quoteIdentifier(const QString &name);

private:
    std::shared_ptr<HttpTransport> m_http;
    QString m_baseUrl;
    DemoBodyEncoding m_encoding;
};

} // namespace sasquatch
