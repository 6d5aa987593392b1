// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/ReadOptions.h"

#include <QSet>

namespace sasquatch {

bool isIdentifierName(const QString &name)
{
    // analysis_tools' IDENTIFIER_KEYS (interfaces/datastore/_sasquatchDatastore.py) + dataset_tag.
    static const QSet<QString> kNames{
        QStringLiteral("detector"), QStringLiteral("patch"),           QStringLiteral("skymap"),
        QStringLiteral("visit"),    QStringLiteral("tract"),           QStringLiteral("physical_filter"),
        QStringLiteral("instrument"), QStringLiteral("band"),          QStringLiteral("exposure"),
        QStringLiteral("group"),    QStringLiteral("day_obs"),         QStringLiteral("dataset_tag"),
    };
    return kNames.contains(name);
}

} // namespace sasquatch
