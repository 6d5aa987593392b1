// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/SecretStore.h"

#include <QHash>
#include <QMutex>

namespace sasquatch {

/// Secrets kept for this session only: forgotten when the program exits.
class MemorySecretStore final : public SecretStore
{
public:
    Outcome<std::optional<QString>> read(const QString &key) override;
    Outcome<Done> write(const QString &key, const QString &value) override;
    Outcome<Done> remove(const QString &key) override;
    QString describe() const override;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_values;
};

} // namespace sasquatch
