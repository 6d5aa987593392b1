// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationListModel.h"

#include "core/annotations/TagListText.h"
#include "core/time/TimeText.h"

#include <QColor>

namespace sasquatch {

AnnotationListModel::AnnotationListModel(QObject *parent) : QAbstractTableModel(parent) {}

void AnnotationListModel::setAnnotations(std::vector<Annotation> annotations)
{
    beginResetModel();
    m_rows = std::move(annotations);
    endResetModel();
}

int AnnotationListModel::rowOf(const QString &id) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == id)
            return int(i);
    return -1;
}

void AnnotationListModel::setScale(TimeScale scale)
{
    if (scale == m_scale)
        return;
    m_scale = scale;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, StartColumn), index(rowCount() - 1, StartColumn));
}

int AnnotationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnnotationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AnnotationListModel::lengthText(std::int64_t durationNs)
{
    if (durationNs <= 0)
        return tr("point");
    const double s = double(durationNs) / 1e9;
    if (s < 1)
        return tr("%1 ms").arg(s * 1000, 0, 'g', 3);
    if (s < 120)
        return tr("%1 s").arg(s, 0, 'g', 3);
    if (s < 7200)
        return tr("%1 min").arg(s / 60, 0, 'g', 3);
    if (s < 2 * 86400)
        return tr("%1 h").arg(s / 3600, 0, 'g', 3);
    return tr("%1 d").arg(s / 86400, 0, 'g', 3);
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Annotation &a = m_rows[std::size_t(index.row())];
    if (role == AnnotationRole)
        return QVariant::fromValue(a);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StartColumn: return formatTimeText(a.startNs, m_scale, TimePrecision::Auto);
        case LengthColumn: return lengthText(a.endNs - a.startNs);
        case TextColumn: return a.text.section(u'\n', 0, 0);
        case TagsColumn: return TagListText::format(a.tags);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TextColumn)
            return a.text;
        if (index.column() == StartColumn && !a.isPoint())
            return tr("%1 to %2").arg(formatTimeText(a.startNs, m_scale), formatTimeText(a.endNs, m_scale));
        break;
    case Qt::DecorationRole:
        if (index.column() == StartColumn)
            return a.color.isEmpty() ? QColor(0xd0, 0xd0, 0xd0) : QColor(a.color);
        break;
    }
    return {};
}

QVariant AnnotationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartColumn: return m_scale == TimeScale::Tai ? tr("Start (TAI)") : tr("Start (UTC)");
    case LengthColumn: return tr("Length");
    case TextColumn: return tr("Text");
    case TagsColumn: return tr("Tags");
    }
    return {};
}

} // namespace sasquatch
