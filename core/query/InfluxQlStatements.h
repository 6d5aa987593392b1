// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace sasquatch {

/// What a query runner needs to know about InfluxQL text before sending it, read with
/// InfluxQlTokenizer (so that `;` or keywords inside strings, quoted identifiers and comments
/// do not count).
class InfluxQlStatements
{
public:
    /// The statements, in order, trimmed; empty ones (`;;`, a trailing `;`, comments) are not
    /// counted, as influxd does not count them either.
    static QStringList split(const QString &text);

    /// True when a statement changes the server (CREATE, DROP, DELETE, ALTER, GRANT, REVOKE,
    /// KILL, SET PASSWORD, SELECT … INTO): InfluxDB 1.x only runs those from a POST.
    static bool writes(const QString &text);
};

} // namespace sasquatch
