// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

#include <vector>

namespace sasquatch {

class PlotPanel;

/// Pictures of the stacked panels as they are shown: a raster image (PNG, clipboard) or a PDF
/// with vector lines, one page, the panels one under the other at their on-screen size.
class PlotExporter
{
    Q_DECLARE_TR_FUNCTIONS(PlotExporter)

public:
    /// The panels stacked, at the screen's device pixel ratio.
    static QImage image(const std::vector<PlotPanel *> &panels);
    static Outcome<Done> savePng(const std::vector<PlotPanel *> &panels, const QString &path);
    static Outcome<Done> savePdf(const std::vector<PlotPanel *> &panels, const QString &path);
};

} // namespace sasquatch
