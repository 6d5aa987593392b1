// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/demo/DemoTypes.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace sasquatch {

/// A value an event or command carries on purpose (a summaryState, an error code...), given
/// by name in place of the synthetic one.
struct DemoValue
{
    enum class Kind { Number, Text, Boolean };
    Kind kind = Kind::Number;
    double number = 0.0;
    std::string text;

    static DemoValue num(double v) { return {Kind::Number, v, {}}; }
    static DemoValue str(std::string v) { return {Kind::Text, 0.0, std::move(v)}; }
    static DemoValue flag(bool v) { return {Kind::Boolean, v ? 1.0 : 0.0, {}}; }
};
using DemoFieldValues = std::vector<std::pair<QString, DemoValue>>;

/// Writes line-protocol points of one topic: every field of the catalog (arrays flattened,
/// private fields included) with plausible values that depend only on the topic, the field,
/// the CSC instance and the time. Units pick the level and scale (deg_C around the outside
/// temperature, Pa around the summit's air pressure...), the telescope's pointing is shared
/// by the mount, pointing, rotator and dome topics, and the private stamps follow DOMAIN.md
/// (efdStamp = point time in UTC s, sndStamp = the same instant in TAI).
/// Immutable after construction: one writer serves any number of threads.
class DemoPointWriter
{
public:
    /// Fills the data (non-private) values of a point, in flattened order, for numeric topics
    /// with a dedicated model (M1M3 forces).
    using DataModel = std::function<void(std::int64_t timeMs, std::span<double> values)>;

    /// `measurement` overrides the topic's own name (MirrorMaker 2 replicas).
    explicit DemoPointWriter(const DemoTopic &topic, const QString &measurement = {});

    /// Set before use from several threads.
    void setDataModel(DataModel model) { m_model = std::move(model); }
    void setSignificantDigits(int digits) { m_digits = digits; }

    const DemoTopic &topic() const { return *m_topic; }
    int valueCount() const { return int(m_slots.size()); }
    /// Size of one line (measured at construction), for batching.
    std::size_t lineBytes() const { return m_lineBytes; }

    /// Appends one point. `salIndex` is the CSC instance (0 when not indexed), `seqNum` the
    /// publisher's private_seqNum; `values` replace synthetic values by field name.
    void append(std::string &out, std::int64_t timeMs, int salIndex, std::int64_t seqNum,
                const DemoFieldValues *values = nullptr) const;

private:
    enum class Model {
        Generic,
        Timestamp,  ///< TAI seconds of the point
        Elevation,  ///< DemoSignals pointing, scaled by a and offset by b
        Azimuth,
        Rotator,
        Outside,    ///< outside temperature + offset
        Counter,    ///< integer counting seconds
        Enum,       ///< small integer changing every few minutes
        Location,   ///< string: where a sensor sits
        SensorName, ///< string: the sensor's name
        SndStamp, RcvStamp, EfdStamp, KafkaStamp, SeqNum, RevCode, Identity, Origin, SalIndex,
    };
    struct Slot
    {
        std::string key;   ///< "name=" preceded by ',' except for the first slot
        const DemoField *field = nullptr;
        Model model = Model::Generic;
        std::uint64_t seed = 0;
        double base = 0.0; ///< level
        double amp = 0.0;  ///< slow sinusoid amplitude
        double noise = 0.0;
        double periodS = 600.0;
        double phase = 0.0;
        double a = 1.0;    ///< scale for pointing models
        int dataIndex = -1; ///< index into a DataModel's values, -1 for private slots
    };
    void configureSlot(Slot &slot, int element) const;
    void appendValue(std::string &out, const Slot &slot, std::int64_t timeMs, int salIndex,
                     std::int64_t seqNum, const double *modelValues) const;

    const DemoTopic *m_topic;
    std::string m_measurement;
    std::vector<Slot> m_slots;
    DataModel m_model;
    int m_dataValues = 0;
    int m_digits = 5;
    std::uint64_t m_seed = 0;
    std::string m_revCode;
    std::string m_identity;   ///< private_identity without the salIndex suffix
    std::string m_topicName;  ///< for sensor names
    std::size_t m_lineBytes = 0;
};

} // namespace sasquatch
