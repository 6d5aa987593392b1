// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/ConnectionOptions.h"

#include "core/cli/CommandLine.h"
#include "core/connection/FileSecretStore.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/ProfileStore.h"

#include <QProcessEnvironment>

namespace sasquatch {

namespace {

const QCommandLineOption kProfile(QStringLiteral("profile"), QStringLiteral("Use the saved connection profile NAME."),
                                  QStringLiteral("NAME"));
const QCommandLineOption kUrl(QStringLiteral("influx-url"), QStringLiteral("InfluxDB URL, e.g. https://host/influxdb."),
                              QStringLiteral("URL"));
const QCommandLineOption kApi(QStringLiteral("api"), QStringLiteral("InfluxDB API: v1, v2 or auto (default)."),
                              QStringLiteral("v1|v2|auto"));
const QCommandLineOption kDatabase(QStringLiteral("database"), QStringLiteral("InfluxDB 1.x database (e.g. efd)."),
                                   QStringLiteral("DB"));
const QCommandLineOption kOrg(QStringLiteral("org"), QStringLiteral("InfluxDB 2.x organisation."), QStringLiteral("ORG"));
const QCommandLineOption kBucket(QStringLiteral("bucket"),
                                 QStringLiteral("Bucket: db/rp or db on 1.x, a bucket name on 2.x."),
                                 QStringLiteral("BUCKET"));
const QCommandLineOption kUser(QStringLiteral("username"),
                               QStringLiteral("InfluxDB 1.x user; the password comes from SASQUATCH_PASSWORD or the keyring."),
                               QStringLiteral("USER"));
const QCommandLineOption kInsecure(QStringLiteral("insecure"), QStringLiteral("Do not verify TLS certificates."));
const QCommandLineOption kCaFile(QStringLiteral("ca-file"), QStringLiteral("Extra CA bundle (PEM) for HTTPS."),
                                 QStringLiteral("FILE"));

Failure usage(const QString &message)
{
    return Failure{message, kExitUsage};
}

Failure runtime(const QString &message)
{
    return Failure{message, kExitFailure};
}

} // namespace

void ConnectionOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({kProfile, kUrl, kApi, kDatabase, kOrg, kBucket, kUser, kInsecure, kCaFile});
}

Outcome<ResolvedConnection> ConnectionOptions::resolve(const QCommandLineParser &parser) const
{
    ResolvedConnection resolved;
    ConnectionProfile &p = resolved.profile;
    ProfileStore store;
    const bool fromProfile = parser.isSet(kProfile);
    if (fromProfile) {
        if (auto loaded = store.load(); !loaded)
            return runtime(loaded.error());
        const ConnectionProfile *found = store.find(parser.value(kProfile));
        if (!found)
            return usage(QStringLiteral("No profile named \"%1\". Known profiles: %2")
                             .arg(parser.value(kProfile),
                                  store.names().isEmpty() ? QStringLiteral("(none)") : store.names().join(QStringLiteral(", "))));
        p = *found;
    } else {
        p.name = QStringLiteral("command line");
    }
    // Explicit flags override what the profile says.
    if (parser.isSet(kUrl))
        p.influxUrl = parser.value(kUrl);
    if (parser.isSet(kApi)) {
        const auto api = parseApiFlavour(parser.value(kApi));
        if (!api)
            return usage(QStringLiteral("--api must be v1, v2 or auto, not \"%1\".").arg(parser.value(kApi)));
        p.api = *api;
    }
    if (parser.isSet(kDatabase))
        p.database = parser.value(kDatabase);
    if (parser.isSet(kOrg))
        p.org = parser.value(kOrg);
    if (parser.isSet(kUser))
        p.username = parser.value(kUser);
    if (parser.isSet(kInsecure))
        p.verifyTls = false;
    if (parser.isSet(kCaFile))
        p.caFile = parser.value(kCaFile);
    resolved.bucket = parser.value(kBucket);
    if (p.influxUrl.isEmpty())
        return usage(QStringLiteral("Say which server: --profile NAME or --influx-url URL."));
    if (const QStringList problems = p.validate(); !problems.isEmpty())
        return usage(problems.join(u' '));

    // Secrets: the environment first, then the store the user configured for profiles. A 1.x
    // user has a password; otherwise (2.x, or no user) the secret is a token.
    const bool usesPassword = p.api == ApiFlavour::V1 || (p.api == ApiFlavour::Auto && !p.username.isEmpty());
    const auto env = QProcessEnvironment::systemEnvironment();
    resolved.secret = env.value(usesPassword ? QStringLiteral("SASQUATCH_PASSWORD") : QStringLiteral("SASQUATCH_TOKEN"));
    if (resolved.secret.isEmpty() && fromProfile) {
        const SecretKind kind = usesPassword ? SecretKind::InfluxPassword : SecretKind::InfluxToken;
        std::unique_ptr<SecretStore> secrets;
        if (store.secretStorage() == SecretStorageMode::File && !store.secretsFile().isEmpty())
            secrets = std::make_unique<FileSecretStore>(store.secretsFile());
        else if (store.secretStorage() == SecretStorageMode::Keyring)
            secrets = std::make_unique<KeychainSecretStore>(std::chrono::seconds(5));
        if (secrets && (kind == SecretKind::InfluxToken || !p.username.isEmpty())) {
            auto value = secrets->read(secretKey(p.name, kind));
            if (!value && !p.username.isEmpty())
                return runtime(QStringLiteral("%1 Set %2 instead.")
                                   .arg(value.error(), usesPassword ? QStringLiteral("SASQUATCH_PASSWORD")
                                                                    : QStringLiteral("SASQUATCH_TOKEN")));
            if (value)
                resolved.secret = value->value_or(QString());
        }
    }
    if (resolved.secret.isEmpty() && !p.username.isEmpty())
        return runtime(QStringLiteral("No password for user \"%1\": set SASQUATCH_PASSWORD (it is never read from "
                                      "the command line), or save it in the keyring from the GUI.")
                           .arg(p.username));
    return resolved;
}

} // namespace sasquatch
