// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace sasquatch {

namespace {
constexpr int kFormatVersion = 1;

QString modeName(SecretStorageMode mode)
{
    switch (mode) {
    case SecretStorageMode::SessionOnly: return QStringLiteral("session");
    case SecretStorageMode::File: return QStringLiteral("file");
    case SecretStorageMode::Keyring: break;
    }
    return QStringLiteral("keyring");
}
} // namespace

ProfileStore::ProfileStore(QString filePath)
    : m_filePath(filePath.isEmpty() ? defaultPath() : std::move(filePath))
{
}

QString ProfileStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/sasquatch-browser/profiles.json");
}

Outcome<Done> ProfileStore::load()
{
    m_profiles.clear();
    QFile file(m_filePath);
    if (!file.exists())
        return Done{};
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("Cannot read %1: %2").arg(m_filePath, file.errorString())};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Failure{QStringLiteral("%1 is not a valid profiles file (%2 at offset %3)")
                           .arg(m_filePath, error.errorString()).arg(error.offset)};
    const QJsonObject root = doc.object();
    if (root.value(u"version").toInt(kFormatVersion) > kFormatVersion)
        return Failure{QStringLiteral("%1 was written by a newer Sasquatch Browser").arg(m_filePath)};
    for (const QJsonValue &v : root.value(u"profiles").toArray()) {
        auto profile = ConnectionProfile::fromJson(v.toObject());
        if (!profile)
            return Failure{QStringLiteral("%1: %2").arg(m_filePath, profile.error())};
        m_profiles.push_back(std::move(profile).value());
    }
    m_current = root.value(u"current").toString();
    const QJsonObject secrets = root.value(u"secretStorage").toObject();
    const QString mode = secrets.value(u"mode").toString();
    m_secretStorage = mode == u"session" ? SecretStorageMode::SessionOnly
                      : mode == u"file"  ? SecretStorageMode::File
                                         : SecretStorageMode::Keyring;
    m_secretsFile = secrets.value(u"file").toString();
    return Done{};
}

Outcome<Done> ProfileStore::save() const
{
    QJsonArray list;
    for (const auto &p : m_profiles)
        list.append(p.toJson());
    QJsonObject root;
    root[u"version"] = kFormatVersion;
    root[u"profiles"] = list;
    root[u"current"] = m_current;
    root[u"secretStorage"] = QJsonObject{{QStringLiteral("mode"), modeName(m_secretStorage)},
                                         {QStringLiteral("file"), m_secretsFile}};
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QStringLiteral("Cannot write %1: %2").arg(m_filePath, file.errorString())};
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Failure{QStringLiteral("Cannot write %1: %2").arg(m_filePath, file.errorString())};
    return Done{};
}

const ConnectionProfile *ProfileStore::find(const QString &name) const
{
    for (const auto &p : m_profiles)
        if (p.name == name)
            return &p;
    return nullptr;
}

QStringList ProfileStore::names() const
{
    QStringList names;
    for (const auto &p : m_profiles)
        names << p.name;
    return names;
}

Outcome<Done> ProfileStore::upsert(const ConnectionProfile &profile, const QString &previousName)
{
    if (const QStringList problems = profile.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    const QString key = previousName.isEmpty() ? profile.name : previousName;
    if (profile.name != key && find(profile.name))
        return Failure{QStringLiteral("A profile named \"%1\" already exists.").arg(profile.name)};
    for (auto &p : m_profiles) {
        if (p.name == key) {
            p = profile;
            if (m_current == key)
                m_current = profile.name;
            return Done{};
        }
    }
    m_profiles.push_back(profile);
    return Done{};
}

bool ProfileStore::remove(const QString &name)
{
    const auto it = std::find_if(m_profiles.begin(), m_profiles.end(),
                                 [&](const ConnectionProfile &p) { return p.name == name; });
    if (it == m_profiles.end())
        return false;
    m_profiles.erase(it);
    if (m_current == name)
        m_current.clear();
    return true;
}

void ProfileStore::setSecretStorage(SecretStorageMode mode, const QString &file)
{
    m_secretStorage = mode;
    m_secretsFile = mode == SecretStorageMode::File ? file : QString();
}

} // namespace sasquatch
