// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoDataCache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace sasquatch {

namespace {

constexpr const char *kLockFileName = ".lock";

} // namespace

QString DemoDataCache::defaultDirectory()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.cache");
    return base + QStringLiteral("/sasquatch-browser/demo-influxdb-%1").arg(kFormatVersion);
}

DemoDataCache::DemoDataCache(QString directory) : m_directory(std::move(directory)) {}

DemoDataCache::~DemoDataCache() = default;

bool DemoDataCache::lock()
{
    if (m_lock && m_lock->isLocked())
        return true;
    if (!QDir().mkpath(m_directory))
        return false;
    m_lock = std::make_unique<QLockFile>(m_directory + u'/' + QString::fromLatin1(kLockFileName));
    m_lock->setStaleLockTime(0); // the lock lives as long as the app; only a dead owner frees it
    return m_lock->tryLock(0);
}

void DemoDataCache::unlock()
{
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
}

std::optional<DemoDataCache::Marker> DemoDataCache::readMarker() const
{
    QFile f(m_directory + u'/' + QString::fromLatin1(kMarkerFileName));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.value(QStringLiteral("formatVersion")).toInt(-1) != kFormatVersion)
        return std::nullopt;
    Marker m;
    m.catalogFingerprint = o.value(QStringLiteral("catalogFingerprint")).toString().toLatin1();
    m.influxdVersion = o.value(QStringLiteral("influxdVersion")).toString();
    m.anchorMs = std::int64_t(o.value(QStringLiteral("anchorMs")).toDouble());
    m.seededUntilMs = std::int64_t(o.value(QStringLiteral("seededUntilMs")).toDouble());
    if (m.catalogFingerprint.isEmpty() || m.anchorMs <= 0 || m.seededUntilMs <= 0)
        return std::nullopt;
    return m;
}

bool DemoDataCache::matches(const Marker &marker, const QByteArray &fingerprint, const QString &influxdVersion)
{
    return marker.formatVersion == kFormatVersion && marker.catalogFingerprint == fingerprint
           && marker.influxdVersion == influxdVersion;
}

Outcome<Done> DemoDataCache::writeMarker(const Marker &marker) const
{
    QJsonObject o;
    o.insert(QStringLiteral("formatVersion"), marker.formatVersion);
    o.insert(QStringLiteral("catalogFingerprint"), QString::fromLatin1(marker.catalogFingerprint));
    o.insert(QStringLiteral("influxdVersion"), marker.influxdVersion);
    // Doubles hold ms since the epoch exactly (< 2^53).
    o.insert(QStringLiteral("anchorMs"), double(marker.anchorMs));
    o.insert(QStringLiteral("seededUntilMs"), double(marker.seededUntilMs));
    QSaveFile f(m_directory + u'/' + QString::fromLatin1(kMarkerFileName));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson()) < 0 || !f.commit())
        return Failure{QStringLiteral("cannot write the demo cache marker in %1: %2").arg(m_directory, f.errorString())};
    return Done{};
}

void DemoDataCache::removeMarker() const
{
    QFile::remove(m_directory + u'/' + QString::fromLatin1(kMarkerFileName));
}

Outcome<Done> DemoDataCache::wipe() const
{
    QDir dir(m_directory);
    if (!dir.exists())
        return Done{};
    removeMarker(); // first: a half-wiped directory must never look complete
    const QStringList entries = dir.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : entries) {
        if (name == QLatin1String(kLockFileName))
            continue;
        const QString path = dir.filePath(name);
        const bool removed = QFileInfo(path).isDir() && !QFileInfo(path).isSymLink() ? QDir(path).removeRecursively()
                                                                                     : QFile::remove(path);
        if (!removed)
            return Failure{QStringLiteral("cannot clear the demo cache: %1 could not be removed").arg(path)};
    }
    return Done{};
}

} // namespace sasquatch
