// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/http/HttpTransport.h"

#include <deque>
#include <mutex>
#include <vector>

namespace sasquatch::test {

/// An HttpTransport that answers from a script, for unit tests of clients that need no
/// socket at all. Each perform() takes the next scripted reply; bodies of replies with
/// status < 400 are streamed to the BodySink (in the scripted pieces) exactly as a real
/// transport does, error bodies land in response.body. Thread-safe.
class ScriptedTransport final : public HttpTransport
{
public:
    struct Reply
    {
        HttpResult result;               ///< status, headers, error kind
        /// Body, delivered to the sink piece by piece. With an error kind set, the pieces
        /// arrive first and the error ends the transfer (a connection lost mid-body).
        std::vector<QByteArray> pieces;
    };

    /// A response with `status` and `body` (streamed in pieces of `pieceSize`, 0 = one piece).
    void enqueueResponse(int status, const QByteArray &body, HttpHeaders headers = {},
                         qsizetype pieceSize = 0);
    /// A failure before any response: Transport, Timeout...
    void enqueueError(HttpErrorKind kind, const QString &message);
    void enqueue(Reply reply);

    HttpResult perform(const HttpRequest &request, const BodySink &sink = {},
                       const ProgressSink &progress = {}, const CancelToken &cancel = {}) override;

    std::vector<HttpRequest> requests() const;
    int callCount() const;
    qsizetype pendingReplies() const;

private:
    mutable std::mutex m_mutex;
    std::deque<Reply> m_replies;
    std::vector<HttpRequest> m_requests;
};

} // namespace sasquatch::test
