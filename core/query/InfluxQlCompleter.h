// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionRanker.h"
#include "core/query/CompletionResult.h"
#include "core/query/SchemaSnapshot.h"
#include "core/query/Token.h"

#include <QStringView>

namespace sasquatch {

/// InfluxQL half of CompletionEngine: finds the clause the cursor is in (SELECT list, FROM,
/// WHERE, GROUP BY, SHOW … ON, WITH KEY) and proposes schema names — quoted and escaped as
/// identifiers or string literals where needed — functions and the keywords that may follow.
class InfluxQlCompleter
{
public:
    InfluxQlCompleter(QStringView text, qsizetype cursor, const SchemaSnapshot &schema);

    CompletionResult complete(int maxItems);

private:
    enum class Clause { Statement, Select, From, Where, GroupBy, OrderBy, On, WithKey, Show, Other };

    QStringView textOf(qsizetype index) const;
    bool isChar(qsizetype index, char16_t c) const;
    bool isKeyword(qsizetype index, QStringView upper) const;
    qsizetype previous(qsizetype index) const;
    Clause clauseOf(qsizetype anchor) const;
    /// The name a token stands for: an identifier's text, a quoted identifier unescaped.
    QString nameOf(qsizetype index) const;
    bool endsOperand(qsizetype index) const;

    CompletionContext completeAfter(qsizetype anchor, CompletionRanker &ranker);
    CompletionContext completeFrom(qsizetype anchor, CompletionRanker &ranker);
    CompletionContext completeWhere(qsizetype anchor, CompletionRanker &ranker);

    /// An identifier as it must be written: as typed when plain, else double-quoted and escaped
    /// (always quoted when the user opened a quote).
    QString identifier(const QString &name) const;
    QString keywordCase(const QString &keyword) const;
    QString functionCase(const QString &function) const;

    void addNames(const QStringList &names, CompletionKind kind, const QString &detail, CompletionRanker &ranker, int boost);
    void addTagValues(const QString &tag, CompletionRanker &ranker, int boost);
    void addFunctions(CompletionRanker &ranker, int boost);
    void addKeywords(const QStringList &preferred, CompletionRanker &ranker);
    void addPhrase(const QString &phrase, CompletionRanker &ranker, int boost);

    QStringView m_text;
    qsizetype m_cursor;
    const SchemaSnapshot &m_schema;
    QList<Token> m_tokens;
    bool m_inQuotedIdentifier = false;
    bool m_inString = false;
    QString m_prefix;
};

} // namespace sasquatch
