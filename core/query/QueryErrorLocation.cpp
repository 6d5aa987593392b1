// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryErrorLocation.h"

#include <QRegularExpression>

namespace sasquatch {

std::optional<QueryErrorLocation> QueryErrorLocation::find(QStringView view)
{
    const QString message = view.toString(); // Qt 6.4 has no QRegularExpression::matchView()
    // InfluxQL's parser: "... at line 1, char 10".
    static const QRegularExpression influxQl(QStringLiteral(R"(\bat line (\d+), char (\d+)\b)"));
    if (const auto m = influxQl.match(message); m.hasMatch())
        return QueryErrorLocation{m.captured(1).toInt(), m.captured(2).toInt(), 0, 0};
    // Flux's "L:C-L:C" ranges; not inside a longer run of digits and colons (clock times).
    static const QRegularExpression fluxRange(QStringLiteral(R"((?<![\d:.])(\d+):(\d+)-(\d+):(\d+)(?!\d|:\d))"));
    if (const auto m = fluxRange.match(message); m.hasMatch())
        return QueryErrorLocation{m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(),
                                  m.captured(4).toInt()};
    static const QRegularExpression fluxPoint(QStringLiteral(R"(@(\d+):(\d+)(?!\d|:\d|-\d))"));
    if (const auto m = fluxPoint.match(message); m.hasMatch())
        return QueryErrorLocation{m.captured(1).toInt(), m.captured(2).toInt(), 0, 0};
    return std::nullopt;
}

} // namespace sasquatch
