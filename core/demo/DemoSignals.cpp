// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoSignals.h"

namespace sasquatch {

std::uint64_t DemoSignals::hash(QStringView text)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return mix(h);
}

} // namespace sasquatch
