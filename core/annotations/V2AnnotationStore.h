// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationStore.h"
#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"

#include <QMutex>
#include <QStringList>

#include <memory>

namespace sasquatch {

class InfluxClient;

/// Annotations through InfluxDB 2.x's annotations API (OSS 2.1+), as the InfluxDB UI keeps them:
///   POST   /api/v2private/annotations?orgID=      [AnnotationCreate]  -> 200 [AnnotationEvent]
///   GET    /api/v2private/annotations?orgID=&startTime=&endTime=&stickerIncludes[k]=v
///                                                                     -> 200 [{stream, annotations}]
///   GET    /api/v2private/annotations/{id}                            -> 200 AnnotationEvent
///   PUT    /api/v2private/annotations/{id}        AnnotationCreate    -> 200 AnnotationEvent
///   DELETE /api/v2private/annotations/{id}                            -> 204
///   PUT    /api/v2private/streams?orgID=          {stream, description} (create or update)
///   GET    /api/v2private/streams?orgID=                              -> 200 [ReadStream]
/// The organisation id comes from GET /api/v2/orgs?org=<profile org>. See V2AnnotationJson for
/// how text, colour and tags map onto summary, message and stickers.
class V2AnnotationStore final : public AnnotationStore
{
public:
    /// The stream the InfluxDB UI writes to when none is chosen.
    static inline const QString kDefaultStream = QStringLiteral("default");
    /// The list API returns only annotations lying wholly inside [startTime, endTime]
    /// (annotations/service.go); to find those that overlap the asked range it asks for this
    /// much more on both sides and keeps the overlapping ones. Longer ranges that straddle the
    /// asked range are missed.
    static constexpr std::int64_t kListMarginNs = 30LL * 24 * 3600 * 1'000'000'000;

    /// `secret` is the 2.x token. New annotations go to `stream`.
    V2AnnotationStore(ConnectionProfile profile, QString secret, std::shared_ptr<HttpTransport> transport,
                      QString stream = kDefaultStream);

    QString description() const override;
    Outcome<std::vector<Annotation>> list(const AnnotationFilter &filter, const CancelToken &cancel = {}) override;
    Outcome<Annotation> find(const QString &id, const CancelToken &cancel = {}) override;
    Outcome<Annotation> create(const Annotation &annotation, const CancelToken &cancel = {}) override;
    Outcome<Annotation> update(const Annotation &annotation, const CancelToken &cancel = {}) override;
    Outcome<Done> remove(const QString &id, const CancelToken &cancel = {}) override;

    /// Names of the organisation's streams (GET /api/v2private/streams).
    Outcome<QStringList> listStreams(const CancelToken &cancel = {});

private:
    InfluxClient client() const;
    Outcome<QString> orgId(const CancelToken &cancel);
    /// PUT /api/v2private/streams once per store, so the stream exists with our description.
    Outcome<Done> ensureStream(const QString &orgId, const CancelToken &cancel);
    Outcome<HttpResponse> send(HttpMethod method, const QString &path, const std::vector<std::pair<QString, QString>> &query,
                               const QByteArray &jsonBody, const QString &what, const CancelToken &cancel);

    ConnectionProfile m_profile;
    QString m_secret;
    std::shared_ptr<HttpTransport> m_transport;
    QString m_stream;
    QMutex m_mutex; ///< guards the two cached facts below
    QString m_orgId;
    bool m_streamEnsured = false;
};

} // namespace sasquatch
