// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/FluxCompleter.h"

#include "core/query/FluxStdlib.h"
#include "core/query/FluxTokenizer.h"
#include "core/query/LexSupport.h"
#include "core/query/QueryKeywords.h"
#include "core/query/QueryTokenizer.h"

#include <QSet>

namespace sasquatch {

namespace {

bool isWordKind(TokenKind kind)
{
    switch (kind) {
    case TokenKind::Identifier:
    case TokenKind::Keyword:
    case TokenKind::Function:
    case TokenKind::Property:
    case TokenKind::Parameter:
    case TokenKind::Constant:
        return true;
    default:
        return false;
    }
}

/// The value of a closed Flux string literal token (simple escapes undone).
QString unquote(QStringView literal)
{
    QString out;
    for (qsizetype i = 1; i + 1 < literal.size(); ++i) {
        if (literal[i] == u'\\' && i + 2 < literal.size())
            ++i;
        out.append(literal[i]);
    }
    return out;
}

} // namespace

FluxCompleter::FluxCompleter(QStringView text, qsizetype cursor, const SchemaSnapshot &schema)
    : m_text(text), m_cursor(qBound<qsizetype>(0, cursor, text.size())), m_schema(schema),
      m_tokens(FluxTokenizer::tokenize(text).tokens)
{
    collectImportsAndVariables();
}

QStringView FluxCompleter::textOf(qsizetype index) const
{
    return index >= 0 ? lex::tokenText(m_text, m_tokens[index]) : QStringView();
}

bool FluxCompleter::isChar(qsizetype index, char16_t c) const
{
    if (index < 0)
        return false;
    const Token &t = m_tokens[index];
    return t.length == 1 && m_text[t.start] == QChar(c)
           && (t.kind == TokenKind::Punctuation || t.kind == TokenKind::OpenBracket || t.kind == TokenKind::CloseBracket);
}

bool FluxCompleter::isOperator(qsizetype index, QStringView op) const
{
    return index >= 0 && m_tokens[index].kind == TokenKind::Operator && textOf(index) == op;
}

qsizetype FluxCompleter::previous(qsizetype index) const
{
    return index < 0 ? -1 : lex::previousSignificant(m_tokens, index);
}

qsizetype FluxCompleter::enclosingOpener(qsizetype fromIndex) const
{
    int depth = 0;
    for (qsizetype i = fromIndex; i >= 0; --i) {
        if (m_tokens[i].kind == TokenKind::CloseBracket) {
            ++depth;
        } else if (m_tokens[i].kind == TokenKind::OpenBracket) {
            if (depth == 0)
                return i;
            --depth;
        }
    }
    return -1;
}

QString FluxCompleter::importPathFor(const QString &alias) const
{
    if (const auto it = m_imports.constFind(alias); it != m_imports.cend())
        return *it;
    if (m_variables.contains(alias))
        return {};
    for (const QString &path : FluxStdlib::instance().packagePaths())
        if (FluxStdlib::defaultAlias(path) == alias)
            return path;
    return {};
}

const FluxSymbol *FluxCompleter::callee(qsizetype openerIndex, QString *importPath) const
{
    const qsizetype f = previous(openerIndex);
    if (f < 0 || m_tokens[f].kind != TokenKind::Function)
        return nullptr;
    const qsizetype dot = previous(f);
    if (isChar(dot, u'.')) {
        const QString path = importPathFor(textOf(previous(dot)).toString());
        *importPath = path;
        return path.isEmpty() ? nullptr : FluxStdlib::instance().find(path, textOf(f));
    }
    importPath->clear();
    return FluxStdlib::instance().find(u"", textOf(f));
}

QString FluxCompleter::comparedColumn(qsizetype operatorIndex) const
{
    const qsizetype a = previous(operatorIndex);
    if (a < 0)
        return {};
    if (m_tokens[a].kind == TokenKind::Property)
        return textOf(a).toString();
    if (isChar(a, u']')) {
        const qsizetype s = previous(a);
        if (s >= 0 && m_tokens[s].kind == TokenKind::String && m_tokens[s].closed && isChar(previous(s), u'['))
            return unquote(textOf(s));
    }
    return {};
}

FluxCompleter::StringRole FluxCompleter::roleOfParameter(QStringView name, QString *tag) const
{
    static const QSet<QString> columnParameters{
        QStringLiteral("columns"),     QStringLiteral("rowKey"),     QStringLiteral("columnKey"),
        QStringLiteral("groupColumns"), QStringLiteral("keyColumns"), QStringLiteral("column"),
        QStringLiteral("valueColumn"), QStringLiteral("timeColumn"), QStringLiteral("timeSrc"),
        QStringLiteral("timeDst"),     QStringLiteral("key"),        QStringLiteral("otherColumns")};
    tag->clear();
    if (name == u"bucket")
        return StringRole::Bucket;
    if (name == u"measurement")
        return StringRole::Measurement;
    if (name == u"field")
        return StringRole::Field;
    if (name == u"tag")
        return StringRole::TagKey;
    if (columnParameters.contains(name.toString()))
        return StringRole::Column;
    return StringRole::None;
}

FluxCompleter::StringRole FluxCompleter::roleOfString(qsizetype stringIndex, QString *tag) const
{
    tag->clear();
    const qsizetype p = previous(stringIndex);
    if (p < 0)
        return StringRole::None;
    const auto isImport = [this](qsizetype i) { return i >= 0 && m_tokens[i].kind == TokenKind::Keyword && textOf(i) == u"import"; };
    if (isImport(p) || (m_tokens[p].kind == TokenKind::Identifier && isImport(previous(p))))
        return StringRole::Import;
    if (isChar(p, u':')) {
        const qsizetype q = previous(p);
        return q >= 0 && m_tokens[q].kind == TokenKind::Parameter ? roleOfParameter(textOf(q), tag) : StringRole::None;
    }
    if (isChar(p, u'[') || isChar(p, u',')) {
        const qsizetype opener = enclosingOpener(p);
        if (!isChar(opener, u'['))
            return StringRole::None;
        const qsizetype before = previous(opener);
        if (isChar(before, u':')) {
            const qsizetype q = previous(before);
            return q >= 0 && m_tokens[q].kind == TokenKind::Parameter ? roleOfParameter(textOf(q), tag) : StringRole::None;
        }
        if (opener == p && before >= 0
            && (isWordKind(m_tokens[before].kind) || isChar(before, u')') || isChar(before, u']')))
            return StringRole::ColumnIndex;
        return StringRole::None;
    }
    if (isOperator(p, u"==") || isOperator(p, u"!=")) {
        const QString column = comparedColumn(p);
        if (column.isEmpty())
            return StringRole::None;
        if (column == u"_measurement")
            return StringRole::Measurement;
        if (column == u"_field")
            return StringRole::Field;
        *tag = column;
        return StringRole::TagValue;
    }
    return StringRole::None;
}

void FluxCompleter::collectImportsAndVariables()
{
    for (qsizetype i = 0; i < m_tokens.size(); ++i) {
        const Token &t = m_tokens[i];
        if (t.kind == TokenKind::Keyword && textOf(i) == u"import") {
            qsizetype n = lex::nextSignificant(m_tokens, i);
            QString alias;
            if (n >= 0 && m_tokens[n].kind == TokenKind::Identifier) {
                alias = textOf(n).toString();
                n = lex::nextSignificant(m_tokens, n);
            }
            if (n >= 0 && m_tokens[n].kind == TokenKind::String && m_tokens[n].closed) {
                const QString path = unquote(textOf(n));
                m_imports.insert(alias.isEmpty() ? FluxStdlib::defaultAlias(path) : alias, path);
            }
        } else if (t.kind == TokenKind::Identifier) {
            const qsizetype n = lex::nextSignificant(m_tokens, i);
            if (isOperator(n, u"=") && !m_variables.contains(textOf(i).toString()))
                m_variables.append(textOf(i).toString());
        } else if (t.kind == TokenKind::OpenBracket && m_text[t.start] == u'(') {
            // Lambda parameters: ( a, b ) =>
            QStringList names;
            qsizetype j = lex::nextSignificant(m_tokens, i);
            while (j >= 0 && (m_tokens[j].kind == TokenKind::Identifier || isChar(j, u',')))
                j = lex::nextSignificant(m_tokens, j);
            if (isChar(j, u')') && isOperator(lex::nextSignificant(m_tokens, j), u"=>")) {
                for (qsizetype k = i + 1; k < j; ++k)
                    if (m_tokens[k].kind == TokenKind::Identifier && !m_variables.contains(textOf(k).toString()))
                        m_variables.append(textOf(k).toString());
            }
        }
    }
}

CompletionResult FluxCompleter::complete(int maxItems)
{
    CompletionResult result;
    result.replaceStart = result.replaceEnd = m_cursor;
    const qsizetype cur = m_cursor > 0 ? QueryTokenizer::tokenAt(m_tokens, m_cursor - 1) : -1;
    qsizetype anchor = -1;
    if (cur >= 0) {
        const Token &t = m_tokens[cur];
        if (t.kind == TokenKind::String && m_text[t.start] == u'"' && (m_cursor < t.end() || !t.closed)) {
            // Inside a string: complete its content. A string that runs on past a newline is
            // being typed (it swallowed the rest of the query), so it ends at the cursor.
            const bool closedHere = t.closed && !m_text.sliced(m_cursor, t.end() - m_cursor).contains(u'\n');
            result.replaceStart = t.start + 1;
            result.replaceEnd = closedHere ? t.end() : m_cursor;
            m_replaceEnd = result.replaceEnd;
            CompletionRanker ranker(m_text.sliced(t.start + 1, m_cursor - t.start - 1).toString(), result.replaceStart,
                                    result.replaceEnd);
            result.context = completeString(cur, ranker);
            result.prefix = ranker.prefix();
            result.items = ranker.take(maxItems);
            return result;
        }
        if (isWordKind(t.kind)) {
            m_wordStart = t.start;
            m_wordEnd = t.end();
            anchor = previous(cur);
        } else if (t.kind == TokenKind::String && m_cursor == t.end()) {
            anchor = cur;
        } else if (t.kind == TokenKind::Comment || t.kind == TokenKind::String || t.kind == TokenKind::Number
                   || t.kind == TokenKind::Duration || t.kind == TokenKind::DateTime || t.kind == TokenKind::Regex
                   || t.kind == TokenKind::Invalid || t.kind == TokenKind::StringEscape) {
            return result;
        } else {
            anchor = cur;
        }
    } else {
        for (qsizetype i = m_tokens.size() - 1; i >= 0; --i) {
            if (m_tokens[i].end() <= m_cursor) {
                anchor = previous(i + 1);
                break;
            }
        }
    }
    if (m_wordStart >= 0) {
        result.replaceStart = m_wordStart;
        result.replaceEnd = m_wordEnd;
    }
    m_replaceEnd = result.replaceEnd;
    CompletionRanker ranker(m_text.sliced(result.replaceStart, m_cursor - result.replaceStart).toString(),
                            result.replaceStart, result.replaceEnd);
    result.context = completeAfter(anchor, ranker);
    result.prefix = ranker.prefix();
    result.items = ranker.take(maxItems);
    return result;
}

CompletionContext FluxCompleter::contextOf(StringRole role)
{
    switch (role) {
    case StringRole::Import:
        return CompletionContext::Import;
    case StringRole::Bucket:
        return CompletionContext::Bucket;
    case StringRole::Measurement:
        return CompletionContext::Measurement;
    case StringRole::Field:
        return CompletionContext::Field;
    case StringRole::TagKey:
        return CompletionContext::TagKey;
    case StringRole::TagValue:
        return CompletionContext::TagValue;
    case StringRole::Column:
    case StringRole::ColumnIndex:
        return CompletionContext::Column;
    case StringRole::None:
        break;
    }
    return CompletionContext::None;
}

CompletionContext FluxCompleter::completeString(qsizetype stringIndex, CompletionRanker &ranker)
{
    QString tag;
    const StringRole role = roleOfString(stringIndex, &tag);
    addStringValues(role, tag, ranker, Quoting::InsideString, 0);
    return contextOf(role);
}

CompletionContext FluxCompleter::completeAfter(qsizetype anchor, CompletionRanker &ranker)
{
    if (anchor < 0) {
        addExpression(ranker);
        return CompletionContext::Expression;
    }
    QString tag;
    if (isChar(anchor, u'.')) {
        const qsizetype owner = previous(anchor);
        if (owner >= 0 && isWordKind(m_tokens[owner].kind) && m_tokens[owner].kind != TokenKind::Property) {
            const QString name = textOf(owner).toString();
            if (!importPathFor(name).isEmpty()) {
                addMembers(name, ranker);
                return CompletionContext::Member;
            }
        }
        if (owner >= 0 && (isWordKind(m_tokens[owner].kind) || isChar(owner, u')') || isChar(owner, u']'))) {
            addColumnMembers(anchor, ranker);
            return CompletionContext::Column;
        }
        return CompletionContext::None;
    }
    if (isOperator(anchor, u"|>")) {
        addPipeFunctions(ranker);
        return CompletionContext::PipeFunction;
    }
    if (m_tokens[anchor].kind == TokenKind::Keyword && textOf(anchor) == u"import") {
        addStringValues(StringRole::Import, tag, ranker, Quoting::NewString, 0);
        return CompletionContext::Import;
    }
    if (isChar(anchor, u'(') || isChar(anchor, u',')) {
        const qsizetype opener = enclosingOpener(anchor);
        if (isChar(opener, u'(')) {
            QString path;
            if (const FluxSymbol *symbol = callee(opener, &path)) {
                addArguments(*symbol, opener, ranker);
                return CompletionContext::Argument;
            }
        } else if (isChar(opener, u'[')) {
            const qsizetype colon = previous(opener);
            const qsizetype q = previous(colon);
            if (isChar(colon, u':') && q >= 0 && m_tokens[q].kind == TokenKind::Parameter) {
                const StringRole role = roleOfParameter(textOf(q), &tag);
                if (role != StringRole::None) {
                    addStringValues(role, tag, ranker, Quoting::NewString, 0);
                    return contextOf(role);
                }
            }
        }
        addExpression(ranker);
        return CompletionContext::Expression;
    }
    if (isChar(anchor, u':')) {
        const qsizetype q = previous(anchor);
        if (q >= 0 && m_tokens[q].kind == TokenKind::Parameter) {
            const qsizetype opener = enclosingOpener(q);
            QString path;
            const FluxSymbol *symbol = isChar(opener, u'(') ? callee(opener, &path) : nullptr;
            if (const FluxParameter *parameter = symbol ? symbol->parameter(textOf(q)) : nullptr)
                return addValuesFor(*parameter, ranker);
            const StringRole role = roleOfParameter(textOf(q), &tag);
            if (role != StringRole::None) {
                addStringValues(role, tag, ranker, Quoting::NewString, 100);
                addExpression(ranker);
                return contextOf(role);
            }
        }
        addExpression(ranker);
        return CompletionContext::Expression;
    }
    if (isOperator(anchor, u"==") || isOperator(anchor, u"!=")) {
        const QString column = comparedColumn(anchor);
        if (!column.isEmpty()) {
            const StringRole role = column == u"_measurement" ? StringRole::Measurement
                                    : column == u"_field"     ? StringRole::Field
                                                              : StringRole::TagValue;
            addStringValues(role, column, ranker, Quoting::NewString, 0);
            return contextOf(role);
        }
    }
    addExpression(ranker);
    return CompletionContext::Expression;
}

} // namespace sasquatch
