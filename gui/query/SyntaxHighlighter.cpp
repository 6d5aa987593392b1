// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/SyntaxHighlighter.h"

#include "core/query/FluxTokenizer.h"
#include "core/query/QueryTokenizer.h"

namespace sasquatch {

SyntaxHighlighter::SyntaxHighlighter(QueryLanguage language, QTextDocument *document)
    : QSyntaxHighlighter(document), m_language(language), m_colors(EditorColors::dark())
{
}

void SyntaxHighlighter::setLanguage(QueryLanguage language)
{
    if (language == m_language)
        return;
    m_language = language;
    rehighlight();
}

void SyntaxHighlighter::setColors(const EditorColors &colors)
{
    m_colors = colors;
    rehighlight();
}

QTextCharFormat SyntaxHighlighter::formatFor(TokenKind kind) const
{
    QTextCharFormat format;
    format.setForeground(m_colors.forToken(kind));
    switch (kind) {
    case TokenKind::Comment:
        format.setFontItalic(true);
        break;
    case TokenKind::Keyword:
        format.setFontWeight(QFont::DemiBold);
        break;
    case TokenKind::Invalid:
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(m_colors.invalid);
        break;
    default:
        break;
    }
    return format;
}

void SyntaxHighlighter::highlightBlock(const QString &text)
{
    const TokenizedText tokenized =
        QueryTokenizer::tokenize(m_language, text, LexState::fromInt(previousBlockState()));
    for (const Token &t : tokenized.tokens) {
        if (t.kind == TokenKind::String || t.kind == TokenKind::DateTime) {
            // Escapes inside strings get their own colour.
            for (const Token &part : FluxTokenizer::splitStringEscapes(text, t))
                setFormat(int(part.start), int(part.length),
                          formatFor(part.kind == TokenKind::String ? t.kind : part.kind));
            continue;
        }
        setFormat(int(t.start), int(t.length), formatFor(t.kind));
    }
    setCurrentBlockState(tokenized.endState.toInt());
}

} // namespace sasquatch
