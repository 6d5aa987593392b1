// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/MessageLayout.h"

#include <cmath>

namespace sasquatch {

std::int64_t secondsToNs(double seconds)
{
    const double whole = std::floor(seconds);
    return std::int64_t(whole) * 1'000'000'000 + std::llround((seconds - whole) * 1e9);
}

KafkaColumnKind columnKind(KafkaValueType type)
{
    switch (type) {
    case KafkaValueType::Int:
    case KafkaValueType::Long:
        return KafkaColumnKind::Integer;
    case KafkaValueType::String:
        return KafkaColumnKind::Text;
    case KafkaValueType::Boolean:
    case KafkaValueType::Float:
    case KafkaValueType::Double:
        break;
    }
    return KafkaColumnKind::Real;
}

const char *valueTypeName(KafkaValueType type)
{
    switch (type) {
    case KafkaValueType::Boolean:
        return "boolean";
    case KafkaValueType::Int:
        return "int";
    case KafkaValueType::Long:
        return "long";
    case KafkaValueType::Float:
        return "float";
    case KafkaValueType::Double:
        return "double";
    case KafkaValueType::String:
        return "string";
    }
    return "?";
}

int MessageLayout::indexOf(std::string_view name) const
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == name)
            return int(i);
    return -1;
}

void MessageLayout::assignSlots()
{
    realColumns = integerColumns = textColumns = 0;
    timeField = -1;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        LayoutField &f = fields[i];
        switch (columnKind(f.type)) {
        case KafkaColumnKind::Real:
            f.slot = realColumns++;
            break;
        case KafkaColumnKind::Integer:
            f.slot = integerColumns++;
            break;
        case KafkaColumnKind::Text:
            f.slot = textColumns++;
            break;
        }
        if (f.name == kEfdStampField && columnKind(f.type) == KafkaColumnKind::Real)
            timeField = int(i);
    }
}

} // namespace sasquatch
