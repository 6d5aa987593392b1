// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/connection/MemorySecretStore.h"

namespace sasquatch {

Outcome<std::optional<QString>> MemorySecretStore::read(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd())
        return std::optional<QString>{};
    return std::optional<QString>{*it};
}

Outcome<Done> MemorySecretStore::write(const QString &key, const QString &value)
{
    QMutexLocker lock(&m_mutex);
    m_values.insert(key, value);
    return Done{};
}

Outcome<Done> MemorySecretStore::remove(const QString &key)
{
    QMutexLocker lock(&m_mutex);
    m_values.remove(key);
    return Done{};
}

QString MemorySecretStore::describe() const
{
    return QStringLiteral("memory (this session only)");
}

} // namespace sasquatch
