// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/BracketMatcher.h"
#include "core/query/QueryLanguage.h"
#include "core/query/SchemaSnapshot.h"
#include "gui/query/EditorColors.h"
#include "gui/query/EditorErrorMarker.h"

#include <QPlainTextEdit>
#include <QTextCursor>

#include <optional>

namespace sasquatch {

class CompletionController;
class CompletionPopup;
class LineNumberGutter;
class SyntaxHighlighter;

/// The Flux / InfluxQL query editor.
///
/// Monospace text with syntax colours, a line-number gutter, the current line and the bracket
/// pair at the cursor highlighted, and error markers (line background, wavy underline, gutter
/// badge, tooltip). Tab inserts spaces to the next multiple of four (Shift+Tab and Tab on a
/// multi-line selection dedent/indent); Enter keeps the indentation and adds a level after
/// `(`, `[`, `{`, `|>` and `=>`; a `|>` typed at the start of a line lines up with its pipeline.
/// Ctrl+/ toggles line comments. Completion opens from the second letter of a name, inside
/// strings, after `"`, `.` and `|> ` (and FROM/SELECT/WHERE… in InfluxQL), and on Ctrl+Space;
/// Up/Down/PgUp/PgDn choose, Enter or Tab accept, Esc closes the list. Accepting a Flux package
/// member adds its `import` when missing. Read-only: navigation, copying and the signals only.
///
/// Ctrl+Enter emits runRequested(); Esc with no completion list open emits cancelRequested().
class CodeEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit CodeEditor(QWidget *parent = nullptr);
    ~CodeEditor() override;

    void setLanguage(QueryLanguage language);
    QueryLanguage language() const { return m_language; }

    /// Names completion proposes (buckets, measurements, fields, tag keys, tag values).
    void setSchema(SchemaSnapshot schema);
    const SchemaSnapshot &schema() const;

    /// Marks an error at a 1-based `line` and `column` (InfluxDB's numbering): the line gets a
    /// red background and a gutter badge, the token at the column a wavy underline, and hovering
    /// either shows `message`. Several markers may coexist; positions beyond the text are clamped
    /// to its last line and column. A marker disappears when its line is edited.
    void setErrorMarker(int line, int column, const QString &message);
    /// Marks the position a server error message names (Flux `error @2:6-2:11: …`, InfluxQL
    /// `… at line 1, char 10`; a Flux range on one line is underlined as given) with the whole
    /// message. False, and nothing marked, when the message names no position.
    bool markServerError(const QString &message);
    void clearErrorMarkers();
    /// The current markers, with lines and columns where the text has moved them.
    QList<EditorErrorMarker> errorMarkers() const;

    /// The bracket next to the cursor and its partner, as highlighted (nullopt: none).
    std::optional<BracketMatch> bracketMatch() const { return m_bracket; }

    /// Opens completion at the cursor (what Ctrl+Space does).
    void triggerCompletion();
    bool isCompletionVisible() const;
    CompletionPopup *completionPopup() const;

    /// Comments out the selected lines (or the current one) with `//` / `--`, or uncomments
    /// them when all are commented (what Ctrl+/ does).
    void toggleLineComment();

    const EditorColors &colors() const { return m_colors; }
    LineNumberGutter *gutter() const { return m_gutter; }
    SyntaxHighlighter *highlighter() const { return m_highlighter; }

Q_SIGNALS:
    /// Ctrl+Enter (or Ctrl+Return).
    void runRequested();
    /// Esc while no completion list is open.
    void cancelRequested();
    void languageChanged(sasquatch::QueryLanguage language);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;

private:
    friend class LineNumberGutter;

    struct Marker
    {
        QTextCursor anchor;    ///< at the error position; moves with edits
        QTextCursor underline; ///< the token at the column (may be empty)
        QString message;
        QString lineText;      ///< the line as marked: a marker goes when its line's text changes
    };

    /// `endColumn` > `column`: underline exactly [column, endColumn) (1-based, end exclusive).
    void addErrorMarker(int line, int column, int endColumn, const QString &message);
    bool handleEditingKey(QKeyEvent *event);
    void insertNewLine();
    void indentSelection(int direction);
    void insertTab();
    bool smartBackspace();
    void applyElectricIndent();
    void updateGutterWidth();
    void updateGutter(const QRect &rect, int dy);
    void updateBracketMatch();
    void updateExtraSelections();
    void updateGutterMarkers();
    void dropEditedMarkers(int position, int removed, int added);
    void applyTheme();

    QueryLanguage m_language = QueryLanguage::Flux;
    EditorColors m_colors;
    SyntaxHighlighter *m_highlighter;
    LineNumberGutter *m_gutter;
    CompletionController *m_completion;
    QList<Marker> m_markers;
    std::optional<BracketMatch> m_bracket;
    bool m_applyingTheme = false;
};

} // namespace sasquatch
