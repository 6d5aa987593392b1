// SPDX-License-Identifier: GPL-3.0-or-later
// FluxCompleter, second half: the proposals for each context (FluxCompleter.cpp finds the context).
#include "core/query/FluxCompleter.h"

#include "core/influx/QueryEscape.h"
#include "core/query/FluxStdlib.h"
#include "core/query/LexSupport.h"
#include "core/query/QueryKeywords.h"

#include <QSet>

#include <algorithm>

namespace sasquatch {

namespace {

/// How often engineers reach for a function: ties in a ranking go to the usual suspects.
int popularity(const QString &name)
{
    static const QHash<QString, int> boosts{
        {QStringLiteral("from"), 65},       {QStringLiteral("range"), 60},     {QStringLiteral("filter"), 60},
        {QStringLiteral("aggregateWindow"), 55}, {QStringLiteral("yield"), 45}, {QStringLiteral("mean"), 45},
        {QStringLiteral("last"), 40},       {QStringLiteral("map"), 35},       {QStringLiteral("group"), 35},
        {QStringLiteral("keep"), 35},       {QStringLiteral("drop"), 30},      {QStringLiteral("pivot"), 30},
        {QStringLiteral("limit"), 30},      {QStringLiteral("sort"), 25},      {QStringLiteral("window"), 25},
        {QStringLiteral("max"), 25},        {QStringLiteral("min"), 25},       {QStringLiteral("first"), 25},
        {QStringLiteral("count"), 25},      {QStringLiteral("sum"), 25},       {QStringLiteral("derivative"), 20},
        {QStringLiteral("difference"), 20}, {QStringLiteral("fill"), 20},      {QStringLiteral("rename"), 15},
        {QStringLiteral("set"), 10},        {QStringLiteral("toFloat"), 10},   {QStringLiteral("median"), 10},
        {QStringLiteral("spread"), 10},     {QStringLiteral("stddev"), 10},    {QStringLiteral("now"), 10},
    };
    return boosts.value(name, 0);
}

const QStringList &standardColumns()
{
    static const QStringList columns{QStringLiteral("_measurement"), QStringLiteral("_field"), QStringLiteral("_value"),
                                     QStringLiteral("_time"),        QStringLiteral("_start"), QStringLiteral("_stop")};
    return columns;
}

bool isPlainIdentifier(QStringView name)
{
    if (name.isEmpty() || !lex::isIdentStart(name[0]) || isFluxKeyword(name))
        return false;
    return std::all_of(name.begin(), name.end(), [](QChar c) { return lex::isIdentChar(c); });
}

/// A Flux string literal's content, escaped, without the quotes.
QString stringBody(QStringView value)
{
    const QString quoted = fluxString(value);
    return quoted.mid(1, quoted.size() - 2);
}

/// `(r) => `, `(r, accumulator) => ` from a function type such as `(r: record, accumulator: record) => record`.
QString lambdaSnippet(QStringView type)
{
    const qsizetype close = type.indexOf(u')');
    QStringList names;
    for (const QStringView part : type.sliced(1, close - 1).split(u','))
        names.append(part.trimmed().toString().section(u':', 0, 0).trimmed());
    return u'(' + names.join(QStringLiteral(", ")) + QStringLiteral(") => ");
}

bool isFunctionType(QStringView type)
{
    return type.startsWith(u'(') && type.contains(u"=>");
}

/// A function-valued parameter that takes a function by name (aggregateWindow's `fn: mean`).
bool isTableFunctionType(QStringView type)
{
    return isFunctionType(type) && type.first(type.indexOf(u')')).contains(u"tables");
}

} // namespace

void FluxCompleter::addStringValues(StringRole role, const QString &tag, CompletionRanker &ranker, Quoting quoting,
                                    int boost)
{
    // Inside a string the replaced range ends after the closing quote (or at the cursor when
    // there is none yet): the insertion always brings its own closing quote.
    const auto wrap = [&](const QString &body) -> QString {
        switch (quoting) {
        case Quoting::InsideString:
            return body + u'"';
        case Quoting::NewString:
            return u'"' + body + u'"';
        case Quoting::NewList:
            return QStringLiteral("[\"") + body + QStringLiteral("\"]");
        }
        return body;
    };
    const auto add = [&](CompletionKind kind, const QString &name, const QString &detail, const QString &doc, int extra) {
        if (!ranker.matches(name))
            return; // before escaping: schemas hold thousands of names
        CompletionItem item;
        item.kind = kind;
        item.label = name;
        item.insertText = wrap(kind == CompletionKind::Package ? name : stringBody(name));
        item.detail = detail;
        item.documentation = doc;
        ranker.add(std::move(item), boost + extra);
    };
    switch (role) {
    case StringRole::None:
        return;
    case StringRole::Import:
        for (const QString &path : FluxStdlib::instance().packagePaths())
            add(CompletionKind::Package, path, QStringLiteral("package"), FluxStdlib::instance().packageDoc(path),
                path == u"influxdata/influxdb/schema" ? 20 : 0);
        return;
    case StringRole::Bucket:
        for (const QString &name : m_schema.buckets)
            add(CompletionKind::Bucket, name, QStringLiteral("bucket"), {}, 0);
        return;
    case StringRole::Measurement:
        for (const QString &name : m_schema.measurements)
            add(CompletionKind::Measurement, name, QStringLiteral("measurement"), {}, 0);
        return;
    case StringRole::Field:
        for (const QString &name : m_schema.fields)
            add(CompletionKind::Field, name, QStringLiteral("field"), {}, 0);
        return;
    case StringRole::TagKey:
        for (const QString &name : m_schema.tagKeys)
            add(CompletionKind::Tag, name, QStringLiteral("tag key"), {}, 0);
        return;
    case StringRole::TagValue:
        for (const QString &name : m_schema.tagValues.value(tag))
            add(CompletionKind::TagValue, name, QStringLiteral("%1 value").arg(tag), {}, 0);
        return;
    case StringRole::Column:
    case StringRole::ColumnIndex: {
        const bool index = role == StringRole::ColumnIndex;
        const auto addColumn = [&](CompletionKind kind, const QString &name, const QString &detail, int extra) {
            if (!ranker.matches(name))
                return;
            CompletionItem item;
            item.kind = kind;
            item.label = name;
            item.insertText = wrap(stringBody(name));
            // r["…"]: close the index too unless a `]` already follows.
            if (index && !m_text.sliced(m_replaceEnd).trimmed().startsWith(u']'))
                item.insertText += u']';
            item.detail = detail;
            ranker.add(std::move(item), boost + extra);
        };
        for (const QString &name : standardColumns())
            addColumn(CompletionKind::Column, name, QStringLiteral("column"), 20);
        for (const QString &name : m_schema.tagKeys)
            addColumn(CompletionKind::Tag, name, QStringLiteral("tag key"), 10);
        for (const QString &name : m_schema.fields)
            addColumn(CompletionKind::Field, name, QStringLiteral("field"), 0);
        return;
    }
    }
}

FluxCompleter::Insertion FluxCompleter::argumentInsertion(const FluxParameter &parameter)
{
    const QString head = parameter.name + QStringLiteral(": ");
    if (parameter.type == u"string")
        return {head + QStringLiteral("\"\""), head.size() + 1};
    if (parameter.type == u"[string]")
        return {head + QStringLiteral("[\"\"]"), head.size() + 2};
    if (isFunctionType(parameter.type) && !isTableFunctionType(parameter.type))
        return {head + lambdaSnippet(parameter.type), -1};
    return {head, -1};
}

FluxCompleter::Insertion FluxCompleter::callInsertion(const FluxSymbol &symbol, const QString &name)
{
    if (symbol.kind == FluxSymbolKind::Constant)
        return {name, -1};
    const QList<const FluxParameter *> required = symbol.requiredParameters();
    if (required.isEmpty()) {
        const bool hasArguments = std::any_of(symbol.parameters.cbegin(), symbol.parameters.cend(), [](const FluxParameter &p) {
            return p.role != FluxParameterRole::Pipe;
        });
        return {name + QStringLiteral("()"), hasArguments ? name.size() + 1 : -1};
    }
    // Only the first required argument is written out: the cursor lands on its value, and the
    // argument-name completion offers the others after a comma.
    const Insertion argument = argumentInsertion(*required.first());
    const qsizetype open = name.size() + 1;
    return {name + u'(' + argument.text + u')', open + (argument.cursor < 0 ? argument.text.size() : argument.cursor)};
}

void FluxCompleter::addFunction(const FluxSymbol &symbol, const QString &label, const QString &requiredImport,
                                CompletionRanker &ranker, int boost)
{
    const Insertion insertion = callInsertion(symbol, label);
    CompletionItem item;
    item.kind = symbol.kind == FluxSymbolKind::Constant ? CompletionKind::Constant : CompletionKind::Function;
    item.label = label;
    item.insertText = insertion.text;
    item.cursorOffset = insertion.cursor;
    item.detail = symbol.signature();
    item.documentation = symbol.doc;
    item.requiredImport = requiredImport;
    ranker.add(std::move(item), boost);
}

void FluxCompleter::addExpression(CompletionRanker &ranker)
{
    const FluxStdlib &stdlib = FluxStdlib::instance();
    for (const QString &keyword : fluxKeywords()) {
        CompletionItem item;
        item.kind = CompletionKind::Keyword;
        item.label = keyword;
        item.insertText = keyword;
        item.detail = QStringLiteral("keyword");
        ranker.add(std::move(item), -20);
    }
    for (const QString &constant : {QStringLiteral("true"), QStringLiteral("false")}) {
        CompletionItem item;
        item.kind = CompletionKind::Constant;
        item.label = constant;
        item.insertText = constant;
        item.detail = QStringLiteral("bool");
        ranker.add(std::move(item), -10);
    }
    for (const FluxSymbol *symbol : stdlib.members(u""))
        addFunction(*symbol, symbol->name, {}, ranker, popularity(symbol->name));
    QSet<QString> importedPaths;
    for (auto it = m_imports.cbegin(); it != m_imports.cend(); ++it) {
        importedPaths.insert(it.value());
        CompletionItem item;
        item.kind = CompletionKind::Package;
        item.label = it.key();
        item.insertText = it.key() + u'.';
        item.detail = QStringLiteral("import \"%1\"").arg(it.value());
        item.documentation = stdlib.packageDoc(it.value());
        ranker.add(std::move(item), 20);
    }
    for (const QString &path : stdlib.packagePaths()) {
        const QString alias = FluxStdlib::defaultAlias(path);
        if (importedPaths.contains(path) || m_imports.contains(alias) || m_variables.contains(alias))
            continue;
        CompletionItem item;
        item.kind = CompletionKind::Package;
        item.label = alias;
        item.insertText = alias + u'.';
        item.detail = QStringLiteral("import \"%1\"").arg(path);
        item.documentation = stdlib.packageDoc(path);
        item.requiredImport = path;
        ranker.add(std::move(item), 0);
    }
    for (const QString &variable : m_variables) {
        if (m_wordStart >= 0 && variable == m_text.sliced(m_wordStart, m_wordEnd - m_wordStart))
            continue; // the word being typed is not a proposal for itself
        CompletionItem item;
        item.kind = CompletionKind::Variable;
        item.label = variable;
        item.insertText = variable;
        item.detail = QStringLiteral("variable");
        ranker.add(std::move(item), 40);
    }
}

void FluxCompleter::addPipeFunctions(CompletionRanker &ranker)
{
    const FluxStdlib &stdlib = FluxStdlib::instance();
    for (const FluxSymbol *symbol : stdlib.members(u""))
        if (symbol->takesPipe())
            addFunction(*symbol, symbol->name, {}, ranker, popularity(symbol->name) + 20);
    // Pipe functions of packages, qualified: `|> schema.fieldsAsCols()`.
    QHash<QString, QString> aliasOfPath;
    for (auto it = m_imports.cbegin(); it != m_imports.cend(); ++it)
        aliasOfPath.insert(it.value(), it.key());
    for (const FluxSymbol &symbol : stdlib.symbols()) {
        if (symbol.package.isEmpty() || !symbol.takesPipe())
            continue;
        const bool imported = aliasOfPath.contains(symbol.package);
        const QString alias = imported ? aliasOfPath.value(symbol.package) : FluxStdlib::defaultAlias(symbol.package);
        const bool deprecated = symbol.doc.startsWith(u"Deprecated");
        addFunction(symbol, alias + u'.' + symbol.name, imported ? QString() : symbol.package, ranker,
                    deprecated ? -30 : (imported ? 0 : -10));
    }
}

void FluxCompleter::addMembers(const QString &alias, CompletionRanker &ranker)
{
    const QString path = importPathFor(alias);
    const QString requiredImport = m_imports.contains(alias) ? QString() : path;
    for (const FluxSymbol *symbol : FluxStdlib::instance().members(path))
        addFunction(*symbol, symbol->name, requiredImport, ranker, 0);
}

void FluxCompleter::addColumnMembers(qsizetype dotIndex, CompletionRanker &ranker)
{
    // r.name where name is an identifier; r["name"] otherwise, replacing the dot.
    const auto add = [&](CompletionKind kind, const QString &name, const QString &detail, int boost) {
        if (!ranker.matches(name))
            return;
        CompletionItem item;
        item.kind = kind;
        item.label = name;
        item.detail = detail;
        if (isPlainIdentifier(name)) {
            item.insertText = name;
        } else {
            item.insertText = QStringLiteral("[") + fluxString(name) + u']';
            item.replaceStart = m_tokens[dotIndex].start;
            item.replaceEnd = m_wordStart >= 0 ? m_wordEnd : m_cursor;
        }
        ranker.add(std::move(item), boost);
    };
    for (const QString &name : standardColumns())
        add(CompletionKind::Column, name, QStringLiteral("column"), 20);
    for (const QString &name : m_schema.tagKeys)
        add(CompletionKind::Tag, name, QStringLiteral("tag key"), 10);
    for (const QString &name : m_schema.fields)
        add(CompletionKind::Field, name, QStringLiteral("field"), 0);
}

void FluxCompleter::addArguments(const FluxSymbol &symbol, qsizetype openerIndex, CompletionRanker &ranker)
{
    // Arguments already named in this call (at its own nesting level) are not offered again.
    QSet<QString> used;
    int depth = 0;
    for (qsizetype i = openerIndex + 1; i < m_tokens.size(); ++i) {
        const Token &t = m_tokens[i];
        if (t.kind == TokenKind::OpenBracket) {
            ++depth;
        } else if (t.kind == TokenKind::CloseBracket) {
            if (--depth < 0)
                break;
        } else if (depth == 0 && t.kind == TokenKind::Parameter && t.start != m_wordStart) {
            used.insert(textOf(i).toString());
        }
    }
    int order = 0;
    for (const FluxParameter &p : symbol.parameters) {
        if (p.role == FluxParameterRole::Pipe || used.contains(p.name))
            continue;
        const Insertion insertion = argumentInsertion(p);
        CompletionItem item;
        item.kind = CompletionKind::Parameter;
        item.label = p.name;
        item.insertText = insertion.text;
        item.cursorOffset = insertion.cursor;
        item.detail = p.text();
        item.documentation = symbol.signature();
        ranker.add(std::move(item), (p.role == FluxParameterRole::Required ? 60 : 0) + qMax(0, 20 - order++));
    }
}

CompletionContext FluxCompleter::addValuesFor(const FluxParameter &parameter, CompletionRanker &ranker)
{
    QString tag;
    const StringRole role = roleOfParameter(parameter.name, &tag);
    CompletionContext context = CompletionContext::Expression;
    if (role != StringRole::None) {
        addStringValues(role, tag, ranker, parameter.type.startsWith(u'[') ? Quoting::NewList : Quoting::NewString, 100);
        context = contextOf(role);
    } else if (parameter.type == u"bool") {
        for (const QString &constant : {QStringLiteral("true"), QStringLiteral("false")}) {
            CompletionItem item;
            item.kind = CompletionKind::Constant;
            item.label = constant;
            item.insertText = constant;
            item.detail = QStringLiteral("bool");
            ranker.add(std::move(item), 100);
        }
    } else if (isTableFunctionType(parameter.type)) {
        // aggregateWindow(fn: mean): aggregates and selectors by name.
        for (const FluxSymbol *symbol : FluxStdlib::instance().members(u"")) {
            if (!symbol->takesPipe() || !symbol->parameter(u"column") || !symbol->requiredParameters().isEmpty())
                continue;
            CompletionItem item;
            item.kind = CompletionKind::Function;
            item.label = symbol->name;
            item.insertText = symbol->name;
            item.detail = symbol->signature();
            item.documentation = symbol->doc;
            ranker.add(std::move(item), 100 + popularity(symbol->name));
        }
        return context;
    } else if (isFunctionType(parameter.type)) {
        CompletionItem item;
        item.kind = CompletionKind::Keyword;
        item.insertText = lambdaSnippet(parameter.type);
        item.label = item.insertText.trimmed();
        item.detail = parameter.type;
        ranker.add(std::move(item), 100);
    }
    addExpression(ranker);
    return context;
}

} // namespace sasquatch
