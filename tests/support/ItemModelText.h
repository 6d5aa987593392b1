// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QString>

namespace sasquatch {

/// A tree model as a compact string, depth first, Name column (DisplayRole of column 0), children
/// in brackets: "[lsst[sal[MTM1M3[ackcmd forceActuatorData]]]]"; "" for no rows. Reads rows
/// without fetching more, so lazily loaded parts show as they are.
QString itemTreeString(const QAbstractItemModel &model, const QModelIndex &parent = {});

/// The row reached by following display names, '/' separated ("lsst/sal/MTM1M3"); invalid when
/// a name is missing.
QModelIndex findItemByNames(const QAbstractItemModel &model, const QString &path);

} // namespace sasquatch
