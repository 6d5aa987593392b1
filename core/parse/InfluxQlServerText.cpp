// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxQlJsonParser's reading of a plain-text error line where the next JSON document should
// start: InfluxDB writes err.Error() as text, status 200, when it cannot encode a result
// (1.8.0-1.8.3, influxdata/influxdb#20249; 2.x's InfluxQL response writer).
#include "core/parse/InfluxQlJsonParser.h"

#include <cstring>

namespace sasquatch {

void InfluxQlJsonParser::lookForServerText()
{
    // Whitespace is left to the tokenizer (it counts the lines); the first other byte decides.
    std::uint64_t line = m_tokenizer.tokenLine();
    for (auto at = static_cast<std::size_t>(m_tokenizer.offset() - m_chunkOffset); at < m_chunkSize; ++at) {
        const char c = m_chunk[at];
        if (c == '\n') {
            ++line;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r')
            continue;
        m_textMayFollow = false;
        // Go's error texts start with a lower-case word ("json: ..."); JSON never with a letter
        // but in true/false/null, which cannot begin a /query response either.
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            m_inServerText = true;
            m_serverTextLine = line;
            takeServerText(m_chunk + at, m_chunkSize - at);
        }
        return;
    }
}

void InfluxQlJsonParser::takeServerText(const char *data, std::size_t size)
{
    // Decided on the bytes alone, wherever the chunks end: the line is cut only when a byte
    // beyond kMaxServerTextBytes is not its newline.
    const auto *newline = static_cast<const char *>(std::memchr(data, '\n', size));
    const std::size_t length = newline ? static_cast<std::size_t>(newline - data) : size;
    const std::size_t room = kMaxServerTextBytes - m_serverText.size();
    if (length <= room) {
        m_serverText.append(data, length);
        if (newline)
            endServerText(ServerText::Complete);
        return;
    }
    m_serverText.append(data, room);
    endServerText(ServerText::Cut);
}

void InfluxQlJsonParser::endServerText(ServerText end)
{
    m_inServerText = false;
    std::string text = std::move(m_serverText);
    m_serverText.clear();
    if (end == ServerText::Cut) {
        // Not inside a UTF-8 character: drop the last one if it lost bytes.
        std::size_t lead = text.size();
        while (lead > 0 && (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80)
            --lead;
        if (lead > 0 && static_cast<unsigned char>(text[lead - 1]) >= 0xC0) {
            const auto first = static_cast<unsigned char>(text[lead - 1]);
            const std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
            if (text.size() - (lead - 1) < length)
                text.resize(lead - 1);
        }
    }
    while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t'))
        text.pop_back();
    if (end == ServerText::Cut)
        text += "\u2026";
    m_builder.flush(); // the rows before it are complete, as before a top-level {"error"}
    failServer(std::move(text), m_serverTextLine);
}

} // namespace sasquatch
