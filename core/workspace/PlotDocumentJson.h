// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"
#include "core/workspace/PlotDocument.h"

#include <QByteArray>
#include <QString>

namespace sasquatch {

/// The JSON form of a PlotDocument (a `.sqws` workspace file):
///
///     {
///         "cursors": {"a": "2026-11-23T03:12:00Z", "ab": true, "b": "…", "lookup": "nearest"},
///         "format": "sasquatch-plot-workspace",
///         "panels": [{"axes": [{"auto": true, "label": "", "max": 1, "min": 0, "side": "left", "unit": "N"}],
///                     "height": 1,
///                     "series": [{"axis": 0, "bucket": "efd/autogen", "color": "#4fc3f7",
///                                 "field": "fz", "measurement": "lsst.sal.MTM1M3.forceActuatorData",
///                                 "style": "solid", "tags": {"salIndex": "1"}, "unit": "N", "visible": true}]}],
///         "range": "2026-11-23T03:12:00Z/2026-11-23T04:12:00Z",
///         "scale": "TAI",
///         "version": 1
///     }
///
/// Keys are written in sorted order, times as exact RFC 3339 text (int64 ns do not fit a JSON
/// double), so saving a loaded file reproduces it byte for byte. Series from a typed query
/// also have "query" and "language". Reading is strict: an unknown enum word, a wrong type
/// or a newer version is an error that names the place (`panels[1].series[0].style`), and JSON
/// syntax errors give line and column.
class PlotDocumentJson
{
public:
    static QByteArray write(const PlotDocument &document);
    /// `source` names the input in errors (a file path).
    static Outcome<PlotDocument> read(const QByteArray &json, const QString &source = QString());
};

} // namespace sasquatch
