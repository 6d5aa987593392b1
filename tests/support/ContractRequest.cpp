// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ContractRequest.h"

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
