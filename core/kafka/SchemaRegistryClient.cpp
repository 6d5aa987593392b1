// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/SchemaRegistryClient.h"

#include "core/http/HttpFailure.h"
#include "core/http/RetryingTransport.h"

#include <QUrl>

#include <nlohmann/json.hpp>

namespace sasquatch {

RetryPolicy SchemaRegistryOptions::defaultRetry()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.initialDelay = std::chrono::milliseconds(300);
    policy.retryStatuses.push_back(500);
    return policy;
}

SchemaRegistryClient::SchemaRegistryClient(std::shared_ptr<HttpTransport> transport, SchemaRegistryOptions options)
    : m_options(std::move(options))
{
    while (m_options.baseUrl.endsWith(u'/'))
        m_options.baseUrl.chop(1);
    // Count every attempt (retries included) below the retry layer.
    struct Counting final : HttpTransport
    {
        std::shared_ptr<HttpTransport> inner;
        SchemaRegistryClient *owner;
        HttpResult perform(const HttpRequest &request, const BodySink &sink, const ProgressSink &progress,
                           const CancelToken &cancel) override
        {
            {
                std::lock_guard lock(owner->m_mutex);
                ++owner->m_requests;
            }
            return inner->perform(request, sink, progress, cancel);
        }
    };
    auto counting = std::make_shared<Counting>();
    counting->inner = std::move(transport);
    counting->owner = this;
    m_transport = std::make_shared<RetryingTransport>(std::move(counting), m_options.retry);
}

Outcome<QByteArray> SchemaRegistryClient::schemaJson(std::int32_t id, const CancelToken &cancel)
{
    {
        std::lock_guard lock(m_mutex);
        if (const auto it = m_cache.find(id); it != m_cache.end())
            return it->second;
    }
    std::int32_t answered = id;
    return fetchSchema(QStringLiteral("/schemas/ids/%1").arg(id), QStringLiteral("Schema %1").arg(id), answered, cancel);
}

Outcome<QByteArray> SchemaRegistryClient::latestSchemaJson(const QString &subject, const CancelToken &cancel)
{
    std::int32_t id = -1;
    const QString path = QStringLiteral("/subjects/%1/versions/latest")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(subject)));
    return fetchSchema(path, QStringLiteral("Subject %1").arg(subject), id, cancel);
}

Outcome<QByteArray> SchemaRegistryClient::fetchSchema(const QString &path, const QString &what, std::int32_t &id,
                                                      const CancelToken &cancel)
{
    HttpRequest request;
    request.url = m_options.baseUrl + path;
    request.headers.emplace_back("Accept", "application/vnd.schemaregistry.v1+json, application/json");
    request.username = m_options.username;
    request.password = m_options.password;
    request.verifyTls = m_options.verifyTls;
    request.caFile = m_options.caFile;
    request.totalTimeout = m_options.timeout;
    const HttpResult result = m_transport->perform(request, {}, {}, cancel);
    if (!result.succeeded()) {
        Failure failure = HttpFailure::from(request, result);
        failure.message = QStringLiteral("%1: %2").arg(what, failure.message);
        return failure;
    }
    const auto json = nlohmann::json::parse(result.response.body.constBegin(), result.response.body.constEnd(), nullptr,
                                            false);
    const auto bad = [&](const QString &answer) {
        return Failure{QStringLiteral("%1: %2 answered %3 (expected {\"schema\":\"...\"}).").arg(what, request.url, answer),
                       result.response.status};
    };
    if (json.is_discarded() || !json.is_object())
        return bad(QStringLiteral("something that is not a JSON object"));
    const auto schema = json.find("schema");
    if (schema == json.end() || !schema->is_string())
        return bad(QStringLiteral("an object without a \"schema\" string"));
    if (const auto type = json.find("schemaType"); type != json.end() && type->is_string() && *type != "AVRO")
        return Failure{QStringLiteral("%1 is a %2 schema; only Avro is decoded.")
                           .arg(what, QString::fromStdString(type->get<std::string>())),
                       result.response.status};
    if (const auto given = json.find("id"); given != json.end() && given->is_number_integer())
        id = given->get<std::int32_t>();
    const auto &text = schema->get_ref<const std::string &>();
    QByteArray value(text.data(), qsizetype(text.size()));
    if (id >= 0) { // schemas are immutable per id
        std::lock_guard lock(m_mutex);
        m_cache[id] = value;
    }
    return value;
}

QString SchemaRegistryClient::describe() const
{
    return QStringLiteral("Schema Registry at %1").arg(m_options.baseUrl);
}

int SchemaRegistryClient::requestCount() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

} // namespace sasquatch
