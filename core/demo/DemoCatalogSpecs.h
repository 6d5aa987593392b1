// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace sasquatch {

/// The demo catalog's source text (format: DemoCatalogSpecParser), modelled on ts_xml's
/// SAL interfaces: real CSC and topic names, plausible field lists, types and units. Split by
/// area so that no file grows past a screenful of screens; the camera CSCs are generated the
/// way CCS generates their real interfaces (subsystem × component).
class DemoCatalogSpecs
{
public:
    static QByteArrayView mainTelescope();     ///< M1M3, M1M3 thermal, M2, mount, hexapods, rotator
    static QByteArrayView mainTelescopeSupport(); ///< dome, pointing, AOS, compressors, VMS...
    static QByteArrayView auxiliaryTelescope(); ///< ATMCS, ATDome, ATHexapod, ATSpectrograph...
    static QByteArrayView observatory();       ///< ESS, Scheduler, ScriptQueue, calibration, ...
    static QByteArray cameras();               ///< MTCamera, ATCamera, CCCamera (generated)
};

} // namespace sasquatch
