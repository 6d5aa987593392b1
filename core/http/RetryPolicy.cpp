// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/RetryPolicy.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace sasquatch {

namespace {

// HTTP-date in its three forms (RFC 9110 §5.6.7): IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT",
// obsolete RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994".
// Parsed by hand: QDateTime's RFC 2822 reader in Qt 6.4 rejects the "GMT" zone, and its
// format strings validate the weekday, which two-digit RFC 850 years get wrong.
QDateTime parseHttpDate(const QString &text)
{
    static const QRegularExpression imf(
        QStringLiteral(R"(^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    static const QRegularExpression rfc850(
        QStringLiteral(R"(^[A-Za-z]+, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$)"));
    static const QRegularExpression asctime(
        QStringLiteral(R"(^[A-Za-z]{3} ([A-Za-z]{3}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$)"));
    static const QStringList months = {"jan", "feb", "mar", "apr", "may", "jun",
                                       "jul", "aug", "sep", "oct", "nov", "dec"};
    int day = 0, month = 0, year = 0, h = 0, m = 0, s = 0;
    if (const auto x = imf.match(text); x.hasMatch()) {
        day = x.captured(1).toInt();
        month = int(months.indexOf(x.captured(2).toLower())) + 1;
        year = x.captured(3).toInt();
        h = x.captured(4).toInt(), m = x.captured(5).toInt(), s = x.captured(6).toInt();
    } else if (const auto y = rfc850.match(text); y.hasMatch()) {
        day = y.captured(1).toInt();
        month = int(months.indexOf(y.captured(2).toLower())) + 1;
        year = y.captured(3).toInt();
        // RFC 9110: a two-digit year more than 50 years ahead means the past century.
        const int thisYear = QDate::currentDate().year();
        year += (thisYear / 100) * 100;
        if (year > thisYear + 50)
            year -= 100;
        h = y.captured(4).toInt(), m = y.captured(5).toInt(), s = y.captured(6).toInt();
    } else if (const auto z = asctime.match(text); z.hasMatch()) {
        month = int(months.indexOf(z.captured(1).toLower())) + 1;
        day = z.captured(2).toInt();
        h = z.captured(3).toInt(), m = z.captured(4).toInt(), s = z.captured(5).toInt();
        year = z.captured(6).toInt();
    } else {
        return {};
    }
    const QDate date(year, month, day);
    const QTime time(h, m, s);
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

} // namespace

RetryPolicy RetryPolicy::none()
{
    RetryPolicy p;
    p.maxAttempts = 1;
    return p;
}

bool RetryPolicy::shouldRetry(const HttpRequest &request, const HttpResult &result) const
{
    if (methods == RetryMethods::IdempotentOnly
        && (request.method == HttpMethod::Post || request.method == HttpMethod::Patch))
        return false;
    switch (result.errorKind) {
    case HttpErrorKind::Cancelled:
    case HttpErrorKind::Aborted:
        return false;
    case HttpErrorKind::Timeout:
        return timeouts == TimeoutRetry::Retry;
    case HttpErrorKind::Transport:
        return true;
    case HttpErrorKind::None:
        break;
    }
    return std::find(retryStatuses.begin(), retryStatuses.end(), result.response.status)
        != retryStatuses.end();
}

std::optional<std::chrono::milliseconds> RetryPolicy::delayBefore(int nextAttempt,
                                                                  const HttpResponse &response,
                                                                  double random01,
                                                                  const QDateTime &nowUtc) const
{
    if (const QByteArray header = response.header("retry-after"); !header.isEmpty()) {
        if (const auto asked = parseRetryAfter(header, nowUtc)) {
            if (*asked > maxDelay)
                return std::nullopt;
            return *asked;
        }
    }
    const int retryIndex = std::max(0, nextAttempt - 2);
    double ms = static_cast<double>(initialDelay.count()) * std::pow(std::max(1.0, multiplier), retryIndex);
    ms = std::min(ms, static_cast<double>(maxDelay.count()));
    const double j = std::clamp(jitter, 0.0, 1.0);
    ms *= 1.0 - j + 2.0 * j * std::clamp(random01, 0.0, 1.0);
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(std::max(0.0, ms))));
}

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &value,
                                                                      const QDateTime &nowUtc)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt
                           : std::optional(std::chrono::milliseconds(std::min<qlonglong>(seconds, 86'400LL * 365) * 1000));

    const QDateTime when = parseHttpDate(QString::fromLatin1(trimmed));
    if (!when.isValid())
        return std::nullopt;
    const qint64 ms = nowUtc.msecsTo(when);
    return std::chrono::milliseconds(std::max<qint64>(0, ms));
}

} // namespace sasquatch
