// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/influx/InfluxClient.h"

#include "core/http/HttpFailure.h"
#include "core/http/UrlBuilder.h"
#include "core/influx/QueryEscape.h"
#include "core/time/Durations.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace sasquatch {

namespace {

constexpr int kBucketPageSize = 100;  // the API's maximum
constexpr int kMaxBucketPages = 1000; // a server that never stops paginating must not hang us

QString str(const nlohmann::json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

Outcome<nlohmann::json> parseJson(const HttpResponse &response, const QString &what)
{
    auto json = nlohmann::json::parse(response.body.begin(), response.body.end(), nullptr, false);
    if (json.is_discarded())
        return Failure{QStringLiteral("%1: the server's answer is not JSON (%2)")
                           .arg(what, QString::fromUtf8(response.body.left(120)))};
    return json;
}

} // namespace

std::optional<ApiFlavour> flavourFromVersion(const QString &version)
{
    QString v = version.trimmed().toLower();
    if (v.startsWith(u'v'))
        v.remove(0, 1);
    if (v.startsWith(QStringLiteral("1.")))
        return ApiFlavour::V1;
    if (v.startsWith(QStringLiteral("2.")) || v.startsWith(QStringLiteral("3.")))
        return ApiFlavour::V2;
    return std::nullopt;
}

InfluxClient::InfluxClient(ConnectionProfile profile, QString secret, std::shared_ptr<HttpTransport> transport)
    : m_profile(std::move(profile)), m_secret(std::move(secret)), m_transport(std::move(transport))
{
    if (m_profile.api != ApiFlavour::Auto)
        m_flavour = m_profile.api;
}

HttpRequest InfluxClient::makeRequest(HttpMethod method, const QString &apiPath,
                                      const std::vector<std::pair<QString, QString>> &query) const
{
    HttpRequest request;
    request.method = method;
    auto url = UrlBuilder::fromBase(m_profile.influxUrl);
    if (url) {
        url->path(apiPath);
        for (const auto &[name, value] : query)
            url->query(name, value);
        request.url = url->toString();
    } else {
        request.url = m_profile.influxUrl; // perform() reports the bad URL
    }
    request.verifyTls = m_profile.verifyTls;
    request.caFile = m_profile.caFile;
    request.totalTimeout = std::chrono::seconds(180); // production query timeout (DOMAIN.md)
    const bool v2 = m_flavour == ApiFlavour::V2;
    if (v2) {
        if (!m_secret.isEmpty())
            request.headers.emplace_back("Authorization", "Token " + m_secret.toUtf8());
    } else if (!m_profile.username.isEmpty()) {
        request.username = m_profile.username;
        request.password = m_secret;
    }
    request.headers.emplace_back("Accept", "application/json");
    return request;
}

Outcome<HttpResponse> InfluxClient::perform(const HttpRequest &request, const CancelToken &cancel,
                                            const BodySink &sink)
{
    if (auto base = UrlBuilder::fromBase(m_profile.influxUrl); !base)
        return Failure{QStringLiteral("Profile \"%1\": %2").arg(m_profile.name, base.error())};
    HttpResult result = m_transport->perform(request, sink, {}, cancel);
    if (result.errorKind == HttpErrorKind::Aborted)
        return std::move(result.response); // the sink stopped it and holds the reason
    if (!result.succeeded())
        return HttpFailure::from(request, result);
    return std::move(result.response);
}

Outcome<ServerInfo> InfluxClient::ping(const CancelToken &cancel)
{
    HttpRequest request = makeRequest(HttpMethod::Get, QStringLiteral("/ping"));
    request.totalTimeout = std::chrono::seconds(15);
    auto response = perform(request, cancel);
    if (!response)
        return response.failure();
    ServerInfo info;
    info.version = QString::fromUtf8(response->header("x-influxdb-version"));
    info.build = QString::fromUtf8(response->header("x-influxdb-build"));
    const auto detected = flavourFromVersion(info.version);
    if (m_profile.api != ApiFlavour::Auto) {
        info.flavour = m_profile.api;
    } else if (detected) {
        info.flavour = *detected;
    } else {
        return Failure{QStringLiteral("%1 answered /ping without a recognisable X-Influxdb-Version (\"%2\"); "
                                      "choose the API (v1 or v2) in the profile.")
                           .arg(UrlBuilder::redacted(m_profile.influxUrl), info.version)};
    }
    m_flavour = info.flavour;
    return info;
}

Outcome<ApiFlavour> InfluxClient::flavour(const CancelToken &cancel)
{
    if (m_flavour)
        return *m_flavour;
    auto info = ping(cancel);
    if (!info)
        return info.failure();
    return info->flavour;
}

Outcome<std::vector<InfluxQlStatement>> InfluxClient::influxQl(const QString &statement, const QString &database,
                                                              const CancelToken &cancel, HttpMethod method)
{
    std::vector<std::pair<QString, QString>> query;
    if (!database.isEmpty())
        query.emplace_back(QStringLiteral("db"), database);
    query.emplace_back(QStringLiteral("epoch"), QStringLiteral("ns"));
    HttpRequest request;
    if (method == HttpMethod::Post) {
        // Statements travel in the form body: no length limit, and never in access logs.
        request = makeRequest(method, QStringLiteral("/query"), query);
        request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        request.body = "q=" + UrlBuilder::encodeComponent(statement).toUtf8();
    } else {
        query.emplace_back(QStringLiteral("q"), statement);
        request = makeRequest(method, QStringLiteral("/query"), query);
    }
    auto response = perform(request, cancel);
    if (!response)
        return response.failure();
    auto statements = parseInfluxQlResponse(response->body);
    if (!statements)
        return Failure{QStringLiteral("%1 (%2)").arg(statements.error(), UrlBuilder::redacted(request.url))};
    for (const auto &st : statements.value())
        if (!st.error.isEmpty())
            return Failure{QStringLiteral("InfluxDB: %1 (statement %2 of \"%3\")")
                               .arg(st.error).arg(st.statementId + 1).arg(statement.left(200))};
    return statements;
}

Outcome<std::vector<BucketInfo>> InfluxClient::listBuckets(const CancelToken &cancel)
{
    auto api = flavour(cancel);
    if (!api)
        return api.failure();
    return api.value() == ApiFlavour::V2 ? listBucketsV2(cancel) : listBucketsV1(cancel);
}

Outcome<std::vector<BucketInfo>> InfluxClient::listBucketsV1(const CancelToken &cancel)
{
    auto dbs = influxQl(QStringLiteral("SHOW DATABASES"), {}, cancel);
    if (!dbs)
        return dbs.failure();
    QStringList databases;
    for (const auto &st : dbs.value())
        for (const auto &s : st.series)
            for (const auto &row : s.rows)
                if (!row.empty())
                    databases << row.front().toString();
    std::vector<BucketInfo> buckets;
    if (databases.isEmpty())
        return buckets;
    // One request for every database's retention policies.
    QStringList statements;
    for (const QString &db : databases)
        statements << QStringLiteral("SHOW RETENTION POLICIES ON %1").arg(influxQlIdentifier(db));
    auto rps = influxQl(statements.join(QStringLiteral("; ")), {}, cancel);
    if (!rps)
        return rps.failure();
    for (const auto &st : rps.value()) {
        if (st.statementId < 0 || st.statementId >= databases.size())
            continue;
        const QString &db = databases[st.statementId];
        for (const auto &s : st.series) {
            const int cName = s.column(u"name"), cDuration = s.column(u"duration"),
                      cShard = s.column(u"shardGroupDuration"), cReplica = s.column(u"replicaN"),
                      cDefault = s.column(u"default");
            for (const auto &row : s.rows) {
                auto cell = [&](int c) { return c >= 0 && c < int(row.size()) ? row[c] : QVariant(); };
                BucketInfo b;
                b.database = db;
                b.retentionPolicy = cell(cName).toString();
                b.name = db + u'/' + b.retentionPolicy;
                b.retentionSeconds = parseDurationNs(cell(cDuration).toString()).value_or(0) / 1'000'000'000;
                b.shardGroupSeconds = parseDurationNs(cell(cShard).toString()).value_or(0) / 1'000'000'000;
                b.replication = cell(cReplica).toInt();
                b.isDefault = cell(cDefault).toBool();
                b.isSystem = db.startsWith(u'_');
                buckets.push_back(std::move(b));
            }
        }
    }
    return buckets;
}

Outcome<std::vector<BucketInfo>> InfluxClient::listBucketsV2(const CancelToken &cancel)
{
    std::vector<BucketInfo> buckets;
    int offset = 0;
    for (int page = 0; page < kMaxBucketPages; ++page) {
        std::vector<std::pair<QString, QString>> query{{QStringLiteral("limit"), QString::number(kBucketPageSize)},
                                                       {QStringLiteral("offset"), QString::number(offset)}};
        if (!m_profile.org.isEmpty())
            query.emplace_back(QStringLiteral("org"), m_profile.org);
        auto response = perform(makeRequest(HttpMethod::Get, QStringLiteral("/api/v2/buckets"), query), cancel);
        if (!response)
            return response.failure();
        auto json = parseJson(response.value(), QStringLiteral("GET /api/v2/buckets"));
        if (!json)
            return json.failure();
        const auto list = json->find("buckets");
        if (list == json->end() || !list->is_array())
            return Failure{QStringLiteral("GET /api/v2/buckets: the answer has no \"buckets\" array")};
        for (const auto &b : *list) {
            BucketInfo info;
            info.id = str(b, "id");
            info.orgId = str(b, "orgID");
            info.name = str(b, "name");
            info.description = str(b, "description");
            info.isSystem = str(b, "type") == u"system" || info.name.startsWith(u'_');
            if (const auto rules = b.find("retentionRules"); rules != b.end() && rules->is_array()) {
                for (const auto &rule : *rules) {
                    if (rule.value("type", std::string("expire")) != "expire")
                        continue;
                    info.retentionSeconds = rule.value("everySeconds", std::int64_t(0));
                    info.shardGroupSeconds = rule.value("shardGroupDurationSeconds", std::int64_t(0));
                }
            }
            buckets.push_back(std::move(info));
        }
        // links.next is present while more pages remain; an empty page ends it too.
        const auto links = json->find("links");
        const bool hasNext = links != json->end() && links->is_object() && !str(*links, "next").isEmpty();
        if (!hasNext || list->empty())
            break;
        offset += int(list->size());
    }
    std::stable_sort(buckets.begin(), buckets.end(), [](const BucketInfo &a, const BucketInfo &b) {
        return std::pair(a.isSystem, a.name) < std::pair(b.isSystem, b.name);
    });
    return buckets;
}

QStringList BucketSpec::validate(ApiFlavour flavour) const
{
    QStringList problems;
    auto checkName = [&](const QString &value, const QString &what) {
        if (value.trimmed().isEmpty()) {
            problems << QStringLiteral("The %1 name is empty.").arg(what);
            return;
        }
        if (value != value.trimmed())
            problems << QStringLiteral("The %1 name starts or ends with spaces.").arg(what);
        if (value.size() > 255)
            problems << QStringLiteral("The %1 name is longer than 255 characters.").arg(what);
        if (value.contains(u'/'))
            problems << QStringLiteral("The %1 name cannot contain \"/\" (buckets are shown as database/policy).").arg(what);
        if (value.startsWith(u'_'))
            problems << QStringLiteral("Names starting with \"_\" are reserved for InfluxDB's system %1s.").arg(what);
        for (const QChar c : value)
            if (c.category() == QChar::Other_Control) {
                problems << QStringLiteral("The %1 name contains a control character.").arg(what);
                break;
            }
    };
    if (retentionSeconds < 0 || shardGroupSeconds < 0)
        problems << QStringLiteral("Durations cannot be negative.");
    if (retentionSeconds > 0 && retentionSeconds < 3600)
        problems << QStringLiteral("The retention period must be at least 1 hour, or infinite.");
    if (flavour == ApiFlavour::V2) {
        checkName(name, QStringLiteral("bucket"));
    } else {
        checkName(database, QStringLiteral("database"));
        if (!retentionPolicy.isEmpty())
            checkName(retentionPolicy, QStringLiteral("retention policy"));
        if (shardGroupSeconds > 0 && retentionSeconds > 0 && shardGroupSeconds > retentionSeconds)
            problems << QStringLiteral("The shard group duration cannot exceed the retention period.");
    }
    return problems;
}

Outcome<Done> InfluxClient::createBucket(const BucketSpec &spec, const CancelToken &cancel)
{
    auto api = flavour(cancel);
    if (!api)
        return api.failure();
    if (const QStringList problems = spec.validate(api.value()); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    return api.value() == ApiFlavour::V2 ? createBucketV2(spec, cancel) : createBucketV1(spec, cancel);
}

Outcome<Done> InfluxClient::createBucketV1(const BucketSpec &spec, const CancelToken &cancel)
{
    // CREATE DATABASE is idempotent in 1.x, so adding a policy to an existing database works too.
    QString statement = QStringLiteral("CREATE DATABASE %1").arg(influxQlIdentifier(spec.database));
    if (!spec.retentionPolicy.isEmpty()) {
        statement += QStringLiteral("; CREATE RETENTION POLICY %1 ON %2 DURATION %3 REPLICATION 1")
                         .arg(influxQlIdentifier(spec.retentionPolicy), influxQlIdentifier(spec.database),
                              influxQlDurationLiteral(spec.retentionSeconds));
        if (spec.shardGroupSeconds > 0)
            statement += QStringLiteral(" SHARD DURATION %1").arg(influxQlDurationLiteral(spec.shardGroupSeconds));
        if (spec.makeDefault)
            statement += QStringLiteral(" DEFAULT");
    }
    auto result = influxQl(statement, {}, cancel, HttpMethod::Post);
    if (!result)
        return result.failure();
    return Done{};
}

Outcome<QString> InfluxClient::orgId(const CancelToken &cancel)
{
    if (m_profile.org.isEmpty())
        return Failure{QStringLiteral("Profile \"%1\" has no organisation; InfluxDB 2.x needs one to create buckets.")
                           .arg(m_profile.name)};
    auto response = perform(makeRequest(HttpMethod::Get, QStringLiteral("/api/v2/orgs"),
                                        {{QStringLiteral("org"), m_profile.org}}),
                            cancel);
    if (!response)
        return response.failure();
    auto json = parseJson(response.value(), QStringLiteral("GET /api/v2/orgs"));
    if (!json)
        return json.failure();
    if (const auto orgs = json->find("orgs"); orgs != json->end() && orgs->is_array())
        for (const auto &o : *orgs)
            if (str(o, "name") == m_profile.org)
                return str(o, "id");
    return Failure{QStringLiteral("InfluxDB has no organisation named \"%1\".").arg(m_profile.org)};
}

Outcome<Done> InfluxClient::createBucketV2(const BucketSpec &spec, const CancelToken &cancel)
{
    auto org = orgId(cancel);
    if (!org)
        return org.failure();
    nlohmann::json body{{"orgID", org->toStdString()}, {"name", spec.name.toStdString()},
                        {"retentionRules", nlohmann::json::array()}};
    if (!spec.description.isEmpty())
        body["description"] = spec.description.toStdString();
    if (spec.retentionSeconds > 0) {
        nlohmann::json rule{{"type", "expire"}, {"everySeconds", spec.retentionSeconds}};
        if (spec.shardGroupSeconds > 0)
            rule["shardGroupDurationSeconds"] = spec.shardGroupSeconds;
        body["retentionRules"].push_back(rule);
    }
    HttpRequest request = makeRequest(HttpMethod::Post, QStringLiteral("/api/v2/buckets"));
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = QByteArray::fromStdString(body.dump());
    auto response = perform(request, cancel);
    if (!response)
        return response.failure();
    return Done{};
}

} // namespace sasquatch
