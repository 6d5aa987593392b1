// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"
#include "core/query/Token.h"
#include "gui/query/EditorColors.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace sasquatch {

/// Colours Flux or InfluxQL line by line with the core tokenizers; the tokenizer's end state
/// is the block state, so Flux strings and InfluxQL block comments that span lines stay coloured.
class SyntaxHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    SyntaxHighlighter(QueryLanguage language, QTextDocument *document);

    void setLanguage(QueryLanguage language);
    QueryLanguage language() const { return m_language; }
    void setColors(const EditorColors &colors);

    /// The format tokens of `kind` get (tests and the legend use it).
    QTextCharFormat formatFor(TokenKind kind) const;

protected:
    void highlightBlock(const QString &text) override;

private:
    QueryLanguage m_language;
    EditorColors m_colors;
};

} // namespace sasquatch
