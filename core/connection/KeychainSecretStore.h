// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/SecretStore.h"

#include <chrono>

namespace sasquatch {

/// The OS keyring through qtkeychain (Secret Service / KWallet on Linux). Calls block until
/// the keyring answers or the timeout passes, so call them off the GUI thread.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    /// Whether a keyring service answers on this machine; a Failure says why not.
    static Outcome<Done> probe(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    Outcome<std::optional<QString>> read(const QString &key) override;
    Outcome<Done> write(const QString &key, const QString &value) override;
    Outcome<Done> remove(const QString &key) override;
    QString describe() const override;

private:
    std::chrono::milliseconds m_timeout;
};

} // namespace sasquatch
