// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

class QMimeData;

namespace sasquatch {

/// A field dragged from the topic tree (or anything else that offers fields to plot).
struct DraggedField
{
    QString bucket;      ///< "efd/autogen" on 1.x, the bucket name on 2.x
    QString measurement; ///< the topic
    QString field;
    QString unit; ///< empty when unknown

    bool operator==(const DraggedField &) const = default;
};

/// The drag-and-drop form of fields: MIME type `application/x-sasquatch-fields`, a UTF-8 JSON
/// array of objects with the string members "bucket", "measurement", "field" and "unit":
///
///     [{"bucket":"efd/autogen","field":"fz","measurement":"lsst.sal.MTM1M3.forceActuatorData","unit":"N"}]
///
/// create() also sets text/plain to one `measurement.field` per line, for dropping into editors.
class FieldMimeData
{
public:
    static constexpr const char *kMimeType = "application/x-sasquatch-fields";

    static QByteArray encode(const std::vector<DraggedField> &fields);
    /// The fields of `data`; entries without a measurement or field are skipped; empty for
    /// anything that is not such an array.
    static std::vector<DraggedField> decode(const QByteArray &data);

    /// A new QMimeData carrying `fields` (the caller owns it; Qt's drag takes it over).
    static QMimeData *create(const std::vector<DraggedField> &fields);
    /// The fields of a drop, empty when it carries none.
    static std::vector<DraggedField> fromMimeData(const QMimeData *data);
};

} // namespace sasquatch
