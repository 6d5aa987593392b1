// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ProfileStore.h"
#include "core/connection/SecretStore.h"
#include "core/influx/CatalogService.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace sasquatch {

/// Routes between the saved profiles, the secret store and the catalog service: which profile
/// is active, where its secret comes from, and when to (re)connect. No widgets here.
class ConnectionController : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionController(QObject *parent = nullptr);
    ~ConnectionController() override;

    /// Loads profiles (seeding the built-in templates on first use) and checks the keyring in
    /// the background. Returns a message when the profiles file could not be read.
    QString initialize();

    ProfileStore &profiles() { return m_profiles; }
    CatalogService &catalog() { return *m_catalog; }
    QString activeProfile() const { return m_active; }
    QString secretStoreDescription() const;

    void activateProfile(const QString &name);
    void reconnect();
    /// Saves `profile` (replacing `previousName`) and stores the given secrets (an empty value
    /// removes one). The callback gets an empty string on success, else the reason (nothing
    /// typed is lost: the caller keeps its form open).
    void saveProfile(const ConnectionProfile &profile, const QString &previousName,
                     std::vector<std::pair<SecretKind, QString>> secrets, std::function<void(QString)> done);
    /// Which secret a profile's InfluxDB connection uses: a 1.x password or a 2.x token.
    static SecretKind influxSecretKind(const ConnectionProfile &profile);
    void removeProfile(const QString &name);
    /// Reads a profile's stored secret (for the edit dialog).
    void readSecret(const QString &profileName, SecretKind kind, std::function<void(QString)> done);
    /// The user's answer when no keyring runs.
    void chooseSecretStorage(SecretStorageMode mode, const QString &file);
    /// Adds or updates the demo profile for a demo stack at `url` and activates it.
    void useDemo(const QString &url, const QString &kafkaBootstrap = {});

Q_SIGNALS:
    void profilesChanged();
    void activeProfileChanged(const QString &name);
    /// No keyring service answered: the user must choose session-only or a file.
    void keyringUnavailable(const QString &reason);
    void message(const QString &text);

private:
    void persist();

    ProfileStore m_profiles;
    std::shared_ptr<SecretStore> m_secrets;
    std::unique_ptr<CatalogService> m_catalog;
    QString m_active;
    QThreadPool m_pool;
};

} // namespace sasquatch
