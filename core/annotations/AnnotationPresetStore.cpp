// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/AnnotationPresetStore.h"

#include "core/connection/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sasquatch {

AnnotationPresetStore::AnnotationPresetStore(QString filePath)
    : m_path(filePath.isEmpty() ? defaultPath() : std::move(filePath))
{
}

QString AnnotationPresetStore::defaultPath()
{
    return QFileInfo(ProfileStore::defaultPath()).absolutePath() + QStringLiteral("/annotation-filters.json");
}

Outcome<AnnotationPresetFile> AnnotationPresetStore::load() const
{
    AnnotationPresetFile out;
    QFile file(m_path);
    if (!file.exists())
        return out;
    if (!file.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("Cannot read %1: %2").arg(m_path, file.errorString())};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        return Failure{QStringLiteral("%1: not JSON at offset %2: %3").arg(m_path).arg(error.offset).arg(error.errorString())};
    const QJsonArray filters = doc.object().value(QStringLiteral("filters")).toArray();
    for (qsizetype i = 0; i < filters.size(); ++i) {
        const QJsonObject o = filters.at(i).toObject();
        AnnotationPreset preset;
        preset.name = o.value(QStringLiteral("name")).toString().trimmed();
        if (preset.name.isEmpty())
            return Failure{QStringLiteral("%1: filter %2 has no name").arg(m_path).arg(i + 1)};
        preset.filter = AnnotationFilter::fromJson(o);
        out.presets.push_back(std::move(preset));
    }
    out.current = AnnotationFilter::fromJson(doc.object().value(QStringLiteral("current")).toObject());
    return out;
}

Outcome<Done> AnnotationPresetStore::save(const AnnotationPresetFile &content) const
{
    QJsonArray filters;
    for (const AnnotationPreset &p : content.presets) {
        QJsonObject o = p.filter.toJson();
        o.insert(QStringLiteral("name"), p.name);
        filters.append(o);
    }
    const QJsonObject root{{QStringLiteral("version"), 1},
                           {QStringLiteral("filters"), filters},
                           {QStringLiteral("current"), content.current.toJson()}};
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Failure{QStringLiteral("Cannot create the folder of %1").arg(m_path)};
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString())};
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Failure{QStringLiteral("Cannot write %1: %2").arg(m_path, file.errorString())};
    return Done{};
}

} // namespace sasquatch
