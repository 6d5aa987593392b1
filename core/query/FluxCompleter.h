// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionRanker.h"
#include "core/query/CompletionResult.h"
#include "core/query/SchemaSnapshot.h"
#include "core/query/Token.h"

#include <QHash>
#include <QStringView>

namespace sasquatch {

struct FluxSymbol;
struct FluxParameter;

/// Flux half of CompletionEngine: finds what the cursor is in (string of a `bucket:` argument,
/// comparison with `r._measurement`, `r.`, `pkg.`, after `|>`, argument names of a call…) from
/// the tokens around it, and proposes stdlib names and schema names for it. One use per query.
class FluxCompleter
{
public:
    FluxCompleter(QStringView text, qsizetype cursor, const SchemaSnapshot &schema);

    CompletionResult complete(int maxItems);

private:
    /// The role of a string literal, by what precedes it.
    enum class StringRole { None, Import, Bucket, Measurement, Field, TagKey, TagValue, Column, ColumnIndex };

    /// How a proposed string value is written: completing an open string (content and closing
    /// quote), as a new string literal, or as a one-element list of strings.
    enum class Quoting { InsideString, NewString, NewList };

    struct Insertion
    {
        QString text;
        qsizetype cursor = -1;
    };

    // token helpers
    QStringView textOf(qsizetype index) const;
    bool isChar(qsizetype index, char16_t c) const;
    bool isOperator(qsizetype index, QStringView op) const;
    qsizetype previous(qsizetype index) const;
    qsizetype enclosingOpener(qsizetype fromIndex) const;
    const FluxSymbol *callee(qsizetype openerIndex, QString *importPath) const;
    QString comparedColumn(qsizetype operatorIndex) const;
    StringRole roleOfParameter(QStringView name, QString *tag) const;
    StringRole roleOfString(qsizetype stringIndex, QString *tag) const;
    void collectImportsAndVariables();

    // contexts
    CompletionContext completeString(qsizetype stringIndex, CompletionRanker &ranker);
    CompletionContext completeAfter(qsizetype anchor, CompletionRanker &ranker);
    void addStringValues(StringRole role, const QString &tag, CompletionRanker &ranker, Quoting quoting, int boost);
    void addExpression(CompletionRanker &ranker);
    void addPipeFunctions(CompletionRanker &ranker);
    void addMembers(const QString &alias, CompletionRanker &ranker);
    void addColumnMembers(qsizetype dotIndex, CompletionRanker &ranker);
    void addArguments(const FluxSymbol &symbol, qsizetype openerIndex, CompletionRanker &ranker);
    CompletionContext addValuesFor(const FluxParameter &parameter, CompletionRanker &ranker);
    void addFunction(const FluxSymbol &symbol, const QString &label, const QString &requiredImport,
                     CompletionRanker &ranker, int boost);

    static Insertion callInsertion(const FluxSymbol &symbol, const QString &name);
    static Insertion argumentInsertion(const FluxParameter &parameter);
    static CompletionContext contextOf(StringRole role);
    QString importPathFor(const QString &alias) const;

    QStringView m_text;
    qsizetype m_cursor;
    const SchemaSnapshot &m_schema;
    QList<Token> m_tokens;
    QHash<QString, QString> m_imports; ///< alias → path
    QStringList m_variables;
    qsizetype m_wordStart = -1;
    qsizetype m_wordEnd = -1;
    qsizetype m_replaceEnd = 0;
};

} // namespace sasquatch
