// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/InfluxQlCompleter.h"

#include "core/influx/QueryEscape.h"
#include "core/query/InfluxQlFunctions.h"
#include "core/query/InfluxQlTokenizer.h"
#include "core/query/LexSupport.h"
#include "core/query/QueryKeywords.h"
#include "core/query/QueryTokenizer.h"

namespace sasquatch {

namespace {

bool isPlainIdentifier(QStringView name)
{
    if (name.isEmpty() || !(name[0] == u'_' || (name[0].isLetter() && name[0].unicode() < 128)))
        return false;
    for (const QChar c : name)
        if (!(c == u'_' || (c.unicode() < 128 && c.isLetterOrNumber())))
            return false;
    return !isInfluxQlKeyword(name);
}

/// Unescapes the content of "…" or '…' (backslash escapes).
QString unquote(QStringView literal, bool closed)
{
    QString out;
    const qsizetype end = closed ? literal.size() - 1 : literal.size();
    for (qsizetype i = 1; i < end; ++i) {
        if (literal[i] == u'\\' && i + 1 < end)
            ++i;
        out.append(literal[i]);
    }
    return out;
}

QString stringBody(QStringView value)
{
    const QString quoted = influxQlString(value);
    return quoted.mid(1, quoted.size() - 2);
}

const QStringList &statementStarts()
{
    static const QStringList words{QStringLiteral("SELECT"), QStringLiteral("SHOW"),   QStringLiteral("CREATE"),
                                   QStringLiteral("DROP"),   QStringLiteral("DELETE"), QStringLiteral("ALTER"),
                                   QStringLiteral("GRANT"),  QStringLiteral("REVOKE"), QStringLiteral("KILL"),
                                   QStringLiteral("EXPLAIN")};
    return words;
}

const QStringList &showTargets()
{
    static const QStringList words{
        QStringLiteral("MEASUREMENTS"),      QStringLiteral("FIELD KEYS"),         QStringLiteral("TAG KEYS"),
        QStringLiteral("TAG VALUES"),        QStringLiteral("DATABASES"),          QStringLiteral("RETENTION POLICIES"),
        QStringLiteral("SERIES"),            QStringLiteral("MEASUREMENT CARDINALITY"), QStringLiteral("SERIES CARDINALITY"),
        QStringLiteral("FIELD KEY CARDINALITY"), QStringLiteral("TAG KEY CARDINALITY"), QStringLiteral("TAG VALUES CARDINALITY"),
        QStringLiteral("CONTINUOUS QUERIES"), QStringLiteral("QUERIES"),           QStringLiteral("SHARDS"),
        QStringLiteral("SHARD GROUPS"),      QStringLiteral("SUBSCRIPTIONS"),      QStringLiteral("USERS"),
        QStringLiteral("GRANTS"),            QStringLiteral("DIAGNOSTICS"),        QStringLiteral("STATS")};
    return words;
}

} // namespace

InfluxQlCompleter::InfluxQlCompleter(QStringView text, qsizetype cursor, const SchemaSnapshot &schema)
    : m_text(text), m_cursor(qBound<qsizetype>(0, cursor, text.size())), m_schema(schema),
      m_tokens(InfluxQlTokenizer::tokenize(text).tokens)
{
}

QStringView InfluxQlCompleter::textOf(qsizetype index) const
{
    return index >= 0 ? lex::tokenText(m_text, m_tokens[index]) : QStringView();
}

bool InfluxQlCompleter::isChar(qsizetype index, char16_t c) const
{
    if (index < 0)
        return false;
    const Token &t = m_tokens[index];
    return t.length == 1 && m_text[t.start] == QChar(c)
           && (t.kind == TokenKind::Punctuation || t.kind == TokenKind::OpenBracket || t.kind == TokenKind::CloseBracket
               || t.kind == TokenKind::Operator);
}

bool InfluxQlCompleter::isKeyword(qsizetype index, QStringView upper) const
{
    return index >= 0 && m_tokens[index].kind == TokenKind::Keyword
           && textOf(index).compare(upper, Qt::CaseInsensitive) == 0;
}

qsizetype InfluxQlCompleter::previous(qsizetype index) const
{
    return index < 0 ? -1 : lex::previousSignificant(m_tokens, index);
}

QString InfluxQlCompleter::nameOf(qsizetype index) const
{
    if (index < 0)
        return {};
    const Token &t = m_tokens[index];
    if (t.kind == TokenKind::QuotedIdentifier)
        return unquote(textOf(index), t.closed);
    return textOf(index).toString();
}

bool InfluxQlCompleter::endsOperand(qsizetype index) const
{
    if (index < 0)
        return false;
    switch (m_tokens[index].kind) {
    case TokenKind::Identifier:
    case TokenKind::QuotedIdentifier:
    case TokenKind::Function:
    case TokenKind::String:
    case TokenKind::DateTime:
    case TokenKind::Number:
    case TokenKind::Duration:
    case TokenKind::Regex:
    case TokenKind::Constant:
    case TokenKind::BindParameter:
    case TokenKind::CloseBracket:
        return true;
    default:
        return isChar(index, u'*');
    }
}

InfluxQlCompleter::Clause InfluxQlCompleter::clauseOf(qsizetype anchor) const
{
    int depth = 0;
    for (qsizetype i = anchor; i >= 0; --i) {
        const Token &t = m_tokens[i];
        if (t.kind == TokenKind::CloseBracket) {
            ++depth;
        } else if (t.kind == TokenKind::OpenBracket) {
            if (depth > 0)
                --depth;
        } else if (isChar(i, u';')) {
            return Clause::Statement;
        } else if (depth == 0 && t.kind == TokenKind::Keyword) {
            const QString word = textOf(i).toString().toUpper();
            if (word == u"SELECT")
                return Clause::Select;
            if (word == u"FROM")
                return Clause::From;
            if (word == u"WHERE")
                return Clause::Where;
            if (word == u"BY")
                return isKeyword(previous(i), u"ORDER") ? Clause::OrderBy : Clause::GroupBy;
            if (word == u"ON")
                return Clause::On;
            if (word == u"KEY" && isKeyword(previous(i), u"WITH"))
                return Clause::WithKey;
            if (word == u"SHOW")
                return Clause::Show;
            if (word == u"LIMIT" || word == u"SLIMIT" || word == u"OFFSET" || word == u"SOFFSET" || word == u"INTO")
                return Clause::Other;
        }
    }
    return Clause::Statement;
}

QString InfluxQlCompleter::identifier(const QString &name) const
{
    return !m_inQuotedIdentifier && isPlainIdentifier(name) ? name : influxQlIdentifier(name);
}

QString InfluxQlCompleter::keywordCase(const QString &keyword) const
{
    // Follow the user: "sel" completes to "select", anything else to upper case.
    const bool lower = !m_prefix.isEmpty() && m_prefix == m_prefix.toLower() && m_prefix != m_prefix.toUpper();
    return lower ? keyword.toLower() : keyword;
}

QString InfluxQlCompleter::functionCase(const QString &function) const
{
    const bool upper = !m_prefix.isEmpty() && m_prefix == m_prefix.toUpper() && m_prefix != m_prefix.toLower();
    return upper ? function.toUpper() : function.toLower();
}

CompletionResult InfluxQlCompleter::complete(int maxItems)
{
    CompletionResult result;
    result.replaceStart = result.replaceEnd = m_cursor;
    const qsizetype cur = m_cursor > 0 ? QueryTokenizer::tokenAt(m_tokens, m_cursor - 1) : -1;
    qsizetype anchor = -1;
    qsizetype prefixStart = m_cursor;
    if (cur >= 0) {
        const Token &t = m_tokens[cur];
        const bool inside = m_cursor < t.end() || !t.closed;
        if (t.kind == TokenKind::Comment && (inside || m_text[t.start] == u'-')) {
            return result;
        } else if ((t.kind == TokenKind::String || t.kind == TokenKind::DateTime) && inside) {
            m_inString = true;
            prefixStart = t.start + 1;
            result.replaceStart = t.start + 1;
            result.replaceEnd = t.closed ? t.end() : m_cursor;
            anchor = previous(cur);
        } else if (t.kind == TokenKind::QuotedIdentifier && inside) {
            m_inQuotedIdentifier = true;
            prefixStart = t.start + 1;
            result.replaceStart = t.start;
            result.replaceEnd = t.closed ? t.end() : m_cursor;
            anchor = previous(cur);
        } else if (t.kind == TokenKind::Identifier || t.kind == TokenKind::Keyword || t.kind == TokenKind::Function
                   || t.kind == TokenKind::Constant) {
            prefixStart = t.start;
            result.replaceStart = t.start;
            result.replaceEnd = t.end();
            anchor = previous(cur);
        } else if (t.kind == TokenKind::Number || t.kind == TokenKind::Duration || t.kind == TokenKind::Regex
                   || t.kind == TokenKind::BindParameter || t.kind == TokenKind::Invalid) {
            return result; // typing a number, duration, regex or bind parameter
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
    m_prefix = m_text.sliced(prefixStart, m_cursor - prefixStart).toString();
    CompletionRanker ranker(m_prefix, result.replaceStart, result.replaceEnd);
    result.context = completeAfter(anchor, ranker);
    result.prefix = m_prefix;
    result.items = ranker.take(maxItems);
    return result;
}

CompletionContext InfluxQlCompleter::completeAfter(qsizetype anchor, CompletionRanker &ranker)
{
    if (m_inString) {
        // 'value' after  tag = / != / <> / =~ …: the tag's known values.
        const qsizetype key = previous(anchor);
        if (anchor >= 0 && m_tokens[anchor].kind == TokenKind::Operator && key >= 0
            && (m_tokens[key].kind == TokenKind::Identifier || m_tokens[key].kind == TokenKind::QuotedIdentifier)) {
            addTagValues(nameOf(key), ranker, 0);
            return CompletionContext::TagValue;
        }
        return CompletionContext::None;
    }
    if (anchor < 0 || isChar(anchor, u';')) {
        for (const QString &word : statementStarts())
            addPhrase(word, ranker, word == u"SELECT" ? 30 : (word == u"SHOW" ? 20 : 0));
        return CompletionContext::Statement;
    }
    switch (clauseOf(anchor)) {
    case Clause::Select:
        if (isKeyword(anchor, u"SELECT") || isChar(anchor, u',') || isChar(anchor, u'(') || isKeyword(anchor, u"DISTINCT")
            || (m_tokens[anchor].kind == TokenKind::Operator && textOf(anchor) != u"::")) {
            addNames(m_schema.fields, CompletionKind::Field, QStringLiteral("field"), ranker, 60);
            addNames(m_schema.tagKeys, CompletionKind::Tag, QStringLiteral("tag key"), ranker, 30);
            if (!isChar(anchor, u'('))
                addFunctions(ranker, 20);
            return CompletionContext::Field;
        }
        if (isKeyword(anchor, u"AS"))
            return CompletionContext::None; // an alias of the user's choosing
        addKeywords({QStringLiteral("FROM"), QStringLiteral("AS"), QStringLiteral("INTO")}, ranker);
        return CompletionContext::Keyword;
    case Clause::From:
        return completeFrom(anchor, ranker);
    case Clause::Where:
        return completeWhere(anchor, ranker);
    case Clause::GroupBy:
        if (isKeyword(anchor, u"BY") || isChar(anchor, u',')) {
            addNames(m_schema.tagKeys, CompletionKind::Tag, QStringLiteral("tag key"), ranker, 50);
            CompletionItem time;
            time.kind = CompletionKind::Function;
            time.label = QStringLiteral("time");
            time.insertText = functionCase(QStringLiteral("time()"));
            time.cursorOffset = 5;
            time.detail = findInfluxQlFunction(u"time")->signature();
            time.documentation = findInfluxQlFunction(u"time")->doc;
            ranker.add(std::move(time), 60);
            return CompletionContext::GroupBy;
        }
        addKeywords({QStringLiteral("fill"), QStringLiteral("ORDER BY"), QStringLiteral("LIMIT"),
                     QStringLiteral("SLIMIT"), QStringLiteral("OFFSET"), QStringLiteral("SOFFSET"), QStringLiteral("tz")},
                    ranker);
        return CompletionContext::Keyword;
    case Clause::OrderBy:
        if (isKeyword(anchor, u"BY")) {
            addPhrase(QStringLiteral("time"), ranker, 50);
            return CompletionContext::Keyword;
        }
        addKeywords({QStringLiteral("ASC"), QStringLiteral("DESC"), QStringLiteral("LIMIT"), QStringLiteral("OFFSET")},
                    ranker);
        return CompletionContext::Keyword;
    case Clause::On:
        if (isKeyword(anchor, u"ON")) {
            addNames(m_schema.databases(), CompletionKind::Database, QStringLiteral("database"), ranker, 0);
            return CompletionContext::Database;
        }
        addKeywords({QStringLiteral("FROM"), QStringLiteral("WITH KEY"), QStringLiteral("WHERE"), QStringLiteral("LIMIT")},
                    ranker);
        return CompletionContext::Keyword;
    case Clause::WithKey:
        if (m_tokens[anchor].kind == TokenKind::Operator || isChar(anchor, u'(') || isChar(anchor, u',')) {
            addNames(m_schema.tagKeys, CompletionKind::Tag, QStringLiteral("tag key"), ranker, 0);
            return CompletionContext::TagKey;
        }
        addKeywords({QStringLiteral("WHERE"), QStringLiteral("LIMIT"), QStringLiteral("OFFSET")}, ranker);
        return CompletionContext::Keyword;
    case Clause::Show:
        if (isKeyword(anchor, u"SHOW")) {
            for (const QString &target : showTargets())
                addPhrase(target, ranker, target == u"MEASUREMENTS" || target.contains(u"KEYS") ? 20 : 0);
            return CompletionContext::Keyword;
        }
        addKeywords({QStringLiteral("ON"), QStringLiteral("FROM"), QStringLiteral("WITH KEY"), QStringLiteral("WHERE"),
                     QStringLiteral("LIMIT")},
                    ranker);
        return CompletionContext::Keyword;
    case Clause::Statement:
    case Clause::Other:
        break;
    }
    addKeywords({}, ranker);
    return CompletionContext::Keyword;
}

CompletionContext InfluxQlCompleter::completeFrom(qsizetype anchor, CompletionRanker &ranker)
{
    if (isKeyword(anchor, u"FROM") || isChar(anchor, u',')) {
        addNames(m_schema.measurements, CompletionKind::Measurement, QStringLiteral("measurement"), ranker, 0);
        return CompletionContext::Measurement;
    }
    if (isChar(anchor, u'.')) {
        // "db"."rp"."measurement": count the names before this dot.
        QStringList names;
        qsizetype i = anchor;
        while (isChar(i, u'.')) {
            const qsizetype name = previous(i);
            if (name < 0 || (m_tokens[name].kind != TokenKind::Identifier && m_tokens[name].kind != TokenKind::QuotedIdentifier))
                break;
            names.prepend(nameOf(name));
            i = previous(name);
        }
        if (names.size() == 1) {
            addNames(m_schema.retentionPolicies(names.first()), CompletionKind::RetentionPolicy,
                     QStringLiteral("retention policy"), ranker, 0);
            return CompletionContext::RetentionPolicy;
        }
        addNames(m_schema.measurements, CompletionKind::Measurement, QStringLiteral("measurement"), ranker, 0);
        return CompletionContext::Measurement;
    }
    if (endsOperand(anchor)) {
        addKeywords({QStringLiteral("WHERE"), QStringLiteral("GROUP BY"), QStringLiteral("ORDER BY"),
                     QStringLiteral("LIMIT"), QStringLiteral("SLIMIT"), QStringLiteral("OFFSET"), QStringLiteral("SOFFSET"),
                     QStringLiteral("WITH KEY"), QStringLiteral("tz")},
                    ranker);
        return CompletionContext::Keyword;
    }
    addKeywords({}, ranker);
    return CompletionContext::Keyword;
}

CompletionContext InfluxQlCompleter::completeWhere(qsizetype anchor, CompletionRanker &ranker)
{
    const Token &a = m_tokens[anchor];
    if (isKeyword(anchor, u"WHERE") || isKeyword(anchor, u"AND") || isKeyword(anchor, u"OR") || isChar(anchor, u'(')) {
        addPhrase(QStringLiteral("time"), ranker, 60);
        addNames(m_schema.tagKeys, CompletionKind::Tag, QStringLiteral("tag key"), ranker, 50);
        addNames(m_schema.fields, CompletionKind::Field, QStringLiteral("field"), ranker, 30);
        return CompletionContext::Condition;
    }
    if (a.kind == TokenKind::Operator && textOf(anchor) != u"::") {
        const qsizetype key = previous(anchor);
        const QString name = nameOf(key);
        if (name.compare(u"time", Qt::CaseInsensitive) == 0) {
            CompletionItem now;
            now.kind = CompletionKind::Function;
            now.label = QStringLiteral("now");
            now.insertText = functionCase(QStringLiteral("now()"));
            now.detail = findInfluxQlFunction(u"now")->signature();
            now.documentation = findInfluxQlFunction(u"now")->doc;
            ranker.add(std::move(now), 50);
            return CompletionContext::Condition;
        }
        if (key >= 0 && (m_tokens[key].kind == TokenKind::Identifier || m_tokens[key].kind == TokenKind::QuotedIdentifier)) {
            addTagValues(name, ranker, 0);
            return CompletionContext::TagValue;
        }
        return CompletionContext::Condition;
    }
    if (endsOperand(anchor)) {
        addKeywords({QStringLiteral("AND"), QStringLiteral("OR"), QStringLiteral("GROUP BY"), QStringLiteral("ORDER BY"),
                     QStringLiteral("LIMIT"), QStringLiteral("SLIMIT"), QStringLiteral("fill"), QStringLiteral("tz")},
                    ranker);
        return CompletionContext::Keyword;
    }
    addKeywords({}, ranker);
    return CompletionContext::Keyword;
}

void InfluxQlCompleter::addNames(const QStringList &names, CompletionKind kind, const QString &detail,
                                 CompletionRanker &ranker, int boost)
{
    for (const QString &name : names) {
        if (!ranker.matches(name))
            continue; // before quoting: schemas hold thousands of names
        CompletionItem item;
        item.kind = kind;
        item.label = name;
        item.insertText = identifier(name);
        item.detail = detail;
        ranker.add(std::move(item), boost);
    }
}

void InfluxQlCompleter::addTagValues(const QString &tag, CompletionRanker &ranker, int boost)
{
    for (const QString &value : m_schema.tagValues.value(tag)) {
        CompletionItem item;
        item.kind = CompletionKind::TagValue;
        item.label = value;
        item.insertText = m_inString ? stringBody(value) + u'\'' : influxQlString(value);
        item.detail = QStringLiteral("%1 value").arg(tag);
        ranker.add(std::move(item), boost);
    }
}

void InfluxQlCompleter::addFunctions(CompletionRanker &ranker, int boost)
{
    if (m_inQuotedIdentifier || m_inString)
        return; // "mea… completes a name, never a call
    for (const InfluxQlFunction &f : influxQlFunctions()) {
        CompletionItem item;
        item.kind = CompletionKind::Function;
        item.label = f.name.toLower();
        const QString name = functionCase(f.name);
        item.insertText = name + QStringLiteral("()");
        item.cursorOffset = f.arguments.isEmpty() ? -1 : name.size() + 1;
        item.detail = f.signature();
        item.documentation = f.doc;
        const bool common = f.kind == InfluxQlFunctionKind::Aggregation || f.kind == InfluxQlFunctionKind::Selector;
        ranker.add(std::move(item), boost + (common ? 10 : 0));
    }
}

void InfluxQlCompleter::addPhrase(const QString &phrase, CompletionRanker &ranker, int boost)
{
    if (m_inQuotedIdentifier || m_inString)
        return; // keywords are never quoted
    // fill() and tz() read as clauses but are written as calls.
    if (phrase == u"fill" || phrase == u"tz") {
        const InfluxQlFunction *f = findInfluxQlFunction(phrase);
        CompletionItem item;
        item.kind = CompletionKind::Function;
        item.label = phrase;
        item.insertText = functionCase(phrase) + QStringLiteral("()");
        item.cursorOffset = phrase.size() + 1;
        item.detail = f->signature();
        item.documentation = f->doc;
        ranker.add(std::move(item), boost);
        return;
    }
    CompletionItem item;
    item.kind = phrase == u"time" ? CompletionKind::Column : CompletionKind::Keyword;
    item.label = phrase;
    item.insertText = phrase == u"time" ? phrase : keywordCase(phrase);
    item.detail = phrase == u"time" ? QStringLiteral("timestamp") : QStringLiteral("keyword");
    ranker.add(std::move(item), boost);
}

void InfluxQlCompleter::addKeywords(const QStringList &preferred, CompletionRanker &ranker)
{
    // What may follow here first, in the given order; then every keyword and function.
    for (qsizetype i = 0; i < preferred.size(); ++i)
        addPhrase(preferred[i], ranker, 100 - int(i) * 5);
    for (const QString &keyword : influxQlKeywords())
        addPhrase(keyword, ranker, 0);
    addFunctions(ranker, -20);
}

} // namespace sasquatch
