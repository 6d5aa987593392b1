// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstddef>
#include <cstdint>

namespace sasquatch {

/// Why a Kafka value is not a Confluent-framed message.
enum class FrameError : std::uint8_t {
    None,
    Empty,    ///< zero bytes (a tombstone or an empty produce)
    TooShort, ///< fewer than the 5 header bytes
    BadMagic, ///< first byte is not 0x00 (e.g. a plain JSON value, or another serializer)
};

/// The Confluent wire format of a Kafka message value: magic byte 0x00, the schema id as a
/// big-endian int32, then the serialized body (Avro binary for Sasquatch telemetry).
/// A view: body points into the parsed bytes and lives as long as they do.
struct ConfluentFrame
{
    static constexpr std::uint8_t kMagic = 0x00;
    static constexpr std::size_t kHeaderSize = 5;

    FrameError error = FrameError::None;
    std::int32_t schemaId = -1;
    const std::uint8_t *body = nullptr;
    std::size_t bodySize = 0;
    std::uint8_t magic = 0; ///< the first byte seen (for BadMagic messages)

    bool ok() const { return error == FrameError::None; }

    /// Splits `size` bytes at `data` into header and body. Never reads past `size`.
    static ConfluentFrame parse(const void *data, std::size_t size);
    /// Writes the 5-byte header for `schemaId` into `out` (for producers and tests).
    static void writeHeader(std::int32_t schemaId, std::uint8_t out[kHeaderSize]);
    /// The error in words, e.g. "magic byte 0x7b, expected 0x00 (not Confluent-framed)".
    QString describeError() const;
};

} // namespace sasquatch
