// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/CodeEditor.h"

#include "core/query/QueryErrorLocation.h"
#include "core/query/QueryIndenter.h"
#include "core/query/QueryTokenizer.h"
#include "gui/query/CompletionController.h"
#include "gui/query/CompletionPopup.h"
#include "gui/query/LineNumberGutter.h"
#include "gui/query/SyntaxHighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QTextBlock>
#include <QToolTip>

namespace sasquatch {

CodeEditor::CodeEditor(QWidget *parent)
    : QPlainTextEdit(parent), m_colors(EditorColors::forPalette(palette())),
      m_highlighter(new SyntaxHighlighter(QueryLanguage::Flux, document())), m_gutter(new LineNumberGutter(this)),
      m_completion(new CompletionController(this))
{
    setObjectName(QStringLiteral("queryEditor"));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setWordWrapMode(QTextOption::NoWrap);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setStyleHint(QFont::Monospace);
    font.setFixedPitch(true);
    // Night shifts on a control-room screen: not smaller than 10 pt whatever the desktop default.
    if (font.pointSizeF() > 0 && font.pointSizeF() < 10.0)
        font.setPointSizeF(10.0);
    setFont(font);

    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeEditor::updateGutterWidth);
    connect(this, &QPlainTextEdit::updateRequest, this, &CodeEditor::updateGutter);
    connect(this, &QPlainTextEdit::cursorPositionChanged, this, [this] {
        updateBracketMatch();
        updateExtraSelections();
        m_gutter->update();
    });
    connect(document(), &QTextDocument::contentsChange, this, &CodeEditor::dropEditedMarkers);
    applyTheme();
    updateGutterWidth();
    updateBracketMatch();
    updateExtraSelections();
}

CodeEditor::~CodeEditor() = default;

void CodeEditor::setLanguage(QueryLanguage language)
{
    if (language == m_language)
        return;
    m_language = language;
    m_highlighter->setLanguage(language);
    m_completion->setLanguage(language);
    updateBracketMatch();
    updateExtraSelections();
    Q_EMIT languageChanged(language);
}

void CodeEditor::setSchema(SchemaSnapshot schema)
{
    m_completion->setSchema(std::move(schema));
}

const SchemaSnapshot &CodeEditor::schema() const
{
    return m_completion->schema();
}

void CodeEditor::triggerCompletion()
{
    m_completion->trigger();
}

bool CodeEditor::isCompletionVisible() const
{
    return m_completion->isVisible();
}

CompletionPopup *CodeEditor::completionPopup() const
{
    return m_completion->popup();
}

// ---- Error markers

void CodeEditor::setErrorMarker(int line, int column, const QString &message)
{
    addErrorMarker(line, column, 0, message);
}

bool CodeEditor::markServerError(const QString &message)
{
    const std::optional<QueryErrorLocation> at = QueryErrorLocation::find(message);
    if (!at)
        return false;
    addErrorMarker(at->line, at->column, at->endLine == at->line ? at->endColumn : 0, message);
    return true;
}

void CodeEditor::addErrorMarker(int line, int column, int endColumn, const QString &message)
{
    const QTextBlock block = document()->findBlockByNumber(qBound(1, line, document()->blockCount()) - 1);
    const QString text = block.text();
    const qsizetype col = qBound<qsizetype>(0, qsizetype(column) - 1, text.size());
    Marker marker;
    marker.message = message;
    marker.lineText = text;
    marker.anchor = QTextCursor(document());
    marker.anchor.setPosition(block.position() + col);
    // Underline the token at the column (the last one when the column is past the end).
    const LexState state = LexState::fromInt(block.previous().isValid() ? block.previous().userState() : -1);
    const QList<Token> tokens = QueryTokenizer::tokenize(m_language, text, state).tokens;
    qsizetype index = QueryTokenizer::tokenAt(tokens, col);
    if (index < 0 && col == text.size() && col > 0)
        index = QueryTokenizer::tokenAt(tokens, col - 1);
    marker.underline = QTextCursor(document());
    if (endColumn > column && col < text.size()) {
        marker.underline.setPosition(block.position() + col);
        marker.underline.setPosition(block.position() + qMin<qsizetype>(endColumn - 1, text.size()),
                                     QTextCursor::KeepAnchor);
    } else if (index >= 0) {
        marker.underline.setPosition(block.position() + tokens[index].start);
        marker.underline.setPosition(block.position() + tokens[index].end(), QTextCursor::KeepAnchor);
    } else if (!text.isEmpty()) {
        const qsizetype at = qMin<qsizetype>(col, text.size() - 1);
        marker.underline.setPosition(block.position() + at);
        marker.underline.setPosition(block.position() + at + 1, QTextCursor::KeepAnchor);
    }
    m_markers.append(marker);
    updateExtraSelections();
    updateGutterMarkers();
}

void CodeEditor::clearErrorMarkers()
{
    m_markers.clear();
    updateExtraSelections();
    updateGutterMarkers();
}

QList<EditorErrorMarker> CodeEditor::errorMarkers() const
{
    QList<EditorErrorMarker> result;
    for (const Marker &m : m_markers)
        result.append({m.anchor.blockNumber() + 1, m.anchor.positionInBlock() + 1, m.message});
    return result;
}

void CodeEditor::dropEditedMarkers(int position, int removed, int added)
{
    // Highlighting also reports "changes" (formats only): a marker goes only when its line's
    // text really differs from when it was set.
    const int end = position + qMax(removed, added);
    const auto before = m_markers.size();
    m_markers.removeIf([&](const Marker &m) {
        const QTextBlock block = m.anchor.block();
        const bool touched = block.position() <= end && position <= block.position() + block.length();
        return touched && block.text() != m.lineText;
    });
    if (m_markers.size() != before) {
        updateExtraSelections();
        updateGutterMarkers();
    }
}

void CodeEditor::updateGutterMarkers()
{
    QMap<int, QString> lines;
    for (const Marker &m : m_markers) {
        QString &text = lines[m.anchor.blockNumber()];
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + m.message;
    }
    m_gutter->setMarkers(lines);
}

// ---- Decorations

void CodeEditor::updateBracketMatch()
{
    m_bracket = BracketMatcher::match(m_language, toPlainText(), textCursor().position());
}

void CodeEditor::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!isReadOnly()) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(m_colors.currentLine);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = textCursor();
        line.cursor.clearSelection();
        selections.append(line);
    }
    for (const Marker &m : m_markers) {
        QTextEdit::ExtraSelection line;
        line.format.setBackground(m_colors.errorLine);
        line.format.setProperty(QTextFormat::FullWidthSelection, true);
        line.cursor = m.anchor;
        line.cursor.clearSelection();
        selections.append(line);
    }
    if (m_bracket) {
        for (const qsizetype position : {m_bracket->position, m_bracket->partner}) {
            // Stale until the cursor signal after an edit recomputes it: skip what no longer exists.
            if (position < 0 || position + 1 >= document()->characterCount())
                continue;
            QTextEdit::ExtraSelection bracket;
            bracket.format.setBackground(m_bracket->matched() ? m_colors.bracketMatch : m_colors.bracketMismatch);
            bracket.format.setFontWeight(QFont::Bold);
            bracket.format.setForeground(m_colors.gutterCurrentText);
            bracket.cursor = QTextCursor(document());
            bracket.cursor.setPosition(position);
            bracket.cursor.setPosition(position + 1, QTextCursor::KeepAnchor);
            selections.append(bracket);
        }
    }
    for (const Marker &m : m_markers) {
        if (!m.underline.hasSelection())
            continue;
        QTextEdit::ExtraSelection squiggle;
        squiggle.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        squiggle.format.setUnderlineColor(m_colors.errorUnderline);
        squiggle.cursor = m.underline;
        selections.append(squiggle);
    }
    setExtraSelections(selections);
}

void CodeEditor::updateGutterWidth()
{
    setViewportMargins(m_gutter->preferredWidth(), 0, 0, 0);
}

void CodeEditor::updateGutter(const QRect &rect, int dy)
{
    if (dy != 0)
        m_gutter->scroll(0, dy);
    else
        m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateGutterWidth();
}

void CodeEditor::applyTheme()
{
    m_applyingTheme = true;
    m_colors = EditorColors::forPalette(palette());
    m_highlighter->setColors(m_colors);
    QPalette p = palette();
    p.setColor(QPalette::Text, m_colors.text);
    setPalette(p);
    setTabStopDistance(QFontMetricsF(font()).horizontalAdvance(u' ') * QueryIndenter::kIndentWidth);
    m_applyingTheme = false;
    updateGutterWidth();
    updateExtraSelections();
    m_gutter->update();
}

// ---- Events

void CodeEditor::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect r = contentsRect();
    m_gutter->setGeometry(QRect(r.left(), r.top(), m_gutter->preferredWidth(), r.height()));
}

void CodeEditor::focusOutEvent(QFocusEvent *event)
{
    // A click on the list itself must reach it (it never takes focus, but some platforms
    // report a focus change for the click).
    if (!completionPopup()->underMouse())
        m_completion->hide();
    QPlainTextEdit::focusOutEvent(event);
}

void CodeEditor::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (!m_applyingTheme && (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange))
        applyTheme();
}

bool CodeEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int line = cursorForPosition(help->pos()).blockNumber();
        const QString message = m_gutter->markers().value(line);
        if (!message.isEmpty())
            QToolTip::showText(help->globalPos(), message, viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void CodeEditor::keyPressEvent(QKeyEvent *event)
{
    if (m_completion->handleKey(event)) {
        event->accept();
        return;
    }
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    const bool ctrl = mods & Qt::ControlModifier;
    if (ctrl && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)) {
        m_completion->hide();
        event->accept();
        Q_EMIT runRequested();
        return;
    }
    if (event->key() == Qt::Key_Escape && mods == Qt::NoModifier) {
        event->accept();
        Q_EMIT cancelRequested();
        return;
    }
    if (isReadOnly()) {
        // Navigation and copying only: the editing helpers below write through QTextCursor,
        // which read-only does not stop.
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    if (ctrl && event->key() == Qt::Key_Space) {
        event->accept();
        triggerCompletion();
        return;
    }
    if (ctrl && event->key() == Qt::Key_Slash) {
        event->accept();
        toggleLineComment();
        return;
    }
    if (handleEditingKey(event)) {
        event->accept();
        m_completion->keyProcessed(event);
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
    if (!event->text().isEmpty() && !ctrl)
        applyElectricIndent();
    m_completion->keyProcessed(event);
}

} // namespace sasquatch
