// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/InfluxQlStatements.h"

#include "core/query/InfluxQlTokenizer.h"

namespace sasquatch {

namespace {

/// Tokens of one statement each, comments dropped.
QList<QList<Token>> statementTokens(const QString &text)
{
    QList<QList<Token>> statements(1);
    for (const Token &t : InfluxQlTokenizer::tokenize(text).tokens) {
        if (t.kind == TokenKind::Comment)
            continue;
        if (t.kind == TokenKind::Punctuation && text.at(t.start) == u';') {
            statements.append(QList<Token>());
            continue;
        }
        statements.last().append(t);
    }
    statements.removeIf([](const QList<Token> &s) { return s.isEmpty(); });
    return statements;
}

bool isKeyword(const QString &text, const Token &t, QLatin1StringView word)
{
    return t.kind == TokenKind::Keyword && QStringView(text).sliced(t.start, t.length).compare(word, Qt::CaseInsensitive) == 0;
}

} // namespace

QStringList InfluxQlStatements::split(const QString &text)
{
    QStringList out;
    for (const auto &tokens : statementTokens(text))
        out << text.sliced(tokens.first().start, tokens.last().end() - tokens.first().start).trimmed();
    return out;
}

bool InfluxQlStatements::writes(const QString &text)
{
    static const QLatin1StringView kWriting[] = {QLatin1StringView("CREATE"), QLatin1StringView("DROP"),
                                                 QLatin1StringView("DELETE"), QLatin1StringView("ALTER"),
                                                 QLatin1StringView("GRANT"),  QLatin1StringView("REVOKE"),
                                                 QLatin1StringView("KILL"),   QLatin1StringView("SET")};
    for (const auto &tokens : statementTokens(text)) {
        for (const auto word : kWriting)
            if (isKeyword(text, tokens.first(), word))
                return true;
        if (isKeyword(text, tokens.first(), QLatin1StringView("SELECT")))
            for (const Token &t : tokens)
                if (isKeyword(text, t, QLatin1StringView("INTO")))
                    return true;
    }
    return false;
}

} // namespace sasquatch
