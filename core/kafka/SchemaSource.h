// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/CancelToken.h"
#include "core/util/Outcome.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace sasquatch {

/// Where Avro writer schemas come from, by Confluent schema id: the Schema Registry over
/// HTTP (SchemaRegistryClient) or schemas registered in-process (MemorySchemaSource, used by
/// the demo simulator and tests). Implementations are thread-safe: the Kafka worker thread
/// asks, the GUI thread may register.
class SchemaSource
{
public:
    virtual ~SchemaSource() = default;

    /// The schema text (Avro schema JSON) registered under `id`, or a Failure that says why
    /// not (for the registry: HTTP status and the server's message). May block (HTTP); call
    /// it from a worker thread. A successful answer is cached by the implementation.
    virtual Outcome<QByteArray> schemaJson(std::int32_t id, const CancelToken &cancel = {}) = 0;

    /// The newest schema registered under `subject` (Confluent's convention for a topic's
    /// values: "<topic>-value"), as schema text. A subject that was never registered fails
    /// with httpStatus 404. May block (HTTP); call it from a worker thread. Not cached (a
    /// newer version may be registered at any time).
    virtual Outcome<QByteArray> latestSchemaJson(const QString &subject, const CancelToken &cancel = {}) = 0;

    /// Where the schemas come from, for messages ("Schema Registry at https://...").
    virtual QString describe() const = 0;
};

} // namespace sasquatch
