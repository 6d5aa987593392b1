// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/CompletionItem.h"
#include "gui/query/EditorColors.h"

#include <QFrame>

class QLabel;
class QListView;

namespace sasquatch {

class CompletionItemDelegate;
class CompletionListModel;

/// The completion list under the cursor: a frameless window that never takes focus (the
/// editor keeps receiving keys and drives it), showing up to kVisibleRows proposals and, below
/// them, the signature and documentation of the selected one.
class CompletionPopup : public QFrame
{
    Q_OBJECT
public:
    static constexpr int kVisibleRows = 10;

    explicit CompletionPopup(QWidget *parent);

    void setItems(QList<CompletionItem> items, const QString &prefix);
    const QList<CompletionItem> &items() const;
    /// The labels in display order (for tests and accessibility).
    QStringList labels() const;

    int currentRow() const;
    void setCurrentRow(int row);
    const CompletionItem *currentItem() const;
    /// Moves the selection by `delta` rows, wrapping at either end.
    void moveSelection(int delta);
    /// Moves by `pages` screens of rows, stopping at either end.
    void moveSelectionByPage(int pages);

    void setEditorFont(const QFont &font);
    void setColors(const EditorColors &colors);
    /// Shows the popup under `anchor` (global coordinates of the text being completed), or above
    /// it when the screen has no room below.
    void showAt(const QRect &anchor);

    QListView *view() const { return m_view; }

Q_SIGNALS:
    /// A row was clicked.
    void itemClicked(int row);

private:
    void updateDocumentation();

    CompletionListModel *m_model;
    CompletionItemDelegate *m_delegate;
    QListView *m_view;
    QLabel *m_doc;
    QFont m_font;
    EditorColors m_colors;
};

} // namespace sasquatch
