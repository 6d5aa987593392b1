// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/TextLineReader.h"

#include <QIODevice>

namespace sasquatch {

TextLineReader::TextLineReader(QIODevice &device, qsizetype maxLineBytes)
    : m_device(device), m_maxLineBytes(maxLineBytes)
{
}

QString TextLineReader::binaryMessage()
{
    return QStringLiteral("binary data (a NUL byte): this is not a text metric file");
}

QString TextLineReader::invalidUtf8Message()
{
    return QStringLiteral("invalid UTF-8: this is not a text metric file (or not in UTF-8)");
}

QString TextLineReader::tooLongMessage(qsizetype maxLineBytes)
{
    return QStringLiteral("line longer than %1 MiB: not a metric file (reading stopped here)")
        .arg(maxLineBytes >> 20);
}

TextLineReader::Next TextLineReader::fail(QString message, std::uint64_t line, std::uint32_t column)
{
    m_failed = true;
    m_error = std::move(message);
    m_errorLine = line;
    m_errorColumn = column;
    return Next::Error;
}

bool TextLineReader::fill()
{
    if (m_eof)
        return false;
    QByteArray chunk(kChunkBytes, Qt::Uninitialized);
    const qint64 n = m_device.read(chunk.data(), kChunkBytes);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    chunk.truncate(qsizetype(n));
    // Drop what was consumed before appending, so the buffer holds at most one line + a chunk.
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    const qsizetype before = m_buffer.size();
    m_buffer.append(chunk);
    std::size_t bad = 0;
    const auto verdict = m_utf8.feed(chunk.constData(), std::size_t(chunk.size()), bad);
    if (verdict != Utf8Validator::Verdict::Ok) {
        // Place of the bad byte: lines before it within the buffer, counted from the line start.
        const qsizetype at = before + qsizetype(bad);
        std::uint64_t line = m_lineNumber + 1;
        qsizetype lineStart = 0;
        for (qsizetype i = 0; i < at; ++i)
            if (m_buffer.at(i) == '\n') {
                ++line;
                lineStart = i + 1;
            }
        // Lines before the bad one are still delivered; the error comes when it is reached.
        m_buffer.truncate(at);
        m_eof = true;
        m_pendingError = true;
        m_pendingMessage = verdict == Utf8Validator::Verdict::NulByte ? binaryMessage() : invalidUtf8Message();
        m_pendingLine = line;
        m_pendingColumn = std::uint32_t(at - lineStart + 1);
    }
    return true;
}

TextLineReader::Next TextLineReader::next()
{
    if (m_failed)
        return Next::Error;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', m_pos);
        if (nl >= 0) {
            if (nl - m_pos > m_maxLineBytes)
                return fail(tooLongMessage(m_maxLineBytes), m_lineNumber + 1, 0);
            m_line = m_buffer.mid(m_pos, nl - m_pos);
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            m_pos = nl + 1;
            ++m_lineNumber;
            return Next::Line;
        }
        if (m_buffer.size() - m_pos > m_maxLineBytes)
            return fail(tooLongMessage(m_maxLineBytes), m_lineNumber + 1, 0);
        if (!fill()) {
            if (m_pendingError) {
                return fail(m_pendingMessage, m_pendingLine, m_pendingColumn);
            }
            if (m_pos < m_buffer.size()) {
                m_line = m_buffer.mid(m_pos);
                if (m_line.endsWith('\r'))
                    m_line.chop(1);
                m_pos = m_buffer.size();
                ++m_lineNumber;
                return Next::Line;
            }
            if (m_utf8.incompleteAtEnd())
                return fail(invalidUtf8Message(), m_lineNumber, 0);
            return Next::End;
        }
    }
}

} // namespace sasquatch
