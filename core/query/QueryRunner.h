// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"
#include "core/influx/InfluxClient.h"
#include "core/query/QueryResultSink.h"
#include "core/query/QueryTypes.h"
#include "core/util/CancelToken.h"

#include <chrono>
#include <memory>
#include <optional>

namespace sasquatch {

/// Runs one Flux or InfluxQL query against an InfluxDB server and streams the result, parsed
/// into columnar ResultTables, into a QueryResultSink while the body arrives. Blocking: call
/// it from a worker thread (the GUI goes through QueryService; the `query` command calls it
/// directly). One runner per thread; a runner may run many queries one after the other.
///
/// Flux: `POST /api/v2/query` (`org=` from the profile for 2.x) with the JSON body and
/// `dialect.annotations = ["datatype","group","default"]`; `Authorization: Token <token>` on
/// 2.x, `Token user:password` on 1.x with a user. The annotated CSV (gzip when the server
/// compresses) goes through AnnotatedCsvParser.
/// InfluxQL: `/query?db=&rp=&epoch=ns&chunked=true[&chunk_size=]`, GET for reading and POST
/// (statement in the form body) for statements that write and for long texts; the chunked
/// JSON goes through InfluxQlJsonParser. Times are exact int64 nanoseconds.
///
/// Every way a query can end is a QuerySummary: server errors before the body (HTTP 400/401/
/// 404/500 with a JSON message), a Flux error table after status 200, an InfluxQL `{"error"}`
/// after data, malformed bodies, transport failures and timeouts become a Failed status with a
/// message for the user. A failed InfluxQL statement is not a failure of the query: the other
/// statements' tables are delivered and the error is listed in statementErrors. Past the
/// request's QueryBudget the transfer stops (BudgetExceeded) with a message that says how to
/// narrow the query. The CancelToken stops it within about 50 ms (Cancelled). Tables delivered
/// before a stop stay delivered; a piece that would cross the budget is not delivered.
class QueryRunner
{
public:
    /// With no transfer at all the server may think this long before its first byte
    /// (production InfluxDB gives up at 180 s and says so, which we want to show).
    static constexpr std::chrono::seconds kStallTimeout{200};

    /// `secret` is the 1.x password or the 2.x token. `transport` must be thread-safe.
    QueryRunner(ConnectionProfile profile, QString secret, std::shared_ptr<HttpTransport> transport);

    /// Runs `request` to its end. Never throws.
    QuerySummary run(const QueryRequest &request, QueryResultSink &sink, const CancelToken &cancel = {});

    /// The API the server speaks, once known (the profile's, or what `/ping` said on Auto).
    std::optional<ApiFlavour> flavour() const { return m_flavour; }

private:
    HttpRequest fluxRequest(const QueryRequest &query) const;
    HttpRequest influxQlRequest(const QueryRequest &query) const;

    ConnectionProfile m_profile;
    QString m_secret;
    std::shared_ptr<HttpTransport> m_transport;
    InfluxClient m_client;
    std::optional<ApiFlavour> m_flavour;
};

} // namespace sasquatch
