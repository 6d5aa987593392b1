// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTypes.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace sasquatch::test {

/// One request as ContractHttpServer received it, for handlers and for assertions.
struct ContractRequest
{
    QByteArray method;   ///< "GET", "POST", ... as sent
    /// Raw request-target, e.g. "/query?db=efd&q=SHOW%20DATABASES", or the absolute form
    /// "http://host/query?..." a client sends to a proxy (path and query are read from it).
    QByteArray target;
    QString path;        ///< percent-decoded path without the query
    /// Query items decoded the way InfluxDB (Go's net/url) decodes them: '+' is a space.
    /// A client that leaves '+' unescaped sees it turn into a space here, as on the server.
    std::vector<std::pair<QString, QString>> query;
    HttpHeaders headers; ///< names lower-cased, values as sent
    QByteArray rawBody;  ///< body as it came off the wire (chunked framing removed)
    QByteArray body;     ///< rawBody, gunzipped when Content-Encoding was gzip
    QString bodyError;   ///< why a gzip body could not be decoded, else empty
    int connection = 0;  ///< 1-based index of the TCP connection it came on
    int indexOnConnection = 0; ///< 1 for the first request on that connection (keep-alive shows as > 1)

    /// First header value with that lower-case name, or empty.
    QByteArray header(const QByteArray &lowerName) const;
    bool hasHeader(const QByteArray &lowerName) const;
    /// First query value with that name; std::nullopt when absent.
    std::optional<QString> queryValue(const QString &name) const;
    /// Like Go's Request.FormValue: the query first, then an
    /// application/x-www-form-urlencoded body (InfluxDB 1.x accepts `q` in a POST form).
    std::optional<QString> param(const QString &name) const;
    /// Credentials of an `Authorization: Basic` header.
    std::optional<std::pair<QString, QString>> basicAuth() const;
    /// The credential of `Authorization: Token x` or `Authorization: Bearer x`.
    std::optional<QString> tokenAuth() const;

    /// Fills method, target, path, query and headers from a request head (request line and
    /// header lines, CRLF-separated, without the blank line). False when it is malformed.
    /// An HTTP/1.0 head without keep-alive gets a "connection: close" header added.
    bool parseHead(const QByteArray &head);

    /// Decodes an application/x-www-form-urlencoded string ('+' is a space).
    static std::vector<std::pair<QString, QString>> parseForm(const QByteArray &encoded);
};

} // namespace sasquatch::test
