// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QByteArray>
#include <QStringList>
#include <QVariant>

#include <utility>
#include <vector>

namespace sasquatch {

/// One series of a small InfluxQL answer (SHOW statements, admin commands). Large SELECT
/// results go through the streaming parser instead.
struct InfluxQlSeries
{
    QString name;
    std::vector<std::pair<QString, QString>> tags;
    QStringList columns;
    std::vector<std::vector<QVariant>> rows;

    int column(QStringView columnName) const { return int(columns.indexOf(columnName)); }
};

struct InfluxQlStatement
{
    int statementId = 0;
    QString error; ///< statement error reported inside a 200 response
    std::vector<InfluxQlSeries> series;
};

/// Parses a complete (non-chunked) `/query` JSON body. A top-level `{"error":...}` becomes a
/// Failure; statement errors stay in their statement.
Outcome<std::vector<InfluxQlStatement>> parseInfluxQlResponse(const QByteArray &body);

} // namespace sasquatch
