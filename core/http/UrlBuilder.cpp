// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/UrlBuilder.h"

#include <QUrl>

#include <array>

namespace sasquatch {

namespace {

// Query names whose values are secrets in the APIs we talk to: InfluxDB 1.x takes `u`/`p`,
// 2.x tools pass `token`; the rest are common spellings of the same thing.
constexpr std::array kSecretQueryNames = {"p",      "password",     "token",   "access_token",
                                          "apikey", "api_key",      "secret",  "auth",
                                          "sig",    "authorization"};

bool isSecretName(QStringView encodedName)
{
    const QString name = QUrl::fromPercentEncoding(encodedName.toUtf8()).toLower();
    for (const char *secret : kSecretQueryNames)
        if (name == QLatin1String(secret))
            return true;
    return false;
}

QString joinPaths(const QString &left, const QString &right)
{
    if (right.isEmpty())
        return left;
    QString l = left;
    while (l.endsWith(QLatin1Char('/')))
        l.chop(1);
    qsizetype start = 0;
    while (start < right.size() && right[start] == QLatin1Char('/'))
        ++start;
    return l + QLatin1Char('/') + right.mid(start);
}

} // namespace

Outcome<UrlBuilder> UrlBuilder::fromBase(const QString &baseUrl)
{
    const QString trimmed = baseUrl.trimmed();
    if (trimmed.isEmpty())
        return Failure{QStringLiteral("The server URL is empty.")};
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid())
        return Failure{QStringLiteral("The server URL \"%1\" is not valid: %2")
                           .arg(redacted(trimmed), url.errorString())};
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return Failure{QStringLiteral("The server URL \"%1\" must start with http:// or https://.")
                           .arg(redacted(trimmed))};
    if (url.host().isEmpty())
        return Failure{QStringLiteral("The server URL \"%1\" has no host name.").arg(redacted(trimmed))};
    if (url.hasQuery() || url.hasFragment())
        return Failure{QStringLiteral("The server URL \"%1\" must not contain '?' or '#'.")
                           .arg(redacted(trimmed))};

    UrlBuilder b;
    b.m_scheme = scheme;
    const QString host = url.host(QUrl::FullyEncoded);
    b.m_authority = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    if (url.port() >= 0)
        b.m_authority += QLatin1Char(':') + QString::number(url.port());
    b.m_path = url.path(QUrl::FullyEncoded);
    while (b.m_path.endsWith(QLatin1Char('/')))
        b.m_path.chop(1);
    b.m_username = url.userName(QUrl::FullyDecoded);
    b.m_password = url.password(QUrl::FullyDecoded);
    return b;
}

UrlBuilder &UrlBuilder::path(const QString &apiPath)
{
    m_path = joinPaths(m_path, apiPath);
    return *this;
}

UrlBuilder &UrlBuilder::segment(const QString &value)
{
    m_path = joinPaths(m_path, QString()) + QLatin1Char('/') + encodeComponent(value);
    return *this;
}

UrlBuilder &UrlBuilder::query(const QString &name, const QString &value)
{
    m_query.emplace_back(name, value);
    return *this;
}

UrlBuilder &UrlBuilder::queryIfSet(const QString &name, const QString &value)
{
    if (!value.isEmpty())
        query(name, value);
    return *this;
}

QString UrlBuilder::toString() const
{
    QString out = m_scheme + QLatin1String("://") + m_authority;
    out += m_path.isEmpty() ? QStringLiteral("/") : m_path;
    for (std::size_t i = 0; i < m_query.size(); ++i) {
        out += i == 0 ? QLatin1Char('?') : QLatin1Char('&');
        out += encodeComponent(m_query[i].first) + QLatin1Char('=') + encodeComponent(m_query[i].second);
    }
    return out;
}

QString UrlBuilder::encodeComponent(const QString &value)
{
    // toPercentEncoding leaves exactly the unreserved set alone when given no extra exceptions.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QString UrlBuilder::redacted(const QString &url)
{
    QString rest = url;
    QString fragment;
    if (const qsizetype hash = rest.indexOf(QLatin1Char('#')); hash >= 0) {
        fragment = rest.mid(hash);
        rest.truncate(hash);
    }
    QString query;
    if (const qsizetype q = rest.indexOf(QLatin1Char('?')); q >= 0) {
        query = rest.mid(q + 1);
        rest.truncate(q);
    }

    // User-info sits between "//" and the last '@' before the path starts.
    if (const qsizetype slashes = rest.indexOf(QLatin1String("//")); slashes >= 0) {
        const qsizetype authorityStart = slashes + 2;
        qsizetype authorityEnd = rest.indexOf(QLatin1Char('/'), authorityStart);
        if (authorityEnd < 0)
            authorityEnd = rest.size();
        const qsizetype at = rest.lastIndexOf(QLatin1Char('@'), authorityEnd - 1);
        if (at >= authorityStart)
            rest.remove(authorityStart, at - authorityStart + 1);
    }

    if (!query.isEmpty() || url.contains(QLatin1Char('?'))) {
        QStringList items = query.split(QLatin1Char('&'));
        for (QString &item : items) {
            const qsizetype eq = item.indexOf(QLatin1Char('='));
            const QStringView name = eq >= 0 ? QStringView(item).left(eq) : QStringView(item);
            if (eq >= 0 && isSecretName(name))
                item = name.toString() + QLatin1String("=***");
        }
        rest += QLatin1Char('?') + items.join(QLatin1Char('&'));
    }
    return rest + fragment;
}

} // namespace sasquatch
