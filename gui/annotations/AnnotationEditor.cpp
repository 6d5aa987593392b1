// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationEditor.h"

#include "core/annotations/TagListText.h"
#include "core/time/TimeText.h"
#include "gui/annotations/AnnotationController.h"

#include <QButtonGroup>
#include <QColorDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

// Chronograf-like annotation colours; the first (empty) is the plots' default.
const QStringList kSwatches{QString(),          QStringLiteral("#e5533d"), QStringLiteral("#f48d38"),
                            QStringLiteral("#ffd255"), QStringLiteral("#4ed8a0"), QStringLiteral("#22adf6"),
                            QStringLiteral("#9394ff"), QStringLiteral("#bf3d5e")};

QIcon swatchIcon(const QString &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0, 0, 0, 120), 1));
    p.setBrush(color.isEmpty() ? QColor(0xd0, 0xd0, 0xd0) : QColor(color));
    p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
    if (color.isEmpty()) { // "default": a slash through it
        p.setPen(QPen(QColor(60, 60, 60), 1.5));
        p.drawLine(QPointF(4, 12), QPointF(12, 4));
    }
    return QIcon(pixmap);
}

} // namespace

AnnotationEditor::AnnotationEditor(AnnotationController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller)
{
    build();
    load({});
    m_loaded = false;
    m_dirty = false;
    m_title->clear();
    updateButtons();
}

void AnnotationEditor::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    layout->addWidget(m_title);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_start = new QLineEdit(this);
    m_end = new QLineEdit(this);
    m_end->setPlaceholderText(tr("same as start: a point"));
    m_text = new QPlainTextEdit(this);
    m_text->setPlaceholderText(tr("What happened? The first line is the summary."));
    m_text->setTabChangesFocus(true);
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("csc=MTM1M3, shift=night"));
    form->addRow(tr("Start"), m_start);
    form->addRow(tr("End"), m_end);
    form->addRow(tr("Text"), m_text);
    form->addRow(tr("Tags"), m_tags);

    auto *colors = new QHBoxLayout;
    colors->setSpacing(2);
    m_swatches = new QButtonGroup(this);
    m_swatches->setExclusive(true);
    for (int i = 0; i < kSwatches.size(); ++i) {
        auto *b = new QToolButton(this);
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setIcon(swatchIcon(kSwatches[i]));
        b->setToolTip(kSwatches[i].isEmpty() ? tr("Default colour") : kSwatches[i]);
        m_swatches->addButton(b, i);
        colors->addWidget(b);
    }
    auto *custom = new QToolButton(this);
    custom->setText(QStringLiteral("…"));
    custom->setToolTip(tr("Another colour…"));
    colors->addWidget(custom);
    colors->addStretch(1);
    form->addRow(tr("Colour"), colors);
    layout->addLayout(form, 1);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #ff6b5b;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    m_status = new QLabel(this);
    buttons->addWidget(m_status, 1);
    m_revert = new QPushButton(tr("Revert"), this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setDefault(true);
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_save->setToolTip(tr("Save (Ctrl+Enter)"));
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);

    // "Saving…" only when it takes long enough to notice.
    m_savingDelay = new QTimer(this);
    m_savingDelay->setSingleShot(true);
    m_savingDelay->setInterval(200);
    connect(m_savingDelay, &QTimer::timeout, this, [this] {
        if (m_saving)
            m_status->setText(tr("Saving…"));
    });

    for (QLineEdit *edit : {m_start, m_end, m_tags})
        connect(edit, &QLineEdit::textEdited, this, &AnnotationEditor::markDirty);
    connect(m_text, &QPlainTextEdit::textChanged, this, &AnnotationEditor::markDirty);
    connect(m_swatches, &QButtonGroup::idClicked, this, [this](int id) { chooseColor(kSwatches.value(id)); });
    connect(custom, &QToolButton::clicked, this, [this] {
        const QColor c = QColorDialog::getColor(m_color.isEmpty() ? QColor(Qt::white) : QColor(m_color), this,
                                                tr("Annotation colour"));
        if (c.isValid())
            chooseColor(c.name());
    });
    connect(m_save, &QPushButton::clicked, this, &AnnotationEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &AnnotationEditor::revert);
}

void AnnotationEditor::chooseColor(const QString &color)
{
    m_color = color.toLower();
    const qsizetype swatch = kSwatches.indexOf(m_color);
    if (swatch >= 0) {
        m_swatches->button(int(swatch))->setChecked(true);
    } else if (QAbstractButton *checked = m_swatches->checkedButton()) {
        m_swatches->setExclusive(false); // a custom colour: no swatch is it
        checked->setChecked(false);
        m_swatches->setExclusive(true);
    }
    markDirty();
}

void AnnotationEditor::load(const Annotation &annotation)
{
    m_loading = true;
    m_original = annotation;
    m_loaded = true;
    const bool blank = annotation.id.isEmpty() && annotation.startNs == 0 && annotation.endNs == 0;
    m_start->setText(blank ? QString() : formatTimeText(annotation.startNs, m_scale));
    m_end->setText(annotation.isPoint() ? QString() : formatTimeText(annotation.endNs, m_scale));
    m_text->setPlainText(annotation.text);
    m_tags->setText(TagListText::format(annotation.tags));
    chooseColor(annotation.color);
    m_title->setText(annotation.id.isEmpty() ? tr("New annotation (not saved yet)") : tr("Annotation"));
    m_loading = false;
    m_dirty = annotation.id.isEmpty(); // a new one is unsaved work from the start
    showError({});
    m_status->clear();
    updateButtons();
}

bool AnnotationEditor::setAnnotation(const Annotation &annotation)
{
    if (m_dirty && m_loaded) {
        // The same one again (a list refresh): keep what is being typed.
        if (annotation.id == m_original.id)
            return true;
        m_status->setText(tr("Unsaved changes: save or revert them first."));
        return false;
    }
    if (m_saving)
        return false;
    load(annotation);
    return true;
}

void AnnotationEditor::clearIfShowing(const QString &id)
{
    if (!m_loaded || m_original.id != id || m_dirty)
        return;
    load({});
    m_loaded = false;
    m_title->clear();
    updateButtons();
}

void AnnotationEditor::setScale(TimeScale scale)
{
    if (scale == m_scale)
        return;
    // Re-show the times in the new scale, keeping what was typed if it does not parse.
    auto start = parseTimeText(m_start->text(), m_scale);
    auto end = parseTimeText(m_end->text(), m_scale);
    m_scale = scale;
    const bool wasLoading = m_loading;
    m_loading = true;
    if (start)
        m_start->setText(formatTimeText(start.value(), m_scale));
    if (end && !m_end->text().isEmpty())
        m_end->setText(formatTimeText(end.value(), m_scale));
    m_loading = wasLoading;
}

void AnnotationEditor::markDirty()
{
    if (m_loading)
        return;
    m_dirty = true;
    updateButtons();
}

void AnnotationEditor::updateButtons()
{
    setEnabled(m_loaded || m_dirty);
    m_save->setEnabled(m_loaded && m_dirty && !m_saving);
    m_revert->setEnabled(m_loaded && m_dirty && !m_saving);
    m_revert->setText(m_original.id.isEmpty() ? tr("Discard") : tr("Revert"));
}

void AnnotationEditor::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString AnnotationEditor::errorText() const
{
    return m_error->text();
}

Outcome<Annotation> AnnotationEditor::edited() const
{
    Annotation a = m_original;
    auto start = parseTimeText(m_start->text(), m_scale);
    if (!start)
        return Failure{tr("Start: %1").arg(start.error())};
    a.startNs = a.endNs = start.value();
    if (!m_end->text().trimmed().isEmpty()) {
        auto end = parseTimeText(m_end->text(), m_scale);
        if (!end)
            return Failure{tr("End: %1").arg(end.error())};
        a.endNs = end.value();
    }
    a.text = m_text->toPlainText();
    auto tags = TagListText::parse(m_tags->text());
    if (!tags)
        return Failure{tr("Tags: %1").arg(tags.error())};
    a.tags = tags.value();
    a.color = m_color;
    if (const QStringList problems = a.validate(); !problems.isEmpty())
        return Failure{problems.join(u' ')};
    return a;
}

void AnnotationEditor::save()
{
    if (!m_loaded || m_saving)
        return;
    auto a = edited();
    if (!a) {
        showError(a.error());
        return;
    }
    m_saving = true;
    showError({});
    updateButtons();
    m_savingDelay->start();
    QPointer<AnnotationEditor> self(this);
    auto done = [this, self](const Outcome<Annotation> &result) {
        if (!self)
            return;
        m_saving = false;
        m_savingDelay->stop();
        m_status->clear();
        if (!result) {
            // The boxes keep what was typed; say why it did not go through.
            QString why = result.error();
            if (result.failure().httpStatus > 0 && !why.contains(QString::number(result.failure().httpStatus)))
                why = tr("HTTP %1: %2").arg(result.failure().httpStatus).arg(why);
            showError(tr("Not saved. %1").arg(why));
            updateButtons();
            return;
        }
        load(result.value());
        m_status->setText(tr("Saved."));
        Q_EMIT saved(result.value());
    };
    if (m_original.id.isEmpty())
        m_controller.create(a.value(), done);
    else
        m_controller.edit(m_original, a.value(), done);
}

void AnnotationEditor::revert()
{
    if (m_saving)
        return;
    m_dirty = false;
    if (m_original.id.isEmpty()) { // a new one never saved: discard it
        load({});
        m_loaded = false;
        m_dirty = false;
        m_title->clear();
        updateButtons();
        return;
    }
    load(m_original);
}

} // namespace sasquatch
