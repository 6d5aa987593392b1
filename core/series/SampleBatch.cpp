// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/SampleBatch.h"

#include <QString>

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace sasquatch {

const BatchField *SampleBatch::field(const std::string &name) const
{
    for (const BatchField &f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

Outcome<Done> SampleBatch::validate() const
{
    const auto what = [this](const std::string &text) {
        return Failure{QStringLiteral("Sample batch of %1: %2")
                           .arg(QString::fromStdString(topic.empty() ? std::string("(no topic)") : topic),
                                QString::fromStdString(text))};
    };
    if (times.size() > std::size_t{0xffffffffu})
        return what("more than 4294967295 rows in one batch");
    std::unordered_set<std::string> names;
    for (const BatchField &f : fields) {
        if (f.name.empty())
            return what("a field has no name");
        if (!names.insert(f.name).second)
            return what("field \"" + f.name + "\" appears twice");
        if (f.values.size() != times.size())
            return what("field \"" + f.name + "\" has " + std::to_string(f.values.size()) + " values for " +
                        std::to_string(times.size()) + " times");
    }
    std::unordered_set<std::string> tagKeys;
    for (const auto &[key, value] : tags) {
        if (key.empty())
            return what("a tag has no key");
        if (!tagKeys.insert(key).second)
            return what("tag \"" + key + "\" appears twice");
    }
    return Done{};
}

std::vector<std::uint32_t> SampleBatch::sortedUniqueRows() const
{
    bool strictlyIncreasing = true;
    for (std::size_t i = 1; i < times.size(); ++i) {
        if (times[i] <= times[i - 1]) {
            strictlyIncreasing = false;
            break;
        }
    }
    if (strictlyIncreasing)
        return {};
    std::vector<std::uint32_t> rows(times.size());
    std::iota(rows.begin(), rows.end(), 0u);
    std::stable_sort(rows.begin(), rows.end(), [this](std::uint32_t a, std::uint32_t b) { return times[a] < times[b]; });
    rows.erase(std::unique(rows.begin(), rows.end(), [this](std::uint32_t a, std::uint32_t b) { return times[a] == times[b]; }),
               rows.end());
    return rows;
}

} // namespace sasquatch
