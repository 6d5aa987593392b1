// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

namespace sasquatch {

/// What a run of query text is, as far as a lexer (plus one token of look-around) can tell.
enum class TokenKind : quint8 {
    Comment,          ///< `// …` (Flux), `-- …` and `/* … */` (InfluxQL)
    String,           ///< a string literal, or the part of a Flux string outside an interpolation
    StringEscape,     ///< `\n`, `\"`, `\x41`… inside a string (only from splitStringEscapes())
    Interpolation,    ///< the `${` and `}` around a Flux string interpolation
    Identifier,
    QuotedIdentifier, ///< InfluxQL `"…"`
    Keyword,
    Function,         ///< an identifier followed by `(`
    Property,         ///< a Flux member name after `.`
    Parameter,        ///< a Flux named argument or record key (followed by `:`)
    Constant,         ///< true / false
    Number,
    Duration,         ///< 5m, 1h30m, 1mo (Flux); 10s, 7d (InfluxQL)
    DateTime,         ///< Flux 2024-01-01T00:00:00Z; an InfluxQL string holding an RFC 3339 time
    Regex,            ///< /…/
    Operator,         ///< |> <- => == =~ + … and InfluxQL ::
    Punctuation,      ///< , : ; .
    OpenBracket,      ///< ( [ {
    CloseBracket,     ///< ) ] }
    BindParameter,    ///< InfluxQL $name
    Invalid,          ///< a character or run the language does not allow
};

/// A token: a kind and a range of UTF-16 code units in the text that was tokenized.
struct Token
{
    TokenKind kind = TokenKind::Invalid;
    qsizetype start = 0;
    qsizetype length = 0;
    /// False for a string, regex, block comment or quoted identifier that the text ends inside
    /// (or, where the language forbids it, that a newline cuts short).
    bool closed = true;

    qsizetype end() const { return start + length; }
    bool operator==(const Token &other) const = default;
};

/// Where a tokenizer stands at the end of a text, so that the next line can carry on: the block
/// state of a syntax highlighter. Flux strings may span lines; InfluxQL block comments may.
class LexState
{
public:
    enum class Mode : quint8 { Normal, InString, InInterpolation, InBlockComment };

    constexpr LexState() = default;
    constexpr explicit LexState(Mode mode, int braceDepth = 0) : m_mode(mode), m_braceDepth(braceDepth) {}

    Mode mode() const { return m_mode; }
    /// Unclosed `{` inside a Flux interpolation (so that `${ {a: 1}.a }` ends at the right `}`).
    int braceDepth() const { return m_braceDepth; }

    /// A non-negative integer for QSyntaxHighlighter::setCurrentBlockState().
    int toInt() const { return int(m_mode) | (m_braceDepth << 4); }
    /// The inverse of toInt(); negative values (a highlighter's "no state") mean Normal.
    static LexState fromInt(int value)
    {
        if (value < 0 || (value & 0xf) > int(Mode::InBlockComment))
            return {};
        return LexState(Mode(value & 0xf), value >> 4);
    }
    bool operator==(const LexState &other) const = default;

private:
    Mode m_mode = Mode::Normal;
    int m_braceDepth = 0;
};

/// The tokens of a text and the state at its end.
struct TokenizedText
{
    QList<Token> tokens;
    LexState endState;
};

} // namespace sasquatch
