// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/ChronografAnnotationStore.h"

#include "core/http/HttpFailure.h"
#include "core/influx/InfluxClient.h"
#include "core/influx/QueryEscape.h"
#include "core/time/TimeRange.h"

#include <QUuid>

namespace sasquatch {

namespace {

QString qualifiedMeasurement()
{
    return influxQlIdentifier(ChronografFormat::kDatabase) + u'.' + influxQlIdentifier(ChronografFormat::kRetentionPolicy)
         + u'.' + influxQlIdentifier(ChronografFormat::kMeasurement);
}

bool isDatabaseNotFound(const QString &text)
{
    return text.contains(QStringLiteral("database not found"), Qt::CaseInsensitive);
}

Failure withContext(const QString &what, Failure failure)
{
    failure.message = QStringLiteral("%1: %2").arg(what, failure.message);
    return failure;
}

Failure notFound(const QString &id)
{
    return Failure{QStringLiteral("There is no annotation with id \"%1\" in %2 (it may have been deleted).")
                       .arg(id, ChronografFormat::kDatabase),
                   404};
}

} // namespace

ChronografAnnotationStore::ChronografAnnotationStore(ConnectionProfile profile, QString secret,
                                                     std::shared_ptr<HttpTransport> transport, Clock clock)
    : m_profile(std::move(profile)), m_secret(std::move(secret)), m_transport(std::move(transport)),
      m_clock(clock ? std::move(clock) : Clock(&TimeRange::currentTimeNs))
{
    m_profile.api = ApiFlavour::V1;
}

InfluxClient ChronografAnnotationStore::client() const
{
    // One client per call: InfluxClient is not thread-safe, this store must be.
    return InfluxClient(m_profile, m_secret, m_transport);
}

QString ChronografAnnotationStore::description() const
{
    return QStringLiteral("Chronograf annotations in %1/%2 on %3")
        .arg(ChronografFormat::kDatabase, ChronografFormat::kRetentionPolicy, m_profile.name);
}

std::int64_t ChronografAnnotationStore::nextModifiedNs()
{
    const std::int64_t now = m_clock();
    std::int64_t last = m_lastModifiedNs.load();
    std::int64_t next = now;
    do {
        next = std::max(now, last + 1);
    } while (!m_lastModifiedNs.compare_exchange_weak(last, next));
    return next;
}

Outcome<std::vector<ChronografFormat::Row>> ChronografAnnotationStore::select(const QString &where,
                                                                               const CancelToken &cancel)
{
    // Two requests, not one with two statements: with the database missing, InfluxDB 1.x
    // refuses a request holding a SELECT on it as a whole ("not executed"), while a lone
    // SELECT says "database not found", which means no annotations yet.
    InfluxClient influx = client();
    auto run = [&](const QString &statement) -> Outcome<std::vector<InfluxQlStatement>> {
        HttpRequest request = influx.makeRequest(HttpMethod::Get, QStringLiteral("/query"),
                                                 {{QStringLiteral("db"), ChronografFormat::kDatabase},
                                                  {QStringLiteral("epoch"), QStringLiteral("ns")},
                                                  {QStringLiteral("q"), statement}});
        auto response = influx.perform(request, cancel);
        if (!response)
            return withContext(QStringLiteral("Reading annotations"), response.failure());
        auto parsed = parseInfluxQlResponse(response->body);
        if (!parsed)
            return withContext(QStringLiteral("Reading annotations"), parsed.failure());
        return parsed;
    };
    std::vector<ChronografFormat::Row> rows;
    auto selected = run(QStringLiteral("SELECT * FROM %1 WHERE %2").arg(qualifiedMeasurement(), where));
    if (!selected)
        return selected.failure();
    std::vector<const InfluxQlSeries *> series;
    for (const InfluxQlStatement &st : selected.value()) {
        if (!st.error.isEmpty()) {
            if (isDatabaseNotFound(st.error))
                return rows; // no chronograf database yet: no annotations, not an error
            return Failure{QStringLiteral("Reading annotations: InfluxDB: %1").arg(st.error)};
        }
        for (const InfluxQlSeries &s : st.series)
            if (!s.rows.empty())
                series.push_back(&s);
    }
    if (series.empty())
        return rows;
    // SELECT * mixes tags and fields; only the tag keys tell which string columns are user tags.
    auto keys = run(QStringLiteral("SHOW TAG KEYS ON %1 FROM %2")
                        .arg(influxQlIdentifier(ChronografFormat::kDatabase), influxQlIdentifier(ChronografFormat::kMeasurement)));
    if (!keys)
        return keys.failure();
    QSet<QString> tagKeys;
    for (const InfluxQlStatement &st : keys.value()) {
        if (!st.error.isEmpty())
            return Failure{QStringLiteral("Reading annotations' tag keys: InfluxDB: %1").arg(st.error)};
        for (const InfluxQlSeries &s : st.series)
            for (const auto &row : s.rows)
                if (!row.empty())
                    tagKeys.insert(row.front().toString());
    }
    for (const InfluxQlSeries *s : series) {
        auto read = ChronografFormat::readRows(*s, tagKeys);
        if (!read)
            return read.failure();
        rows.insert(rows.end(), read->begin(), read->end());
    }
    return rows;
}

Outcome<std::vector<ChronografFormat::Row>> ChronografAnnotationStore::liveRows(const QString &id,
                                                                                 const CancelToken &cancel)
{
    return select(QStringLiteral("%1 = %2 AND %3 = false")
                      .arg(influxQlIdentifier(u"id"), influxQlString(id), influxQlIdentifier(u"deleted")),
                  cancel);
}

Outcome<std::vector<Annotation>> ChronografAnnotationStore::list(const AnnotationFilter &filter, const CancelToken &cancel)
{
    // Chronograf's own query: live points ending after the start and starting before the end.
    // Tags and text are filtered here, after the newest version of each id is known: a
    // server-side tag filter would return the old version of an annotation whose tags changed.
    QString where = QStringLiteral("%1 = false").arg(influxQlIdentifier(u"deleted"));
    if (filter.startNs)
        where += QStringLiteral(" AND time >= %1").arg(*filter.startNs);
    if (filter.endNs)
        where += QStringLiteral(" AND %1 <= %2").arg(influxQlIdentifier(u"start_time")).arg(*filter.endNs);
    auto rows = select(where, cancel);
    if (!rows)
        return rows.failure();
    std::vector<Annotation> annotations = ChronografFormat::newestLive(rows.value());
    filter.apply(annotations);
    sortAnnotations(annotations);
    return annotations;
}

Outcome<Annotation> ChronografAnnotationStore::find(const QString &id, const CancelToken &cancel)
{
    auto rows = liveRows(id, cancel);
    if (!rows)
        return rows.failure();
    const std::vector<Annotation> newest = ChronografFormat::newestLive(rows.value());
    if (newest.empty())
        return notFound(id);
    return newest.front();
}

Outcome<Done> ChronografAnnotationStore::write(const QByteArray &lines, const QString &what, const CancelToken &cancel)
{
    InfluxClient influx = client();
    auto attempt = [&]() {
        HttpRequest request = influx.makeRequest(HttpMethod::Post, QStringLiteral("/write"),
                                                 {{QStringLiteral("db"), ChronografFormat::kDatabase},
                                                  {QStringLiteral("rp"), ChronografFormat::kRetentionPolicy},
                                                  {QStringLiteral("precision"), QStringLiteral("ns")}});
        request.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
        request.body = lines;
        return influx.perform(request, cancel);
    };
    auto response = attempt();
    if (!response && response.failure().httpStatus == 404 && isDatabaseNotFound(response.error())) {
        // Chronograf creates the database when it starts; a server that never saw Chronograf has
        // none. CREATE DATABASE is idempotent; it needs admin rights, and says so when missing.
        auto created = influx.influxQl(QStringLiteral("CREATE DATABASE %1").arg(influxQlIdentifier(ChronografFormat::kDatabase)),
                                       {}, cancel, HttpMethod::Post);
        if (!created)
            return withContext(QStringLiteral("The %1 database does not exist and could not be created")
                                   .arg(ChronografFormat::kDatabase),
                               created.failure());
        response = attempt();
    }
    if (!response)
        return withContext(what, response.failure());
    return Done{};
}

Outcome<Annotation> ChronografAnnotationStore::create(const Annotation &annotation, const CancelToken &cancel)
{
    if (const QStringList problems = annotation.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    Annotation stored = annotation;
    if (stored.id.isEmpty())
        stored.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    stored.modifiedNs = nextModifiedNs();
    auto written = write(ChronografFormat::livePoint(stored, stored.modifiedNs), QStringLiteral("Saving the annotation failed"), cancel);
    if (!written)
        return written.failure();
    return stored;
}

Outcome<Annotation> ChronografAnnotationStore::update(const Annotation &annotation, const CancelToken &cancel)
{
    if (annotation.id.isEmpty())
        return Failure{QStringLiteral("The annotation has no id; create it instead.")};
    if (const QStringList problems = annotation.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    auto rows = liveRows(annotation.id, cancel);
    if (!rows)
        return rows.failure();
    if (ChronografFormat::newestLive(rows.value()).empty())
        return notFound(annotation.id);
    Annotation stored = annotation;
    stored.modifiedNs = nextModifiedNs();
    QByteArray lines = ChronografFormat::livePoint(stored, stored.modifiedNs);
    for (const ChronografFormat::Row &row : rows.value()) {
        const Annotation &old = row.annotation;
        const bool sameSeriesAndTime = old.endNs == stored.endNs && old.tags == stored.tags;
        if (!sameSeriesAndTime && old.modifiedNs < stored.modifiedNs)
            lines += ChronografFormat::deletedPoint(old.id, old.tags, old.endNs, stored.modifiedNs);
    }
    auto written = write(lines, QStringLiteral("Saving the annotation failed"), cancel);
    if (!written)
        return written.failure();
    return stored;
}

Outcome<Done> ChronografAnnotationStore::remove(const QString &id, const CancelToken &cancel)
{
    auto rows = liveRows(id, cancel);
    if (!rows)
        return rows.failure();
    if (rows->empty())
        return notFound(id);
    const std::int64_t modified = nextModifiedNs();
    QByteArray lines;
    for (const ChronografFormat::Row &row : rows.value())
        lines += ChronografFormat::deletedPoint(row.annotation.id, row.annotation.tags, row.annotation.endNs, modified);
    auto written = write(lines, QStringLiteral("Deleting the annotation failed"), cancel);
    if (!written)
        return written.failure();
    return Done{};
}

} // namespace sasquatch
