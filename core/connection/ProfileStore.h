// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <vector>

namespace sasquatch {

/// Where secrets go. Keyring is the default; the other two are chosen by the user when no
/// keyring service runs, and the choice is remembered (the choice, never a secret).
enum class SecretStorageMode { Keyring, SessionOnly, File };

/// The user's connection profiles, persisted as JSON in the config directory. Holds no
/// secrets: those go to a SecretStore.
class ProfileStore
{
public:
    /// `filePath` empty = the default location (XDG config dir/sasquatch-browser/profiles.json).
    explicit ProfileStore(QString filePath = {});

    static QString defaultPath();
    const QString &filePath() const { return m_filePath; }

    /// Reads the file; a missing file is an empty store, a corrupt one an error naming it.
    Outcome<Done> load();
    /// Writes atomically.
    Outcome<Done> save() const;

    const std::vector<ConnectionProfile> &profiles() const { return m_profiles; }
    const ConnectionProfile *find(const QString &name) const;
    QStringList names() const;

    /// Adds or replaces (by `previousName`, or by name). Rejects invalid profiles and
    /// duplicate names.
    Outcome<Done> upsert(const ConnectionProfile &profile, const QString &previousName = {});
    bool remove(const QString &name);

    QString currentProfile() const { return m_current; }
    void setCurrentProfile(const QString &name) { m_current = name; }

    SecretStorageMode secretStorage() const { return m_secretStorage; }
    QString secretsFile() const { return m_secretsFile; }
    void setSecretStorage(SecretStorageMode mode, const QString &file = {});

private:
    QString m_filePath;
    std::vector<ConnectionProfile> m_profiles;
    QString m_current;
    SecretStorageMode m_secretStorage = SecretStorageMode::Keyring;
    QString m_secretsFile;
};

} // namespace sasquatch
