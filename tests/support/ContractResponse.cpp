// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ContractResponse.h"

#include <QFile>

namespace sasquatch::test {

ContractResponse &ContractResponse::header(const QByteArray &name, const QByteArray &value)
{
    headers.emplace_back(name, value);
    return *this;
}

ContractResponse ContractResponse::json(int status, const QByteArray &body)
{
    ContractResponse r;
    r.status = status;
    r.body = body;
    r.header("Content-Type", "application/json; charset=utf-8");
    return r;
}

ContractResponse ContractResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    ContractResponse r;
    r.status = status;
    r.body = body;
    r.header("Content-Type", contentType);
    return r;
}

ContractResponse ContractResponse::noContent()
{
    ContractResponse r;
    r.status = 204;
    return r;
}

ContractResponse ContractResponse::chunked(int status, const QByteArray &contentType,
                                           const std::vector<QByteArray> &pieces,
                                           std::chrono::milliseconds gap)
{
    ContractResponse r;
    r.status = status;
    r.framing = ContractFraming::Chunked;
    r.header("Content-Type", contentType);
    for (std::size_t i = 0; i < pieces.size(); ++i)
        r.chunks.push_back({pieces[i], i == 0 ? std::chrono::milliseconds(0) : gap});
    return r;
}

ContractResponse ContractResponse::rawBytes(const QByteArray &bytes)
{
    ContractResponse r;
    r.raw = bytes;
    return r;
}

Outcome<ContractResponse> ContractResponse::fromHttpMessage(const QByteArray &recorded)
{
    // Leading '#' lines are notes (where the response shape comes from), not HTTP.
    QByteArray message = recorded;
    while (message.startsWith('#')) {
        const qsizetype eol = message.indexOf('\n');
        message = eol < 0 ? QByteArray() : message.mid(eol + 1);
    }
    // The head ends at the first empty line, whichever line ending the file uses.
    qsizetype headEnd = -1;
    qsizetype bodyStart = -1;
    for (qsizetype i = 0; i < message.size(); ++i) {
        if (message[i] != '\n')
            continue;
        qsizetype next = i + 1;
        if (next < message.size() && message[next] == '\r')
            ++next;
        if (next < message.size() && message[next] == '\n') {
            headEnd = i;
            bodyStart = next + 1;
            break;
        }
    }
    const QByteArray head = headEnd < 0 ? message : message.left(headEnd);
    ContractResponse r;
    r.body = bodyStart < 0 ? QByteArray() : message.mid(bodyStart);

    const QList<QByteArray> lines = head.split('\n');
    const QByteArray statusLine = lines.value(0).trimmed();
    const QList<QByteArray> parts = statusLine.split(' ');
    if (parts.size() < 2 || !parts[0].startsWith("HTTP/"))
        return Failure{QStringLiteral("not an HTTP response: first line is \"%1\"").arg(QString::fromLatin1(statusLine))};
    bool ok = false;
    r.status = parts[1].toInt(&ok);
    if (!ok || r.status < 100 || r.status > 999)
        return Failure{QStringLiteral("bad status code \"%1\"").arg(QString::fromLatin1(parts[1]))};
    r.reason = statusLine.mid(parts[0].size() + parts[1].size() + 2).trimmed();

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Failure{QStringLiteral("header line %1 has no name: \"%2\"").arg(i + 1).arg(QString::fromLatin1(line))};
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray lower = name.toLower();
        if (lower == "content-length" || lower == "transfer-encoding")
            continue;
        r.headers.emplace_back(name, line.mid(colon + 1).trimmed());
    }
    return r;
}

Outcome<ContractResponse> ContractResponse::fromHttpFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("cannot read %1: %2").arg(path, file.errorString())};
    auto parsed = fromHttpMessage(file.readAll());
    if (!parsed)
        return Failure{QStringLiteral("%1: %2").arg(path, parsed.error())};
    return parsed;
}

} // namespace sasquatch::test
