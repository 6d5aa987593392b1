// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/Utf8Validator.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

class QIODevice;

namespace sasquatch {

/// Reads a text file line by line in fixed-size chunks, so that memory stays bounded whatever
/// the file holds: a line longer than the limit, a NUL byte or invalid UTF-8 stops the reading
/// with a message and the place (1-based line and byte column) instead of being loaded.
class TextLineReader
{
public:
    /// Longest line accepted by default (line protocol lines are a few hundred bytes; CSV rows
    /// with thousands of columns stay well below).
    static constexpr qsizetype kDefaultMaxLineBytes = qsizetype(8) << 20;
    static constexpr qsizetype kChunkBytes = qsizetype(64) << 10;

    enum class Next : std::uint8_t { Line, End, Error };

    explicit TextLineReader(QIODevice &device, qsizetype maxLineBytes = kDefaultMaxLineBytes);

    /// The next line without its terminator (LF or CRLF).
    Next next();
    const QByteArray &line() const { return m_line; }
    std::uint64_t lineNumber() const { return m_lineNumber; }

    const QString &errorMessage() const { return m_error; }
    std::uint64_t errorLine() const { return m_errorLine; }
    std::uint32_t errorColumn() const { return m_errorColumn; }

    /// Shared messages, so that every reader words these problems the same way.
    static QString binaryMessage();
    static QString invalidUtf8Message();
    static QString tooLongMessage(qsizetype maxLineBytes);

private:
    bool fill();
    Next fail(QString message, std::uint64_t line, std::uint32_t column);

    QIODevice &m_device;
    qsizetype m_maxLineBytes;
    QByteArray m_buffer;   // unread bytes (starts at a line start)
    qsizetype m_pos = 0;
    QByteArray m_line;
    std::uint64_t m_lineNumber = 0;
    bool m_eof = false;
    bool m_failed = false;
    Utf8Validator m_utf8;
    // A bad byte found while filling: reported once the lines before it were delivered.
    bool m_pendingError = false;
    QString m_pendingMessage;
    std::uint64_t m_pendingLine = 0;
    std::uint32_t m_pendingColumn = 0;
    QString m_error;
    std::uint64_t m_errorLine = 0;
    std::uint32_t m_errorColumn = 0;
};

} // namespace sasquatch
