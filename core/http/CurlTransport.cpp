// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/http/CurlTransport.h"

#include "core/http/GzipCodec.h"
#include "core/http/UrlBuilder.h"

#include <QByteArrayList>

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <vector>

namespace sasquatch {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kPollMs = 50;
constexpr milliseconds kProgressInterval{100};
constexpr std::size_t kMaxIdleHandles = 8;
// libcurl's receive buffer (default 16 KiB). Query bodies run to hundreds of MB: a larger buffer
// means fewer recv() calls and fewer body callbacks, each of which feeds a parser
// (bench_queryflux). 512 KiB is the largest size every libcurl since 7.53 accepts.
constexpr long kReceiveBufferBytes = 512L * 1024;

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One reusable pair: the multi handle owns the connection cache, so keeping the pair keeps
// the connections.
struct Handle
{
    CURLM *multi = nullptr;
    CURL *easy = nullptr;
    Handle() : multi(curl_multi_init()), easy(curl_easy_init()) {}
    ~Handle()
    {
        if (easy)
            curl_easy_cleanup(easy);
        if (multi)
            curl_multi_cleanup(multi);
    }
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
};

// State shared with libcurl's callbacks for one transfer.
struct Transfer
{
    const BodySink *sink = nullptr;
    const ProgressSink *progress = nullptr;
    HttpResponse *response = nullptr;
    bool sinkStopped = false;
    bool sinkThrew = false;
    Clock::time_point lastActivity = Clock::now();
    Clock::time_point lastProgress{};
    HttpProgress latest;
};

std::size_t onHeader(char *data, std::size_t size, std::size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const std::size_t n = size * count;
    t->lastActivity = Clock::now();
    const QByteArray line = QByteArray(data, static_cast<qsizetype>(n)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new status line: an interim 1xx or a followed redirect came before. Keep only
        // the headers of the final response.
        const QList<QByteArray> parts = line.split(' ');
        t->response->status = parts.value(1).toInt();
        t->response->reason = parts.size() > 2 ? line.mid(parts[0].size() + parts[1].size() + 2) : QByteArray();
        t->response->headers.clear();
        return n;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        t->response->headers.emplace_back(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    return n;
}

std::size_t onBody(char *data, std::size_t size, std::size_t count, void *user)
{
    auto *t = static_cast<Transfer *>(user);
    const std::size_t n = size * count;
    t->lastActivity = Clock::now();
    t->response->bytesReceived += static_cast<std::int64_t>(n);
    if (t->sink && *t->sink && t->response->status < 400) {
        try {
            if (!(*t->sink)(data, n)) {
                t->sinkStopped = true;
                return 0; // makes libcurl stop with CURLE_WRITE_ERROR
            }
        } catch (...) {
            t->sinkStopped = true;
            t->sinkThrew = true;
            return 0;
        }
        return n;
    }
    t->response->body.append(data, static_cast<qsizetype>(n));
    return n;
}

int onProgress(void *user, curl_off_t dlTotal, curl_off_t dlNow, curl_off_t ulTotal, curl_off_t ulNow)
{
    auto *t = static_cast<Transfer *>(user);
    if (dlNow != t->latest.bytesReceived || ulNow != t->latest.bytesSent)
        t->lastActivity = Clock::now();
    t->latest.bytesReceived = dlNow;
    t->latest.bytesExpected = dlTotal > 0 ? dlTotal : -1;
    t->latest.bytesSent = ulNow;
    t->latest.bytesToSend = ulTotal;
    const auto now = Clock::now();
    if (t->progress && *t->progress && now - t->lastProgress >= kProgressInterval) {
        t->lastProgress = now;
        (*t->progress)(t->latest);
    }
    return 0;
}

// libcurl honours http_proxy/https_proxy from the environment, which users behind a site
// proxy rely on. Loopback never goes through a proxy, whatever no_proxy says: the local
// demo stack and the tests live there. CURLOPT_NOPROXY replaces the variable, so keep its
// entries too.
const QByteArray &noProxyList()
{
    static const QByteArray list = [] {
        QByteArray fromEnv = qgetenv("no_proxy");
        if (fromEnv.isEmpty())
            fromEnv = qgetenv("NO_PROXY");
        QByteArray out = "localhost,127.0.0.1,::1";
        if (!fromEnv.trimmed().isEmpty())
            out += ',' + fromEnv.trimmed();
        return out;
    }();
    return list;
}

HttpErrorKind kindOf(CURLcode code)
{
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return HttpErrorKind::Timeout;
    default:
        return HttpErrorKind::Transport;
    }
}

QByteArray methodVerb(HttpMethod m)
{
    switch (m) {
    case HttpMethod::Get: return "GET";
    case HttpMethod::Head: return "HEAD";
    case HttpMethod::Post: return "POST";
    case HttpMethod::Put: return "PUT";
    case HttpMethod::Patch: return "PATCH";
    case HttpMethod::Delete: return "DELETE";
    }
    return "GET";
}

} // namespace

struct CurlTransport::Pool
{
    std::mutex mutex;
    std::vector<std::unique_ptr<Handle>> idle;

    std::unique_ptr<Handle> take()
    {
        {
            std::lock_guard lock(mutex);
            if (!idle.empty()) {
                auto h = std::move(idle.back());
                idle.pop_back();
                return h;
            }
        }
        auto h = std::make_unique<Handle>();
        return h->multi && h->easy ? std::move(h) : nullptr;
    }

    void give(std::unique_ptr<Handle> h)
    {
        std::lock_guard lock(mutex);
        if (idle.size() < kMaxIdleHandles)
            idle.push_back(std::move(h));
    }
};

CurlTransport::CurlTransport() : m_pool(std::make_unique<Pool>())
{
    initCurlOnce();
}

CurlTransport::~CurlTransport() = default;

QString CurlTransport::libraryVersion()
{
    initCurlOnce();
    return QString::fromLatin1(curl_version());
}

HttpResult CurlTransport::perform(const HttpRequest &request, const BodySink &sink,
                                  const ProgressSink &progress, const CancelToken &cancel)
{
    HttpResult result;
    if (cancel.isCancelled()) {
        result.errorKind = HttpErrorKind::Cancelled;
        result.transportError = QStringLiteral("cancelled before it started");
        return result;
    }
    std::unique_ptr<Handle> handle = m_pool->take();
    if (!handle) {
        result.errorKind = HttpErrorKind::Transport;
        result.transportError = QStringLiteral("libcurl could not create a handle");
        return result;
    }
    CURL *easy = handle->easy;
    curl_easy_reset(easy);

    Transfer transfer;
    transfer.sink = &sink;
    transfer.progress = &progress;
    transfer.response = &result.response;

    const QByteArray url = request.url.toUtf8();
    const QByteArray user = request.username.toUtf8();
    const QByteArray password = request.password.toUtf8();
    const QByteArray caFile = request.caFile.toLocal8Bit();
    const QByteArray body = request.gzipBody && !request.body.isEmpty() ? GzipCodec::compress(request.body)
                                                                         : request.body;
    char errorBuffer[CURL_ERROR_SIZE] = {};

    curl_slist *headers = nullptr;
    bool hasContentType = false;
    for (const auto &[name, value] : request.headers) {
        hasContentType = hasContentType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        headers = curl_slist_append(headers, QByteArray(name + ": " + value).constData());
    }
    // libcurl labels every POST body application/x-www-form-urlencoded unless told otherwise,
    // and Go servers (InfluxDB) parse such bodies as forms. Send no type rather than a wrong one.
    if (!hasContentType)
        headers = curl_slist_append(headers, "Content-Type:");
    if (request.gzipBody && !request.body.isEmpty())
        headers = curl_slist_append(headers, "Content-Encoding: gzip");
    // A round-trip saved per upload; every server we talk to reads bodies without it.
    headers = curl_slist_append(headers, "Expect:");

    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_NOPROXY, noProxyList().constData());
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(easy, CURLOPT_USERAGENT, "SasquatchBrowser/" SASQUATCH_VERSION);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, kReceiveBufferBytes);
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connectTimeout.count()));
    if (request.totalTimeout.count() > 0)
        curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.totalTimeout.count()));
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, request.verifyTls ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, request.verifyTls ? 2L : 0L);
    if (!caFile.isEmpty())
        curl_easy_setopt(easy, CURLOPT_CAINFO, caFile.constData());
    if (request.acceptGzip)
        curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, request.maxRedirects > 0 ? 1L : 0L);
    curl_easy_setopt(easy, CURLOPT_MAXREDIRS, static_cast<long>(std::max(0, request.maxRedirects)));
    if (!user.isEmpty()) {
        curl_easy_setopt(easy, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
        curl_easy_setopt(easy, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(easy, CURLOPT_PASSWORD, password.constData());
    }

    switch (request.method) {
    case HttpMethod::Get:
        curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
        break;
    case HttpMethod::Head:
        curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
        break;
    default:
        if (request.method != HttpMethod::Post)
            curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, methodVerb(request.method).constData());
        if (request.method == HttpMethod::Post || !body.isEmpty()) {
            curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
            curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.constData());
        }
        break;
    }

    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &onBody);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, &onProgress);
    curl_easy_setopt(easy, CURLOPT_XFERINFODATA, &transfer);
    curl_easy_setopt(easy, CURLOPT_NOPROGRESS, 0L);

    enum class Stop { None, Cancelled, Stalled } stop = Stop::None;
    CURLcode code = CURLE_OK;
    curl_multi_add_handle(handle->multi, easy);
    transfer.lastActivity = Clock::now();
    for (bool done = false; !done;) {
        int running = 0;
        const CURLMcode mc = curl_multi_perform(handle->multi, &running);
        if (mc != CURLM_OK) {
            code = CURLE_FAILED_INIT;
            snprintf(errorBuffer, sizeof errorBuffer, "%s", curl_multi_strerror(mc));
            break;
        }
        int queued = 0;
        while (CURLMsg *msg = curl_multi_info_read(handle->multi, &queued)) {
            if (msg->msg == CURLMSG_DONE) {
                code = msg->data.result;
                done = true;
            }
        }
        if (done)
            break;
        if (cancel.isCancelled()) {
            stop = Stop::Cancelled;
            break;
        }
        if (request.stallTimeout.count() > 0 && Clock::now() - transfer.lastActivity > request.stallTimeout) {
            stop = Stop::Stalled;
            break;
        }
        curl_multi_poll(handle->multi, nullptr, 0, kPollMs, nullptr);
    }
    curl_multi_remove_handle(handle->multi, easy);
    curl_slist_free_all(headers);

    char *effective = nullptr;
    if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective)
        result.response.effectiveUrl = UrlBuilder::redacted(QString::fromUtf8(effective));
    if (transfer.progress && *transfer.progress)
        (*transfer.progress)(transfer.latest);

    if (stop == Stop::Cancelled) {
        result.errorKind = HttpErrorKind::Cancelled;
        result.transportError = QStringLiteral("cancelled");
    } else if (stop == Stop::Stalled) {
        result.errorKind = HttpErrorKind::Timeout;
        result.transportError = QStringLiteral("no data moved for %1 ms").arg(request.stallTimeout.count());
    } else if (transfer.sinkStopped) {
        result.errorKind = HttpErrorKind::Aborted;
        result.transportError = transfer.sinkThrew ? QStringLiteral("the body receiver failed with an exception")
                                                   : QStringLiteral("the body receiver stopped the transfer");
    } else if (code != CURLE_OK) {
        result.errorKind = kindOf(code);
        result.transportError = errorBuffer[0] ? QString::fromUtf8(errorBuffer)
                                               : QString::fromUtf8(curl_easy_strerror(code));
    }
    // Remember the handle (and its live connection) only after a clean finish; an aborted
    // transfer may leave the connection mid-response.
    if (stop == Stop::None && code == CURLE_OK)
        m_pool->give(std::move(handle));
    return result;
}

} // namespace sasquatch
