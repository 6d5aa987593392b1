// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/ingest/UploadLedger.h"
#include "core/ingest/UploadPlan.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>

namespace sasquatch {

/// The records of an upload plan as a table: file, line, topic, time, then every identifier
/// and field seen. Cells a reader or the plan found wrong are highlighted with their reason
/// as tooltip; once an upload ran, the fate column says what became of each record.
class UploadPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    explicit UploadPreviewModel(QObject *parent = nullptr);

    void setPlan(std::shared_ptr<const UploadPlan> plan);
    /// Fates to show (nullptr: none yet). Call refreshFates() after the ledger changed.
    void setLedger(std::shared_ptr<const UploadLedger> ledger);
    void refreshFates();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Row of a file's record, for jumping from the problems list; -1 when none.
    int rowOf(int file, std::int64_t record) const;
    /// Whether a cell is marked invalid (tests, delegates).
    bool isInvalid(const QModelIndex &index) const;

    enum FixedColumn { FileColumn, LineColumn, FateColumn, TopicColumn, TimeColumn, FirstValueColumn };

private:
    QString problemAt(int row, int column) const;
    const QString &timeName(int row) const;

    std::shared_ptr<const UploadPlan> m_plan;
    std::shared_ptr<const UploadLedger> m_ledger;
    QStringList m_valueColumns;
    /// Per file, the CSV time column's name: a bad time is kept under it, shown in TimeColumn.
    std::vector<QString> m_timeNames;
    /// (planned record, column name or empty for the record) → reasons
    QHash<QPair<int, QString>, QString> m_problems;
    QHash<QPair<int, std::int64_t>, int> m_rowOf;
};

} // namespace sasquatch
