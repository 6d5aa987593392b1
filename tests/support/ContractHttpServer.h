// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"
#include "tests/support/ContractRequest.h"
#include "tests/support/ContractResponse.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace sasquatch::test {

/// Which loopback address the server listens on.
enum class ContractAddress { IPv4, IPv6 };

/// An HTTP/1.1 server on loopback for contract tests: it stands in for servers that cannot
/// run here (InfluxDB 2.x, Schema Registry, REST Proxy, Strimzi Bridge) by answering with
/// responses built from their documented formats, and for the network misbehaving
/// (stalls, resets, truncated bodies, 502s).
///
/// It serves on its own threads (one per connection), so a test may call a synchronous
/// client such as CurlTransport from its main thread. Handlers run one at a time under a
/// lock, so they need no locking of their own; body delays, stalls and producers run
/// outside that lock. Supports keep-alive, pipelining, chunked request bodies,
/// Expect: 100-continue, gzip request bodies (decoded into ContractRequest::body) and gzip
/// responses. Unrouted requests get 404 with a JSON error naming them.
///
/// A contract fixture names the document its responses follow, e.g.:
/// \code
///   // Shapes from the InfluxDB 2.x API reference (POST /api/v2/query, annotated CSV).
///   ContractHttpServer server;
///   QVERIFY(server.start().ok());
///   server.on("POST", "/api/v2/query", [](const ContractRequest &r) {
///       if (r.tokenAuth() != std::optional<QString>("t0ken"))
///           return ContractResponse::json(401, R"({"code":"unauthorized","message":"unauthorized access"})");
///       auto csv = ContractResponse::chunked(200, "text/csv; charset=utf-8", {"#datatype,...\r\n", ",result,...\r\n"});
///       csv.compression = ContractCompression::GzipIfAccepted;
///       return csv;
///   });
///   CurlTransport transport;              // synchronous, from the test thread
///   HttpRequest request;
///   request.url = server.url("/api/v2/query?org=rubin");
///   ... transport.perform(request, sink) ...
///   QCOMPARE(server.requestsTo("/api/v2/query").size(), std::size_t(1));
///   QVERIFY(server.unmatchedRequests().empty());
/// \endcode
class ContractHttpServer
{
public:
    using Handler = std::function<ContractResponse(const ContractRequest &)>;

    /// Largest request body accepted by default; beyond it the server answers 413.
    static constexpr qint64 kDefaultMaxBodyBytes = qint64(256) * 1024 * 1024;

    ContractHttpServer();
    ~ContractHttpServer(); ///< stops the server
    ContractHttpServer(const ContractHttpServer &) = delete;
    ContractHttpServer &operator=(const ContractHttpServer &) = delete;

    /// Binds a free port on 127.0.0.1 (or ::1) and starts serving.
    Outcome<Done> start(ContractAddress address = ContractAddress::IPv4);
    /// Closes every connection (interrupting delays and stalls) and joins the threads.
    /// Safe to call twice. Routes and recorded requests are kept.
    void stop();
    bool isRunning() const;

    quint16 port() const;
    /// "http://127.0.0.1:PORT" or "http://[::1]:PORT", without a trailing slash.
    QString baseUrl() const;
    /// baseUrl() + pathAndQuery ("/query?db=efd").
    QString url(const QString &pathAndQuery) const;

    /// Routes `method` ("GET"; "*" for any) and `path` (exact; a trailing '*' matches any
    /// path with that prefix) to a handler. The newest matching route wins, so a test can
    /// override a fixture's default route.
    void on(const QByteArray &method, const QString &path, Handler handler);
    /// Always answers `response`.
    void on(const QByteArray &method, const QString &path, const ContractResponse &response);
    /// Answers successive matching requests with successive responses; the last repeats.
    void onSequence(const QByteArray &method, const QString &path, std::vector<ContractResponse> responses);
    /// Answers requests no route matched (default: 404 JSON naming the request).
    void setFallback(Handler handler);
    void clearRoutes();
    void setMaxBodyBytes(qint64 bytes);

    /// Every request received, in arrival order (including unrouted ones).
    std::vector<ContractRequest> requests() const;
    /// Received requests whose path equals `path`.
    std::vector<ContractRequest> requestsTo(const QString &path) const;
    /// Requests that matched no route: a non-empty list usually means a client bug.
    std::vector<ContractRequest> unmatchedRequests() const;
    int requestCount() const;
    /// TCP connections accepted since start().
    int connectionCount() const;
    /// CPU time its connection threads have spent so far (counted after each response), so
    /// that a benchmark can take the in-process server's share out of the process's CPU time.
    double cpuSeconds() const;
    /// Waits until at least `count` requests have arrived; false on timeout.
    bool waitForRequests(int count, std::chrono::milliseconds timeout) const;
    void clearRequests();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sasquatch::test
