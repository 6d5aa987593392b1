// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"
#include "core/http/RetryPolicy.h"
#include "core/kafka/SchemaSource.h"

#include <QString>

#include <map>
#include <memory>
#include <mutex>

namespace sasquatch {

/// How to reach a Confluent Schema Registry (Sasquatch: `<host>/schema-registry`).
struct SchemaRegistryOptions
{
    QString baseUrl;  ///< e.g. "https://summit-lsp.lsst.codes/schema-registry"
    QString username; ///< Basic auth when not empty
    QString password;
    bool verifyTls = true;
    QString caFile;
    std::chrono::milliseconds timeout{15'000}; ///< per attempt
    /// 500 is retried too: the registry answers 500 (error codes 50001-50003) while its
    /// backing Kafka store is unavailable, which passes.
    RetryPolicy retry = defaultRetry();

    static RetryPolicy defaultRetry();
};

/// SchemaSource over the Schema Registry REST API: `GET /schemas/ids/{id}` answers
/// `{"schema":"<schema json as a string>"}` (and `schemaType` for non-Avro schemas);
/// an unknown id answers 404 `{"error_code":40403,"message":"Schema not found"}`.
/// `GET /subjects/{subject}/versions/latest` answers `{"subject","id","version","schema"}`;
/// an unknown subject 404 `{"error_code":40401,"message":"Subject '...' not found."}`.
/// Schemas are immutable per id, so a fetched schema is cached for the client's lifetime;
/// failures are not cached (a later call asks again). Thread-safe; concurrent asks for one
/// uncached id may both go to the server.
class SchemaRegistryClient final : public SchemaSource
{
public:
    /// `transport` is usually a CurlTransport; retries are added here per options.retry.
    SchemaRegistryClient(std::shared_ptr<HttpTransport> transport, SchemaRegistryOptions options);

    Outcome<QByteArray> schemaJson(std::int32_t id, const CancelToken &cancel = {}) override;
    Outcome<QByteArray> latestSchemaJson(const QString &subject, const CancelToken &cancel = {}) override;
    QString describe() const override;

    /// Requests sent so far (attempts included), for tests and the status line.
    int requestCount() const;

private:
    /// GETs `path` below the base URL and returns its "schema" string; `what` names the
    /// request in messages ("Schema 7", "Subject x-value"). The answer's "id", when present,
    /// is returned through `id`.
    Outcome<QByteArray> fetchSchema(const QString &path, const QString &what, std::int32_t &id,
                                    const CancelToken &cancel);

    std::shared_ptr<HttpTransport> m_transport;
    SchemaRegistryOptions m_options;
    mutable std::mutex m_mutex;
    std::map<std::int32_t, QByteArray> m_cache;
    int m_requests = 0;
};

} // namespace sasquatch
