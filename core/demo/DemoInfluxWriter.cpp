// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoInfluxWriter.h"

#include "core/http/GzipCodec.h"
#include "core/http/HttpFailure.h"
#include "core/http/UrlBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace sasquatch {

namespace {

thread_local std::int64_t t_lastBodyBytes = 0;
constexpr int kWriteAttempts = 3;

bool retryable(const HttpResult &result)
{
    if (result.errorKind == HttpErrorKind::Cancelled || result.errorKind == HttpErrorKind::Aborted)
        return false;
    return result.errorKind != HttpErrorKind::None || result.response.status >= 500;
}

} // namespace

DemoInfluxWriter::DemoInfluxWriter(std::shared_ptr<HttpTransport> http, QString baseUrl, DemoBodyEncoding encoding)
    : m_http(std::move(http)), m_baseUrl(std::move(baseUrl)), m_encoding(encoding)
{
}

std::int64_t DemoInfluxWriter::lastBodyBytes()
{
    return t_lastBodyBytes;
}

QString DemoInfluxWriter::quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return u'"' + escaped + u'"';
}

Outcome<Done> DemoInfluxWriter::execute(const QString &statement, const CancelToken &cancel) const
{
    Outcome<UrlBuilder> url = UrlBuilder::fromBase(m_baseUrl);
    if (!url)
        return url.failure();
    HttpRequest request;
    request.method = HttpMethod::Post;
    request.url = url->path(QStringLiteral("/query")).query(QStringLiteral("q"), statement).toString();
    request.totalTimeout = std::chrono::seconds{60};
    const HttpResult result = m_http->perform(request, {}, {}, cancel);
    if (!result.succeeded())
        return HttpFailure::from(request, result);
    // InfluxDB 1.x reports statement errors inside a 200 answer.
    const QJsonObject answer = QJsonDocument::fromJson(result.response.body).object();
    for (const QJsonValue &r : answer.value(QStringLiteral("results")).toArray()) {
        const QString error = r.toObject().value(QStringLiteral("error")).toString();
        if (!error.isEmpty())
            return Failure{QStringLiteral("InfluxDB refused \"%1\": %2").arg(statement, error)};
    }
    return Done{};
}

Outcome<Done> DemoInfluxWriter::write(const QString &database, const std::string &lines,
                                      const CancelToken &cancel) const
{
    Outcome<UrlBuilder> url = UrlBuilder::fromBase(m_baseUrl);
    if (!url)
        return url.failure();
    HttpRequest request;
    request.method = HttpMethod::Post;
    request.url = url->path(QStringLiteral("/write"))
                      .query(QStringLiteral("db"), database)
                      .query(QStringLiteral("precision"), QStringLiteral("ms"))
                      .toString();
    request.totalTimeout = std::chrono::seconds{120};
    request.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    const QByteArray raw = QByteArray::fromRawData(lines.data(), qsizetype(lines.size()));
    if (m_encoding == DemoBodyEncoding::Gzip) {
        // Level 1: the point of compressing is to save influxd parse time on big bodies,
        // not bytes on loopback, so the cheapest level is the right one.
        request.body = GzipCodec::compress(raw, 1);
        request.headers.emplace_back("Content-Encoding", "gzip");
    } else {
        request.body = QByteArray(raw.constData(), raw.size()); // deep copy: `lines` is reused
    }
    t_lastBodyBytes = request.body.size();
    HttpResult result;
    for (int attempt = 1; attempt <= kWriteAttempts; ++attempt) {
        result = m_http->perform(request, {}, {}, cancel);
        if (result.succeeded())
            return Done{};
        if (attempt == kWriteAttempts || !retryable(result) || cancel.isCancelled())
            break;
        QThread::msleep(250 * attempt);
    }
    return HttpFailure::from(request, result);
}

} // namespace sasquatch
