// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/MemorySchemaSource.h"

namespace sasquatch {

std::int32_t MemorySchemaSource::registerSchema(const QString &subject, const QByteArray &schemaJson)
{
    std::lock_guard lock(m_mutex);
    // Like the registry: an identical schema text keeps the id it already has.
    for (const auto &[id, text] : m_schemas) {
        if (text == schemaJson) {
            m_latestBySubject[subject] = id;
            return id;
        }
    }
    while (m_schemas.count(m_nextId))
        ++m_nextId;
    const std::int32_t id = m_nextId++;
    m_schemas[id] = schemaJson;
    m_latestBySubject[subject] = id;
    return id;
}

void MemorySchemaSource::insert(std::int32_t id, const QByteArray &schemaJson, const QString &subject)
{
    std::lock_guard lock(m_mutex);
    m_schemas[id] = schemaJson;
    if (!subject.isEmpty())
        m_latestBySubject[subject] = id;
}

std::int32_t MemorySchemaSource::latestId(const QString &subject) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_latestBySubject.find(subject);
    return it == m_latestBySubject.end() ? -1 : it->second;
}

Outcome<QByteArray> MemorySchemaSource::schemaJson(std::int32_t id, const CancelToken &)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_schemas.find(id);
    if (it == m_schemas.end())
        return Failure{QStringLiteral("Schema %1 not found in the in-process schema source.").arg(id), 404};
    return it->second;
}

Outcome<QByteArray> MemorySchemaSource::latestSchemaJson(const QString &subject, const CancelToken &)
{
    std::lock_guard lock(m_mutex);
    const auto latest = m_latestBySubject.find(subject);
    if (latest == m_latestBySubject.end())
        return Failure{QStringLiteral("Subject %1 not found in the in-process schema source.").arg(subject), 404};
    return m_schemas.at(latest->second);
}

QString MemorySchemaSource::describe() const
{
    return QStringLiteral("in-process schema source");
}

} // namespace sasquatch
