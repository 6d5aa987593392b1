// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/V2AnnotationStore.h"

#include "core/annotations/V2AnnotationJson.h"
#include "core/http/UrlBuilder.h"
#include "core/influx/InfluxClient.h"
#include "core/time/TimeText.h"

#include <QMutexLocker>

#include <limits>

namespace sasquatch {

namespace {

const QString kAnnotations = QStringLiteral("/api/v2private/annotations");
const QString kStreams = QStringLiteral("/api/v2private/streams");

Outcome<nlohmann::json> parseBody(const HttpResponse &response, const QString &what)
{
    auto json = nlohmann::json::parse(response.body.begin(), response.body.end(), nullptr, false);
    if (json.is_discarded())
        return Failure{QStringLiteral("%1: the server's answer is not JSON (%2)")
                           .arg(what, QString::fromUtf8(response.body.left(120)))};
    return json;
}

QString timeParam(std::int64_t ns)
{
    return formatTimeText(ns, TimeScale::Utc, TimePrecision::Auto);
}

std::int64_t saturatingAdd(std::int64_t a, std::int64_t b)
{
    if (b > 0 && a > std::numeric_limits<std::int64_t>::max() - b)
        return std::numeric_limits<std::int64_t>::max();
    if (b < 0 && a < std::numeric_limits<std::int64_t>::min() - b)
        return std::numeric_limits<std::int64_t>::min();
    return a + b;
}

} // namespace

V2AnnotationStore::V2AnnotationStore(ConnectionProfile profile, QString secret, std::shared_ptr<HttpTransport> transport,
                                     QString stream)
    : m_profile(std::move(profile)), m_secret(std::move(secret)), m_transport(std::move(transport)),
      m_stream(stream.isEmpty() ? kDefaultStream : std::move(stream))
{
    m_profile.api = ApiFlavour::V2;
}

InfluxClient V2AnnotationStore::client() const
{
    return InfluxClient(m_profile, m_secret, m_transport);
}

QString V2AnnotationStore::description() const
{
    return QStringLiteral("InfluxDB 2.x annotations (stream \"%1\", organisation \"%2\") on %3")
        .arg(m_stream, m_profile.org, m_profile.name);
}

Outcome<HttpResponse> V2AnnotationStore::send(HttpMethod method, const QString &path,
                                              const std::vector<std::pair<QString, QString>> &query,
                                              const QByteArray &jsonBody, const QString &what, const CancelToken &cancel)
{
    InfluxClient influx = client();
    HttpRequest request = influx.makeRequest(method, path, query);
    if (!jsonBody.isEmpty()) {
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = jsonBody;
    }
    auto response = influx.perform(request, cancel);
    if (!response) {
        Failure failure = response.failure();
        failure.message = QStringLiteral("%1: %2").arg(what, failure.message);
        return failure;
    }
    return response;
}

Outcome<QString> V2AnnotationStore::orgId(const CancelToken &cancel)
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_orgId.isEmpty())
            return m_orgId;
    }
    if (m_profile.org.isEmpty())
        return Failure{QStringLiteral("Profile \"%1\" has no organisation; InfluxDB 2.x keeps annotations per organisation.")
                           .arg(m_profile.name)};
    auto response = send(HttpMethod::Get, QStringLiteral("/api/v2/orgs"), {{QStringLiteral("org"), m_profile.org}}, {},
                         QStringLiteral("Looking up the organisation"), cancel);
    if (!response)
        return response.failure();
    auto json = parseBody(response.value(), QStringLiteral("GET /api/v2/orgs"));
    if (!json)
        return json.failure();
    if (const auto orgs = json->find("orgs"); orgs != json->end() && orgs->is_array()) {
        for (const auto &o : *orgs) {
            if (o.value("name", std::string()) == m_profile.org.toStdString() && o.contains("id") && o["id"].is_string()) {
                QMutexLocker lock(&m_mutex);
                m_orgId = QString::fromStdString(o["id"].get<std::string>());
                return m_orgId;
            }
        }
    }
    return Failure{QStringLiteral("InfluxDB has no organisation named \"%1\".").arg(m_profile.org)};
}

Outcome<Done> V2AnnotationStore::ensureStream(const QString &org, const CancelToken &cancel)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_streamEnsured)
            return Done{};
    }
    // Creating an annotation would make the stream too, but without a description telling
    // InfluxDB UI users where these notes come from. The upsert keeps an existing description.
    const nlohmann::json body{{"stream", m_stream.toStdString()},
                              {"description", "Annotations written by Sasquatch Browser"}};
    auto response = send(HttpMethod::Put, kStreams, {{QStringLiteral("orgID"), org}}, QByteArray::fromStdString(body.dump()),
                         QStringLiteral("Creating the annotation stream \"%1\"").arg(m_stream), cancel);
    if (!response)
        return response.failure();
    QMutexLocker lock(&m_mutex);
    m_streamEnsured = true;
    return Done{};
}

Outcome<QStringList> V2AnnotationStore::listStreams(const CancelToken &cancel)
{
    auto org = orgId(cancel);
    if (!org)
        return org.failure();
    auto response = send(HttpMethod::Get, kStreams, {{QStringLiteral("orgID"), org.value()}}, {},
                         QStringLiteral("Listing annotation streams"), cancel);
    if (!response)
        return response.failure();
    auto json = parseBody(response.value(), QStringLiteral("GET %1").arg(kStreams));
    if (!json)
        return json.failure();
    if (!json->is_array())
        return Failure{QStringLiteral("GET %1: the answer is not an array of streams").arg(kStreams)};
    QStringList names;
    for (const auto &s : *json)
        if (s.is_object() && s.contains("stream") && s["stream"].is_string())
            names << QString::fromStdString(s["stream"].get<std::string>());
    names.sort();
    return names;
}

Outcome<std::vector<Annotation>> V2AnnotationStore::list(const AnnotationFilter &filter, const CancelToken &cancel)
{
    auto org = orgId(cancel);
    if (!org)
        return org.failure();
    std::vector<std::pair<QString, QString>> query{{QStringLiteral("orgID"), org.value()}};
    // Without startTime the server starts at the zero time; without endTime it stops at now,
    // which would hide annotations placed in the future (planned work), so an end is always sent.
    if (filter.startNs)
        query.emplace_back(QStringLiteral("startTime"), timeParam(saturatingAdd(*filter.startNs, -kListMarginNs)));
    const std::int64_t end = filter.endNs ? saturatingAdd(*filter.endNs, kListMarginNs)
                                          : std::numeric_limits<std::int64_t>::max() - 1;
    query.emplace_back(QStringLiteral("endTime"), timeParam(end));
    for (auto it = filter.tags.cbegin(); it != filter.tags.cend(); ++it)
        query.emplace_back(QStringLiteral("stickerIncludes[%1]").arg(it.key()), it.value());
    auto response = send(HttpMethod::Get, kAnnotations, query, {}, QStringLiteral("Reading annotations"), cancel);
    if (!response)
        return response.failure();
    auto json = parseBody(response.value(), QStringLiteral("GET %1").arg(kAnnotations));
    if (!json)
        return json.failure();
    auto annotations = V2AnnotationJson::fromList(json.value());
    if (!annotations)
        return Failure{QStringLiteral("GET %1: %2").arg(kAnnotations, annotations.error())};
    filter.apply(annotations.value());
    sortAnnotations(annotations.value());
    return annotations;
}

Outcome<Annotation> V2AnnotationStore::find(const QString &id, const CancelToken &cancel)
{
    auto response = send(HttpMethod::Get, kAnnotations + u'/' + UrlBuilder::encodeComponent(id), {}, {},
                         QStringLiteral("Reading annotation %1").arg(id), cancel);
    if (!response)
        return response.failure();
    auto json = parseBody(response.value(), QStringLiteral("GET %1/%2").arg(kAnnotations, id));
    if (!json)
        return json.failure();
    return V2AnnotationJson::fromEvent(json.value());
}

Outcome<Annotation> V2AnnotationStore::create(const Annotation &annotation, const CancelToken &cancel)
{
    if (const QStringList problems = annotation.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    auto body = V2AnnotationJson::toCreate(annotation, m_stream);
    if (!body)
        return body.failure();
    auto org = orgId(cancel);
    if (!org)
        return org.failure();
    if (annotation.stream.isEmpty() || annotation.stream == m_stream)
        if (auto ensured = ensureStream(org.value(), cancel); !ensured)
            return ensured.failure();
    const nlohmann::json list = nlohmann::json::array({body.value()});
    auto response = send(HttpMethod::Post, kAnnotations, {{QStringLiteral("orgID"), org.value()}},
                         QByteArray::fromStdString(list.dump()), QStringLiteral("Saving the annotation failed"), cancel);
    if (!response)
        return response.failure();
    auto json = parseBody(response.value(), QStringLiteral("POST %1").arg(kAnnotations));
    if (!json)
        return json.failure();
    if (!json->is_array() || json->size() != 1)
        return Failure{QStringLiteral("POST %1: expected an array with the one created annotation").arg(kAnnotations)};
    return V2AnnotationJson::fromEvent(json->front());
}

Outcome<Annotation> V2AnnotationStore::update(const Annotation &annotation, const CancelToken &cancel)
{
    if (annotation.id.isEmpty())
        return Failure{QStringLiteral("The annotation has no id; create it instead.")};
    if (const QStringList problems = annotation.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    auto body = V2AnnotationJson::toCreate(annotation, m_stream);
    if (!body)
        return body.failure();
    auto response = send(HttpMethod::Put, kAnnotations + u'/' + UrlBuilder::encodeComponent(annotation.id), {},
                         QByteArray::fromStdString(body->dump()), QStringLiteral("Saving the annotation failed"), cancel);
    if (!response)
        return response.failure();
    auto json = parseBody(response.value(), QStringLiteral("PUT %1/%2").arg(kAnnotations, annotation.id));
    if (!json)
        return json.failure();
    return V2AnnotationJson::fromEvent(json.value());
}

Outcome<Done> V2AnnotationStore::remove(const QString &id, const CancelToken &cancel)
{
    auto response = send(HttpMethod::Delete, kAnnotations + u'/' + UrlBuilder::encodeComponent(id), {}, {},
                         QStringLiteral("Deleting the annotation failed"), cancel);
    if (!response)
        return response.failure();
    return Done{};
}

} // namespace sasquatch
