// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/Annotation.h"
#include "core/time/TimeScale.h"

#include <QAbstractTableModel>

#include <vector>

namespace sasquatch {

/// Annotations as a table: start, length ("point" or a duration), text (first line), tags;
/// the colour as a swatch on the start column. Times in UTC or TAI, as the plots show them.
class AnnotationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { StartColumn, LengthColumn, TextColumn, TagsColumn, ColumnCount };
    /// Qt::UserRole on any cell: the row's Annotation (QVariant).
    static constexpr int AnnotationRole = Qt::UserRole;

    explicit AnnotationListModel(QObject *parent = nullptr);

    void setAnnotations(std::vector<Annotation> annotations);
    const std::vector<Annotation> &annotations() const { return m_rows; }
    /// The row holding `id`, or -1.
    int rowOf(const QString &id) const;
    void setScale(TimeScale scale);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// "point", "90 s", "12 min", "3.5 h", "2 d".
    static QString lengthText(std::int64_t durationNs);

private:
    std::vector<Annotation> m_rows;
    TimeScale m_scale = TimeScale::Utc;
};

} // namespace sasquatch
