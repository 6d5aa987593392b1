// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxClient: measurements, field keys and tag keys (the catalog's schema queries).
#include "core/influx/InfluxClient.h"

#include "core/influx/QueryEscape.h"

#include <QSet>

#include <algorithm>

namespace sasquatch {

namespace {

/// `FROM "rp"."measurement"` (or `"rp"./.*/` for all measurements).
QString fromClause(const BucketInfo &bucket, const QString &measurement)
{
    const QString target = measurement.isNull() ? QStringLiteral("/.*/") : influxQlIdentifier(measurement);
    if (bucket.retentionPolicy.isEmpty())
        return target;
    return influxQlIdentifier(bucket.retentionPolicy) + u'.' + target;
}

/// `SHOW <what> ON "db"` over every measurement of the bucket. For the default policy, no FROM
/// clause: `FROM "rp"./.*/` makes InfluxDB 1.6 scan series by regex and takes minutes on a
/// 2,000-topic EFD, while the plain form answers in under a second. Other policies need the FROM
/// to see their own shards.
QString allMeasurementsStatement(const QString &what, const BucketInfo &bucket)
{
    QString statement = QStringLiteral("SHOW %1 ON %2").arg(what, influxQlIdentifier(bucket.database));
    if (!bucket.isDefault && !bucket.retentionPolicy.isEmpty())
        statement += QStringLiteral(" FROM ") + fromClause(bucket, QString());
    return statement;
}

QStringList firstColumn(const std::vector<InfluxQlStatement> &statements)
{
    QStringList values;
    for (const auto &st : statements)
        for (const auto &s : st.series)
            for (const auto &row : s.rows)
                if (!row.empty())
                    values << row.front().toString();
    return values;
}

std::vector<FieldKey> fieldKeys(const InfluxQlSeries &s)
{
    const int cKey = std::max(0, s.column(u"fieldKey"));
    const int cType = s.column(u"fieldType");
    std::vector<FieldKey> fields;
    fields.reserve(s.rows.size());
    // InfluxDB lists a field once per type when shards disagree; the first type wins.
    QSet<QString> seen;
    for (const auto &row : s.rows) {
        if (int(row.size()) <= cKey || seen.contains(row[cKey].toString()))
            continue;
        seen.insert(row[cKey].toString());
        FieldKey f{row[cKey].toString(), cType >= 0 && cType < int(row.size()) ? row[cType].toString() : QString()};
        fields.push_back(std::move(f));
    }
    return fields;
}

} // namespace

Outcome<QStringList> InfluxClient::listMeasurements(const BucketInfo &bucket, const CancelToken &cancel)
{
    auto api = flavour(cancel);
    if (!api)
        return api.failure();
    if (api.value() == ApiFlavour::V2)
        return listMeasurementsV2(bucket, cancel);
    // In 1.x measurements belong to the database, whatever the retention policy.
    auto result = influxQl(QStringLiteral("SHOW MEASUREMENTS ON %1").arg(influxQlIdentifier(bucket.database)),
                           bucket.database, cancel);
    if (!result)
        return result.failure();
    QStringList names = firstColumn(result.value());
    names.sort();
    return names;
}

Outcome<std::vector<FieldKey>> InfluxClient::listFieldKeys(const BucketInfo &bucket, const QString &measurement,
                                                           const CancelToken &cancel)
{
    auto api = flavour(cancel);
    if (!api)
        return api.failure();
    if (api.value() == ApiFlavour::V2)
        return listFieldKeysV2(bucket, measurement, cancel);
    auto result = influxQl(QStringLiteral("SHOW FIELD KEYS ON %1 FROM %2")
                               .arg(influxQlIdentifier(bucket.database), fromClause(bucket, measurement)),
                           bucket.database, cancel);
    if (!result)
        return result.failure();
    std::vector<FieldKey> fields;
    for (const auto &st : result.value())
        for (const auto &s : st.series)
            if (s.name == measurement)
                fields = fieldKeys(s);
    return fields;
}

Outcome<std::vector<MeasurementFields>> InfluxClient::listAllFieldKeys(const BucketInfo &bucket,
                                                                       const CancelToken &cancel)
{
    auto api = flavour(cancel);
    if (!api)
        return api.failure();
    if (api.value() == ApiFlavour::V2)
        return listAllFieldKeysV2(bucket, cancel);
    auto result = influxQl(allMeasurementsStatement(QStringLiteral("FIELD KEYS"), bucket), bucket.database, cancel);
    if (!result)
        return result.failure();
    std::vector<MeasurementFields> all;
    for (const auto &st : result.value())
        for (const auto &s : st.series)
            all.push_back(MeasurementFields{s.name, fieldKeys(s)});
    std::sort(all.begin(), all.end(),
              [](const MeasurementFields &a, const MeasurementFields &b) { return a.measurement < b.measurement; });
    return all;
}

Outcome<QStringList> InfluxClient::listTagKeys(const BucketInfo &bucket, const QString &measurement,
                                               const CancelToken &cancel)
{
    auto api = flavour(cancel);
    if (!api)
        return api.failure();
    if (api.value() == ApiFlavour::V2)
        return listTagKeysV2(bucket, measurement, cancel);
    auto result = influxQl(QStringLiteral("SHOW TAG KEYS ON %1 FROM %2")
                               .arg(influxQlIdentifier(bucket.database), fromClause(bucket, measurement)),
                           bucket.database, cancel);
    if (!result)
        return result.failure();
    return firstColumn(result.value());
}

Outcome<QHash<QString, QStringList>> InfluxClient::listAllTagKeys(const BucketInfo &bucket,
                                                                  const CancelToken &cancel)
{
    auto api = flavour(cancel);
    if (!api)
        return api.failure();
    QHash<QString, QStringList> tags;
    if (api.value() == ApiFlavour::V2) {
        auto all = listAllFieldKeysV2(bucket, cancel);
        if (!all)
            return all.failure();
        for (const auto &m : all.value())
            if (m.tags && !m.tags->isEmpty())
                tags.insert(m.measurement, *m.tags);
        return tags;
    }
    // One series per measurement that has tags: {"name":"m","columns":["tagKey"],"values":[["Raft"],...]}.
    auto result = influxQl(allMeasurementsStatement(QStringLiteral("TAG KEYS"), bucket), bucket.database, cancel);
    if (!result)
        return result.failure();
    for (const auto &st : result.value()) {
        for (const auto &s : st.series) {
            const int cKey = std::max(0, s.column(u"tagKey"));
            QStringList &keys = tags[s.name];
            for (const auto &row : s.rows)
                if (cKey < int(row.size()) && !keys.contains(row[cKey].toString()))
                    keys << row[cKey].toString();
            if (keys.isEmpty())
                tags.remove(s.name);
        }
    }
    return tags;
}

} // namespace sasquatch
