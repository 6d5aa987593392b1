// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldMimeData.h"
#include "core/connection/ConnectionProfile.h"
#include "core/parse/ResultTable.h"
#include "core/query/QueryLanguage.h"
#include "core/series/SeriesKey.h"
#include "core/workspace/PlotDocument.h"
#include "gui/plots/PlotShared.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <optional>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QSplitter;
class QToolBar;

namespace sasquatch {

class HttpTransport;
class PlotDataLoader;
class PlotOverlay;
class PlotPanel;
class PlotReadoutTable;

/// The plot workspace: panels stacked with one synchronized time axis, a toolbar (zoom history,
/// reset, UTC/TAI, readout mode, A/B cursors, export) and the readout/statistics table. Owns
/// the SeriesStore of the plots and a PlotDataLoader that queries what the view needs
/// (debounced kReloadDelay after the view stops moving; the previous request is abandoned; a
/// small "loading" note shows meanwhile).
///
/// For other features:
/// - Overlays (annotations): addOverlay() a PlotOverlay; it draws on every panel and gets the
///   plain clicks and Shift+drags (see PlotOverlay). viewChanged() follows the visible range;
///   PlotPanel::timeToPixel()/pixelToTime() map times; repaintOverlays() redraws the overlays
///   only.
/// - Live data: addLiveSeries() adds a series that is never queried and returns its id in
///   store(); append to it with store().append(batch) on the GUI thread, then call
///   dataAppended(): redraws are coalesced to at most kMaxLiveFps per second. With
///   setFollowLatest(true) the view keeps its span and slides to the newest sample.
class PlotWorkspace : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kReloadDelayMs = 250;
    static constexpr int kMaxLiveFps = 30;
    static constexpr std::int64_t kDefaultSpanNs = 15LL * 60 * 1'000'000'000;
    static constexpr int kRecentCheckMs = 15'000;

    explicit PlotWorkspace(std::shared_ptr<HttpTransport> transport, QWidget *parent = nullptr);
    ~PlotWorkspace() override;

    // --- Connection and catalog ----------------------------------------------------------
    void setConnection(const ConnectionProfile &profile, const QString &secret);
    void setLanguage(QueryLanguage language);
    /// Where units come from when a dropped field or a query column does not say (the
    /// catalog's FieldInfo); returns an empty string when unknown.
    void setUnitLookup(std::function<QString(const QString &measurement, const QString &field)> lookup);

    // --- Panels and series ---------------------------------------------------------------
    const std::vector<PlotPanel *> &panels() const { return m_panels; }
    /// A new empty panel at the bottom.
    PlotPanel *addPanel();
    void removePanel(PlotPanel *panel);
    /// Adds fields to `panel` (nullptr: a new panel) and loads their data for the view.
    void addFields(const std::vector<DraggedField> &fields, PlotPanel *panel = nullptr);
    /// The results of a typed query as series of a new panel (Send to plot). The language is
    /// only recorded (for saving); empty = guessed from the text (Flux has `|>`).
    void addQueryResults(const std::vector<ResultTable> &tables, const QString &query,
                         std::optional<QueryLanguage> language = std::nullopt);

    SeriesStore &store() { return m_shared.store; }
    /// A series fed by its owner (see the class comment).
    SeriesId addLiveSeries(const SeriesKey &key, const QString &unit, PlotPanel *panel = nullptr);
    /// Series of `measurement` take the units `unitFor(field)` returns (empty optional: keep),
    /// on every panel (PlotPanel::setSeriesUnits): when a schema has told them.
    void setSeriesUnits(const QString &measurement, const std::function<std::optional<QString>(const QString &field)> &unitFor);
    /// Redraws soon (coalesced) after samples were appended to store().
    void dataAppended();
    void setFollowLatest(bool follow);

    void addOverlay(PlotOverlay *overlay);
    void removeOverlay(PlotOverlay *overlay);
    void repaintOverlays();

    // --- View ------------------------------------------------------------------------------
    TimeView view() const { return m_shared.view; }
    /// Shows `view` in every panel; `record` adds it to the zoom history.
    void setView(const TimeView &view, bool record = true);
    /// The view that shows all loaded data.
    void resetView();
    void back();
    void forward();
    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }
    TimeScale scale() const { return m_shared.scale; }
    void setScale(TimeScale scale);
    void setLookup(SampleLookup lookup);
    void setCursorsVisible(bool visible);
    /// Moves cursor A (0) or B (1).
    void setCursor(int which, std::int64_t tNs);
    const PlotShared &shared() const { return m_shared; }
    PlotReadoutTable *readout() const { return m_readout; }
    bool isLoading() const;

    // --- Documents and export ------------------------------------------------------------
    PlotDocument document() const;
    /// Replaces everything by `document` and loads its data.
    void applyDocument(const PlotDocument &document);
    /// The annotation list's filters are kept in the document too, but belong to the
    /// annotations dock: document() asks `source` for them, and applyDocument() hands the
    /// document's back with annotationFiltersLoaded() (see linkAnnotationFilters()).
    void setAnnotationFiltersSource(std::function<AnnotationPresetFile()> source);
    void clear();
    void exportImage();
    void exportCsv();
    void copyImage();
    /// Adds the plot actions (history, reset, cursors, scale, export) to `menu`.
    void populateMenu(QMenu *menu);

Q_SIGNALS:
    /// The visible range changed (ns UTC).
    void viewChanged(qint64 startNs, qint64 stopNs);
    /// Panels or series were added or removed.
    void contentChanged();
    void loadingChanged(bool loading);
    void message(const QString &text, bool error);
    /// applyDocument() read these annotation filters (empty for a workspace saved without).
    void annotationFiltersLoaded(const sasquatch::AnnotationPresetFile &filters);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildToolBar();
    void wirePanel(PlotPanel *panel);
    void applyView(const TimeView &view);
    void scheduleReload();
    void reload();
    void updateReadout();
    void updateTimeLabels();
    void updateActions();
    void alignMargins();
    void resetMargins();
    void loadQuerySeries(PlotPanel *panel, const PlotSeriesSpec &spec, int queryNumber);
    QString unitOf(const QString &measurement, const QString &field) const;
    int plotWidth() const;

    PlotShared m_shared;
    ZoomHistory m_history;
    QElapsedTimer m_sinceRecord;
    PlotDataLoader *m_loader = nullptr;
    std::vector<PlotPanel *> m_panels;
    QToolBar *m_toolBar = nullptr;
    QSplitter *m_splitter = nullptr;
    QSplitter *m_panelSplitter = nullptr;
    QLabel *m_dropHint = nullptr;
    QLabel *m_loading = nullptr;
    PlotReadoutTable *m_readout = nullptr;
    QComboBox *m_scaleCombo = nullptr;
    QComboBox *m_lookupCombo = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_cursorsAction = nullptr;
    QAction *m_imageAction = nullptr;
    QAction *m_csvAction = nullptr;
    QAction *m_copyAction = nullptr;
    QTimer m_reloadTimer;
    QTimer m_liveTimer;
    QTimer m_hoverTimer;
    QTimer m_recentTimer; ///< re-checks views that end near now, where new data arrives
    bool m_follow = false;
    bool m_alignQueued = false;
    int m_queryCount = 0;   ///< numbers the series of typed queries in the store
    std::function<QString(const QString &, const QString &)> m_unitLookup;
    std::function<AnnotationPresetFile()> m_annotationFilters;
};

} // namespace sasquatch
