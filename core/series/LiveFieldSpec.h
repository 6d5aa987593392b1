// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QString>
#include <QStringList>

#include <map>

namespace sasquatch {

/// The `--live` option's text: topics and their fields, `;` between topics,
///
///     lsst.sal.MTM1M3.forceActuatorData:zForce[156],fz;lsst.sal.MTMount.elevation:actualPosition
///
/// where `name[N]` stands for the flattened array elements name0 … name(N-1), as InfluxDB and
/// the live series name them. Errors say which part is wrong.
class LiveFieldSpec
{
public:
    static Outcome<std::map<QString, QStringList>> parse(const QString &text);
};

} // namespace sasquatch
