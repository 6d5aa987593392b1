// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/JsonMessageDecoder.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

namespace sasquatch {

namespace {

using ordered = nlohmann::ordered_json;

void flatten(const std::string &name, const ordered &value, std::vector<JsonFieldValue> &out)
{
    switch (value.type()) {
    case ordered::value_t::object:
        for (const auto &[key, member] : value.items())
            flatten(name.empty() ? key : name + '.' + key, member, out);
        return;
    case ordered::value_t::array: {
        std::size_t k = 0;
        for (const auto &element : value)
            flatten(name + std::to_string(k++), element, out);
        return;
    }
    case ordered::value_t::boolean:
        out.push_back({name, KafkaValueType::Boolean, value.get<bool>()});
        return;
    case ordered::value_t::number_integer:
        out.push_back({name, KafkaValueType::Long, value.get<std::int64_t>()});
        return;
    case ordered::value_t::number_unsigned: {
        const auto u = value.get<std::uint64_t>();
        if (u <= std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            out.push_back({name, KafkaValueType::Long, std::int64_t(u)});
        else
            out.push_back({name, KafkaValueType::Double, double(u)});
        return;
    }
    case ordered::value_t::number_float:
        out.push_back({name, KafkaValueType::Double, value.get<double>()});
        return;
    case ordered::value_t::string:
        out.push_back({name, KafkaValueType::String, value.get<std::string>()});
        return;
    case ordered::value_t::null:
        out.push_back({name, KafkaValueType::Double, std::monostate{}});
        return;
    case ordered::value_t::binary:
    case ordered::value_t::discarded:
        return;
    }
}

} // namespace

Outcome<std::vector<JsonFieldValue>> JsonMessageDecoder::decode(const char *data, std::size_t size)
{
    ordered doc;
    try {
        doc = ordered::parse(data, data + size);
    } catch (const ordered::parse_error &e) {
        return Failure{QStringLiteral("invalid JSON at byte %1: %2").arg(e.byte).arg(QString::fromUtf8(e.what()))};
    }
    if (!doc.is_object())
        return Failure{QStringLiteral("JSON value is a %1, not an object").arg(QString::fromUtf8(doc.type_name()))};
    std::vector<JsonFieldValue> fields;
    flatten({}, doc, fields);
    return fields;
}

std::shared_ptr<MessageLayout> JsonMessageDecoder::layoutOf(const std::vector<JsonFieldValue> &fields)
{
    auto layout = std::make_shared<MessageLayout>();
    layout->fields.reserve(fields.size());
    for (const auto &f : fields) {
        LayoutField lf;
        lf.name = f.name;
        // Integers stay exact (ids, counters, ns or us timestamps beyond 2^53) while a member
        // has only been written as one; the first non-integer makes a new layout where it is
        // Double (fits()). private_efdStamp is seconds, a double by definition (the row time).
        lf.type = f.type == KafkaValueType::Long && f.name == MessageLayout::kEfdStampField ? KafkaValueType::Double : f.type;
        lf.nullable = true;
        layout->fields.push_back(std::move(lf));
    }
    layout->assignSlots();
    return layout;
}

bool JsonMessageDecoder::fits(const MessageLayout &layout, const std::vector<JsonFieldValue> &fields)
{
    if (layout.fields.size() != fields.size())
        return false;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const LayoutField &lf = layout.fields[i];
        if (lf.name != fields[i].name)
            return false;
        if (std::holds_alternative<std::monostate>(fields[i].value))
            continue;
        const bool textual = fields[i].type == KafkaValueType::String;
        if (textual != (lf.type == KafkaValueType::String))
            return false;
        if ((fields[i].type == KafkaValueType::Boolean) != (lf.type == KafkaValueType::Boolean))
            return false;
        if (lf.type == KafkaValueType::Long && fields[i].type != KafkaValueType::Long)
            return false; // 1.5 after integers: the member becomes Double

    }
    return true;
}

void JsonMessageDecoder::append(const std::vector<JsonFieldValue> &fields, const KafkaMessageMeta &meta,
                                DecodedBatch &batch)
{
    const MessageLayout &layout = batch.layout();
    const std::size_t row = batch.addRow(meta);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const LayoutField &lf = layout.fields[i];
        const KafkaValue &v = fields[i].value;
        switch (columnKind(lf.type)) {
        case KafkaColumnKind::Real: {
            double x = std::numeric_limits<double>::quiet_NaN();
            if (const auto *d = std::get_if<double>(&v))
                x = *d;
            else if (const auto *n = std::get_if<std::int64_t>(&v))
                x = double(*n);
            else if (const auto *b = std::get_if<bool>(&v))
                x = *b ? 1.0 : 0.0;
            batch.realData(lf.slot)[row] = x;
            break;
        }
        case KafkaColumnKind::Integer:
            if (const auto *n = std::get_if<std::int64_t>(&v))
                batch.integerData(lf.slot)[row] = *n;
            else
                batch.setNull(row, lf);
            break;
        case KafkaColumnKind::Text:
            if (const auto *s = std::get_if<std::string>(&v))
                batch.textData(lf.slot)[row] = *s;
            else
                batch.setNull(row, lf);
            break;
        }
    }
    if (layout.timeField >= 0) {
        const double seconds = batch.realData(layout.fields[std::size_t(layout.timeField)].slot)[row];
        if (std::isfinite(seconds))
            batch.setMetaTime(row, secondsToNs(seconds));
    }
}

} // namespace sasquatch
