// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/TopicsCommand.h"

#include "core/catalog/FieldGrouping.h"
#include "core/catalog/TopicName.h"
#include "core/catalog/TopicSearchIndex.h"
#include "core/cli/CliOutput.h"
#include "core/cli/CommandLine.h"
#include "core/cli/ConnectionOptions.h"
#include "core/http/CurlTransport.h"
#include "core/influx/InfluxClient.h"
#include "core/time/Durations.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <nlohmann/json.hpp>

#include <map>
#include <set>

namespace sasquatch {

namespace {

/// The bucket the user means: --bucket (db/rp, db, or a 2.x name), else the profile's database
/// with its default retention policy.
Outcome<BucketInfo> chooseBucket(const QString &requested, const ConnectionProfile &profile, ApiFlavour flavour,
                                 const std::vector<BucketInfo> &buckets)
{
    if (flavour == ApiFlavour::V2) {
        const QString name = requested.isEmpty() ? profile.database : requested;
        if (name.isEmpty())
            return Failure{QStringLiteral("Say which bucket: --bucket NAME."), kExitUsage};
        for (const auto &b : buckets)
            if (b.name == name)
                return b;
        return Failure{QStringLiteral("There is no bucket \"%1\".").arg(name), kExitFailure};
    }
    QString db = requested.isEmpty() ? profile.database : requested.section(u'/', 0, 0);
    const QString rp = requested.contains(u'/') ? requested.section(u'/', 1) : QString();
    if (db.isEmpty())
        return Failure{QStringLiteral("Say which database: --database DB or --bucket DB/RP."), kExitUsage};
    const BucketInfo *fallback = nullptr;
    for (const auto &b : buckets) {
        if (b.database != db)
            continue;
        if (!rp.isEmpty() ? b.retentionPolicy == rp : b.isDefault)
            return b;
        if (!fallback)
            fallback = &b;
    }
    if (rp.isEmpty() && fallback)
        return *fallback;
    return Failure{rp.isEmpty() ? QStringLiteral("There is no database \"%1\".").arg(db)
                                : QStringLiteral("There is no bucket \"%1/%2\".").arg(db, rp),
                   kExitFailure};
}

QJsonObject bucketJson(const BucketInfo &b)
{
    QJsonObject o{{QStringLiteral("name"), b.name},
                  {QStringLiteral("retentionSeconds"), qint64(b.retentionSeconds)},
                  {QStringLiteral("shardGroupSeconds"), qint64(b.shardGroupSeconds)}};
    if (!b.database.isEmpty()) {
        o[u"database"] = b.database;
        o[u"retentionPolicy"] = b.retentionPolicy;
        o[u"default"] = b.isDefault;
    }
    if (!b.id.isEmpty())
        o[u"id"] = b.id;
    return o;
}

} // namespace

int TopicsCommand::run(const QStringList &args, std::FILE *out, std::FILE *err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "List the buckets, topics (measurements) and fields of an InfluxDB server.\n"
        "Secrets come from SASQUATCH_PASSWORD / SASQUATCH_TOKEN or the keyring, never from the command line."));
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption buckets(QStringLiteral("buckets"), QStringLiteral("List buckets instead of topics."));
    const QCommandLineOption fields(QStringLiteral("fields"), QStringLiteral("List each topic's fields with their types."));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    QStringLiteral("Fuzzy filter, best match first (\"m1m3 fad\")."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("Output format: text (default) or json."),
                                    QStringLiteral("text|json"), QStringLiteral("text"));
    parser.addOptions({buckets, fields, filter, format});

    CliOutput io(out, err);
    if (!parser.parse(args))
        return io.usageError(parser.errorText(), QStringLiteral("topics"));
    if (parser.isSet(QStringLiteral("help"))) {
        io.out(CliOutput::helpText(parser.helpText(), QStringLiteral("topics")));
        return kExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return io.usageError(QStringLiteral("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()),
                             QStringLiteral("topics"));
    const QString fmt = parser.value(format);
    if (fmt != u"text" && fmt != u"json")
        return io.usageError(QStringLiteral("--format must be text or json, not \"%1\".").arg(fmt), QStringLiteral("topics"));
    const bool json = fmt == u"json";

    auto resolved = connection.resolve(parser);
    if (!resolved)
        return resolved.failure().httpStatus == kExitUsage ? io.usageError(resolved.error(), QStringLiteral("topics"))
                                                           : io.failure(resolved.error());
    InfluxClient client(resolved->profile, resolved->secret, std::make_shared<CurlTransport>());
    CancelToken cancel = io.cancelOnInterrupt();

    auto flavour = client.flavour(cancel);
    if (!flavour)
        return io.failure(flavour.error());
    auto bucketList = client.listBuckets(cancel);
    if (!bucketList)
        return io.failure(bucketList.error());

    if (parser.isSet(buckets)) {
        if (json) {
            QJsonArray array;
            for (const auto &b : bucketList.value())
                array.append(bucketJson(b));
            io.out(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
        } else {
            for (const auto &b : bucketList.value()) {
                io.out(QStringLiteral("%1\tretention %2\tshard group %3%4\n")
                           .arg(b.name, formatDurationSeconds(b.retentionSeconds),
                                b.shardGroupSeconds ? formatDurationSeconds(b.shardGroupSeconds) : QStringLiteral("default"),
                                b.isDefault ? QStringLiteral("\tdefault") : QString()));
            }
        }
        return kExitOk;
    }

    auto bucket = chooseBucket(resolved->bucket, resolved->profile, flavour.value(), bucketList.value());
    if (!bucket)
        return bucket.failure().httpStatus == kExitUsage ? io.usageError(bucket.error(), QStringLiteral("topics"))
                                                         : io.failure(bucket.error());
    auto topics = client.listMeasurements(bucket.value(), cancel);
    if (!topics)
        return io.failure(topics.error());

    // JSON always carries fields (its documented shape); text only with --fields. A filter
    // searches fields too, so it needs them as well.
    const bool wantFields = json || parser.isSet(fields) || parser.isSet(filter);
    QHash<QString, std::vector<FieldInfo>> fieldsByTopic;
    if (wantFields) {
        auto all = client.listAllFieldKeys(bucket.value(), cancel);
        if (!all)
            return io.failure(all.error());
        for (const auto &m : all.value()) {
            std::vector<FieldInfo> list;
            list.reserve(m.fields.size());
            for (const auto &f : m.fields)
                list.push_back(FieldInfo{f.name, fieldTypeFromInflux(f.type), {}, {}});
            // The tree's order: user fields naturally (xForce2 before xForce10), private ones last.
            std::vector<FieldInfo> ordered;
            ordered.reserve(list.size());
            for (auto &g : FieldGrouping::group(list)) {
                if (g.isArray())
                    ordered.insert(ordered.end(), g.elements.begin(), g.elements.end());
                else
                    ordered.push_back(FieldInfo{g.name, g.type, g.unit, g.description});
            }
            fieldsByTopic.insert(m.measurement, std::move(ordered));
        }
    }

    // Which topics, in which order, and which of their fields to show.
    QStringList order = topics.value();
    // topic -> fields that matched, and arrays that matched as a whole (no entry = all fields)
    struct Matched
    {
        std::set<QString> fields;
        std::set<QString> arrays;
    };
    std::map<QString, Matched> matchedFields;
    if (parser.isSet(filter)) {
        const TopicSearchIndex index(topics.value(), fieldsByTopic);
        const SearchResult result = index.search(parser.value(filter), 1'000'000);
        order.clear();
        QSet<QString> seen, wholeTopic;
        for (const SearchHit &hit : result.hits) {
            if (!seen.contains(hit.topic)) {
                seen.insert(hit.topic);
                order << hit.topic;
            }
            if (hit.kind == SearchHitKind::Topic)
                wholeTopic.insert(hit.topic);
            else if (hit.kind == SearchHitKind::Array)
                matchedFields[hit.topic].arrays.insert(hit.arrayName);
            else
                matchedFields[hit.topic].fields.insert(hit.field); // a field, or one array element
        }
        for (const QString &t : wholeTopic)
            matchedFields.erase(t);
    }

    auto shownFields = [&](const QString &topic) {
        std::vector<FieldInfo> list = fieldsByTopic.value(topic);
        const auto it = matchedFields.find(topic);
        if (it == matchedFields.end())
            return list;
        std::vector<FieldInfo> kept;
        for (auto &f : list) {
            // An array hit keeps all its elements (xForce0 … xForce11 for "xForce"); an element
            // hit (zForce1) keeps that element only, not zForce10 … zForce19.
            const auto &arrays = it->second.arrays;
            const bool keep = it->second.fields.count(f.name) > 0 || std::any_of(arrays.begin(), arrays.end(), [&](const QString &base) {
                return f.name.startsWith(base) && f.name.size() > base.size()
                       && std::all_of(f.name.begin() + base.size(), f.name.end(), [](QChar c) { return c.isDigit(); });
            });
            if (keep)
                kept.push_back(std::move(f));
        }
        return kept;
    };

    if (json) {
        // Keys in the documented order: topic, kind, fields.
        nlohmann::ordered_json array = nlohmann::ordered_json::array();
        for (const QString &topic : order) {
            nlohmann::ordered_json fieldArray = nlohmann::ordered_json::array();
            for (const auto &f : shownFields(topic))
                fieldArray.push_back({{"name", f.name.toStdString()}, {"type", fieldTypeName(f.type).toStdString()}});
            array.push_back({{"topic", topic.toStdString()},
                             {"kind", topicKindName(TopicName(topic).kind()).toStdString()},
                             {"fields", std::move(fieldArray)}});
        }
        const std::string text = array.dump(2) + '\n';
        io.outBytes(text.data(), text.size());
        return kExitOk;
    }
    QString text;
    for (const QString &topic : order) {
        text += topic + u'\n';
        if (parser.isSet(fields))
            for (const auto &f : shownFields(topic))
                text += QStringLiteral("  ") + f.name + u' ' + fieldTypeName(f.type) + u'\n';
        if (text.size() > 1 << 16) {
            io.out(text);
            text.clear();
        }
    }
    io.out(text);
    return kExitOk;
}

} // namespace sasquatch
