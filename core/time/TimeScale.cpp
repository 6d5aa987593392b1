// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/TimeScale.h"

namespace sasquatch {

QString timeScaleName(TimeScale scale)
{
    return scale == TimeScale::Tai ? QStringLiteral("TAI") : QStringLiteral("UTC");
}

} // namespace sasquatch
