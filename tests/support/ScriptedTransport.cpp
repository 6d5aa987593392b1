// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ScriptedTransport.h"

#include "core/http/HttpFailure.h"

namespace sasquatch::test {

void ScriptedTransport::enqueueResponse(int status, const QByteArray &body, HttpHeaders headers,
                                        qsizetype pieceSize)
{
    Reply reply;
    reply.result.response.status = status;
    reply.result.response.reason = HttpFailure::standardReason(status).toLatin1();
    reply.result.response.headers = std::move(headers);
    if (pieceSize <= 0)
        pieceSize = std::max<qsizetype>(1, body.size());
    for (qsizetype at = 0; at < body.size(); at += pieceSize)
        reply.pieces.push_back(body.mid(at, pieceSize));
    enqueue(std::move(reply));
}

void ScriptedTransport::enqueueError(HttpErrorKind kind, const QString &message)
{
    Reply reply;
    reply.result.errorKind = kind;
    reply.result.transportError = message;
    enqueue(std::move(reply));
}

void ScriptedTransport::enqueue(Reply reply)
{
    std::lock_guard lock(m_mutex);
    m_replies.push_back(std::move(reply));
}

HttpResult ScriptedTransport::perform(const HttpRequest &request, const BodySink &sink,
                                      const ProgressSink &progress, const CancelToken &cancel)
{
    Reply reply;
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(request);
        if (m_replies.empty()) {
            HttpResult none;
            none.errorKind = HttpErrorKind::Transport;
            none.transportError = QStringLiteral("ScriptedTransport: no reply scripted for %1 %2")
                                      .arg(HttpFailure::methodName(request.method), request.url);
            return none;
        }
        reply = std::move(m_replies.front());
        m_replies.pop_front();
    }
    if (cancel.isCancelled()) {
        HttpResult cancelled;
        cancelled.errorKind = HttpErrorKind::Cancelled;
        cancelled.transportError = QStringLiteral("cancelled");
        return cancelled;
    }

    HttpResult result = std::move(reply.result);
    result.response.effectiveUrl = request.url;
    // An error with pieces models a connection lost mid-body: the pieces arrive first.
    const HttpErrorKind endsWith = result.errorKind;
    result.errorKind = HttpErrorKind::None;
    HttpProgress p;
    for (const QByteArray &piece : reply.pieces) {
        p.bytesReceived += piece.size();
        result.response.bytesReceived += piece.size();
        if (sink && result.response.status < 400) {
            if (!sink(piece.constData(), static_cast<std::size_t>(piece.size()))) {
                result.errorKind = HttpErrorKind::Aborted;
                result.transportError = QStringLiteral("the body sink stopped the transfer");
                return result;
            }
        } else {
            result.response.body += piece;
        }
        if (progress)
            progress(p);
        if (cancel.isCancelled()) {
            result.errorKind = HttpErrorKind::Cancelled;
            result.transportError = QStringLiteral("cancelled");
            return result;
        }
    }
    result.errorKind = endsWith;
    return result;
}

std::vector<HttpRequest> ScriptedTransport::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

int ScriptedTransport::callCount() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_requests.size());
}

qsizetype ScriptedTransport::pendingReplies() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<qsizetype>(m_replies.size());
}

} // namespace sasquatch::test
