// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/KeychainSecretStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QTimer>

namespace sasquatch {

namespace {

const QString kService = QStringLiteral("sasquatch-browser");

/// Runs a qtkeychain job to completion in a local event loop, bounded by `timeout`: a keyring
/// daemon that never answers must not hang the caller.
bool runJob(QKeychain::Job &job, std::chrono::milliseconds timeout)
{
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}

Failure keyringFailure(const QKeychain::Job &job, const QString &what)
{
    return Failure{QStringLiteral("The system keyring could not %1: %2").arg(what, job.errorString())};
}

} // namespace

KeychainSecretStore::KeychainSecretStore(std::chrono::milliseconds timeout) : m_timeout(timeout) {}

Outcome<Done> KeychainSecretStore::probe(std::chrono::milliseconds timeout)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(QStringLiteral("probe/keyring-availability"));
    if (!runJob(job, timeout))
        return Failure{QStringLiteral("The system keyring did not answer within %1 s.")
                           .arg(timeout.count() / 1000.0)};
    if (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)
        return Done{};
    return Failure{QStringLiteral("No keyring service (GNOME Keyring, KWallet or another Secret Service provider) "
                                  "answered on the D-Bus session bus (%1).").arg(job.errorString())};
}

Outcome<std::optional<QString>> KeychainSecretStore::read(const QString &key)
{
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(key);
    if (!runJob(job, m_timeout))
        return Failure{QStringLiteral("The system keyring did not answer.")};
    if (job.error() == QKeychain::EntryNotFound)
        return std::optional<QString>{};
    if (job.error() != QKeychain::NoError)
        return keyringFailure(job, QStringLiteral("read the secret"));
    return std::optional<QString>{job.textData()};
}

Outcome<Done> KeychainSecretStore::write(const QString &key, const QString &value)
{
    QKeychain::WritePasswordJob job(kService);
    job.setKey(key);
    job.setTextData(value);
    if (!runJob(job, m_timeout))
        return Failure{QStringLiteral("The system keyring did not answer.")};
    if (job.error() != QKeychain::NoError)
        return keyringFailure(job, QStringLiteral("store the secret"));
    return Done{};
}

Outcome<Done> KeychainSecretStore::remove(const QString &key)
{
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(key);
    if (!runJob(job, m_timeout))
        return Failure{QStringLiteral("The system keyring did not answer.")};
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return keyringFailure(job, QStringLiteral("delete the secret"));
    return Done{};
}

QString KeychainSecretStore::describe() const
{
    return QStringLiteral("the system keyring");
}

} // namespace sasquatch
