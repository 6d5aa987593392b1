// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/ConnectionController.h"

#include "core/connection/FileSecretStore.h"
#include "core/connection/KeychainSecretStore.h"
#include "core/connection/MemorySecretStore.h"
#include "core/connection/ProfileTemplates.h"
#include "core/http/CurlTransport.h"
#include "core/util/BackgroundTask.h"

namespace sasquatch {

ConnectionController::ConnectionController(QObject *parent)
    : QObject(parent), m_catalog(std::make_unique<CatalogService>(std::make_shared<CurlTransport>()))
{
    m_pool.setMaxThreadCount(1); // secret store calls in order
}

ConnectionController::~ConnectionController()
{
    m_pool.waitForDone();
}

QString ConnectionController::initialize()
{
    QString problem;
    if (auto loaded = m_profiles.load(); !loaded)
        problem = loaded.error();
    if (m_profiles.profiles().empty() && problem.isEmpty()) {
        for (const auto &t : profileTemplates())
            m_profiles.upsert(t);
        persist();
    }
    switch (m_profiles.secretStorage()) {
    case SecretStorageMode::File:
        m_secrets = std::make_shared<FileSecretStore>(m_profiles.secretsFile());
        break;
    case SecretStorageMode::SessionOnly:
        m_secrets = std::make_shared<MemorySecretStore>();
        break;
    case SecretStorageMode::Keyring:
        m_secrets = std::make_shared<KeychainSecretStore>();
        // Until the keyring answers, secrets typed now are kept in memory, never on disk.
        runInBackground(&m_pool, this, [](const CancelToken &) { return KeychainSecretStore::probe(); },
                        [this](Outcome<Done> probe) {
                            if (!probe) {
                                m_secrets = std::make_shared<MemorySecretStore>();
                                Q_EMIT keyringUnavailable(probe.error());
                            }
                        });
        break;
    }
    Q_EMIT profilesChanged();
    return problem;
}

QString ConnectionController::secretStoreDescription() const
{
    return m_secrets ? m_secrets->describe() : QString();
}

void ConnectionController::chooseSecretStorage(SecretStorageMode mode, const QString &file)
{
    if (mode == SecretStorageMode::File) {
        m_secrets = std::make_shared<FileSecretStore>(file);
        m_profiles.setSecretStorage(mode, file);
        persist();
    } else {
        // Not remembered: the next start looks for a keyring again.
        m_secrets = std::make_shared<MemorySecretStore>();
    }
    Q_EMIT message(tr("Secrets are kept in %1.").arg(m_secrets->describe()));
}

SecretKind ConnectionController::influxSecretKind(const ConnectionProfile &profile)
{
    const bool password = profile.api == ApiFlavour::V1 || (profile.api == ApiFlavour::Auto && !profile.username.isEmpty());
    return password ? SecretKind::InfluxPassword : SecretKind::InfluxToken;
}

void ConnectionController::activateProfile(const QString &name)
{
    const ConnectionProfile *found = m_profiles.find(name);
    if (!found)
        return;
    m_active = name;
    m_profiles.setCurrentProfile(name);
    persist();
    Q_EMIT activeProfileChanged(name);
    const ConnectionProfile profile = *found;
    auto secrets = m_secrets;
    const QString key = secretKey(profile.name, influxSecretKind(profile));
    runInBackground(
        &m_pool, this, [secrets, key](const CancelToken &) { return secrets->read(key); },
        [this, profile](Outcome<std::optional<QString>> secret) {
            if (m_active != profile.name)
                return;
            if (!secret)
                Q_EMIT message(tr("Could not read the secret of \"%1\": %2").arg(profile.name, secret.error()));
            m_catalog->setProfile(profile, secret ? secret->value_or(QString()) : QString());
            m_catalog->connectToServer();
            m_catalog->refreshBuckets();
        });
}

void ConnectionController::reconnect()
{
    if (!m_active.isEmpty())
        activateProfile(m_active);
}

void ConnectionController::saveProfile(const ConnectionProfile &profile, const QString &previousName,
                                       std::vector<std::pair<SecretKind, QString>> secrets,
                                       std::function<void(QString)> done)
{
    if (auto saved = m_profiles.upsert(profile, previousName); !saved) {
        done(saved.error());
        return;
    }
    persist();
    Q_EMIT profilesChanged();
    if (secrets.empty()) {
        done({});
        if (profile.name == m_active)
            reconnect();
        return;
    }
    auto store = m_secrets;
    runInBackground(
        &m_pool, this,
        [store, secrets, name = profile.name](const CancelToken &) -> Outcome<Done> {
            for (const auto &[kind, value] : secrets) {
                const QString key = secretKey(name, kind);
                auto stored = value.isEmpty() ? store->remove(key) : store->write(key, value);
                if (!stored)
                    return stored.failure();
            }
            return Done{};
        },
        [this, done, name = profile.name](Outcome<Done> stored) {
            if (!stored) {
                done(stored.error());
                return;
            }
            done({});
            if (name == m_active)
                reconnect();
        });
}

void ConnectionController::removeProfile(const QString &name)
{
    if (!m_profiles.remove(name))
        return;
    auto secrets = m_secrets;
    runInBackground(&m_pool, this,
                    [secrets, name](const CancelToken &) {
                        for (auto kind : {SecretKind::InfluxPassword, SecretKind::InfluxToken, SecretKind::KafkaPassword})
                            secrets->remove(secretKey(name, kind));
                        return 0;
                    },
                    [](int) {});
    persist();
    Q_EMIT profilesChanged();
}

void ConnectionController::readSecret(const QString &profileName, SecretKind kind, std::function<void(QString)> done)
{
    auto secrets = m_secrets;
    runInBackground(&m_pool, this,
                    [secrets, key = secretKey(profileName, kind)](const CancelToken &) { return secrets->read(key); },
                    [done](Outcome<std::optional<QString>> value) { done(value ? value->value_or(QString()) : QString()); });
}

void ConnectionController::useDemo(const QString &url, const QString &kafkaBootstrap)
{
    ConnectionProfile demo = demoProfile(url, kafkaBootstrap);
    m_profiles.upsert(demo, demo.name);
    persist();
    Q_EMIT profilesChanged();
    activateProfile(demo.name);
}

void ConnectionController::persist()
{
    if (auto saved = m_profiles.save(); !saved)
        Q_EMIT message(saved.error());
}

} // namespace sasquatch
