// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationPresetStore.h"
#include "core/time/TimeScale.h"
#include "core/util/CancelToken.h"

#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;

namespace sasquatch {

class AnnotationController;
class AnnotationListModel;
class TimeRangePicker;

/// The annotation list: those in the plots' visible range (or a range of its own), filtered as
/// you type by text and by tags (`csc=MTM1M3`), with preset filters that can be saved; double
/// click (or Go to) asks the plots to show an annotation's time; Delete is undoable. Loads in
/// the background; a slow load shows progress and can be cancelled.
class AnnotationListPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AnnotationListPanel(AnnotationController &controller, QWidget *parent = nullptr);
    ~AnnotationListPanel() override;

    /// The plots' visible range; reloads when the list follows the plots.
    void setViewRange(std::int64_t startNs, std::int64_t endNs);
    void setScale(TimeScale scale);
    /// Asks the store again (also done on every change the controller reports).
    void reload();

    /// Filters typed in the boxes (text, tags): applied to what was loaded, without reloading.
    void setTextFilter(const QString &text);
    void setTagFilter(const QString &tags);
    /// The filter the boxes describe (tags that do not parse are left out; see filterError()).
    AnnotationFilter filter() const;
    QString filterError() const;

    const std::vector<AnnotationPreset> &presets() const { return m_presets; }
    void setPresets(std::vector<AnnotationPreset> presets);
    /// Saves the boxes' filter as preset `name` (replacing one of that name).
    void savePreset(const QString &name);
    void applyPreset(const QString &name);
    void deletePreset(const QString &name);

    AnnotationListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    /// The selected annotation, if any.
    std::optional<Annotation> selected() const;
    /// Selects the row of `id` (after a reload too, once it arrives).
    void select(const QString &id);
    void deleteSelected();
    QString statusText() const;
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    void annotationSelected(const sasquatch::Annotation &annotation);
    /// Show [startNs, endNs] in the plots (the annotation's time with some room around it).
    void jumpRequested(qint64 startNs, qint64 endNs);
    /// The presets changed (saved or deleted), or the filter in the boxes settled: persist them.
    void presetsChanged();

private:
    void build();
    void applyFilters();
    void refreshPresetCombo();
    void setStatus(const QString &text, bool error = false);
    void jumpTo(const Annotation &a);

    AnnotationController &m_controller;
    AnnotationListModel *m_model = nullptr;
    std::vector<Annotation> m_loaded;
    std::vector<AnnotationPreset> m_presets;
    std::optional<std::pair<std::int64_t, std::int64_t>> m_viewRange;
    CancelToken m_loadToken;
    quint64 m_loadGeneration = 0;
    bool m_loading = false;
    QString m_pendingSelection;
    QCheckBox *m_followPlots = nullptr;
    TimeRangePicker *m_range = nullptr;
    QLineEdit *m_text = nullptr;
    QLineEdit *m_tags = nullptr;
    QComboBox *m_presetCombo = nullptr;
    QToolButton *m_savePreset = nullptr;
    QToolButton *m_deletePreset = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_goTo = nullptr;
    QPushButton *m_delete = nullptr;
    QToolButton *m_undo = nullptr;
    QToolButton *m_redo = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_cancel = nullptr;
    QTimer *m_progressDelay = nullptr;
    QTimer *m_reloadDelay = nullptr;
    QTimer *m_filterSettled = nullptr;
};

} // namespace sasquatch
