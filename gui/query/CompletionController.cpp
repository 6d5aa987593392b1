// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/CompletionController.h"

#include "gui/query/CodeEditor.h"
#include "gui/query/CompletionPopup.h"

#include <QKeyEvent>
#include <QTextBlock>
#include <QTextDocument>

namespace sasquatch {

namespace {

/// Where `import "path"` goes: after the last import at the top, or at the very start.
qsizetype importInsertionPoint(const QTextDocument *document, QString *separator)
{
    qsizetype position = 0;
    bool any = false;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QString line = block.text().trimmed();
        if (line.startsWith(QStringLiteral("import "))) {
            position = block.position() + block.length();
            any = true;
        } else if (!line.isEmpty() && !line.startsWith(QStringLiteral("//"))) {
            break;
        }
    }
    // A blank line between imports and the query, as Flux examples have it.
    *separator = any ? QString() : QStringLiteral("\n");
    return qMin<qsizetype>(position, document->characterCount() - 1);
}

} // namespace

CompletionController::CompletionController(CodeEditor *editor)
    : QObject(editor), m_editor(editor), m_popup(new CompletionPopup(editor))
{
    m_popup->hide();
    connect(m_popup, &CompletionPopup::itemClicked, this, [this](int row) {
        m_popup->setCurrentRow(row);
        acceptCurrent();
        m_editor->setFocus();
    });
}

void CompletionController::setLanguage(QueryLanguage language)
{
    m_language = language;
    hide();
}

void CompletionController::setSchema(SchemaSnapshot schema)
{
    m_engine.setSchema(std::move(schema));
    if (isVisible())
        refresh(m_mode);
}

bool CompletionController::isVisible() const
{
    return m_popup->isVisible();
}

void CompletionController::hide()
{
    m_popup->hide();
    m_rangeStart = -1;
}

bool CompletionController::handleKey(QKeyEvent *event)
{
    if (!isVisible())
        return false;
    const bool ctrl = event->modifiers() & Qt::ControlModifier;
    switch (event->key()) {
    case Qt::Key_Up:
        m_popup->moveSelection(-1);
        return true;
    case Qt::Key_Down:
        m_popup->moveSelection(1);
        return true;
    case Qt::Key_PageUp:
        m_popup->moveSelectionByPage(-1);
        return true;
    case Qt::Key_PageDown:
        m_popup->moveSelectionByPage(1);
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (ctrl) {
            hide(); // Ctrl+Enter runs the query; the editor handles it
            return false;
        }
        return acceptCurrent();
    case Qt::Key_Tab:
        return acceptCurrent();
    case Qt::Key_Escape:
        hide();
        return true;
    default:
        return false;
    }
}

void CompletionController::keyProcessed(QKeyEvent *event)
{
    const QString typed = event->text();
    const bool editing = event->key() == Qt::Key_Backspace || event->key() == Qt::Key_Delete;
    const bool textInput = !typed.isEmpty() && typed.at(0).isPrint() && !(event->modifiers() & Qt::ControlModifier);
    if (!textInput && !editing) {
        // Cursor movement and other keys close the list; modifiers alone leave it.
        if (isVisible() && event->key() != Qt::Key_Shift && event->key() != Qt::Key_Control
            && event->key() != Qt::Key_Alt && event->key() != Qt::Key_Meta)
            hide();
        return;
    }
    const QString text = m_editor->toPlainText();
    const qsizetype cursor = m_editor->textCursor().position();
    if (textInput && CompletionEngine::isAutoTrigger(text, cursor, m_language)) {
        refresh(isVisible() ? m_mode : Mode::Auto);
        return;
    }
    if (!isVisible())
        return;
    // Still completing the same word: narrow the list; anything else closes it.
    CompletionResult result = m_engine.complete(text, cursor, m_language);
    if (result.replaceStart == m_rangeStart && cursor >= m_rangeStart)
        present(std::move(result), m_mode);
    else
        hide();
}

void CompletionController::trigger()
{
    refresh(Mode::Explicit);
}

void CompletionController::refresh(Mode mode)
{
    present(m_engine.complete(m_editor->toPlainText(), m_editor->textCursor().position(), m_language), mode);
}


void CompletionController::present(CompletionResult result, Mode mode)
{
    if (m_editor->textCursor().hasSelection() || !m_editor->isVisible() || m_editor->isReadOnly()) {
        hide();
        return;
    }
    const QString text = m_editor->toPlainText();
    if (result.items.isEmpty()) {
        hide();
        return;
    }
    // A list whose only proposal is what is already typed is noise, unless asked for.
    const CompletionItem &first = result.items.first();
    if (mode == Mode::Auto && result.items.size() == 1
        && QStringView(text).sliced(first.replaceStart, first.replaceEnd - first.replaceStart) == first.insertText) {
        hide();
        return;
    }
    m_mode = mode;
    m_rangeStart = result.replaceStart;
    m_popup->setEditorFont(m_editor->font());
    m_popup->setColors(m_editor->colors());
    m_popup->setItems(std::move(result.items), result.prefix);
    QTextCursor at(m_editor->document());
    at.setPosition(result.replaceStart);
    QRect rect = m_editor->cursorRect(at);
    rect.moveTopLeft(m_editor->viewport()->mapToGlobal(rect.topLeft()));
    m_popup->showAt(rect);
}

bool CompletionController::acceptCurrent()
{
    const CompletionItem *item = m_popup->currentItem();
    if (!item)
        return false;
    const CompletionItem chosen = *item;
    accept(chosen);
    return true;
}

void CompletionController::accept(const CompletionItem &item)
{
    hide();
    QTextDocument *document = m_editor->document();
    QTextCursor edit(document);
    edit.beginEditBlock();
    edit.setPosition(qMin<qsizetype>(item.replaceStart, document->characterCount() - 1));
    edit.setPosition(qMin<qsizetype>(item.replaceEnd, document->characterCount() - 1), QTextCursor::KeepAnchor);
    edit.insertText(item.insertText);
    // A cursor at the landing spot moves along with the import inserted above it.
    QTextCursor landing(document);
    landing.setPosition(item.replaceStart + (item.cursorOffset < 0 ? item.insertText.size() : item.cursorOffset));
    if (!item.requiredImport.isEmpty()) {
        QString separator;
        edit.setPosition(importInsertionPoint(document, &separator));
        edit.insertText(QStringLiteral("import \"%1\"\n").arg(item.requiredImport) + separator);
    }
    edit.endEditBlock();
    m_editor->setTextCursor(landing);
    // `from(bucket: "§")`: the insertion leaves the cursor where completion goes on.
    // Only quote, dot and space triggers: after a completed name the list would just reappear.
    const QString text = m_editor->toPlainText();
    const qsizetype at = landing.position();
    if (at > 0 && !text.at(at - 1).isLetterOrNumber() && text.at(at - 1) != u'_'
        && CompletionEngine::isAutoTrigger(text, at, m_language))
        refresh(Mode::Auto);
}

} // namespace sasquatch
