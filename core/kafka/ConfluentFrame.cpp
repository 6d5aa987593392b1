// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/ConfluentFrame.h"

namespace sasquatch {

ConfluentFrame ConfluentFrame::parse(const void *data, std::size_t size)
{
    ConfluentFrame frame;
    const auto *bytes = static_cast<const std::uint8_t *>(data);
    if (size == 0 || bytes == nullptr) {
        frame.error = FrameError::Empty;
        return frame;
    }
    frame.magic = bytes[0];
    // The magic byte is checked first: a JSON value of 3 bytes is "not framed", not "short".
    if (frame.magic != kMagic) {
        frame.error = FrameError::BadMagic;
        return frame;
    }
    if (size < kHeaderSize) {
        frame.error = FrameError::TooShort;
        return frame;
    }
    const std::uint32_t id = (std::uint32_t(bytes[1]) << 24) | (std::uint32_t(bytes[2]) << 16)
                             | (std::uint32_t(bytes[3]) << 8) | std::uint32_t(bytes[4]);
    frame.schemaId = std::int32_t(id);
    frame.body = bytes + kHeaderSize;
    frame.bodySize = size - kHeaderSize;
    return frame;
}

void ConfluentFrame::writeHeader(std::int32_t schemaId, std::uint8_t out[kHeaderSize])
{
    const auto id = std::uint32_t(schemaId);
    out[0] = kMagic;
    out[1] = std::uint8_t(id >> 24);
    out[2] = std::uint8_t(id >> 16);
    out[3] = std::uint8_t(id >> 8);
    out[4] = std::uint8_t(id);
}

QString ConfluentFrame::describeError() const
{
    switch (error) {
    case FrameError::None:
        return {};
    case FrameError::Empty:
        return QStringLiteral("empty message value (not Confluent-framed)");
    case FrameError::TooShort:
        return QStringLiteral("message value shorter than the 5-byte Confluent header");
    case FrameError::BadMagic:
        return QStringLiteral("magic byte 0x%1, expected 0x00 (not Confluent-framed)")
            .arg(unsigned(magic), 2, 16, QLatin1Char('0'));
    }
    return {};
}

} // namespace sasquatch
