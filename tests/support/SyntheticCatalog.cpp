// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/SyntheticCatalog.h"

#include <QSet>

#include <array>
#include <random>

namespace sasquatch {

namespace {

// CSC names as in ts_xml.
const std::array<const char *, 59> kCscs = {
    "ATAOS",         "ATBuilding",      "ATCamera",       "ATDome",          "ATDomeTrajectory", "ATHeaderService",
    "ATHexapod",     "ATMCS",           "ATMonochromator", "ATOODS",         "ATPneumatics",     "ATPtg",
    "ATSpectrograph", "ATWhiteLight",   "Authorize",      "CBP",             "CCCamera",         "CCHeaderService",
    "CCOODS",        "DIMM",            "DREAM",          "DSM",             "EAS",              "Electrometer",
    "EPM",           "ESS",             "FiberSpectrograph", "GCHeaderService", "GenericCamera", "GIS",
    "HVAC",          "LaserTracker",    "LEDProjector",   "LinearStage",     "MTAirCompressor",  "MTAOS",
    "MTCamera",      "MTDome",          "MTDomeTrajectory", "MTEEC",         "MTHeaderService",  "MTHexapod",
    "MTM1M3",        "MTM1M3TS",        "MTM2",           "MTMount",         "MTOODS",           "MTPtg",
    "MTReflector",   "MTRotator",       "MTVMS",          "OCPS",            "PMD",              "Scheduler",
    "Script",        "ScriptQueue",     "TunableLaser",   "Watcher",         "WeatherForecast",
};

const std::array<const char *, 48> kWords = {
    "temperature", "pressure", "position", "velocity", "acceleration", "current", "voltage", "force",
    "moment", "status", "state", "mode", "error", "target", "actual", "demand", "azimuth", "elevation",
    "rotation", "motor", "encoder", "brake", "limit", "heater", "fan", "valve", "flow", "humidity",
    "wind", "speed", "power", "supply", "interlock", "alarm", "setpoint", "offset", "focus", "filter",
    "shutter", "exposure", "image", "sensor", "axis", "drive", "cabinet", "glycol", "mirror", "cell",
};

const std::array<const char *, 12> kSuffixes = {
    "Data", "Status", "Settings", "Info", "Warning", "Applied", "Measured", "Commanded", "Limits", "Summary",
    "State", "Values",
};

const std::array<const char *, 20> kCommands = {
    "enable",   "disable",  "start",   "standby",  "exitControl", "enterControl", "setLogLevel",
    "setAuthList", "move",  "stop",    "track",    "park",        "unpark",       "home",
    "applyOffset", "clearOffset", "raiseM1M3", "lowerM1M3", "setSetpoint", "reset",
};

const std::array<const char *, 14> kMtm1m3Topics = {
    "forceActuatorData",
    "hardpointActuatorData",
    "imsData",
    "inclinometerData",
    "accelerometerData",
    "gyroData",
    "pidData",
    "powerSupplyData",
    "outerLoopData",
    "forceActuatorPressure",
    "logevent_forceActuatorDataApplied",
    "logevent_forceActuatorState",
    "logevent_appliedForces",
    "logevent_detailedState",
};

QString capitalised(const char *word)
{
    QString text = QString::fromLatin1(word);
    text[0] = text[0].toUpper();
    return text;
}

void addArray(std::vector<FieldInfo> &fields, const QString &base, int length, FieldType type, const QString &unit)
{
    for (int i = 0; i < length; ++i)
        fields.push_back({base + QString::number(i), type, unit, QStringLiteral("%1 of actuator").arg(base)});
}

class Generator
{
public:
    explicit Generator(quint32 seed) : m_random(seed) {}

    int uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    const char *word() { return kWords[size_t(uniform(0, int(kWords.size()) - 1))]; }

    QString camelName(int words)
    {
        QString name = QString::fromLatin1(word());
        for (int i = 1; i < words; ++i)
            name += capitalised(word());
        return name;
    }

    // About `count` InfluxDB fields: scalars and the odd array, then the private fields.
    std::vector<FieldInfo> fields(int count)
    {
        std::vector<FieldInfo> out = SyntheticCatalog::privateFields();
        QSet<QString> used;
        while (int(out.size()) < count) {
            const QString name = camelName(uniform(1, 3));
            if (used.contains(name))
                continue;
            used.insert(name);
            const int kind = uniform(0, 19);
            if (kind == 0 && count - int(out.size()) > 4) {
                addArray(out, name, uniform(2, std::min(64, count - int(out.size()))), FieldType::Float,
                         QStringLiteral("N"));
            } else {
                const FieldType type = kind < 12 ? FieldType::Float
                                       : kind < 16 ? FieldType::Integer
                                       : kind < 18 ? FieldType::Boolean
                                                   : FieldType::String;
                out.push_back({name, type, type == FieldType::Float ? QStringLiteral("deg") : QString(),
                               QStringLiteral("Synthetic field")});
            }
        }
        return out;
    }

    int fieldCount(int mean)
    {
        // Between a third and five thirds of the mean, never below the private fields.
        return std::max(10, uniform(mean / 3, mean * 5 / 3));
    }

private:
    std::mt19937 m_random;
};

} // namespace

std::vector<FieldInfo> SyntheticCatalog::privateFields()
{
    std::vector<FieldInfo> out;
    out.push_back({QStringLiteral("salIndex"), FieldType::Integer, {}, QStringLiteral("SAL index")});
    for (const char *name : {"private_sndStamp", "private_rcvStamp", "private_efdStamp", "private_kafkaStamp"})
        out.push_back({QString::fromLatin1(name), FieldType::Float, QStringLiteral("s"), {}});
    out.push_back({QStringLiteral("private_seqNum"), FieldType::Integer, {}, {}});
    out.push_back({QStringLiteral("private_revCode"), FieldType::String, {}, {}});
    out.push_back({QStringLiteral("private_identity"), FieldType::String, {}, {}});
    out.push_back({QStringLiteral("private_origin"), FieldType::Integer, {}, {}});
    return out;
}

std::vector<FieldInfo> SyntheticCatalog::forceActuatorDataFields()
{
    std::vector<FieldInfo> out = privateFields();
    const QString n = QStringLiteral("N");
    addArray(out, QStringLiteral("primaryCylinderForce"), 156, FieldType::Float, n);
    addArray(out, QStringLiteral("secondaryCylinderForce"), 112, FieldType::Float, n);
    addArray(out, QStringLiteral("primaryCylinderFollowingError"), 156, FieldType::Float, n);
    addArray(out, QStringLiteral("secondaryCylinderFollowingError"), 112, FieldType::Float, n);
    addArray(out, QStringLiteral("xForce"), 12, FieldType::Float, n);
    addArray(out, QStringLiteral("yForce"), 100, FieldType::Float, n);
    addArray(out, QStringLiteral("zForce"), 156, FieldType::Float, n);
    for (const char *name : {"fx", "fy", "fz", "forceMagnitude"})
        out.push_back({QString::fromLatin1(name), FieldType::Float, n, {}});
    for (const char *name : {"mx", "my", "mz"})
        out.push_back({QString::fromLatin1(name), FieldType::Float, QStringLiteral("N*m"), {}});
    out.push_back({QStringLiteral("timestamp"), FieldType::Float, QStringLiteral("s"), {}});
    return out;
}

SyntheticCatalog SyntheticCatalog::generate(int topicCount, int meanFields, quint32 seed)
{
    Generator gen(seed);
    SyntheticCatalog catalog;
    QSet<QString> names;
    auto add = [&](const QString &topic, std::vector<FieldInfo> fields) {
        if (names.contains(topic))
            return;
        names.insert(topic);
        catalog.topics.append(topic);
        catalog.fieldCount += qsizetype(fields.size());
        catalog.fields.insert(topic, std::move(fields));
    };

    // Originals make up a third of a big catalog; the rest are replicas on two other clusters.
    const bool withReplicas = topicCount > 5000;
    const int originals = withReplicas ? topicCount / 3 : topicCount;
    const int metrics = std::max(1, originals / 50);
    const int salTopics = originals - metrics;
    const int perCsc = std::max(4, salTopics / int(kCscs.size()));

    for (int c = 0; catalog.topics.size() < salTopics; ++c) {
        const QString csc = c < int(kCscs.size()) ? QString::fromLatin1(kCscs[size_t(c)])
                                                  : QStringLiteral("%1%2").arg(kCscs[size_t(c) % kCscs.size()]).arg(c);
        const QString prefix = QStringLiteral("lsst.sal.") + csc + QLatin1Char('.');
        int made = 0;
        auto addTopic = [&](const QString &topic, std::vector<FieldInfo> fields) {
            const qsizetype before = catalog.topics.size();
            add(prefix + topic, std::move(fields));
            made += int(catalog.topics.size() - before);
        };
        std::vector<FieldInfo> summary = privateFields();
        summary.push_back({QStringLiteral("summaryState"), FieldType::Integer, {}, QStringLiteral("New state")});
        addTopic(QStringLiteral("logevent_summaryState"), std::move(summary));
        addTopic(QStringLiteral("ackcmd"), privateFields());
        if (csc == QLatin1String("MTM1M3")) {
            addTopic(QString::fromLatin1(kMtm1m3Topics[0]), forceActuatorDataFields());
            for (size_t i = 1; i < kMtm1m3Topics.size(); ++i)
                addTopic(QString::fromLatin1(kMtm1m3Topics[i]), gen.fields(gen.fieldCount(meanFields)));
        }
        for (int attempt = 0; made < perCsc && attempt < perCsc * 4; ++attempt) {
            const int kind = gen.uniform(0, 99);
            QString topic;
            if (kind < 18)
                topic = gen.camelName(gen.uniform(1, 2)) + QString::fromLatin1(kSuffixes[size_t(gen.uniform(0, 11))]);
            else if (kind < 79)
                topic = QStringLiteral("logevent_") + gen.camelName(gen.uniform(1, 2))
                        + QString::fromLatin1(kSuffixes[size_t(gen.uniform(0, 11))]);
            else
                topic = QStringLiteral("command_") + QString::fromLatin1(kCommands[size_t(gen.uniform(0, 19))]);
            addTopic(topic, gen.fields(gen.fieldCount(meanFields)));
        }
    }
    while (catalog.topics.size() < originals) {
        const QString db = gen.uniform(0, 1) ? QStringLiteral("lsst.dm.") : QStringLiteral("lsst.verify.");
        add(db + gen.camelName(2) + QString::number(gen.uniform(0, 999)), gen.fields(gen.fieldCount(meanFields)));
    }
    if (withReplicas) {
        const QStringList originalsList = catalog.topics;
        for (const QString &source : {QStringLiteral("summit"), QStringLiteral("base")}) {
            for (const QString &topic : originalsList) {
                if (catalog.topics.size() >= topicCount)
                    break;
                add(source + QLatin1Char('.') + topic, catalog.fields.value(topic));
            }
        }
    }
    return catalog;
}

} // namespace sasquatch
