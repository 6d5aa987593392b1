// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryBudget.h"

#include <QStringList>

#include <algorithm>

#include <unistd.h>

namespace sasquatch {

namespace {

/// 1234567 -> "1,234,567", whatever the locale (messages are English).
QString grouped(std::uint64_t n)
{
    QString digits = QString::number(n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, u',');
    return digits;
}

} // namespace

std::uint64_t QueryBudget::physicalMemoryBytes()
{
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long pageSize = ::sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return std::uint64_t{8} << 30;
    return std::uint64_t(pages) * std::uint64_t(pageSize);
}

QueryBudget QueryBudget::forThisMachine()
{
    QueryBudget budget;
    budget.maxBytes = std::min(physicalMemoryBytes() / 4, kMaxDefaultBytes);
    budget.maxPoints = budget.maxBytes / kTypicalRowBytes;
    return budget;
}

QString QueryBudget::exceededMessage(QueryLanguage language, std::uint64_t rows) const
{
    QStringList limits;
    if (maxPoints != 0)
        limits << QStringLiteral("%1 points").arg(grouped(maxPoints));
    if (maxBytes != 0)
        limits << formatByteSize(maxBytes);
    const QString aggregate = language == QueryLanguage::Flux
                                  ? QStringLiteral("aggregate it with aggregateWindow(every: 1m, fn: mean)")
                                  : QStringLiteral("aggregate it with mean(...) and GROUP BY time(1m)");
    return QStringLiteral("The result is larger than the memory budget of one query (%1): stopped after %2 rows. "
                          "Narrow the query: a shorter time range, fewer fields or series, or %3.")
        .arg(limits.join(QStringLiteral(", ")), grouped(rows), aggregate);
}

QString formatByteSize(std::uint64_t bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return QStringLiteral("%1 bytes").arg(bytes);
    double value = double(bytes);
    int unit = -1;
    while (value >= 1024.0 && unit < 3) {
        value /= 1024.0;
        ++unit;
    }
    // Whole numbers without decimals ("4 GiB"), others with one ("1.5 GiB").
    const bool whole = value == double(qint64(value));
    return QStringLiteral("%1 %2").arg(value, 0, 'f', whole ? 0 : 1).arg(QLatin1String(units[unit]));
}

} // namespace sasquatch
