// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ResultTableDump.h"

#include <QStringList>

namespace sasquatch {

namespace {

const char *shortTypeName(ColumnType type)
{
    switch (type) {
    case ColumnType::String:
        return "string";
    case ColumnType::Double:
        return "double";
    case ColumnType::Long:
        return "long";
    case ColumnType::UnsignedLong:
        return "ulong";
    case ColumnType::Boolean:
        return "bool";
    case ColumnType::DateTime:
        return "time";
    }
    return "?";
}

QString fromStd(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

QString dumpResultTable(const ResultTable &table)
{
    QStringList lines;
    lines << QStringLiteral("T %1 %2%3")
                 .arg(fromStd(table.resultName()))
                 .arg(table.tableId())
                 .arg(table.isContinuation() ? QStringLiteral(" +") : QString());
    QStringList columns;
    for (const ResultColumn &c : table.columns()) {
        QString text = fromStd(c.name()) + QLatin1Char(':') + QLatin1String(shortTypeName(c.type()));
        if (c.isGroupKey())
            text += QStringLiteral(":key");
        if (!c.defaultText().empty())
            text += QLatin1Char('=') + fromStd(c.defaultText());
        columns << text;
    }
    lines << (columns.isEmpty() ? QStringLiteral("C") : QStringLiteral("C ") + columns.join(QLatin1Char(' ')));
    for (std::size_t row = 0; row < table.rowCount(); ++row) {
        QStringList cells;
        for (std::size_t col = 0; col < table.columnCount(); ++col)
            cells << (table.isNull(row, col) ? QStringLiteral("~") : fromStd(table.cellText(row, col)));
        lines << QString(QStringLiteral("R ") + cells.join(QLatin1Char('|')));
    }
    return lines.join(QLatin1Char('\n'));
}

QString dumpParseError(const ParseError &error)
{
    if (error.kind == ParseErrorKind::ServerError) {
        QString text = QStringLiteral("E server: ") + fromStd(error.message);
        if (!error.reference.empty())
            text += QStringLiteral(" [ref %1]").arg(fromStd(error.reference));
        return text;
    }
    QString text = QStringLiteral("E malformed L%1 C%2").arg(error.line).arg(error.column);
    if (!error.columnName.empty())
        text += QStringLiteral(" (%1)").arg(fromStd(error.columnName));
    return text + QStringLiteral(": ") + fromStd(error.message);
}

QString dumpParseResult(const std::vector<ResultTable> &tables, const std::optional<ParseError> &error)
{
    QStringList parts;
    for (const ResultTable &t : tables)
        parts << dumpResultTable(t);
    if (error)
        parts << dumpParseError(*error);
    return parts.join(QLatin1Char('\n'));
}

} // namespace sasquatch
