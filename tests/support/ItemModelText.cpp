// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ItemModelText.h"

#include <QStringList>

namespace sasquatch {

QString itemTreeString(const QAbstractItemModel &model, const QModelIndex &parent)
{
    const int rows = model.rowCount(parent);
    if (rows == 0)
        return {};
    QString out = QStringLiteral("[");
    for (int r = 0; r < rows; ++r) {
        if (r > 0)
            out += QLatin1Char(' ');
        const QModelIndex child = model.index(r, 0, parent);
        out += child.data().toString() + itemTreeString(model, child);
    }
    return out + QLatin1Char(']');
}

QModelIndex findItemByNames(const QAbstractItemModel &model, const QString &path)
{
    QModelIndex at;
    for (const QString &name : path.split(QLatin1Char('/'))) {
        QModelIndex next;
        for (int r = 0; r < model.rowCount(at) && !next.isValid(); ++r) {
            if (model.index(r, 0, at).data().toString() == name)
                next = model.index(r, 0, at);
        }
        if (!next.isValid())
            return {};
        at = next;
    }
    return at;
}

} // namespace sasquatch
