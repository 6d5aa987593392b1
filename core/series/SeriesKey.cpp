// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/SeriesKey.h"

#include <algorithm>

namespace sasquatch {

std::string SeriesKey::displayName() const
{
    std::string name = topic;
    if (!name.empty())
        name += '.';
    name += field;
    if (!tags.empty()) {
        name += " [";
        for (std::size_t i = 0; i < tags.size(); ++i) {
            if (i)
                name += ", ";
            name += tags[i].first;
            name += '=';
            name += tags[i].second;
        }
        name += ']';
    }
    return name;
}

TagSet normalizedTags(TagSet tags)
{
    std::stable_sort(tags.begin(), tags.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    tags.erase(std::unique(tags.begin(), tags.end(), [](const auto &a, const auto &b) { return a.first == b.first; }),
               tags.end());
    return tags;
}

} // namespace sasquatch
