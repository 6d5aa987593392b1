// SPDX-License-Identifier: GPL-3.0-or-later
// CodeEditor, second half: the editing keys (indentation, comments); CodeEditor.cpp has the rest.
#include "gui/query/CodeEditor.h"

#include "core/query/QueryIndenter.h"

#include <QKeyEvent>
#include <QTextBlock>

namespace sasquatch {

namespace {

QString spaces(int n)
{
    return QString(qMax(0, n), u' ');
}

int leadingWhitespace(const QString &line)
{
    int n = 0;
    while (n < line.size() && (line[n] == u' ' || line[n] == u'\t'))
        ++n;
    return n;
}

/// The blocks a selection touches; a selection ending at the start of a line leaves that line out.
std::pair<QTextBlock, QTextBlock> selectedBlocks(const QTextCursor &cursor, const QTextDocument *document)
{
    const QTextBlock first = document->findBlock(cursor.selectionStart());
    QTextBlock last = document->findBlock(cursor.selectionEnd());
    if (cursor.hasSelection() && last != first && cursor.selectionEnd() == last.position())
        last = last.previous();
    return {first, last};
}

} // namespace

bool CodeEditor::handleEditingKey(QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (mods != Qt::NoModifier && mods != Qt::ShiftModifier)
            return false;
        insertNewLine();
        return true;
    case Qt::Key_Tab:
        if (mods != Qt::NoModifier)
            return false;
        if (textCursor().hasSelection()
            && document()->findBlock(textCursor().selectionStart()) != document()->findBlock(textCursor().selectionEnd()))
            indentSelection(1);
        else
            insertTab();
        return true;
    case Qt::Key_Backtab:
        indentSelection(-1);
        return true;
    case Qt::Key_Backspace:
        return mods == Qt::NoModifier && smartBackspace();
    default:
        return false;
    }
}

void CodeEditor::insertNewLine()
{
    QTextCursor c = textCursor();
    c.beginEditBlock();
    if (c.hasSelection())
        c.removeSelectedText();
    const NewLineIndent indent = QueryIndenter::newLine(toPlainText(), c.position(), m_language);
    // Blanks after the cursor would push the rest of the line off its new indentation.
    while (!c.atBlockEnd() && document()->characterAt(c.position()) == u' ')
        c.deleteChar();
    c.insertText(u'\n' + spaces(indent.indent));
    if (indent.closerIndent) {
        const int middle = c.position();
        c.insertText(u'\n' + spaces(*indent.closerIndent));
        c.setPosition(middle);
    }
    c.endEditBlock();
    setTextCursor(c);
    ensureCursorVisible();
}

void CodeEditor::insertTab()
{
    QTextCursor c = textCursor();
    const int column = c.positionInBlock();
    c.insertText(spaces(QueryIndenter::kIndentWidth - column % QueryIndenter::kIndentWidth));
    setTextCursor(c);
}

void CodeEditor::indentSelection(int direction)
{
    QTextCursor c = textCursor();
    const auto [first, last] = selectedBlocks(c, document());
    const int start = first.position();
    c.beginEditBlock();
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        QTextCursor line(block);
        if (direction > 0) {
            if (!block.text().trimmed().isEmpty())
                line.insertText(spaces(QueryIndenter::kIndentWidth));
        } else {
            const QString text = block.text();
            int remove = 0;
            while (remove < QueryIndenter::kIndentWidth && remove < text.size() && text[remove] == u' ')
                ++remove;
            if (remove == 0 && !text.isEmpty() && text[0] == u'\t')
                remove = 1;
            line.movePosition(QTextCursor::Right, QTextCursor::KeepAnchor, remove);
            line.removeSelectedText();
        }
        if (block == last)
            break;
    }
    c.endEditBlock();
    // Keep the whole lines selected so that Tab can be pressed again.
    const QTextBlock end = document()->findBlockByNumber(last.blockNumber());
    c.setPosition(start);
    c.setPosition(end.position() + end.length() - 1, QTextCursor::KeepAnchor);
    setTextCursor(c);
}

bool CodeEditor::smartBackspace()
{
    QTextCursor c = textCursor();
    if (c.hasSelection())
        return false;
    const int column = c.positionInBlock();
    const QString before = c.block().text().left(column);
    if (column == 0 || !before.trimmed().isEmpty() || before.contains(u'\t'))
        return false;
    // In leading blanks, step back to the previous indentation level.
    const int remove = column % QueryIndenter::kIndentWidth == 0 ? QueryIndenter::kIndentWidth
                                                                  : column % QueryIndenter::kIndentWidth;
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, remove);
    c.removeSelectedText();
    setTextCursor(c);
    return true;
}

void CodeEditor::applyElectricIndent()
{
    QTextCursor c = textCursor();
    const std::optional<int> wanted = QueryIndenter::electricIndent(toPlainText(), c.position(), m_language);
    if (!wanted)
        return;
    const QTextBlock block = c.block();
    QTextCursor line(block);
    line.joinPreviousEditBlock(); // one undo step with the character typed
    line.setPosition(block.position() + leadingWhitespace(block.text()), QTextCursor::KeepAnchor);
    line.insertText(spaces(*wanted));
    line.endEditBlock();
}

void CodeEditor::toggleLineComment()
{
    if (isReadOnly())
        return;
    const QString prefix = lineCommentPrefix(m_language);
    QTextCursor c = textCursor();
    const auto [first, last] = selectedBlocks(c, document());
    bool allCommented = true;
    int minIndent = std::numeric_limits<int>::max();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.trimmed().isEmpty()) {
            allCommented = allCommented && text.trimmed().startsWith(prefix);
            minIndent = qMin(minIndent, leadingWhitespace(text));
        }
        if (b == last)
            break;
    }
    if (minIndent == std::numeric_limits<int>::max())
        return; // only blank lines
    c.beginEditBlock();
    for (QTextBlock b = first; b.isValid(); b = b.next()) {
        const QString text = b.text();
        if (!text.trimmed().isEmpty()) {
            QTextCursor line(b);
            if (allCommented) {
                const int at = int(text.indexOf(prefix));
                const int length = int(prefix.size()) + (text.mid(at + prefix.size(), 1) == u" " ? 1 : 0);
                line.setPosition(b.position() + at);
                line.setPosition(b.position() + at + length, QTextCursor::KeepAnchor);
                line.removeSelectedText();
            } else {
                line.setPosition(b.position() + minIndent);
                line.insertText(prefix + u' ');
            }
        }
        if (b == last)
            break;
    }
    c.endEditBlock();
}

} // namespace sasquatch
