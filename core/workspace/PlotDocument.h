// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationPresetStore.h"
#include "core/query/QueryLanguage.h"
#include "core/query/QuerySelection.h"
#include "core/series/SamplePoint.h"
#include "core/time/TimeRange.h"
#include "core/time/TimeScale.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace sasquatch {

/// How a series' line is drawn.
enum class PlotLineStyle : std::uint8_t { Solid, Dashed, Dotted, Steps };

/// Which side of a panel a value axis is on.
enum class PlotAxisSide : std::uint8_t { Left, Right };

/// One value axis of a panel: its own unit, label and range.
struct PlotAxisSpec
{
    PlotAxisSide side = PlotAxisSide::Left;
    QString unit;  ///< series with this unit go on this axis; empty = unitless/unknown
    QString label; ///< empty = the unit, in brackets
    bool autoRange = true; ///< follows the visible data; otherwise [min, max]
    double min = 0;
    double max = 1;

    bool operator==(const PlotAxisSpec &) const = default;
};

/// One plotted series: where its data comes from and how it looks.
struct PlotSeriesSpec
{
    QString bucket;      ///< "efd/autogen" (1.x) or the 2.x bucket name; empty for query results
    QString measurement; ///< the topic
    QString field;
    std::vector<TagFilter> tags; ///< which series of the topic (salIndex=1); empty = untagged
    QString unit;
    /// For a series that came from a typed query's results ("send to plot"): the query text and
    /// language. Such a series is not re-queried when the view moves.
    QString query;
    QueryLanguage language = QueryLanguage::InfluxQl;
    QString color; ///< "#rrggbb"; empty = the next colour of the palette
    PlotLineStyle style = PlotLineStyle::Solid;
    bool visible = true;
    int axis = 0; ///< index into the panel's axes

    bool operator==(const PlotSeriesSpec &) const = default;
};

/// One panel: its axes and series, and its share of the workspace height.
struct PlotPanelSpec
{
    std::vector<PlotAxisSpec> axes;
    std::vector<PlotSeriesSpec> series;
    int heightWeight = 1;

    bool operator==(const PlotPanelSpec &) const = default;
};

/// Cursor settings: what a hover readout shows and where the A/B cursors are.
struct PlotCursorSpec
{
    SampleLookup lookup = SampleLookup::Nearest; ///< Nearest or Previous
    bool abVisible = false;
    std::int64_t aNs = 0; ///< UTC ns
    std::int64_t bNs = 0;

    bool operator==(const PlotCursorSpec &) const = default;
};

/// The plot workspace as a document: what Save writes and Open restores (see PlotDocumentJson).
struct PlotDocument
{
    static constexpr int kVersion = 1;

    TimeRange range;                      ///< the view's time range (usually absolute)
    TimeScale scale = TimeScale::Utc;     ///< time axis in UTC or TAI
    std::vector<PlotPanelSpec> panels;
    PlotCursorSpec cursors;
    /// The annotation list's saved filters and its current filter (tags and text) as they were
    /// when the workspace was saved; empty in files written before they were kept (and then
    /// the list keeps what it has, from annotation-filters.json).
    AnnotationPresetFile annotationFilters;

    bool operator==(const PlotDocument &) const = default;
};

} // namespace sasquatch
