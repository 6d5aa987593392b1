// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QString>

#include <utility>
#include <vector>

namespace sasquatch {

/// Builds request URLs from a server's base URL (which may carry a path prefix, as in
/// `https://host/schema-registry`) plus an API path and query items.
///
/// Query values are percent-encoded strictly: everything but RFC 3986 unreserved characters
/// is escaped, `+` included, because servers decode a literal `+` as a space and InfluxQL and
/// Flux text is full of `+`, `&`, `=`, quotes and spaces.
class UrlBuilder
{
public:
    /// Parses `baseUrl`: http or https, a host, optional port and path prefix, no query or
    /// fragment. Credentials written into the URL (`https://user:pass@host`) are taken out
    /// and offered by username()/password() so that they never reach a request URL.
    static Outcome<UrlBuilder> fromBase(const QString &baseUrl);

    /// Appends an already well-formed API path such as "/api/v2/query" (a missing or doubled
    /// slash at the join is fixed).
    UrlBuilder &path(const QString &apiPath);
    /// Appends one path segment, percent-encoding it ("/" inside becomes %2F).
    UrlBuilder &segment(const QString &value);
    /// Adds a query item; items keep their order and repeated names are allowed.
    UrlBuilder &query(const QString &name, const QString &value);
    /// Adds a query item only when `value` is not empty.
    UrlBuilder &queryIfSet(const QString &name, const QString &value);

    QString toString() const;
    QString scheme() const { return m_scheme; }
    QString username() const { return m_username; }
    QString password() const { return m_password; }

    /// Percent-encodes everything except A-Z a-z 0-9 - . _ ~ (UTF-8 first).
    static QString encodeComponent(const QString &value);

    /// The URL safe to show or log: user-info removed and values of credential-bearing query
    /// items (p, password, token, ...) replaced by "***". Tolerates malformed input.
    static QString redacted(const QString &url);

private:
    UrlBuilder() = default;

    QString m_scheme;
    QString m_authority; ///< host[:port], IPv6 literals in brackets, no user-info
    QString m_path;      ///< encoded, never ends with '/' unless it is the only character
    std::vector<std::pair<QString, QString>> m_query;
    QString m_username;
    QString m_password;
};

} // namespace sasquatch
