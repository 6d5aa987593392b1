// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTypes.h"
#include "core/util/Outcome.h"

#include <QString>

namespace sasquatch {

/// Turns an unsuccessful HttpResult into a Failure a person can act on: what was asked of
/// which server (credentials removed), what went wrong, and the server's own words.
class HttpFailure
{
public:
    /// Longest server text quoted in a message; bodies can be whole HTML pages.
    static constexpr qsizetype kMaxServerTextChars = 300;

    /// Failure for `result` of `request`. httpStatus is the response status (0 when none
    /// arrived); cancelled is set only when the CancelToken fired.
    static Failure from(const HttpRequest &request, const HttpResult &result);

    /// The error text a server put in its response, or empty. Understands the JSON shapes of
    /// InfluxDB 1.x `{"error"}`, 2.x `{"code","message"}`, Confluent `{"error_code","message"}`,
    /// InfluxDB 1.8's CSV `error` table (when the request accepted CSV), the `X-Influxdb-Error`
    /// header, HTML error pages (their <title>) and plain text.
    static QString serverMessage(const HttpResponse &response);

    /// "GET", "POST", ...
    static QString methodName(HttpMethod method);

    /// The standard reason phrase for `status` ("Not Found"), or empty when unknown. HTTP/2
    /// responses carry none, so messages fall back to this.
    static QString standardReason(int status);
};

} // namespace sasquatch
