// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QString>

#include <optional>

namespace sasquatch {

/// Stores passwords and tokens under a key (see secretKey()). Implementations never log values.
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    /// The secret, nullopt when none is stored, or a Failure when the store cannot be read.
    virtual Outcome<std::optional<QString>> read(const QString &key) = 0;
    virtual Outcome<Done> write(const QString &key, const QString &value) = 0;
    virtual Outcome<Done> remove(const QString &key) = 0;
    /// Where the secrets are, in words for the user ("the system keyring", a file path...).
    virtual QString describe() const = 0;
};

} // namespace sasquatch
