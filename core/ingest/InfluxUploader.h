// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"
#include "core/ingest/Uploader.h"

#include <memory>
#include <optional>
#include <string>

namespace sasquatch {

/// Where InfluxDB writes go: a profile, its secret and the bucket (`db[/rp]` on 1.x, a bucket
/// name on 2.x; empty = the profile's database).
struct InfluxWriteTarget
{
    ConnectionProfile profile;
    QString secret;
    QString bucket;
};

/// Writes records straight to InfluxDB as line protocol: 1.x `POST /write?db=&rp=&precision=ns`,
/// 2.x `POST /api/v2/write?org=&bucket=&precision=ns`, gzip-compressed, at most kMaxLines per
/// request. 413 splits the batch in two. A 400/422 that names lines (a partial write: parse
/// errors, field type conflicts, points beyond retention) is narrowed down by halving the
/// batch until each refused line stands alone with the server's message; the lines InfluxDB
/// took are acknowledged (writing a point again overwrites it with the same values, so the
/// halving duplicates nothing). 404 (unknown database) and 401/403 fail every remaining record
/// with the server's message. 429/5xx/timeouts are retried with backoff.
class InfluxUploader final : public Uploader
{
public:
    static constexpr int kMaxLines = 5000;

    InfluxUploader(InfluxWriteTarget target, std::shared_ptr<HttpTransport> transport,
                   RetryPolicy policy = defaultRetryPolicy(), int maxLines = kMaxLines);

    QString describe() const override;
    std::vector<PlannedSend> dryRun(const UploadPlan &plan, const UploadLedger &ledger) override;
    void upload(const UploadPlan &plan, UploadLedger &ledger, const CancelToken &cancel,
                const UploadProgressSink &progress) override;

private:
    struct Line
    {
        int planned;
        std::string text;
    };
    /// The write request without body; flavour found by /ping when the profile says Auto.
    Outcome<HttpRequest> writeRequest(const CancelToken &cancel, bool probe);
    std::vector<Line> linesToSend(const UploadPlan &plan, UploadLedger &ledger, bool markUnwritable) const;
    /// Sends lines[begin, end); false when nothing more should be sent (a fatal answer).
    bool send(std::vector<Line> &lines, std::size_t begin, std::size_t end, UploadLedger &ledger,
              const CancelToken &cancel, const std::function<void()> &report);

    InfluxWriteTarget m_target;
    std::shared_ptr<HttpTransport> m_transport;
    int m_maxLines;
    std::optional<HttpRequest> m_request;
    QString m_fatal;
};

} // namespace sasquatch
