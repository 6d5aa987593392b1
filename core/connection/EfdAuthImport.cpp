// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/EfdAuthImport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

namespace sasquatch {

namespace {

QString stringOf(const QJsonObject &o, QStringView key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString().trimmed();
}

QString urlFromParts(const QJsonObject &entry)
{
    QString host = stringOf(entry, u"host");
    if (host.isEmpty())
        return {};
    if (!host.contains(u"://"))
        host.prepend(QStringLiteral("https://"));
    QUrl url(host);
    const QString port = stringOf(entry, u"port");
    if (!port.isEmpty() && port != u"443" && port != u"80")
        url.setPort(port.toInt());
    QString path = stringOf(entry, u"path");
    if (path == u"." || path == u"/")
        path.clear(); // Segwarides writes "." for the server's root
    if (!path.isEmpty()) {
        if (!path.startsWith(u'/'))
            path.prepend(u'/');
        url.setPath(path);
    }
    return url.toString();
}

} // namespace

Outcome<std::vector<ImportedProfile>> importEfdAuth(const QByteArray &json, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        // Report a line:column for the user, as an editor would.
        int line = 1, column = 1;
        for (int i = 0; i < error.offset && i < json.size(); ++i) {
            if (json[i] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return Failure{QStringLiteral("%1:%2:%3: not valid JSON: %4")
                           .arg(source).arg(line).arg(column).arg(error.errorString())};
    }
    if (!doc.isObject())
        return Failure{QStringLiteral("%1: expected a JSON object of {label: {url, database, username, "
                                      "password, schema_registry}} or one Segwarides answer {host, port, path, "
                                      "username, password, schema_registry}").arg(source)};

    std::vector<ImportedProfile> result;
    QJsonObject root = doc.object();
    if (root.value(u"url").isString() || root.value(u"host").isString()) {
        // One Segwarides answer saved as it came (GET /segwarides/creds/<alias>: {"host", "port",
        // "path", "username", "password", "schema_registry"}): one entry, named after the file.
        QString label = QFileInfo(source).completeBaseName();
        if (label.isEmpty())
            label = QStringLiteral("EFD");
        root = QJsonObject{{label, root}};
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
        const QString label = it.key().trimmed();
        if (!it.value().isObject())
            return Failure{QStringLiteral("%1: entry \"%2\" is not an object").arg(source, label)};
        const QJsonObject entry = it.value().toObject();
        ImportedProfile imported;
        ConnectionProfile &p = imported.profile;
        p.name = label;
        p.influxUrl = stringOf(entry, u"url");
        if (p.influxUrl.isEmpty())
            p.influxUrl = urlFromParts(entry);
        if (p.influxUrl.isEmpty())
            return Failure{QStringLiteral("%1: entry \"%2\" has neither \"url\" nor \"host\"").arg(source, label)};
        p.api = ApiFlavour::V1; // lsst-efd-client talks InfluxQL to 1.x
        p.database = stringOf(entry, u"database");
        if (p.database.isEmpty())
            p.database = QStringLiteral("efd");
        p.username = stringOf(entry, u"username");
        p.schemaRegistryUrl = stringOf(entry, u"schema_registry");
        imported.password = entry.value(u"password").toString();
        if (const QStringList problems = p.validate(); !problems.isEmpty())
            return Failure{QStringLiteral("%1: entry \"%2\": %3").arg(source, label, problems.join(u' '))};
        result.push_back(std::move(imported));
    }
    if (result.empty())
        return Failure{QStringLiteral("%1: no entries found").arg(source)};
    return result;
}

} // namespace sasquatch
