// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace sasquatch {

/// The demo server's data directory kept between runs, so that a second start needs only
/// the history missing since the last one: `$XDG_CACHE_HOME/sasquatch-browser/demo-influxdb-<v>`.
/// A marker file, written only after a complete seed, says what the directory holds; without
/// it (an interrupted first seed, another catalog, another influxd) the directory is wiped.
/// A lock file keeps two running applications from sharing one directory.
class DemoDataCache
{
public:
    /// Bumped whenever the seeded data changes shape, so old caches are rebuilt, not reused.
    static constexpr int kFormatVersion = 1;
    static constexpr const char *kMarkerFileName = "seed-complete.json";

    struct Marker
    {
        int formatVersion = kFormatVersion;
        QByteArray catalogFingerprint;
        QString influxdVersion;
        std::int64_t anchorMs = 0;      ///< the seed's story anchor, kept for top-ups
        std::int64_t seededUntilMs = 0; ///< history is complete up to here
    };

    /// `$XDG_CACHE_HOME/sasquatch-browser/demo-influxdb-<kFormatVersion>` (~/.cache if unset).
    static QString defaultDirectory();

    explicit DemoDataCache(QString directory = defaultDirectory());
    ~DemoDataCache();
    DemoDataCache(const DemoDataCache &) = delete;
    DemoDataCache &operator=(const DemoDataCache &) = delete;

    const QString &directory() const { return m_directory; }

    /// Takes the directory for this process (creating it). False when another running
    /// process holds it; a lock left by a dead process is taken over.
    bool lock();
    void unlock();

    /// The marker, when present and readable and made for this format version.
    std::optional<Marker> readMarker() const;
    /// True when `marker` was written for `fingerprint` and `influxdVersion`.
    static bool matches(const Marker &marker, const QByteArray &fingerprint, const QString &influxdVersion);
    /// Writes the marker atomically (write to a temporary file, then rename).
    Outcome<Done> writeMarker(const Marker &marker) const;
    void removeMarker() const;
    /// Deletes everything in the directory but the lock (influxd must not be running on it).
    Outcome<Done> wipe() const;

private:
    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace sasquatch
