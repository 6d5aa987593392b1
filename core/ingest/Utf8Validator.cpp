// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/Utf8Validator.h"

namespace sasquatch {

Utf8Validator::Verdict Utf8Validator::feed(const char *data, std::size_t size, std::size_t &badIndex)
{
    for (std::size_t i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (m_pending > 0) {
            if (c < m_lower || c > m_upper) {
                badIndex = i;
                return c == 0 ? Verdict::NulByte : Verdict::Invalid;
            }
            m_lower = 0x80;
            m_upper = 0xBF;
            --m_pending;
            continue;
        }
        if (c < 0x80) {
            if (c == 0) {
                badIndex = i;
                return Verdict::NulByte;
            }
            continue;
        }
        // Lead bytes and the ranges allowed for the byte after them (RFC 3629 table).
        if (c >= 0xC2 && c <= 0xDF) {
            m_pending = 1;
        } else if (c == 0xE0) {
            m_pending = 2;
            m_lower = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
            m_pending = 2;
        } else if (c == 0xED) {
            m_pending = 2;
            m_upper = 0x9F;
        } else if (c == 0xF0) {
            m_pending = 3;
            m_lower = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3) {
            m_pending = 3;
        } else if (c == 0xF4) {
            m_pending = 3;
            m_upper = 0x8F;
        } else {
            badIndex = i;
            return Verdict::Invalid;
        }
    }
    return Verdict::Ok;
}

} // namespace sasquatch
