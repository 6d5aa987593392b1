// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

namespace sasquatch {

/// Checks UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF) across chunk
/// boundaries, and spots NUL bytes, so that a binary file is named as such instead of being
/// read as text full of replacement characters.
class Utf8Validator
{
public:
    enum class Verdict : std::uint8_t { Ok, Invalid, NulByte };
    /// Checks `size` more bytes. On a problem, `badIndex` is its index in this chunk.
    Verdict feed(const char *data, std::size_t size, std::size_t &badIndex);
    /// True when the input ended inside a multi-byte sequence.
    bool incompleteAtEnd() const { return m_pending != 0; }

private:
    int m_pending = 0;          // continuation bytes still expected
    unsigned char m_lower = 0x80; // bounds of the next continuation byte
    unsigned char m_upper = 0xBF;
};

} // namespace sasquatch
