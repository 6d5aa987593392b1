// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace sasquatch {

/// Two-line rows for the query history and saved-query lists: a status dot and the query's
/// first line in the editor's monospace font, then a dim line of facts (language, when, how
/// long, rows). Reads the roles HistoryPanel sets.
class HistoryItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role {
        TitleRole = Qt::UserRole + 100, ///< QString: first line (query) or name (saved query)
        DetailRole,                     ///< QString: the dim second line
        StatusColorRole,                ///< QColor: the dot; invalid = no dot
    };

    explicit HistoryItemDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace sasquatch
