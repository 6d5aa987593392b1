// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionEngine.h"

#include <QObject>

class QKeyEvent;

namespace sasquatch {

class CodeEditor;
class CompletionPopup;

/// Connects a CodeEditor to the CompletionEngine and the popup: decides when the list opens,
/// refreshes it as the user types, lets it take navigation keys, and applies the chosen item
/// (including a missing Flux `import`).
class CompletionController : public QObject
{
    Q_OBJECT
public:
    explicit CompletionController(CodeEditor *editor);

    void setLanguage(QueryLanguage language);
    void setSchema(SchemaSnapshot schema);
    const SchemaSnapshot &schema() const { return m_engine.schema(); }
    CompletionPopup *popup() const { return m_popup; }
    bool isVisible() const;

    /// While the list is open: Up/Down/PgUp/PgDn move, Enter/Tab accept, Esc closes. True when
    /// the key was consumed (the editor must not process it).
    bool handleKey(QKeyEvent *event);
    /// After the editor processed a key: refresh an open list, or open it on a trigger.
    void keyProcessed(QKeyEvent *event);
    /// Opens the list at the cursor regardless of triggers (Ctrl+Space).
    void trigger();
    void hide();
    /// Applies the selected item; false when none is selected.
    bool acceptCurrent();
    void accept(const CompletionItem &item);

private:
    enum class Mode { Auto, Explicit };
    void refresh(Mode mode);
    /// Shows `result` (or hides the list when it has nothing worth showing).
    void present(CompletionResult result, Mode mode);

    CodeEditor *m_editor;
    CompletionPopup *m_popup;
    CompletionEngine m_engine;
    QueryLanguage m_language = QueryLanguage::Flux;
    Mode m_mode = Mode::Auto;
    qsizetype m_rangeStart = -1; ///< start of the text the open list completes
};

} // namespace sasquatch
