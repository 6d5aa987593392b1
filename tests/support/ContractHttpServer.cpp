// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ContractHttpServer.h"

#include "core/http/GzipEncoder.h"
#include "core/http/HttpFailure.h"
#include "tests/support/ContractRequestReader.h"
#include "tests/support/ContractSocket.h"

#include <QScopeGuard>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <list>
#include <stdexcept>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace sasquatch::test {

namespace {

struct Route
{
    QByteArray method;
    QString path;
    ContractHttpServer::Handler handler;

    bool matches(const ContractRequest &r) const
    {
        if (method != "*" && method != r.method)
            return false;
        if (path.endsWith(QLatin1Char('*')))
            return r.path.startsWith(QStringView(path).chopped(1));
        return r.path == path;
    }
};

QByteArray chunkFrame(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

ContractResponse errorJson(int status, const QString &text)
{
    const nlohmann::json body = {{"error", text.toStdString()}};
    ContractResponse r = ContractResponse::json(status, QByteArray::fromStdString(body.dump()));
    r.closeAfter = status == 400 || status == 413 || status == 431;
    return r;
}

// One piece of the response body as it goes on the wire (chunk framing included).
struct WireSegment
{
    QByteArray bytes;
    std::chrono::milliseconds delay{0};
};

} // namespace

struct ContractHttpServer::Impl
{
    // Configuration and records, guarded by mutex.
    mutable std::mutex mutex;
    mutable std::condition_variable arrived;
    std::vector<Route> routes;
    Handler fallback;
    std::vector<ContractRequest> received;
    std::vector<ContractRequest> unmatched;
    qint64 maxBodyBytes = kDefaultMaxBodyBytes;
    int connections = 0;
    std::atomic<std::int64_t> serveCpuNs{0}; // CPU time of the connection threads, as they go

    std::mutex handlerMutex; // handlers run one at a time
    ContractAddress address = ContractAddress::IPv4;
    quint16 port = 0;
    int listenFd = -1;
    int wakePipe[2] = {-1, -1};
    std::atomic<bool> running{false};
    std::thread acceptThread;
    struct Worker
    {
        std::thread thread;
        std::shared_ptr<std::atomic<bool>> done;
    };
    std::list<Worker> workers; // touched by the accept thread, then by stop() after joining it

    void acceptLoop();
    void serve(int fd, int connectionIndex);
    ContractResponse dispatch(const ContractRequest &request);
    // Sends the response; returns whether the connection may carry another request.
    bool respond(ContractSocket &socket, const ContractRequest &request, ContractResponse response);
};

ContractHttpServer::ContractHttpServer() : m_impl(std::make_unique<Impl>()) {}

ContractHttpServer::~ContractHttpServer()
{
    stop();
}

Outcome<Done> ContractHttpServer::start(ContractAddress address)
{
    if (m_impl->running)
        return Failure{QStringLiteral("contract server is already running on port %1").arg(m_impl->port)};
    Impl &d = *m_impl;
    d.address = address;
    const int family = address == ContractAddress::IPv6 ? AF_INET6 : AF_INET;
    d.listenFd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (d.listenFd < 0)
        return Failure{QStringLiteral("socket(): %1").arg(QString::fromLocal8Bit(strerror(errno)))};
    int one = 1;
    ::setsockopt(d.listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    int rc = 0;
    if (family == AF_INET6) {
        sockaddr_in6 a{};
        a.sin6_family = AF_INET6;
        a.sin6_addr = in6addr_loopback;
        rc = ::bind(d.listenFd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    } else {
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        rc = ::bind(d.listenFd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    }
    if (rc != 0 || ::listen(d.listenFd, 64) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        ::close(d.listenFd);
        d.listenFd = -1;
        return Failure{QStringLiteral("cannot listen on %1 loopback: %2")
                           .arg(family == AF_INET6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4"), why)};
    }
    sockaddr_storage bound{};
    socklen_t len = sizeof bound;
    ::getsockname(d.listenFd, reinterpret_cast<sockaddr *>(&bound), &len);
    d.port = ntohs(family == AF_INET6 ? reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port
                                      : reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    if (::pipe2(d.wakePipe, O_CLOEXEC) != 0) {
        ::close(d.listenFd);
        d.listenFd = -1;
        return Failure{QStringLiteral("pipe(): %1").arg(QString::fromLocal8Bit(strerror(errno)))};
    }
    {
        std::lock_guard lock(d.mutex);
        d.connections = 0;
    }
    d.running = true;
    d.acceptThread = std::thread([&d] { d.acceptLoop(); });
    return Done{};
}

void ContractHttpServer::stop()
{
    Impl &d = *m_impl;
    if (!d.running.exchange(false))
        return;
    // Never read, so it stays readable: every poll() in every thread sees it from now on.
    const char byte = 'x';
    while (::write(d.wakePipe[1], &byte, 1) < 0 && errno == EINTR) {
    }
    d.acceptThread.join();
    for (auto &w : d.workers)
        w.thread.join();
    d.workers.clear();
    ::close(d.listenFd);
    ::close(d.wakePipe[0]);
    ::close(d.wakePipe[1]);
    d.listenFd = d.wakePipe[0] = d.wakePipe[1] = -1;
}

bool ContractHttpServer::isRunning() const { return m_impl->running; }
quint16 ContractHttpServer::port() const { return m_impl->port; }

QString ContractHttpServer::baseUrl() const
{
    const QString host = m_impl->address == ContractAddress::IPv6 ? QStringLiteral("[::1]")
                                                                   : QStringLiteral("127.0.0.1");
    return QStringLiteral("http://%1:%2").arg(host).arg(m_impl->port);
}

QString ContractHttpServer::url(const QString &pathAndQuery) const
{
    return baseUrl() + pathAndQuery;
}

void ContractHttpServer::on(const QByteArray &method, const QString &path, Handler handler)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->routes.push_back({method, path, std::move(handler)});
}

void ContractHttpServer::on(const QByteArray &method, const QString &path, const ContractResponse &response)
{
    on(method, path, [response](const ContractRequest &) { return response; });
}

void ContractHttpServer::onSequence(const QByteArray &method, const QString &path,
                                    std::vector<ContractResponse> responses)
{
    if (responses.empty())
        responses.push_back(errorJson(500, QStringLiteral("contract server: empty response sequence")));
    auto next = std::make_shared<std::size_t>(0);
    on(method, path, [responses = std::move(responses), next](const ContractRequest &) {
        const std::size_t i = std::min(*next, responses.size() - 1);
        ++*next;
        return responses[i];
    });
}

void ContractHttpServer::setFallback(Handler handler)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->fallback = std::move(handler);
}

void ContractHttpServer::clearRoutes()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->routes.clear();
}

void ContractHttpServer::setMaxBodyBytes(qint64 bytes)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->maxBodyBytes = bytes;
}

std::vector<ContractRequest> ContractHttpServer::requests() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->received;
}

std::vector<ContractRequest> ContractHttpServer::requestsTo(const QString &path) const
{
    std::lock_guard lock(m_impl->mutex);
    std::vector<ContractRequest> out;
    for (const auto &r : m_impl->received)
        if (r.path == path)
            out.push_back(r);
    return out;
}

std::vector<ContractRequest> ContractHttpServer::unmatchedRequests() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->unmatched;
}

int ContractHttpServer::requestCount() const
{
    std::lock_guard lock(m_impl->mutex);
    return static_cast<int>(m_impl->received.size());
}

double ContractHttpServer::cpuSeconds() const
{
    return double(m_impl->serveCpuNs.load()) / 1e9;
}

int ContractHttpServer::connectionCount() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->connections;
}

bool ContractHttpServer::waitForRequests(int count, std::chrono::milliseconds timeout) const
{
    std::unique_lock lock(m_impl->mutex);
    return m_impl->arrived.wait_for(lock, timeout, [this, count] {
        return static_cast<int>(m_impl->received.size()) >= count;
    });
}

void ContractHttpServer::clearRequests()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->received.clear();
    m_impl->unmatched.clear();
}

void ContractHttpServer::Impl::acceptLoop()
{
    int index = 0;
    for (;;) {
        pollfd fds[2] = {{listenFd, POLLIN, 0}, {wakePipe[0], POLLIN, 0}};
        const int rc = ::poll(fds, 2, -1);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc < 0 || fds[1].revents != 0)
            return;
        const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0)
            continue;
        {
            std::lock_guard lock(mutex);
            index = ++connections;
        }
        // Reap finished connection threads so long test runs do not pile them up.
        for (auto it = workers.begin(); it != workers.end();) {
            if (it->done->load()) {
                it->thread.join();
                it = workers.erase(it);
            } else {
                ++it;
            }
        }
        auto done = std::make_shared<std::atomic<bool>>(false);
        workers.push_back({std::thread([this, fd, index, done] {
                               serve(fd, index);
                               done->store(true);
                           }),
                           done});
    }
}

void ContractHttpServer::Impl::serve(int fd, int connectionIndex)
{
    ContractSocket socket(fd, wakePipe[0]);
    ContractRequestReader reader(socket);
    // This thread's CPU time goes into serveCpuNs after every response and at the end.
    const auto threadNs = [] {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
    };
    std::int64_t counted = threadNs();
    const auto countCpu = [&] {
        const std::int64_t now = threadNs();
        serveCpuNs += now - counted;
        counted = now;
    };
    const auto countAtExit = qScopeGuard(countCpu);
    for (int n = 1;; ++n) {
        ContractRequest request;
        request.connection = connectionIndex;
        request.indexOnConnection = n;
        qint64 limit = 0;
        {
            std::lock_guard lock(mutex);
            limit = maxBodyBytes;
        }
        const int problem = reader.read(request, limit);
        if (problem < 0)
            return;
        if (problem > 0) {
            const QString why = problem == 413 ? QStringLiteral("request body too large")
                : problem == 431               ? QStringLiteral("request head too large")
                                               : QStringLiteral("malformed request");
            respond(socket, request, errorJson(problem, QStringLiteral("contract server: ") + why));
            return;
        }
        ContractResponse response = dispatch(request);
        const bool more = respond(socket, request, std::move(response));
        countCpu();
        if (!more)
            return;
    }
}

ContractResponse ContractHttpServer::Impl::dispatch(const ContractRequest &request)
{
    Handler handler;
    {
        std::lock_guard lock(mutex);
        received.push_back(request);
        for (auto it = routes.rbegin(); it != routes.rend(); ++it)
            if (it->matches(request)) {
                handler = it->handler;
                break;
            }
        if (!handler) {
            unmatched.push_back(request);
            handler = fallback;
        }
    }
    arrived.notify_all();
    if (!handler)
        return errorJson(404, QStringLiteral("contract server: no route for %1 %2")
                                  .arg(QString::fromLatin1(request.method), request.path));
    std::lock_guard serial(handlerMutex);
    try {
        return handler(request);
    } catch (const std::exception &e) {
        // A test's handler bug shows up as a 500 naming it, not as a dead server thread.
        return errorJson(500, QStringLiteral("contract server: handler threw: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        return errorJson(500, QStringLiteral("contract server: handler threw"));
    }
}

bool ContractHttpServer::Impl::respond(ContractSocket &socket, const ContractRequest &request,
                                       ContractResponse response)
{
    if (response.fault == ContractFault::CloseWithoutResponse)
        return false;
    if (!socket.sleepFor(response.delayBeforeHeaders))
        return false;
    if (!response.raw.isEmpty()) {
        socket.writeAll(response.raw);
        return false; // we cannot know where a hand-written response ends
    }

    const bool head = request.method == "HEAD";
    const bool noBody = response.status == 204 || response.status == 304 || response.status < 200;
    const bool gzip = !noBody
        && (response.compression == ContractCompression::Always
            || (response.compression == ContractCompression::GzipIfAccepted
                && ContractRequestReader::hasToken(request.header("accept-encoding"), "gzip")));
    ContractFraming framing = response.framing;
    if (response.producer && framing == ContractFraming::ContentLength)
        framing = ContractFraming::Chunked;
    const bool closing = response.closeAfter || framing == ContractFraming::CloseDelimited
        || ContractRequestReader::hasToken(request.header("connection"), "close") || response.fault != ContractFault::None;

    // Without a producer the whole body is known: encode it now so that Content-Length is
    // exact and faults can cut it in half.
    std::vector<WireSegment> segments;
    qint64 entityLength = 0;
    GzipEncoder encoder;
    const auto encodePiece = [&](const QByteArray &plain, bool last) {
        QByteArray bytes = plain;
        if (gzip) {
            bytes = encoder.write(plain, GzipFlush::Sync);
            if (last)
                bytes += encoder.finish();
        }
        return bytes;
    };
    if (!response.producer && !noBody) {
        std::vector<ContractChunk> pieces = response.chunks;
        if (pieces.empty())
            pieces.push_back({response.body, std::chrono::milliseconds(0)});
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const QByteArray bytes = encodePiece(pieces[i].data, i + 1 == pieces.size());
            entityLength += bytes.size();
            // An empty chunk would end a chunked body early; only its delay is kept.
            segments.push_back({framing == ContractFraming::Chunked && !bytes.isEmpty() ? chunkFrame(bytes) : bytes,
                                pieces[i].delay});
        }
        if (framing == ContractFraming::Chunked)
            segments.push_back({"0\r\n\r\n", std::chrono::milliseconds(0)});
    }

    QByteArray reason = response.reason.isEmpty() ? HttpFailure::standardReason(response.status).toLatin1()
                                                   : response.reason;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (gzip)
        out += "Content-Encoding: gzip\r\n";
    if (!noBody) {
        if (framing == ContractFraming::Chunked)
            out += "Transfer-Encoding: chunked\r\n";
        else if (framing == ContractFraming::ContentLength)
            out += "Content-Length: " + QByteArray::number(entityLength) + "\r\n";
    }
    if (closing && response.fault == ContractFault::None)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!socket.writeAll(out))
        return false;
    if (head || noBody)
        return !closing;

    if (response.producer) {
        bool first = true;
        for (QByteArray piece = response.producer(); !piece.isEmpty(); piece = response.producer()) {
            const QByteArray bytes = encodePiece(piece, false);
            // A produced body can be hundreds of MB (the query benchmarks): frame each piece
            // with a gathering write instead of copying it into a framed buffer, so the
            // server costs less of the CPU the client under test needs.
            const bool written = bytes.isEmpty()
                                 || (framing == ContractFraming::Chunked
                                         ? socket.writeChunk(bytes.constData(), std::size_t(bytes.size()))
                                         : socket.writeAll(bytes));
            if (!written)
                return false;
            // With a producer the length is unknown: "half way" is after the first piece.
            if (first && response.fault == ContractFault::StallMidBody && !socket.sleepFor(response.stall))
                return false;
            if (first && (response.fault == ContractFault::TruncateBody || response.fault == ContractFault::ResetMidBody)) {
                if (response.fault == ContractFault::ResetMidBody)
                    socket.reset();
                return false;
            }
            first = false;
        }
        QByteArray tail = gzip ? encoder.finish() : QByteArray();
        if (framing == ContractFraming::Chunked)
            tail = (tail.isEmpty() ? QByteArray() : chunkFrame(tail)) + "0\r\n\r\n";
        return socket.writeAll(tail) && !closing;
    }

    qint64 wireTotal = 0;
    for (const auto &s : segments)
        wireTotal += s.bytes.size();
    const qint64 half = wireTotal / 2;
    qint64 sent = 0;
    for (const auto &s : segments) {
        if (!socket.sleepFor(s.delay))
            return false;
        QByteArray bytes = s.bytes;
        if (response.fault != ContractFault::None && sent <= half && sent + bytes.size() > half) {
            const qsizetype cut = static_cast<qsizetype>(half - sent);
            if (!socket.writeAll(bytes.left(cut)))
                return false;
            if (response.fault == ContractFault::TruncateBody)
                return false;
            if (response.fault == ContractFault::ResetMidBody) {
                socket.reset();
                return false;
            }
            if (!socket.sleepFor(response.stall))
                return false;
            bytes = bytes.mid(cut);
            sent += cut;
        }
        if (!socket.writeAll(bytes))
            return false;
        sent += bytes.size();
    }
    return !closing;
}

} // namespace sasquatch::test
