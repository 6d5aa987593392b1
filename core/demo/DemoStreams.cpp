// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoStreams.h"

namespace sasquatch {

const DemoStreamList &demoHourStreams()
{
    static const DemoStreamList streams = {
        {"MTMount", "azimuth", {}},
        {"MTMount", "elevation", {}},
        {"MTRotator", "rotation", {}},
        {"ESS", "temperature", {101, 112, 201, 301}},
        {"ESS", "relativeHumidity", {101, 301}},
        {"ESS", "pressure", {301}},
        {"ESS", "airFlow", {301}},
        {"ESS", "dewPoint", {301}},
        {"MTM1M3TS", "glycolLoopTemperature", {}},
        {"MTM1M3TS", "mixingValve", {}},
        {"MTAirCompressor", "analogData", {1, 2}},
        {"HVAC", "chiller01P01", {}},
        {"HVAC", "glycolSensor", {}},
        {"DSM", "domeSeeing", {1}},
        {"DIMM", "status", {1}},
        {"ATPneumatics", "m1AirPressure", {}},
        {"ATDome", "position", {}},
        {"EPM", "xups", {1}},
        {"MTCamera", "vacuum_Cryo", {}},
        {"MTCamera", "focal_plane_RebTotalPower", {}},
        {"MTCamera", "refrig_Cryo1", {}},
    };
    return streams;
}

const DemoStreamList &demoWindowStreams()
{
    static const DemoStreamList streams = {
        {"MTM1M3", "inclinometerData", {}},
        {"MTM2", "zenithAngle", {}},
        {"MTPtg", "currentTargetStatus", {}},
        {"MTDome", "azimuth", {}},
        {"MTMount", "cameraCableWrap", {}},
    };
    return streams;
}

} // namespace sasquatch
