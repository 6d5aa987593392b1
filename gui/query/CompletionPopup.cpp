// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/CompletionPopup.h"

#include "gui/query/CompletionItemDelegate.h"
#include "gui/query/CompletionListModel.h"

#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QScreen>
#include <QScrollBar>
#include <QVBoxLayout>

namespace sasquatch {

namespace {
constexpr int kMinWidth = 440;
constexpr int kMaxWidth = 680;
} // namespace

CompletionPopup::CompletionPopup(QWidget *parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint), m_model(new CompletionListModel(this)),
      m_delegate(new CompletionItemDelegate(this)), m_view(new QListView(this)), m_doc(new QLabel(this)),
      m_colors(EditorColors::dark())
{
    setObjectName(QStringLiteral("completionPopup"));
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFocusPolicy(Qt::NoFocus);
    setFrameShape(QFrame::NoFrame);

    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setUniformItemSizes(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setMouseTracking(true);
    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) { Q_EMIT itemClicked(index.row()); });

    m_doc->setObjectName(QStringLiteral("completionDoc"));
    m_doc->setWordWrap(true);
    m_doc->setTextFormat(Qt::RichText);
    m_doc->setMargin(8);
    m_doc->setAutoFillBackground(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_view);
    layout->addWidget(m_doc);
    setColors(m_colors);
}

void CompletionPopup::setItems(QList<CompletionItem> items, const QString &prefix)
{
    const QString keep = currentItem() ? currentItem()->label : QString();
    m_model->setItems(std::move(items), prefix);
    // Keep the selection on the same proposal while the user narrows the list.
    int row = 0;
    for (int i = 0; i < m_model->rowCount() && !keep.isEmpty(); ++i)
        if (m_model->items()[i].label == keep) {
            row = i;
            break;
        }
    setCurrentRow(row);
}

const QList<CompletionItem> &CompletionPopup::items() const
{
    return m_model->items();
}

QStringList CompletionPopup::labels() const
{
    QStringList out;
    for (const CompletionItem &item : m_model->items())
        out.append(item.label);
    return out;
}

int CompletionPopup::currentRow() const
{
    return m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
}

void CompletionPopup::setCurrentRow(int row)
{
    if (m_model->rowCount() == 0)
        return;
    const QModelIndex index = m_model->index(qBound(0, row, m_model->rowCount() - 1));
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    updateDocumentation();
}

const CompletionItem *CompletionPopup::currentItem() const
{
    const int row = currentRow();
    return row >= 0 && row < m_model->items().size() ? &m_model->items()[row] : nullptr;
}

void CompletionPopup::moveSelection(int delta)
{
    const int n = m_model->rowCount();
    if (n == 0)
        return;
    setCurrentRow(((currentRow() + delta) % n + n) % n);
}

void CompletionPopup::moveSelectionByPage(int pages)
{
    setCurrentRow(currentRow() + pages * (kVisibleRows - 1));
}

void CompletionPopup::setEditorFont(const QFont &font)
{
    m_font = font;
    m_delegate->setFont(font);
    m_view->setFont(font);
}

void CompletionPopup::setColors(const EditorColors &colors)
{
    m_colors = colors;
    m_delegate->setColors(colors);
    const QPalette p = palette();
    const QColor base = p.color(QPalette::Base);
    const QColor docBg = base.lightness() < 128 ? base.lighter(125) : base.darker(104);
    setStyleSheet(QStringLiteral("#completionPopup { background: %1; border: 1px solid %2; }"
                                 "#completionDoc { background: %3; border-top: 1px solid %2; color: %4; }")
                      .arg(base.lighter(112).name(), p.color(QPalette::Mid).name(), docBg.name(),
                           p.color(QPalette::Text).name()));
}

void CompletionPopup::updateDocumentation()
{
    const CompletionItem *item = currentItem();
    // Schema names carry only a one-word detail that the row already shows: no panel for them.
    const bool informative = item && (!item->documentation.isEmpty() || !item->requiredImport.isEmpty()
                                      || item->detail.contains(u'('));
    if (!informative) {
        m_doc->hide();
        return;
    }
    // The signature in the editor's font, the sentence below it in the UI font.
    QString html = QStringLiteral("<div style=\"font-family:'%1'; color:%2\">%3</div>")
                       .arg(m_font.family(), m_colors.function.name(), item->detail.toHtmlEscaped());
    if (!item->documentation.isEmpty())
        html += QStringLiteral("<div style=\"margin-top:3px\">%1</div>").arg(item->documentation.toHtmlEscaped());
    if (!item->requiredImport.isEmpty())
        html += QStringLiteral("<div style=\"margin-top:3px; color:%1\">%2</div>")
                    .arg(m_colors.comment.name(),
                         tr("Adds import \"%1\"").arg(item->requiredImport).toHtmlEscaped());
    m_doc->setText(html);
    m_doc->show();
    // A wrapped label's size hint assumes some other width: size it for the popup's own.
    m_doc->setFixedHeight(m_doc->heightForWidth(qMax(kMinWidth, width()) - 2));
    if (isVisible())
        adjustSize();
}

void CompletionPopup::showAt(const QRect &anchor)
{
    const QFontMetrics fm(m_font);
    int width = kMinWidth;
    for (const CompletionItem &item : m_model->items().mid(0, 50))
        width = qMax(width, fm.horizontalAdvance(item.label) + fm.horizontalAdvance(item.detail) + 3 * fm.height() + 24);
    width = qMin(width, kMaxWidth);
    const int rows = qMin(kVisibleRows, m_model->rowCount());
    const int rowHeight = m_view->sizeHintForRow(0) > 0 ? m_view->sizeHintForRow(0) : fm.height() + 6;
    m_view->setFixedHeight(rows * rowHeight + 2);
    setFixedWidth(width);
    updateDocumentation(); // after the width is known: the panel's height depends on it
    adjustSize();

    QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry() : QRect();
    if (const QScreen *s = QGuiApplication::screenAt(anchor.center()))
        screen = s->availableGeometry();
    QPoint pos(anchor.left() - fm.height() - 10, anchor.bottom() + 2); // align labels with the text
    if (!screen.isEmpty()) {
        if (pos.y() + height() > screen.bottom())
            pos.setY(anchor.top() - height() - 2);
        pos.setX(qBound(screen.left(), pos.x(), qMax(screen.left(), screen.right() - width)));
    }
    move(pos);
    show();
}

} // namespace sasquatch
