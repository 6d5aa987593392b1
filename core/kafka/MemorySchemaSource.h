// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafka/SchemaSource.h"

#include <QString>

#include <map>
#include <mutex>

namespace sasquatch {

/// Schemas kept in memory, with ids handed out like a Schema Registry does: registering the
/// same text under the same subject again gives the same id. Thread-safe.
class MemorySchemaSource final : public SchemaSource
{
public:
    MemorySchemaSource() = default;

    /// Registers `schemaJson` under `subject` (Confluent's convention: "<topic>-value") and
    /// returns its id (1, 2, ...). The same text returns the id it already has.
    std::int32_t registerSchema(const QString &subject, const QByteArray &schemaJson);
    /// Stores `schemaJson` under a chosen id (replacing what was there), and makes it the
    /// latest of `subject` when one is given.
    void insert(std::int32_t id, const QByteArray &schemaJson, const QString &subject = {});
    /// The latest id registered under `subject`, or -1.
    std::int32_t latestId(const QString &subject) const;

    Outcome<QByteArray> schemaJson(std::int32_t id, const CancelToken &cancel = {}) override;
    Outcome<QByteArray> latestSchemaJson(const QString &subject, const CancelToken &cancel = {}) override;
    QString describe() const override;

private:
    mutable std::mutex m_mutex;
    std::map<std::int32_t, QByteArray> m_schemas;
    std::map<QString, std::int32_t> m_latestBySubject;
    std::int32_t m_nextId = 1;
};

} // namespace sasquatch
