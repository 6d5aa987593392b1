// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxClient on 2.x: the catalog through Flux (`POST /api/v2/query`, annotated CSV).
#include "core/influx/InfluxClient.h"

#include "core/http/HttpFailure.h"
#include "core/http/UrlBuilder.h"
#include "core/influx/QueryEscape.h"
#include "core/parse/AnnotatedCsvParser.h"
#include "core/parse/ResultTableCollector.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace sasquatch {

namespace {

QString columnTypeToFieldType(ColumnType type)
{
    switch (type) {
    case ColumnType::Double: return QStringLiteral("float");
    case ColumnType::Long: return QStringLiteral("integer");
    case ColumnType::UnsignedLong: return QStringLiteral("unsigned");
    case ColumnType::Boolean: return QStringLiteral("boolean");
    case ColumnType::String: return QStringLiteral("string");
    default: return {};
    }
}

/// Every non-null string of column `name` across tables, in order of appearance.
QStringList stringColumn(const std::vector<ResultTable> &tables, std::string_view name)
{
    QStringList values;
    for (const auto &t : tables) {
        const ResultColumn *c = t.findColumn(name);
        if (!c)
            continue;
        for (std::size_t row = 0; row < c->size(); ++row)
            if (!c->isNull(row))
                values << QString::fromStdString(c->text(row));
    }
    return values;
}

/// `_field` → type of `_value`, from tables of a `last()` query (each table one series).
std::map<QString, std::map<QString, QString>> fieldTypesByMeasurement(const std::vector<ResultTable> &tables)
{
    std::map<QString, std::map<QString, QString>> out;
    for (const auto &t : tables) {
        const ResultColumn *m = t.findColumn("_measurement");
        const ResultColumn *f = t.findColumn("_field");
        const ResultColumn *v = t.findColumn("_value");
        if (!m || !f || !v)
            continue;
        for (std::size_t row = 0; row < f->size(); ++row)
            out[QString::fromStdString(m->text(row))].emplace(QString::fromStdString(f->text(row)),
                                                                columnTypeToFieldType(v->type()));
    }
    return out;
}

/// Tag keys by measurement from the group keys of a `last()` query's tables (one table per
/// series: its group key is `_measurement`, `_field` and the series' tags). Series of one
/// measurement may carry different tags; the keys are united in order of appearance.
std::map<QString, QStringList> tagKeysByMeasurement(const std::vector<ResultTable> &tables)
{
    std::map<QString, QStringList> out;
    for (const auto &t : tables) {
        const ResultColumn *m = t.findColumn("_measurement");
        if (!m || m->size() == 0 || m->isNull(0))
            continue;
        QStringList &keys = out[QString::fromStdString(m->text(0))];
        for (const ResultColumn &c : t.columns()) {
            if (!c.isGroupKey() || c.name().empty() || c.name().front() == '_' || c.name() == "result"
                || c.name() == "table")
                continue;
            const QString key = QString::fromStdString(c.name());
            if (!keys.contains(key))
                keys << key;
        }
    }
    return out;
}

const QString kSchemaImport = QStringLiteral("import \"influxdata/influxdb/schema\"\n");

} // namespace

/// Runs a Flux query and collects its (small) result.
static Outcome<std::vector<ResultTable>> runFlux(InfluxClient &client, const QString &flux, const CancelToken &cancel)
{
    const ConnectionProfile &profile = client.profile();
    std::vector<std::pair<QString, QString>> query;
    if (!profile.org.isEmpty())
        query.emplace_back(QStringLiteral("org"), profile.org);
    HttpRequest request = client.makeRequest(HttpMethod::Post, QStringLiteral("/api/v2/query"), query);
    request.headers.emplace_back("Content-Type", "application/json");
    request.headers.emplace_back("Accept", "application/csv");
    // Without the annotations the columns come back untyped (DOMAIN.md).
    const nlohmann::json body{{"query", flux.toStdString()},
                              {"type", "flux"},
                              {"dialect",
                               {{"annotations", {"datatype", "group", "default"}}, {"header", true}, {"delimiter", ","}}}};
    request.body = QByteArray::fromStdString(body.dump());
    if (!profile.username.isEmpty() && client.profile().api != ApiFlavour::V2) {
        // InfluxDB 1.8+ takes `Token user:password` on its 2.x-compatible endpoints.
        request.headers.emplace_back("Authorization", "Token " + (profile.username + u':' + request.password).toUtf8());
        request.username.clear();
        request.password.clear();
    }
    ResultTableCollector collector;
    AnnotatedCsvParser parser(collector);
    auto response = client.perform(request, cancel, [&parser](const char *data, std::size_t size) {
        return parser.feed(data, size);
    });
    if (!response)
        return response.failure();
    parser.finish();
    if (parser.error())
        return Failure{QStringLiteral("Flux query failed: %1").arg(QString::fromStdString(parser.error()->describe()))};
    return collector.takeTables();
}

Outcome<QStringList> InfluxClient::listMeasurementsV2(const BucketInfo &bucket, const CancelToken &cancel)
{
    auto tables = runFlux(*this, kSchemaImport + QStringLiteral("schema.measurements(bucket: %1)").arg(fluxString(bucket.name)),
                          cancel);
    if (!tables)
        return tables.failure();
    QStringList names = stringColumn(tables.value(), "_value");
    names.removeDuplicates();
    names.sort();
    return names;
}

Outcome<std::vector<FieldKey>> InfluxClient::listFieldKeysV2(const BucketInfo &bucket, const QString &measurement,
                                                             const CancelToken &cancel)
{
    // Names from the schema package; types from the `_value` column of each field's last point
    // (the schema package does not report types).
    auto names = runFlux(*this,
                         kSchemaImport + QStringLiteral("schema.measurementFieldKeys(bucket: %1, measurement: %2)")
                                             .arg(fluxString(bucket.name), fluxString(measurement)),
                         cancel);
    if (!names)
        return names.failure();
    auto last = runFlux(*this,
                        QStringLiteral("from(bucket: %1)\n  |> range(start: -30d)\n"
                                       "  |> filter(fn: (r) => r._measurement == %2)\n  |> last()")
                            .arg(fluxString(bucket.name), fluxString(measurement)),
                        cancel);
    if (!last)
        return last.failure();
    const auto types = fieldTypesByMeasurement(last.value());
    const auto typesHere = types.find(measurement);
    std::vector<FieldKey> fields;
    QStringList list = stringColumn(names.value(), "_value");
    list.removeDuplicates();
    for (const QString &name : list) {
        QString type;
        if (typesHere != types.end())
            if (const auto t = typesHere->second.find(name); t != typesHere->second.end())
                type = t->second;
        fields.push_back(FieldKey{name, type});
    }
    return fields;
}

Outcome<std::vector<MeasurementFields>> InfluxClient::listAllFieldKeysV2(const BucketInfo &bucket,
                                                                         const CancelToken &cancel)
{
    // last() is pushed down to storage: one row per series over the schema package's window.
    // The tag columns stay (they are the group key), so the same answer gives the tag keys.
    auto last = runFlux(*this,
                        QStringLiteral("from(bucket: %1)\n  |> range(start: -30d)\n  |> last()\n"
                                       "  |> drop(columns: [\"_start\", \"_stop\", \"_time\"])")
                            .arg(fluxString(bucket.name)),
                        cancel);
    if (!last)
        return last.failure();
    auto tags = tagKeysByMeasurement(last.value());
    std::vector<MeasurementFields> all;
    for (const auto &[measurement, fields] : fieldTypesByMeasurement(last.value())) {
        MeasurementFields m{measurement, {}, std::move(tags[measurement])};
        for (const auto &[name, type] : fields)
            m.fields.push_back(FieldKey{name, type});
        all.push_back(std::move(m));
    }
    return all;
}

Outcome<QStringList> InfluxClient::listTagKeysV2(const BucketInfo &bucket, const QString &measurement,
                                                 const CancelToken &cancel)
{
    auto tables = runFlux(*this,
                          kSchemaImport + QStringLiteral("schema.measurementTagKeys(bucket: %1, measurement: %2)")
                                              .arg(fluxString(bucket.name), fluxString(measurement)),
                          cancel);
    if (!tables)
        return tables.failure();
    QStringList keys;
    for (const QString &k : stringColumn(tables.value(), "_value"))
        if (!k.startsWith(u'_') && !keys.contains(k)) // _measurement, _field, _start, _stop are not tags
            keys << k;
    return keys;
}

} // namespace sasquatch
