// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/InfluxUploader.h"

#include "core/http/HttpFailure.h"
#include "core/http/RetryingTransport.h"
#include "core/http/UrlBuilder.h"
#include "core/influx/InfluxClient.h"
#include "core/ingest/LineProtocolWriter.h"

namespace sasquatch {

InfluxUploader::InfluxUploader(InfluxWriteTarget target, std::shared_ptr<HttpTransport> transport, RetryPolicy policy,
                               int maxLines)
    : m_target(std::move(target)),
      m_transport(std::make_shared<RetryingTransport>(std::move(transport), policy)),
      m_maxLines(std::max(1, std::min(maxLines, kMaxLines)))
{
}

QString InfluxUploader::describe() const
{
    return QStringLiteral("InfluxDB %1 (line protocol, bucket %2)")
        .arg(UrlBuilder::redacted(m_target.profile.influxUrl),
             m_target.bucket.isEmpty() ? m_target.profile.database : m_target.bucket);
}

Outcome<HttpRequest> InfluxUploader::writeRequest(const CancelToken &cancel, bool probe)
{
    if (m_request)
        return *m_request;
    InfluxClient client(m_target.profile, m_target.secret, m_transport);
    ApiFlavour flavour = m_target.profile.api;
    if (flavour == ApiFlavour::Auto) {
        if (!probe)
            flavour = ApiFlavour::V1; // a dry run asks nothing of the server
        else if (auto f = client.flavour(cancel); f)
            flavour = *f;
        else
            return f.failure();
    }
    const QString bucket = m_target.bucket.isEmpty() ? m_target.profile.database : m_target.bucket;
    if (bucket.isEmpty())
        return Failure{QStringLiteral("Say which database to write to: --bucket DB[/RP] (or a profile with a database).")};
    HttpRequest r;
    if (flavour == ApiFlavour::V2) {
        r = client.makeRequest(HttpMethod::Post, QStringLiteral("/api/v2/write"),
                               {{QStringLiteral("org"), m_target.profile.org},
                                {QStringLiteral("bucket"), bucket},
                                {QStringLiteral("precision"), QStringLiteral("ns")}});
    } else {
        std::vector<std::pair<QString, QString>> query{{QStringLiteral("db"), bucket.section(u'/', 0, 0)}};
        if (bucket.contains(u'/'))
            query.emplace_back(QStringLiteral("rp"), bucket.section(u'/', 1));
        query.emplace_back(QStringLiteral("precision"), QStringLiteral("ns"));
        r = client.makeRequest(HttpMethod::Post, QStringLiteral("/write"), query);
    }
    r.headers.emplace_back("Content-Type", "text/plain; charset=utf-8");
    r.gzipBody = true;
    r.totalTimeout = std::chrono::milliseconds(120'000);
    if (probe)
        m_request = r;
    return r;
}

std::vector<InfluxUploader::Line> InfluxUploader::linesToSend(const UploadPlan &plan, UploadLedger &ledger,
                                                              bool markUnwritable) const
{
    std::vector<Line> lines;
    for (const PlannedTopic &topic : plan.topics())
        for (int i : ledger.toSend(topic)) {
            Line line{i, {}};
            if (LineProtocolWriter::append(topic.topic, plan.record(i), line.text, &topic.schema))
                lines.push_back(std::move(line));
            else if (markUnwritable)
                ledger.fail(i, QStringLiteral("no field has a value: InfluxDB needs at least one"));
        }
    return lines;
}

std::vector<PlannedSend> InfluxUploader::dryRun(const UploadPlan &plan, const UploadLedger &ledger)
{
    std::vector<PlannedSend> sends;
    UploadLedger scratch = ledger;
    const std::vector<Line> lines = linesToSend(plan, scratch, false);
    const auto request = writeRequest({}, false);
    const QString target = request ? QStringLiteral("POST %1").arg(UrlBuilder::redacted(request->url))
                                   : QStringLiteral("POST (no target: %1)").arg(request.error());
    for (std::size_t start = 0; start < lines.size(); start += std::size_t(m_maxLines)) {
        PlannedSend send;
        send.target = target;
        send.headers << QStringLiteral("Content-Type: text/plain; charset=utf-8") << QStringLiteral("Content-Encoding: gzip");
        const std::size_t end = std::min(lines.size(), start + std::size_t(m_maxLines));
        for (std::size_t k = start; k < end; ++k)
            send.body.append(lines[k].text.data(), qsizetype(lines[k].text.size()));
        send.records = qsizetype(end - start);
        sends.push_back(std::move(send));
    }
    return sends;
}

bool InfluxUploader::send(std::vector<Line> &lines, std::size_t begin, std::size_t end, UploadLedger &ledger,
                          const CancelToken &cancel, const std::function<void()> &report)
{
    if (begin >= end)
        return true;
    if (cancel.isCancelled()) {
        for (std::size_t k = begin; k < end; ++k)
            ledger.fail(lines[k].planned, QStringLiteral("cancelled before it was sent"));
        return false;
    }
    HttpRequest r = *m_request;
    std::size_t bytes = 0;
    for (std::size_t k = begin; k < end; ++k)
        bytes += lines[k].text.size();
    r.body.reserve(qsizetype(bytes));
    for (std::size_t k = begin; k < end; ++k) {
        r.body.append(lines[k].text.data(), qsizetype(lines[k].text.size()));
        ledger.markSent(lines[k].planned);
    }
    const HttpResult result = m_transport->perform(r, {}, {}, cancel);
    const int status = result.response.status;
    if (result.succeeded()) {
        for (std::size_t k = begin; k < end; ++k)
            ledger.acknowledge(lines[k].planned);
        report();
        return true;
    }
    const QString message = HttpFailure::from(r, result).message;
    const QString server = HttpFailure::serverMessage(result.response).toLower();
    const bool lineProblem = status == 422
                             || (status == 400
                                 && (server.contains(u"partial write") || server.contains(u"parse")
                                     || server.contains(u"conflict") || server.contains(u"dropped")
                                     || server.contains(u"retention")));
    if ((status == 413 || lineProblem) && end - begin > 1) {
        const std::size_t mid = begin + (end - begin) / 2;
        return send(lines, begin, mid, ledger, cancel, report) && send(lines, mid, end, ledger, cancel, report);
    }
    if (status == 413 || lineProblem) {
        const QString line = QString::fromUtf8(lines[begin].text.data(), qsizetype(lines[begin].text.size())).trimmed();
        ledger.fail(lines[begin].planned, QStringLiteral("InfluxDB dropped the line \"%1\": %2")
                                              .arg(line.size() > 200 ? line.left(200) + QStringLiteral("…") : line, message));
        report();
        return true;
    }
    for (std::size_t k = begin; k < end; ++k)
        ledger.fail(lines[k].planned, message);
    report();
    // An unknown database or refused credentials will not change for the next batch.
    if (status == 404 || status == 401 || status == 403 || result.errorKind == HttpErrorKind::Cancelled) {
        m_fatal = message;
        return false;
    }
    return true;
}

void InfluxUploader::upload(const UploadPlan &plan, UploadLedger &ledger, const CancelToken &cancel,
                            const UploadProgressSink &progress)
{
    QString activity;
    const auto report = [&]() {
        if (progress)
            progress(UploadProgress{ledger.acknowledged(), ledger.failed(), ledger.sendable(), activity});
    };
    std::vector<Line> lines = linesToSend(plan, ledger, true);
    if (lines.empty()) {
        report();
        return;
    }
    activity = QStringLiteral("connecting to %1").arg(UrlBuilder::redacted(m_target.profile.influxUrl));
    report();
    const auto request = writeRequest(cancel, true);
    if (!request) {
        for (const Line &l : lines)
            ledger.fail(l.planned, request.error());
        report();
        return;
    }
    m_fatal.clear();
    for (std::size_t start = 0; start < lines.size(); start += std::size_t(m_maxLines)) {
        const std::size_t end = std::min(lines.size(), start + std::size_t(m_maxLines));
        if (!m_fatal.isEmpty() || cancel.isCancelled()) {
            for (std::size_t k = start; k < end; ++k)
                ledger.fail(lines[k].planned, m_fatal.isEmpty() ? QStringLiteral("cancelled before it was sent") : m_fatal);
            continue;
        }
        activity = QStringLiteral("writing lines %1-%2 of %3").arg(start + 1).arg(end).arg(lines.size());
        report();
        send(lines, start, end, ledger, cancel, report);
    }
    // Lines a fatal answer or a cancel left unsent are failed too: nothing stays pending.
    for (const Line &l : lines)
        if (ledger.status(l.planned).fate == RecordFate::Pending)
            ledger.fail(l.planned, m_fatal.isEmpty() ? QStringLiteral("cancelled before it was sent") : m_fatal);
    activity = QStringLiteral("done");
    report();
}

} // namespace sasquatch
