// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

class QMouseEvent;
class QPainter;

namespace sasquatch {

class PlotPanel;

/// Something drawn over every panel of a PlotWorkspace that also takes the mouse gestures the
/// plots leave free (annotations). Register with PlotWorkspace::addOverlay(); the workspace
/// does not own it.
///
/// Gestures the plots use: wheel (zoom time; Ctrl: the y axis under the cursor; Shift: pan),
/// drag (pan), Ctrl+drag (box zoom), dragging the A/B cursors, right click (menus). Free for
/// overlays: a plain click (press and release without moving, with or without Shift/Alt) and
/// Shift+drag. Times are int64 ns UTC; PlotPanel::timeToPixel()/pixelToTime() map them to
/// widget pixels, PlotPanel::plotRect() is the data area, PlotWorkspace::viewChanged() tells
/// when the visible range moves. Call PlotWorkspace::repaintOverlays() after a change: it
/// redraws the overlay layer only (the data is not redrawn).
class PlotOverlay
{
public:
    virtual ~PlotOverlay() = default;

    /// Draws over the data of `panel` (above the series, below the cursors), clipped to its
    /// plot rectangle; the painter's coordinates are the panel's widget pixels.
    virtual void paint(QPainter &painter, const PlotPanel &panel) = 0;
    /// A click without a drag at time `tNs` (value `y` in pixels: event->position()). Return
    /// true to consume it (the next overlays do not see it).
    virtual bool clicked(PlotPanel &panel, std::int64_t tNs, QMouseEvent *event)
    {
        (void)panel, (void)tNs, (void)event;
        return false;
    }
    /// Shift+drag over [fromNs, toNs] (from = where the press was; either order), called while
    /// the mouse moves and once more with `finished` at the release. Return true to consume.
    virtual bool shiftDragged(PlotPanel &panel, std::int64_t fromNs, std::int64_t toNs, bool finished)
    {
        (void)panel, (void)fromNs, (void)toNs, (void)finished;
        return false;
    }
};

} // namespace sasquatch
