// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryKeywords.h"

#include <QSet>

namespace sasquatch {

namespace {

QSet<QString> toSet(const QStringList &list, bool upper)
{
    QSet<QString> set;
    for (const QString &word : list)
        set.insert(upper ? word.toUpper() : word);
    return set;
}

} // namespace

const QStringList &fluxKeywords()
{
    static const QStringList words{
        QStringLiteral("and"),    QStringLiteral("builtin"), QStringLiteral("else"),   QStringLiteral("exists"),
        QStringLiteral("if"),     QStringLiteral("import"),  QStringLiteral("not"),    QStringLiteral("option"),
        QStringLiteral("or"),     QStringLiteral("package"), QStringLiteral("return"), QStringLiteral("testcase"),
        QStringLiteral("then"),
    };
    return words;
}

const QStringList &influxQlKeywords()
{
    static const QStringList words = [] {
        const char *const raw[] = {
            "ALL",         "ALTER",        "ANALYZE",   "AND",      "ANY",        "AS",          "ASC",
            "BEGIN",       "BY",           "CARDINALITY", "CONTINUOUS", "CREATE", "DATABASE",    "DATABASES",
            "DEFAULT",     "DELETE",       "DESC",      "DESTINATIONS", "DIAGNOSTICS", "DISTINCT", "DROP",
            "DURATION",    "END",          "EVERY",     "EXACT",    "EXPLAIN",    "FALSE",       "FIELD",
            "FOR",         "FROM",         "GRANT",     "GRANTS",   "GROUP",      "GROUPS",      "IN",
            "INF",         "INSERT",       "INTO",      "KEY",      "KEYS",       "KILL",        "LIMIT",
            "MEASUREMENT", "MEASUREMENTS", "NAME",      "OFFSET",   "ON",         "OR",          "ORDER",
            "PASSWORD",    "POLICIES",     "POLICY",    "PRIVILEGES", "QUERIES",  "QUERY",       "READ",
            "REPLICATION", "RESAMPLE",     "RETENTION", "REVOKE",   "SELECT",     "SERIES",      "SET",
            "SHARD",       "SHARDS",       "SHOW",      "SLIMIT",   "SOFFSET",    "STATS",       "SUBSCRIPTION",
            "SUBSCRIPTIONS", "TAG",        "TO",        "TRUE",     "USER",       "USERS",       "VALUES",
            "WHERE",       "WITH",         "WRITE",
        };
        QStringList list;
        for (const char *word : raw)
            list.append(QString::fromLatin1(word));
        return list;
    }();
    return words;
}

bool isFluxKeyword(QStringView word)
{
    static const QSet<QString> set = toSet(fluxKeywords(), false);
    return set.contains(word.toString());
}

bool isInfluxQlKeyword(QStringView word)
{
    static const QSet<QString> set = toSet(influxQlKeywords(), true);
    return set.contains(word.toString().toUpper());
}

bool isFluxConstant(QStringView word)
{
    return word == u"true" || word == u"false";
}

} // namespace sasquatch
