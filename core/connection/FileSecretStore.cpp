// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/FileSecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sasquatch {

namespace {
constexpr auto kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr auto kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
                         | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
} // namespace

FileSecretStore::FileSecretStore(QString path) : m_path(std::move(path)) {}

Outcome<QJsonObject> FileSecretStore::loadLocked() const
{
    QFile file(m_path);
    if (!file.exists())
        return QJsonObject{};
    if (file.permissions() & kOthers)
        return Failure{QStringLiteral("Refusing to use %1: other users can access it. Run `chmod 600 %1`.")
                           .arg(m_path)};
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("Cannot read %1: %2").arg(m_path, file.errorString())};
    const QByteArray bytes = file.readAll();
    if (bytes.trimmed().isEmpty())
        return QJsonObject{};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Failure{QStringLiteral("%1 is not a valid secrets file: %2").arg(m_path, error.errorString())};
    return doc.object();
}

Outcome<Done> FileSecretStore::saveLocked(const QJsonObject &values) const
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString())};
    // Restrict the temporary file before any secret is written into it.
    if (!file.setPermissions(kOwnerOnly))
        return Failure{QStringLiteral("Cannot restrict the permissions of %1").arg(m_path)};
    file.write(QJsonDocument(values).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Failure{QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString())};
    return Done{};
}

Outcome<std::optional<QString>> FileSecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto values = loadLocked();
    if (!values)
        return values.failure();
    const QJsonValue v = values->value(key);
    if (!v.isString())
        return std::optional<QString>{};
    return std::optional<QString>{v.toString()};
}

Outcome<Done> FileSecretStore::write(const QString &key, const QString &value)
{
    QMutexLocker lock(&m_mutex);
    auto values = loadLocked();
    if (!values)
        return values.failure();
    QJsonObject updated = values.value();
    updated.insert(key, value);
    return saveLocked(updated);
}

Outcome<Done> FileSecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    auto values = loadLocked();
    if (!values)
        return values.failure();
    QJsonObject updated = values.value();
    if (!updated.contains(key))
        return Done{};
    updated.remove(key);
    return saveLocked(updated);
}

QString FileSecretStore::describe() const
{
    return QStringLiteral("the file %1 (readable by you only)").arg(m_path);
}

} // namespace sasquatch
