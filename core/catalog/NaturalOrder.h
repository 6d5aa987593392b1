// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

namespace sasquatch {

/// Orders names as people expect: case-insensitively, with runs of digits compared as numbers
/// (`xForce2` before `xForce10`, `MTM1M3` before `MTM1M3TS`). Names that differ only in case or
/// leading zeros are ordered by their UTF-16 code units so the order is total.
/// Returns <0, 0 or >0 like strcmp.
int naturalCompare(QStringView a, QStringView b);

/// Strict weak ordering for std::sort.
inline bool naturalLess(QStringView a, QStringView b)
{
    return naturalCompare(a, b) < 0;
}

} // namespace sasquatch
