// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/upload/UploadPreviewModel.h"

#include "core/ingest/UploadReport.h"
#include "core/time/TimeText.h"

#include <QBrush>
#include <QColor>
#include <QFileInfo>

namespace sasquatch {

UploadPreviewModel::UploadPreviewModel(QObject *parent) : QAbstractTableModel(parent) {}

void UploadPreviewModel::setPlan(std::shared_ptr<const UploadPlan> plan)
{
    beginResetModel();
    m_plan = std::move(plan);
    m_ledger.reset();
    m_valueColumns.clear();
    m_problems.clear();
    m_rowOf.clear();
    m_timeNames.clear();
    if (m_plan) {
        for (const ReadResult &file : m_plan->files())
            m_timeNames.push_back(file.format == IngestFormat::Csv ? file.columns.value(0) : QString());
        for (int i = 0; i < int(m_plan->records().size()); ++i) {
            const PlannedRecord &p = m_plan->records()[std::size_t(i)];
            m_rowOf.insert({p.file, std::int64_t(p.record)}, i);
            const MetricRecord &r = m_plan->record(i);
            for (const auto &[key, value] : r.identifiers)
                if (!m_valueColumns.contains(key))
                    m_valueColumns << key;
            for (const MetricField &f : r.fields)
                if (!m_valueColumns.contains(f.name) && f.name != m_timeNames[std::size_t(p.file)])
                    m_valueColumns << f.name;
        }
        for (int f = 0; f < int(m_plan->files().size()); ++f)
            for (const ReadProblem &problem : m_plan->files()[std::size_t(f)].problems) {
                if (problem.record < 0)
                    continue;
                const int row = m_rowOf.value({f, problem.record}, -1);
                if (row < 0)
                    continue;
                QString &text = m_problems[{row, problem.field}];
                text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + problem.reason;
            }
    }
    endResetModel();
}

void UploadPreviewModel::setLedger(std::shared_ptr<const UploadLedger> ledger)
{
    m_ledger = std::move(ledger);
    refreshFates();
}

void UploadPreviewModel::refreshFates()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, FateColumn), index(rowCount() - 1, FateColumn));
}

int UploadPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_plan ? 0 : int(m_plan->records().size());
}

int UploadPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstValueColumn + int(m_valueColumns.size());
}

QVariant UploadPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case FateColumn:
        return tr("Status");
    case TopicColumn:
        return tr("Topic");
    case TimeColumn:
        return tr("Time (UTC)");
    default:
        return m_valueColumns.value(section - FirstValueColumn);
    }
}

QString UploadPreviewModel::problemAt(int row, int column) const
{
    if (column >= FirstValueColumn)
        return m_problems.value({row, m_valueColumns.value(column - FirstValueColumn)});
    if (column == LineColumn || column == TopicColumn)
        return m_problems.value({row, QString()});
    if (column == TimeColumn && !timeName(row).isEmpty())
        return m_problems.value({row, timeName(row)});
    return {};
}

const QString &UploadPreviewModel::timeName(int row) const
{
    return m_timeNames[std::size_t(m_plan->records()[std::size_t(row)].file)];
}

bool UploadPreviewModel::isInvalid(const QModelIndex &index) const
{
    return index.isValid() && !problemAt(index.row(), index.column()).isEmpty();
}

int UploadPreviewModel::rowOf(int file, std::int64_t record) const
{
    return m_rowOf.value({file, record}, -1);
}

QVariant UploadPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_plan)
        return {};
    const int row = index.row();
    const int column = index.column();
    const PlannedRecord &planned = m_plan->records()[std::size_t(row)];
    const MetricRecord &r = m_plan->record(row);
    if (role == Qt::BackgroundRole || role == Qt::ToolTipRole) {
        const QString problem = problemAt(row, column);
        if (role == Qt::ToolTipRole) {
            if (!problem.isEmpty())
                return problem;
            if (column == FateColumn && m_ledger)
                return m_ledger->status(row).reason.isEmpty() ? QVariant() : QVariant(m_ledger->status(row).reason);
            if (column == FateColumn)
                return planned.heldBack.isEmpty() ? QVariant() : QVariant(planned.heldBack);
            return {};
        }
        if (!problem.isEmpty())
            return QBrush(QColor(178, 34, 34, 170)); // readable on the dark and the light theme
        if (column == FateColumn && m_ledger) {
            const RecordFate fate = m_ledger->status(row).fate;
            if (fate == RecordFate::Acknowledged)
                return QBrush(QColor(46, 125, 50, 120));
            if (fate == RecordFate::Failed)
                return QBrush(QColor(198, 40, 40, 120));
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case FileColumn:
        return QFileInfo(m_plan->files()[std::size_t(planned.file)].path).fileName();
    case LineColumn:
        return qulonglong(r.line);
    case FateColumn:
        if (m_ledger)
            return UploadReport::fateName(m_ledger->status(row).fate);
        return planned.heldBack.isEmpty() ? tr("ready") : (r.isValid() ? tr("held back") : tr("invalid"));
    case TopicColumn:
        return planned.topic >= 0 ? m_plan->topics()[std::size_t(planned.topic)].topic
                                  : UploadPlan::topicName(m_plan->options(), r.name);
    case TimeColumn:
        if (!timeName(row).isEmpty())
            if (const MetricField *bad = r.field(timeName(row)))
                return bad->value.displayText(); // the text that is not a time, as written
        return formatTimeText(r.timeNs, TimeScale::Utc);
    default: {
        const QString name = m_valueColumns.value(column - FirstValueColumn);
        for (const auto &[key, value] : r.identifiers)
            if (key == name)
                return value;
        if (const MetricField *f = r.field(name)) {
            const QString text = f->value.displayText();
            // A refused cell shows exactly what the file holds; valid values carry their unit.
            const bool refused = m_problems.contains({row, name});
            return f->unit.isEmpty() || refused ? text : text + u' ' + f->unit;
        }
        return {};
    }
    }
}

} // namespace sasquatch
