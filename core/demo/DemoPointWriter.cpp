// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoPointWriter.h"

#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoLineProtocol.h"
#include "core/demo/DemoSignals.h"

#include <cmath>
#include <cstdio>

namespace sasquatch {

namespace {

using LP = DemoLineProtocol;

struct Level
{
    double base, amp, noise;
};

/// Level, swing and noise for a float field from its units; `u` in [0,1) varies the level
/// per field so that the 16 temperatures of a sensor are not identical.
Level levelFor(const QString &units, const QString &name, double u)
{
    if (units == u"%")
        return {10 + 70 * u, 5 * u, 0.3};
    if (units == u"K")
        return {140 + 40 * u, 0.5, 0.05};
    if (units == u"Pa")
        return {74'300 + 200 * u, 40, 3};
    if (units == u"hPa")
        return {743 + 2 * u, 0.5, 0.05};
    if (units == u"kPa")
        return {100 + 400 * u, 10, 1};
    if (units == u"bar")
        return {1 + 7 * u, 0.1, 0.01};
    if (units == u"Torr") {
        const double b = 1e-7 * (1 + 9 * u);
        return {b, 0.1 * b, 0.02 * b};
    }
    if (units == u"V")
        return {5 + 45 * u, 0.05, 0.01};
    if (units == u"mA")
        return {100 + 900 * u, 5, 1};
    if (units == u"A")
        return {0.5 + 10 * u, 0.2, 0.02};
    if (units == u"uA")
        return {0.1 + 5 * u, 0.05, 0.01};
    if (units == u"W")
        return {10 + 500 * u, 5, 1};
    if (units == u"kW")
        return {1 + 50 * u, 1, 0.1};
    if (units == u"N")
        return {-400 + 800 * u, 40, 2};
    if (units == u"N m")
        return {-200 + 400 * u, 30, 3};
    if (units == u"m/s2" || units == u"deg/s2")
        return {0, 0.002, 0.005};
    if (units == u"deg/s" || units == u"mm/s" || units == u"um/s")
        return {0, 0.05, 0.002};
    if (units == u"m/s")
        return {2 + 8 * u, 2, 0.4};
    if (units == u"m")
        return {(u - 0.5) * 2e-4, 5e-5, 1e-6};
    if (units == u"mm")
        return {100 * u, 0.5, 0.01};
    if (units == u"um")
        return {-200 + 400 * u, 20, 0.5};
    if (units == u"arcsec") {
        if (name.contains(QStringLiteral("fwhm"), Qt::CaseInsensitive) || name.contains(QStringLiteral("rms")))
            return {0.6 + 0.6 * u, 0.2, 0.05};
        return {(u - 0.5) * 2, 0.5, 0.05};
    }
    if (units == u"deg" || units == u"rad")
        return {(u - 0.5) * 20, 1, 0.01};
    if (units == u"Hz")
        return {1 + 99 * u, 0.5, 0.05};
    if (units == u"rpm")
        return {500 + 3000 * u, 50, 5};
    if (units == u"s")
        return {1 + 10 * u, 0.5, 0.05};
    if (units == u"l/min")
        return {10 + 100 * u, 2, 0.3};
    if (units == u"GB")
        return {500 + 4000 * u, 20, 1};
    return {100 * u, 10 * u, u};
}

bool nameHasAny(const QString &name, std::initializer_list<const char *> parts)
{
    for (const char *p : parts)
        if (name.contains(QLatin1String(p)))
            return true;
    return false;
}

constexpr const char *kWords[] = {"nominal", "ok", "ready", "idle", "tracking", "standby"};
constexpr const char *kLocations[] = {"Dome interior", "M1M3 cell", "Camera hexapod", "Weather tower",
                                      "AuxTel dome", "Utility room", "Level 3", "Top end"};

} // namespace

DemoPointWriter::DemoPointWriter(const DemoTopic &topic, const QString &measurement)
    : m_topic(&topic),
      m_measurement(LP::measurement(measurement.isEmpty() ? topic.measurement() : measurement)),
      m_seed(DemoSignals::hash(topic.measurement()))
{
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(m_seed));
    m_revCode.assign(hex, 8);
    m_identity = topic.kind == DemoTopicKind::Command ? std::string("saluser@love01") : topic.csc.toStdString();
    m_topicName = topic.name.toStdString();
    m_slots.reserve(size_t(topic.valueCount()));
    for (const DemoField &f : topic.fields) {
        for (int i = 0; i < f.count; ++i) {
            Slot slot;
            slot.key = (m_slots.empty() ? std::string() : std::string(",")) + LP::key(f.flattenedName(i)) + '=';
            slot.field = &f;
            slot.seed = DemoSignals::mix(m_seed, DemoSignals::hash(f.flattenedName(i)));
            if (f.role == DemoFieldRole::Data)
                slot.dataIndex = m_dataValues++;
            configureSlot(slot, i);
            m_slots.push_back(std::move(slot));
        }
    }
    // Batches are sized from this, so measure a real line rather than guess.
    std::string probe;
    append(probe, 1'764'000'000'000, 0, 0);
    m_lineBytes = probe.size();
}

void DemoPointWriter::configureSlot(Slot &slot, int element) const
{
    const DemoField &f = *slot.field;
    const QString &name = f.name;
    if (f.role == DemoFieldRole::Private) {
        static const std::pair<const char *, Model> privates[] = {
            {"private_sndStamp", Model::SndStamp},   {"private_rcvStamp", Model::RcvStamp},
            {"private_efdStamp", Model::EfdStamp},   {"private_kafkaStamp", Model::KafkaStamp},
            {"private_seqNum", Model::SeqNum},       {"private_revCode", Model::RevCode},
            {"private_identity", Model::Identity},   {"private_origin", Model::Origin},
            {"salIndex", Model::SalIndex}};
        for (const auto &[n, m] : privates)
            if (name == QLatin1String(n))
                slot.model = m;
        return;
    }
    const double u = DemoSignals::unit(slot.seed, 1);
    slot.periodS = 120 + 3000 * DemoSignals::unit(slot.seed, 2);
    slot.phase = DemoSignals::kTwoPi * DemoSignals::unit(slot.seed, 3);
    const Level level = levelFor(f.units, name, u);
    slot.base = level.base;
    slot.amp = level.amp;
    slot.noise = level.noise;
    if (f.type == DemoFieldType::Int32 || f.type == DemoFieldType::Int64) {
        if (nameHasAny(name, {"ounter", "sequenceNumber", "imageNumber", "eventsSent", "Totalizer"}))
            slot.model = Model::Counter;
        else if (nameHasAny(name, {"tate", "ode", "tatus", "evel", "ype", "witch", "ault", "ctuator", "mask", "Mask"}))
            slot.model = Model::Enum;
        return;
    }
    if (f.type == DemoFieldType::String) {
        if (name == u"location")
            slot.model = Model::Location;
        else if (name == u"sensorName")
            slot.model = Model::SensorName;
        return;
    }
    if (f.type != DemoFieldType::Float64 && f.type != DemoFieldType::Float32)
        return;

    if (f.units == u"s" && (name.contains(QStringLiteral("imestamp")) || name.startsWith(QStringLiteral("tai")))) {
        slot.model = Model::Timestamp;
        return;
    }
    if (f.units == u"deg_C") {
        slot.model = Model::Outside;
        slot.base = -2 + 8 * u; // inside warmer than outside, electronics warmer still
        slot.noise = 0.05;
        return;
    }
    // The telescopes' pointing, shared by every topic that reports it. The auxiliary
    // telescope looks elsewhere (scaled and offset).
    const QString &csc = m_topic->csc;
    const bool aux = csc.startsWith(QStringLiteral("AT"));
    const bool pointing = csc == u"MTMount" || csc == u"MTPtg" || csc == u"ATPtg" || csc == u"ATMCS"
                          || csc == u"MTRotator" || (csc == u"MTDome" && m_topic->name == u"azimuth");
    if (pointing && f.units == u"deg") {
        const bool position = !nameHasAny(name, {"Velocity", "Offset", "ccel", "Error"});
        if (position && nameHasAny(name, {"levation", "mountEl", "Elevation"})) {
            slot.model = Model::Elevation;
        } else if (position && (nameHasAny(name, {"zimuth", "mountAz"}) || (csc == u"MTDome" && name.startsWith(QStringLiteral("position"))))) {
            slot.model = Model::Azimuth;
        } else if (position && (nameHasAny(name, {"otator", "mountRot", "asmyth"}) || csc == u"MTRotator"
                                || m_topic->name == u"cameraCableWrap")) {
            slot.model = Model::Rotator;
        } else if (position && csc == u"MTMount" && name.contains(QStringLiteral("Position"))) {
            slot.model = m_topic->name == u"elevation" ? Model::Elevation : Model::Azimuth;
        }
        if (aux && slot.model != Model::Generic) {
            slot.a = 0.8;
            slot.base = 8;
        } else {
            slot.base = 0;
        }
        slot.noise = 1e-4;
        // ATMCS packs 100 samples of the last second into each message.
        slot.amp = f.isArray() ? double(element - f.count + 1) * (1000.0 / f.count) : 0.0;
        return;
    }
    if ((m_topic->name == u"inclinometerData" && name == u"inclinometerAngle")) {
        slot.model = Model::Elevation;
        slot.base = 0.02;
        slot.noise = 0.002;
        slot.amp = 0;
    } else if (csc == u"MTM2" && m_topic->name == u"zenithAngle") {
        slot.model = Model::Elevation;
        slot.a = -1;
        slot.base = 90;
        slot.noise = 0.003;
        slot.amp = 0;
    }
}

void DemoPointWriter::append(std::string &out, std::int64_t timeMs, int salIndex, std::int64_t seqNum,
                             const DemoFieldValues *values) const
{
    thread_local std::vector<double> modelValues;
    const double *model = nullptr;
    if (m_model) {
        modelValues.resize(size_t(m_dataValues));
        m_model(timeMs, std::span<double>(modelValues.data(), modelValues.size()));
        model = modelValues.data();
    }
    out += m_measurement;
    out += ' ';
    for (const Slot &slot : m_slots) {
        out += slot.key;
        const DemoValue *given = nullptr;
        if (values) {
            for (const auto &[n, v] : *values)
                if (slot.field->count == 1 && n == slot.field->name)
                    given = &v;
        }
        if (!given) {
            appendValue(out, slot, timeMs, salIndex, seqNum, model);
            continue;
        }
        switch (slot.field->type) {
        case DemoFieldType::String:
            LP::appendString(out, given->text);
            break;
        case DemoFieldType::Boolean:
            LP::appendBoolean(out, given->number != 0.0);
            break;
        case DemoFieldType::Int32:
        case DemoFieldType::Int64:
            LP::appendInteger(out, std::int64_t(std::llround(given->number)));
            break;
        case DemoFieldType::Float32:
        case DemoFieldType::Float64:
            LP::appendFloat(out, given->number, 9);
            break;
        }
    }
    LP::appendTime(out, timeMs);
}

void DemoPointWriter::appendValue(std::string &out, const Slot &slot, std::int64_t timeMs, int salIndex,
                                  std::int64_t seqNum, const double *modelValues) const
{
    const double tS = double(timeMs) / 1000.0;
    const double utc = tS;
    const double tai = tS + DemoCatalog::kTaiMinusUtcSeconds;
    const std::uint64_t instanceSeed = DemoSignals::mix(slot.seed, std::uint64_t(salIndex));
    switch (slot.model) {
    case Model::SndStamp:
        LP::appendFixed(out, tai, 3);
        return;
    case Model::EfdStamp:
        LP::appendFixed(out, utc, 3);
        return;
    case Model::RcvStamp:
        LP::appendFixed(out, tai + 0.0003 + 0.0015 * DemoSignals::unit(slot.seed, timeMs), 6);
        return;
    case Model::KafkaStamp:
        LP::appendFixed(out, tai + 0.002 + 0.006 * DemoSignals::unit(slot.seed, timeMs), 6);
        return;
    case Model::SeqNum:
        LP::appendInteger(out, seqNum & 0x7fffffff);
        return;
    case Model::RevCode:
        LP::appendString(out, m_revCode);
        return;
    case Model::Identity:
        if (salIndex > 0 && m_topic->kind != DemoTopicKind::Command)
            LP::appendString(out, m_identity + ':' + std::to_string(salIndex));
        else
            LP::appendString(out, m_identity);
        return;
    case Model::Origin:
        LP::appendInteger(out, 1000 + std::int64_t(DemoSignals::mix(m_seed, std::uint64_t(salIndex)) % 60000));
        return;
    case Model::SalIndex:
        LP::appendInteger(out, salIndex);
        return;
    default:
        break;
    }

    const DemoField &f = *slot.field;
    if (slot.model == Model::Timestamp) {
        LP::appendFixed(out, tai - 0.0005, 4);
        return;
    }
    if (modelValues && slot.dataIndex >= 0) {
        if (f.type == DemoFieldType::Int32 || f.type == DemoFieldType::Int64)
            LP::appendInteger(out, std::llround(modelValues[slot.dataIndex]));
        else
            LP::appendFloat(out, modelValues[slot.dataIndex], m_digits);
        return;
    }
    switch (f.type) {
    case DemoFieldType::String: {
        const std::uint64_t pick = DemoSignals::mix(instanceSeed, std::uint64_t(timeMs / 3'600'000));
        if (slot.model == Model::Location)
            LP::appendString(out, kLocations[size_t(salIndex) % std::size(kLocations)]);
        else if (slot.model == Model::SensorName)
            LP::appendString(out, m_topicName + "-sensor-" + std::to_string(salIndex));
        else
            LP::appendString(out, kWords[pick % std::size(kWords)]);
        return;
    }
    case DemoFieldType::Boolean: {
        const bool mostlyTrue = DemoSignals::unit(slot.seed, 4) < 0.5;
        const bool rare = DemoSignals::unit(instanceSeed, timeMs / 300'000) < 0.05;
        LP::appendBoolean(out, mostlyTrue != rare);
        return;
    }
    case DemoFieldType::Int32:
    case DemoFieldType::Int64: {
        std::int64_t v;
        if (slot.model == Model::Counter)
            v = (timeMs / 1000) % 65536;
        else if (slot.model == Model::Enum)
            v = std::int64_t(4 * DemoSignals::unit(instanceSeed, timeMs / 600'000));
        else
            v = std::int64_t(1000 * DemoSignals::unit(instanceSeed, 5)) + std::int64_t(3 * DemoSignals::noise(instanceSeed, timeMs));
        LP::appendInteger(out, v);
        return;
    }
    case DemoFieldType::Float32:
    case DemoFieldType::Float64:
        break;
    }

    double v = 0.0;
    switch (slot.model) {
    case Model::Elevation:
        v = slot.a * DemoSignals::elevationDeg(timeMs + std::int64_t(slot.amp)) + slot.base;
        break;
    case Model::Azimuth:
        v = slot.a * DemoSignals::azimuthDeg(timeMs + std::int64_t(slot.amp)) + slot.base;
        break;
    case Model::Rotator:
        v = slot.a * DemoSignals::rotatorDeg(timeMs + std::int64_t(slot.amp)) + slot.base;
        break;
    case Model::Outside:
        v = DemoSignals::outsideTemperature(timeMs) + slot.base + 0.3 * (salIndex % 5)
            + 0.4 * std::sin(DemoSignals::kTwoPi * tS / slot.periodS + slot.phase);
        break;
    default:
        v = slot.base + slot.amp * std::sin(DemoSignals::kTwoPi * tS / slot.periodS + slot.phase);
        break;
    }
    v += slot.noise * DemoSignals::noise(instanceSeed, timeMs);
    LP::appendFloat(out, v, m_digits);
}

} // namespace sasquatch
