// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationListPanel.h"

#include "core/annotations/AnnotationService.h"
#include "core/annotations/TagListText.h"
#include "core/time/TimeRange.h"
#include "gui/annotations/AnnotationController.h"
#include "gui/annotations/AnnotationListModel.h"
#include "gui/query/TimeRangePicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

namespace sasquatch {

AnnotationListPanel::AnnotationListPanel(AnnotationController &controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_model(new AnnotationListModel(this))
{
    build();
    connect(&m_controller, &AnnotationController::changed, this, &AnnotationListPanel::reload);
    connect(&m_controller.service(), &AnnotationService::storeChanged, this, &AnnotationListPanel::reload);
    connect(&m_controller.service(), &AnnotationService::storeFailed, this, [this](const Failure &failure) {
        setStatus(tr("Annotations are not available: %1").arg(failure.message), true);
    });
    connect(&m_controller, &AnnotationController::busyChanged, this, [this] {
        const bool busy = m_controller.isBusy();
        m_undo->setEnabled(!busy && m_controller.undoStack()->canUndo());
        m_redo->setEnabled(!busy && m_controller.undoStack()->canRedo());
    });
}

AnnotationListPanel::~AnnotationListPanel()
{
    m_loadToken.cancel();
}

void AnnotationListPanel::build()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    auto *scope = new QHBoxLayout;
    m_followPlots = new QCheckBox(tr("Plotted range"), this);
    m_followPlots->setToolTip(tr("List the annotations of the time range the plots show"));
    m_followPlots->setChecked(true);
    m_range = new TimeRangePicker(this);
    m_range->setRange(TimeRange::fromPreset(RangePreset::Past7Days));
    m_range->setEnabled(false);
    auto *refresh = new QToolButton(this);
    refresh->setText(tr("Refresh"));
    refresh->setToolTip(tr("Ask the server again (annotations written elsewhere appear)"));
    connect(refresh, &QToolButton::clicked, this, &AnnotationListPanel::reload);
    scope->addWidget(m_followPlots);
    scope->addWidget(m_range, 1);
    scope->addWidget(refresh);
    layout->addLayout(scope);

    auto *filters = new QHBoxLayout;
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Filter text"));
    m_text->setClearButtonEnabled(true);
    m_tags = new QLineEdit(this);
    m_tags->setPlaceholderText(tr("Tags: csc=MTM1M3"));
    m_tags->setClearButtonEnabled(true);
    filters->addWidget(m_text, 3);
    filters->addWidget(m_tags, 2);
    layout->addLayout(filters);

    auto *presets = new QHBoxLayout;
    m_presetCombo = new QComboBox(this);
    m_presetCombo->setToolTip(tr("Saved filters"));
    m_savePreset = new QToolButton(this);
    m_savePreset->setText(tr("Save filter…"));
    m_deletePreset = new QToolButton(this);
    m_deletePreset->setText(tr("Forget"));
    m_deletePreset->setToolTip(tr("Forget the chosen saved filter"));
    presets->addWidget(m_presetCombo, 1);
    presets->addWidget(m_savePreset);
    presets->addWidget(m_deletePreset);
    layout->addLayout(presets);

    m_view = new QTableView(this);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    layout->addWidget(m_view, 1);

    auto *actions = new QHBoxLayout;
    m_goTo = new QPushButton(tr("Go to"), this);
    m_goTo->setToolTip(tr("Show this annotation's time in the plots (double click)"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_undo = new QToolButton(this);
    m_undo->setText(tr("Undo"));
    m_redo = new QToolButton(this);
    m_redo->setText(tr("Redo"));
    m_undo->setEnabled(false);
    m_redo->setEnabled(false);
    actions->addWidget(m_goTo);
    actions->addWidget(m_delete);
    actions->addStretch(1);
    actions->addWidget(m_undo);
    actions->addWidget(m_redo);
    layout->addLayout(actions);

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->hide();
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_cancel);
    layout->addLayout(statusRow);

    m_progressDelay = new QTimer(this);
    m_progressDelay->setSingleShot(true);
    m_progressDelay->setInterval(200);
    connect(m_progressDelay, &QTimer::timeout, this, [this] {
        if (!m_loading)
            return;
        setStatus(tr("Loading annotations…"));
        m_cancel->show();
    });
    // Panning the plots moves the range many times a second: ask once it settles.
    m_reloadDelay = new QTimer(this);
    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(150);
    connect(m_reloadDelay, &QTimer::timeout, this, &AnnotationListPanel::reload);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_loadToken.cancel();
        ++m_loadGeneration; // whatever comes back now is dropped
        m_loading = false;
        m_cancel->hide();
        setStatus(tr("Loading cancelled."));
    });
    connect(m_followPlots, &QCheckBox::toggled, this, [this](bool follow) {
        m_range->setEnabled(!follow);
        reload();
    });
    connect(m_range, &TimeRangePicker::rangeChanged, this, &AnnotationListPanel::reload);
    // The boxes' filter is kept for the next session once typing pauses.
    m_filterSettled = new QTimer(this);
    m_filterSettled->setSingleShot(true);
    m_filterSettled->setInterval(800);
    connect(m_filterSettled, &QTimer::timeout, this, &AnnotationListPanel::presetsChanged);
    for (QLineEdit *box : {m_text, m_tags}) {
        connect(box, &QLineEdit::textChanged, this, &AnnotationListPanel::applyFilters);
        connect(box, &QLineEdit::textEdited, m_filterSettled, qOverload<>(&QTimer::start));
    }
    connect(m_presetCombo, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            applyPreset(m_presetCombo->itemText(index));
    });
    connect(m_savePreset, &QToolButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save filter"), tr("Name of this filter:"), QLineEdit::Normal,
                                                   m_presetCombo->currentIndex() > 0 ? m_presetCombo->currentText() : QString(),
                                                   &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            savePreset(name);
    });
    connect(m_deletePreset, &QToolButton::clicked, this, [this] {
        if (m_presetCombo->currentIndex() > 0)
            deletePreset(m_presetCombo->currentText());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (auto a = selected())
            Q_EMIT annotationSelected(*a);
    });
    connect(m_view, &QTableView::doubleClicked, this, [this] {
        if (auto a = selected())
            jumpTo(*a);
    });
    connect(m_goTo, &QPushButton::clicked, this, [this] {
        if (auto a = selected())
            jumpTo(*a);
    });
    connect(m_delete, &QPushButton::clicked, this, &AnnotationListPanel::deleteSelected);
    connect(m_undo, &QToolButton::clicked, m_controller.undoStack(), &QUndoStack::undo);
    connect(m_redo, &QToolButton::clicked, m_controller.undoStack(), &QUndoStack::redo);
    connect(m_controller.undoStack(), &QUndoStack::indexChanged, this, [this] {
        QUndoStack *stack = m_controller.undoStack();
        m_undo->setEnabled(stack->canUndo() && !m_controller.isBusy());
        m_redo->setEnabled(stack->canRedo() && !m_controller.isBusy());
        m_undo->setToolTip(stack->undoText());
        m_redo->setToolTip(stack->redoText());
    });
    refreshPresetCombo();
}

void AnnotationListPanel::setViewRange(std::int64_t startNs, std::int64_t endNs)
{
    if (m_viewRange && m_viewRange->first == startNs && m_viewRange->second == endNs)
        return;
    m_viewRange = std::pair(startNs, endNs);
    if (m_followPlots->isChecked())
        m_reloadDelay->start();
}

void AnnotationListPanel::setScale(TimeScale scale)
{
    m_model->setScale(scale);
    m_range->setScale(scale);
}

AnnotationFilter AnnotationListPanel::filter() const
{
    AnnotationFilter f;
    f.text = m_text->text().trimmed();
    if (auto tags = TagListText::parse(m_tags->text()))
        f.tags = tags.value();
    return f;
}

QString AnnotationListPanel::filterError() const
{
    auto tags = TagListText::parse(m_tags->text());
    return tags ? QString() : tags.error();
}

void AnnotationListPanel::setTextFilter(const QString &text)
{
    m_text->setText(text);
}

void AnnotationListPanel::setTagFilter(const QString &tags)
{
    m_tags->setText(tags);
}

void AnnotationListPanel::reload()
{
    m_reloadDelay->stop();
    m_loadToken.cancel();
    AnnotationFilter range;
    if (m_followPlots->isChecked()) {
        if (!m_viewRange) {
            m_loaded.clear();
            applyFilters();
            setStatus(tr("Plot something to list its annotations, or untick \"Plotted range\"."));
            return;
        }
        range.startNs = m_viewRange->first;
        range.endNs = m_viewRange->second;
    } else {
        const TimeRange r = m_range->range().resolved(TimeRange::currentTimeNs());
        range.startNs = r.startNs(0);
        range.endNs = r.stopNs(0);
    }
    if (!m_controller.service().hasStore()) {
        if (m_controller.service().pending() == 0 && m_status->styleSheet().isEmpty())
            setStatus(tr("Not connected: annotations load once a server is chosen."));
        return;
    }
    const quint64 generation = ++m_loadGeneration;
    m_loading = true;
    m_progressDelay->start();
    QPointer<AnnotationListPanel> self(this);
    m_loadToken = m_controller.service().list(range, [this, self, generation](Outcome<std::vector<Annotation>> result) {
        if (!self || generation != m_loadGeneration)
            return; // cancelled, or a newer load is under way
        m_loading = false;
        m_progressDelay->stop();
        m_cancel->hide();
        if (!result) {
            if (!result.failure().cancelled)
                setStatus(tr("Could not load annotations: %1").arg(result.error()), true);
            return;
        }
        m_loaded = std::move(result).value();
        applyFilters();
    });
}

void AnnotationListPanel::applyFilters()
{
    const QString problem = filterError();
    m_tags->setStyleSheet(problem.isEmpty() ? QString() : QStringLiteral("border: 1px solid #ff6b5b;"));
    const QString keep = !m_pendingSelection.isEmpty() ? m_pendingSelection : (selected() ? selected()->id : QString());
    std::vector<Annotation> shown = m_loaded;
    filter().apply(shown);
    m_model->setAnnotations(std::move(shown));
    m_view->resizeColumnToContents(AnnotationListModel::StartColumn);
    m_view->resizeColumnToContents(AnnotationListModel::LengthColumn);
    if (!keep.isEmpty()) {
        const int row = m_model->rowOf(keep);
        if (row >= 0) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            m_pendingSelection.clear();
        }
    }
    if (!problem.isEmpty())
        setStatus(tr("Tags: %1").arg(problem), true);
    else if (!m_loading)
        setStatus(m_loaded.size() == m_model->annotations().size()
                      ? (m_loaded.size() == 1 ? tr("1 annotation") : tr("%1 annotations").arg(m_loaded.size()))
                      : tr("%1 of %2 annotations").arg(m_model->annotations().size()).arg(m_loaded.size()));
}

void AnnotationListPanel::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #ff6b5b;") : QString());
}

QString AnnotationListPanel::statusText() const
{
    return m_status->text();
}

std::optional<Annotation> AnnotationListPanel::selected() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row(), {}))
        return std::nullopt;
    return m_model->annotations().at(std::size_t(current.row()));
}

void AnnotationListPanel::select(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0)); // selects the row and tells the editor
    else
        m_pendingSelection = id;
}

void AnnotationListPanel::deleteSelected()
{
    if (auto a = selected())
        m_controller.remove(*a);
}

void AnnotationListPanel::jumpTo(const Annotation &a)
{
    // Some room around it: a point in the middle of ten minutes, a range with a quarter each side.
    const std::int64_t length = a.endNs - a.startNs;
    const std::int64_t margin = length > 0 ? std::max<std::int64_t>(length / 4, 1'000'000'000) : 300'000'000'000;
    Q_EMIT jumpRequested(a.startNs - margin, a.endNs + margin);
}

void AnnotationListPanel::setPresets(std::vector<AnnotationPreset> presets)
{
    m_presets = std::move(presets);
    refreshPresetCombo();
}

void AnnotationListPanel::savePreset(const QString &name)
{
    AnnotationPreset preset{name, filter()};
    auto it = std::find_if(m_presets.begin(), m_presets.end(), [&](const AnnotationPreset &p) { return p.name == name; });
    if (it != m_presets.end())
        *it = preset;
    else
        m_presets.push_back(preset);
    refreshPresetCombo();
    m_presetCombo->setCurrentText(name);
    Q_EMIT presetsChanged();
}

void AnnotationListPanel::applyPreset(const QString &name)
{
    for (const AnnotationPreset &p : m_presets) {
        if (p.name != name)
            continue;
        m_text->setText(p.filter.text);
        m_tags->setText(TagListText::format(p.filter.tags));
        m_presetCombo->setCurrentText(name);
        return;
    }
}

void AnnotationListPanel::deletePreset(const QString &name)
{
    const auto before = m_presets.size();
    m_presets.erase(std::remove_if(m_presets.begin(), m_presets.end(), [&](const AnnotationPreset &p) { return p.name == name; }),
                    m_presets.end());
    if (m_presets.size() == before)
        return;
    refreshPresetCombo();
    Q_EMIT presetsChanged();
}

void AnnotationListPanel::refreshPresetCombo()
{
    m_presetCombo->clear();
    m_presetCombo->addItem(m_presets.empty() ? tr("No saved filters") : tr("Saved filters…"));
    for (const AnnotationPreset &p : m_presets)
        m_presetCombo->addItem(p.name);
    m_deletePreset->setEnabled(!m_presets.empty());
}

} // namespace sasquatch
