// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FieldMimeData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>
#include <QStringList>

namespace sasquatch {

QByteArray FieldMimeData::encode(const std::vector<DraggedField> &fields)
{
    QJsonArray array;
    for (const DraggedField &f : fields)
        array.append(QJsonObject{{QStringLiteral("bucket"), f.bucket},
                                 {QStringLiteral("measurement"), f.measurement},
                                 {QStringLiteral("field"), f.field},
                                 {QStringLiteral("unit"), f.unit}});
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

std::vector<DraggedField> FieldMimeData::decode(const QByteArray &data)
{
    std::vector<DraggedField> out;
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    for (const QJsonValue &v : doc.array()) {
        const QJsonObject o = v.toObject();
        DraggedField f{o.value(QStringLiteral("bucket")).toString(), o.value(QStringLiteral("measurement")).toString(),
                       o.value(QStringLiteral("field")).toString(), o.value(QStringLiteral("unit")).toString()};
        if (!f.measurement.isEmpty() && !f.field.isEmpty())
            out.push_back(std::move(f));
    }
    return out;
}

QMimeData *FieldMimeData::create(const std::vector<DraggedField> &fields)
{
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), encode(fields));
    QStringList lines;
    for (const DraggedField &f : fields)
        lines << f.measurement + u'.' + f.field;
    data->setText(lines.join(u'\n'));
    return data;
}

std::vector<DraggedField> FieldMimeData::fromMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return {};
    return decode(data->data(QString::fromLatin1(kMimeType)));
}

} // namespace sasquatch
