// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ContractRequest.h"

#include <QByteArrayList>
#include <QUrl>

namespace sasquatch::test {

QByteArray ContractRequest::header(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return h.second;
    return {};
}

bool ContractRequest::hasHeader(const QByteArray &lowerName) const
{
    for (const auto &h : headers)
        if (h.first == lowerName)
            return true;
    return false;
}

std::optional<QString> ContractRequest::queryValue(const QString &name) const
{
    for (const auto &item : query)
        if (item.first == name)
            return item.second;
    return std::nullopt;
}

std::optional<QString> ContractRequest::param(const QString &name) const
{
    if (auto v = queryValue(name))
        return v;
    if (!header("content-type").toLower().startsWith("application/x-www-form-urlencoded"))
        return std::nullopt;
    for (const auto &item : parseForm(body))
        if (item.first == name)
            return item.second;
    return std::nullopt;
}

std::optional<std::pair<QString, QString>> ContractRequest::basicAuth() const
{
    const QByteArray value = header("authorization").trimmed();
    if (!value.toLower().startsWith("basic "))
        return std::nullopt;
    const QByteArray decoded = QByteArray::fromBase64(value.mid(6).trimmed());
    const qsizetype colon = decoded.indexOf(':');
    if (colon < 0)
        return std::nullopt;
    return std::pair{QString::fromUtf8(decoded.left(colon)), QString::fromUtf8(decoded.mid(colon + 1))};
}

std::optional<QString> ContractRequest::tokenAuth() const
{
    const QByteArray value = header("authorization").trimmed();
    const QByteArray lower = value.toLower();
    for (const QByteArray &scheme : {QByteArray("token "), QByteArray("bearer ")})
        if (lower.startsWith(scheme))
            return QString::fromUtf8(value.mid(scheme.size()).trimmed());
    return std::nullopt;
}

bool ContractRequest::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1."))
        return false;
    method = requestLine[0];
    target = requestLine[1];
    // A client talking to a proxy sends the absolute form, "http://host/path?query".
    QByteArray origin = target;
    if (const qsizetype scheme = origin.indexOf("://"); scheme > 0 && origin.left(scheme).toLower().startsWith("http")) {
        const qsizetype slash = origin.indexOf('/', scheme + 3);
        origin = slash < 0 ? QByteArray("/") : origin.mid(slash);
    }
    if (!origin.startsWith('/'))
        return false;
    headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        headers.emplace_back(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qsizetype q = origin.indexOf('?');
    path = QUrl::fromPercentEncoding(q < 0 ? origin : origin.left(q));
    query = q < 0 ? std::vector<std::pair<QString, QString>>{} : parseForm(origin.mid(q + 1));
    // HTTP/1.0 clients get one request per connection unless they ask for keep-alive.
    if (requestLine[2] == "HTTP/1.0" && !header("connection").toLower().contains("keep-alive"))
        headers.emplace_back("connection", "close");
    return true;
}

std::vector<std::pair<QString, QString>> ContractRequest::parseForm(const QByteArray &encoded)
{
    std::vector<std::pair<QString, QString>> items;
    const auto decode = [](QByteArray part) {
        part.replace('+', ' ');
        return QUrl::fromPercentEncoding(part);
    };
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            items.emplace_back(decode(pair), QString());
        else
            items.emplace_back(decode(pair.left(eq)), decode(pair.mid(eq + 1)));
    }
    return items;
}

} // namespace sasquatch::test
