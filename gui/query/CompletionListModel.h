// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionItem.h"

#include <QAbstractListModel>

namespace sasquatch {

/// The completion proposals as a list model for the popup's view.
class CompletionListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        KindRole = Qt::UserRole + 1, ///< CompletionKind as int
        DetailRole,
        DocumentationRole,
        InsertTextRole,
    };

    using QAbstractListModel::QAbstractListModel;

    void setItems(QList<CompletionItem> items, QString prefix);
    const QList<CompletionItem> &items() const { return m_items; }
    /// The text the proposals were matched against (the delegate emphasises it in labels).
    const QString &prefix() const { return m_prefix; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

private:
    QList<CompletionItem> m_items;
    QString m_prefix;
};

} // namespace sasquatch
