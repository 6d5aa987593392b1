// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryTypes.h"

#include <QStringList>

namespace sasquatch {

QString QueryStatementError::describe() const
{
    QString text = QStringLiteral("statement %1").arg(statementId + 1);
    if (!statement.isEmpty())
        text += QStringLiteral(" (%1)").arg(statement);
    return text + QStringLiteral(": ") + message;
}

QString QuerySummary::errorText() const
{
    QStringList lines;
    if (status != QueryStatus::Completed)
        lines << failure.message;
    for (const auto &e : statementErrors)
        lines << e.describe();
    return lines.join(u'\n');
}

QString queryStatusName(QueryStatus status)
{
    switch (status) {
    case QueryStatus::Completed: return QStringLiteral("completed");
    case QueryStatus::Failed: return QStringLiteral("failed");
    case QueryStatus::Cancelled: return QStringLiteral("cancelled");
    case QueryStatus::BudgetExceeded: return QStringLiteral("budget exceeded");
    }
    return QStringLiteral("?");
}

} // namespace sasquatch
