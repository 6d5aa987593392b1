// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/HttpFailure.h"

#include "core/http/UrlBuilder.h"

#include <QList>
#include <QRegularExpression>

#include <nlohmann/json.hpp>

#include <utility>

namespace sasquatch {

namespace {

QString squeezed(QString text)
{
    text = text.simplified();
    if (text.size() > HttpFailure::kMaxServerTextChars) {
        text.truncate(HttpFailure::kMaxServerTextChars - 1);
        text += QChar(0x2026); // …
    }
    return text;
}

QString jsonText(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

QString fromJson(const QByteArray &body)
{
    const auto doc = nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr,
                                           /*allow_exceptions=*/false);
    if (doc.is_discarded() || !doc.is_object())
        return {};
    // 2.x: {"code":"invalid","message":"..."}; Confluent: {"error_code":40403,"message":"..."}.
    if (const auto it = doc.find("message"); it != doc.end()) {
        QString text = jsonText(*it);
        if (const auto code = doc.find("code"); code != doc.end() && code->is_string() && !text.isEmpty())
            text = jsonText(*code) + QLatin1String(": ") + text;
        else if (const auto ec = doc.find("error_code"); ec != doc.end() && !text.isEmpty())
            text += QStringLiteral(" (error code %1)").arg(jsonText(*ec));
        if (!text.isEmpty())
            return text;
    }
    // 1.x: {"error":"..."}
    if (const auto it = doc.find("error"); it != doc.end())
        return jsonText(*it);
    return {};
}

QString fromHtml(const QString &html)
{
    static const QRegularExpression title(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                          QRegularExpression::CaseInsensitiveOption
                                              | QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = title.match(html); m.hasMatch() && !m.captured(1).trimmed().isEmpty())
        return m.captured(1);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    return QString(html).replace(tags, QStringLiteral(" "));
}

/// One CSV record (RFC 4180, as Go's encoding/csv writes it) from `pos`: its fields, with
/// quotes removed and `""` unescaped; `pos` moves past the record's line end.
QList<QByteArray> csvRecord(const QByteArray &text, qsizetype &pos)
{
    QList<QByteArray> fields;
    QByteArray field;
    bool quoted = false;
    bool wasQuoted = false;
    while (pos < text.size()) {
        const char c = text.at(pos++);
        if (quoted) {
            if (c != '"') {
                field += c;
            } else if (pos < text.size() && text.at(pos) == '"') {
                field += '"';
                ++pos;
            } else {
                quoted = false;
            }
        } else if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            fields.push_back(std::exchange(field, {}));
            wasQuoted = false;
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            field += c;
        }
    }
    fields.push_back(field);
    return fields;
}

/// InfluxDB 1.x picks its error format from the request's Accept header: asked for CSV (as
/// the Flux endpoint is), it writes a one-column table `error` whose row is the message
/// (services/httpd/handler.go httpError with response_writer.go's csvFormatter).
QString fromCsv(const QByteArray &body)
{
    qsizetype pos = 0;
    const QList<QByteArray> header = csvRecord(body, pos);
    if (header.size() != 1 || header.front() != "error" || pos >= body.size())
        return {};
    return QString::fromUtf8(csvRecord(body, pos).join(','));
}

} // namespace

Failure HttpFailure::from(const HttpRequest &request, const HttpResult &result)
{
    const QString what = methodName(request.method) + QLatin1Char(' ') + UrlBuilder::redacted(request.url);
    const QString detail = result.transportError.trimmed();
    const auto withDetail = [&detail](QString text) {
        return detail.isEmpty() ? text : text + QLatin1String(": ") + detail;
    };

    Failure failure;
    failure.httpStatus = result.response.status;
    switch (result.errorKind) {
    case HttpErrorKind::Cancelled:
        failure.cancelled = true;
        failure.message = QStringLiteral("Cancelled: %1").arg(what);
        return failure;
    case HttpErrorKind::Timeout:
        failure.message = withDetail(QStringLiteral("%1 timed out").arg(what));
        return failure;
    case HttpErrorKind::Transport:
        failure.message = withDetail(QStringLiteral("%1 failed").arg(what));
        return failure;
    case HttpErrorKind::Aborted:
        failure.message = withDetail(QStringLiteral("%1 was stopped while reading the response").arg(what));
        return failure;
    case HttpErrorKind::None:
        break;
    }

    const int status = result.response.status;
    QString reason = QString::fromLatin1(result.response.reason).trimmed();
    if (reason.isEmpty())
        reason = standardReason(status);
    QString message = QStringLiteral("%1 answered HTTP %2").arg(what).arg(status);
    if (!reason.isEmpty())
        message += QLatin1Char(' ') + reason;
    if (const QString server = serverMessage(result.response);
        !server.isEmpty() && server.compare(reason, Qt::CaseInsensitive) != 0)
        message += QLatin1String(": ") + server;
    if (status == 401)
        message += QLatin1String(" (check the user name and password, or the token)");
    else if (status == 403)
        message += QLatin1String(" (the credentials lack permission for this)");
    failure.message = message;
    return failure;
}

QString HttpFailure::serverMessage(const HttpResponse &response)
{
    const QByteArray body = response.body.trimmed();
    const QByteArray type = response.header("content-type").toLower();
    if (!body.isEmpty() && (body.startsWith('{') || type.contains("json")))
        if (QString text = fromJson(body); !text.isEmpty())
            return squeezed(text);
    if (type.contains("csv"))
        if (QString text = fromCsv(body); !text.isEmpty())
            return squeezed(text);
    if (const QByteArray header = response.header("x-influxdb-error"); !header.isEmpty())
        return squeezed(QString::fromUtf8(header));
    if (body.isEmpty() || body.startsWith('{'))
        return {};
    const QString text = QString::fromUtf8(body);
    if (type.contains("html") || body.startsWith('<'))
        return squeezed(fromHtml(text));
    return squeezed(text);
}

QString HttpFailure::methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get: return QStringLiteral("GET");
    case HttpMethod::Head: return QStringLiteral("HEAD");
    case HttpMethod::Post: return QStringLiteral("POST");
    case HttpMethod::Put: return QStringLiteral("PUT");
    case HttpMethod::Patch: return QStringLiteral("PATCH");
    case HttpMethod::Delete: return QStringLiteral("DELETE");
    }
    return QStringLiteral("?");
}

QString HttpFailure::standardReason(int status)
{
    switch (status) {
    case 200: return QStringLiteral("OK");
    case 201: return QStringLiteral("Created");
    case 204: return QStringLiteral("No Content");
    case 301: return QStringLiteral("Moved Permanently");
    case 302: return QStringLiteral("Found");
    case 304: return QStringLiteral("Not Modified");
    case 307: return QStringLiteral("Temporary Redirect");
    case 308: return QStringLiteral("Permanent Redirect");
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 408: return QStringLiteral("Request Timeout");
    case 409: return QStringLiteral("Conflict");
    case 413: return QStringLiteral("Payload Too Large");
    case 415: return QStringLiteral("Unsupported Media Type");
    case 422: return QStringLiteral("Unprocessable Entity");
    case 429: return QStringLiteral("Too Many Requests");
    case 500: return QStringLiteral("Internal Server Error");
    case 501: return QStringLiteral("Not Implemented");
    case 502: return QStringLiteral("Bad Gateway");
    case 503: return QStringLiteral("Service Unavailable");
    case 504: return QStringLiteral("Gateway Timeout");
    default: return {};
    }
}

} // namespace sasquatch
