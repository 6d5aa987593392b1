// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoCatalog.h"

#include "core/demo/DemoCatalogSpecParser.h"
#include "core/demo/DemoCatalogSpecs.h"

#include <QCryptographicHash>

namespace sasquatch {

namespace {

// ts_xml's SALGenerics: what every CSC publishes and accepts besides its own interface.
constexpr char kGenericSpec[] = R"spec(
CSC Generic - generic topics
E heartbeat heartbeat:b
E summaryState summaryState:i
E errorCode errorCode:i errorReport:s traceback:s
E logLevel level:i subsystem:s
E logMessage name:s level:i message:s traceback:s filePath:s functionName:s lineNumber:i process:i timestamp:d:s
E softwareVersions salVersion:s xmlVersion:s openSpliceVersion:s cscVersion:s subsystemVersions:s
E simulationMode mode:i
E configurationApplied configurations:s version:s url:s schemaVersion:s otherInfo:s
E configurationsAvailable overrides:s version:s url:s schemaVersion:s
E authList authorizedUsers:s nonAuthorizedCSCs:s
E largeFileObjectAvailable url:s generator:s version:f byteSize:i checkSum:s mimeType:s id:s
C start configurationOverride:s
C enable
C disable
C standby
C exitControl
C setLogLevel level:i subsystem:s
C setAuthList authorizedUsers:s nonAuthorizedCSCs:s
)spec";

DemoField makeField(const char *name, DemoFieldType type, const char *units, const char *description)
{
    DemoField f;
    f.name = QString::fromLatin1(name);
    f.type = type;
    f.units = QString::fromLatin1(units);
    f.description = QString::fromLatin1(description);
    f.role = DemoFieldRole::Private;
    return f;
}

} // namespace

const DemoCatalog &DemoCatalog::instance()
{
    static const DemoCatalog catalog;
    return catalog;
}

DemoCatalog::DemoCatalog()
{
    const QByteArray cameras = DemoCatalogSpecs::cameras();
    const bool ok = addSpec(DemoCatalogSpecs::mainTelescope())
                    && addSpec(DemoCatalogSpecs::mainTelescopeSupport())
                    && addSpec(DemoCatalogSpecs::auxiliaryTelescope())
                    && addSpec(cameras) && addSpec(DemoCatalogSpecs::observatory());
    Q_UNUSED(ok); // on failure m_buildError says why; the rest is still usable

    // Generic topics after each CSC's own ones, keeping CSCs together.
    std::vector<DemoTopic> own;
    own.swap(m_topics);
    for (const DemoCsc &csc : m_cscs) {
        const size_t first = m_topics.size();
        for (DemoTopic &t : own)
            if (t.csc == csc.name)
                m_topics.push_back(std::move(t));
        addGenericTopics(csc, first);
    }
    addPrivateFields();
    for (int i = 0; i < int(m_topics.size()); ++i) {
        const QString key = m_topics[size_t(i)].measurement();
        if (m_topicIndex.contains(key) && m_buildError.isEmpty())
            m_buildError = QStringLiteral("topic %1 declared twice").arg(key);
        m_topicIndex.insert(key, i);
    }
    for (const char *name : {"lsst.sal.MTMount.azimuth", "lsst.sal.MTMount.elevation",
                             "lsst.sal.MTM1M3.logevent_summaryState", "lsst.sal.ESS.temperature",
                             "lsst.sal.MTDome.azimuth", "lsst.sal.Scheduler.logevent_target"}) {
        if (const DemoTopic *t = topic(QString::fromLatin1(name)))
            m_replicated.push_back(t);
    }
    buildOtherDatabases();
    computeFingerprint();
}

bool DemoCatalog::addSpec(QByteArrayView text)
{
    Outcome<DemoCatalogSpec> spec = DemoCatalogSpecParser::parse(text);
    if (!spec) {
        if (m_buildError.isEmpty())
            m_buildError = spec.error();
        return false;
    }
    for (DemoCsc &csc : spec->cscs)
        m_cscs.push_back(std::move(csc));
    for (DemoTopic &topic : spec->topics)
        m_topics.push_back(std::move(topic));
    return true;
}

void DemoCatalog::addGenericTopics(const DemoCsc &csc, size_t firstOwnTopic)
{
    static const Outcome<DemoCatalogSpec> generic =
        DemoCatalogSpecParser::parse(QByteArrayView(kGenericSpec, sizeof(kGenericSpec) - 1));
    if (!generic) {
        m_buildError = generic.error();
        return;
    }
    for (const DemoTopic &g : generic->topics) {
        // A CSC may define a generic topic itself (ts_xml allows overriding); keep its own.
        bool own = false;
        for (size_t i = firstOwnTopic; i < m_topics.size(); ++i)
            own = own || m_topics[i].name == g.name;
        if (own)
            continue;
        DemoTopic t = g;
        t.csc = csc.name;
        m_topics.push_back(std::move(t));
    }
    DemoTopic ack;
    ack.csc = csc.name;
    ack.name = QStringLiteral("ackcmd");
    ack.kind = DemoTopicKind::Ackcmd;
    ack.description = QStringLiteral("Command acknowledgement");
    const auto field = [](const char *name, DemoFieldType type, const char *units) {
        DemoField f;
        f.name = QString::fromLatin1(name);
        f.type = type;
        f.units = QString::fromLatin1(units);
        f.description = DemoCatalogSpecParser::words(f.name);
        return f;
    };
    ack.fields = {field("ack", DemoFieldType::Int32, ""),
                  field("error", DemoFieldType::Int32, ""),
                  field("result", DemoFieldType::String, ""),
                  field("identity", DemoFieldType::String, ""),
                  field("origin", DemoFieldType::Int32, ""),
                  field("cmdtype", DemoFieldType::Int32, ""),
                  field("timeout", DemoFieldType::Float64, "s")};
    m_topics.push_back(std::move(ack));
}

void DemoCatalog::addPrivateFields()
{
    const std::vector<DemoField> privateFields = {
        makeField("private_sndStamp", DemoFieldType::Float64, "s", "Time of instance publication (TAI)"),
        makeField("private_rcvStamp", DemoFieldType::Float64, "s", "Time of instance reception (TAI)"),
        makeField("private_efdStamp", DemoFieldType::Float64, "s", "UTC time for EFD timestamp"),
        makeField("private_kafkaStamp", DemoFieldType::Float64, "s", "TAI time the message was sent to Kafka"),
        makeField("private_seqNum", DemoFieldType::Int32, "", "Sequence number"),
        makeField("private_revCode", DemoFieldType::String, "", "Revision hashcode"),
        makeField("private_identity", DemoFieldType::String, "", "Identity of publisher"),
        makeField("private_origin", DemoFieldType::Int32, "", "PID of publisher"),
    };
    const DemoField salIndex = makeField("salIndex", DemoFieldType::Int32, "", "SAL index");
    for (DemoTopic &t : m_topics) {
        const DemoCsc *owner = csc(t.csc);
        if (owner && owner->isIndexed())
            t.fields.push_back(salIndex);
        for (const DemoField &f : privateFields)
            t.fields.push_back(f);
    }
}

const DemoCsc *DemoCatalog::csc(const QString &name) const
{
    for (const DemoCsc &c : m_cscs)
        if (c.name == name)
            return &c;
    return nullptr;
}

const DemoTopic *DemoCatalog::topic(const QString &measurement) const
{
    const auto it = m_topicIndex.constFind(measurement);
    return it == m_topicIndex.cend() ? nullptr : &m_topics[size_t(*it)];
}

const DemoTopic *DemoCatalog::topic(const QString &cscName, const QString &name) const
{
    return topic(QStringLiteral("lsst.sal.") + cscName + u'.' + name);
}

std::vector<const DemoTopic *> DemoCatalog::topicsOf(const QString &cscName) const
{
    std::vector<const DemoTopic *> out;
    for (const DemoTopic &t : m_topics)
        if (t.csc == cscName)
            out.push_back(&t);
    return out;
}

int DemoCatalog::topicCount(DemoTopicKind kind) const
{
    int n = 0;
    for (const DemoTopic &t : m_topics)
        n += t.kind == kind ? 1 : 0;
    return n;
}

qint64 DemoCatalog::fieldKeyCount() const
{
    qint64 n = 0;
    for (const DemoTopic &t : m_topics)
        n += t.valueCount();
    return n;
}

QString DemoCatalog::replicaMeasurement(const DemoTopic &topic)
{
    return QString::fromLatin1(kReplicaSource) + u'.' + topic.measurement();
}

QStringList DemoCatalog::databaseNames() const
{
    QStringList names{QString::fromLatin1(kEfdDatabase)};
    for (const DemoDatabase &db : m_otherDatabases)
        names.append(db.name);
    names.append(QString::fromLatin1(kReplicaDatabase));
    return names;
}

void DemoCatalog::computeFingerprint()
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const auto add = [&hash](const QString &s) {
        hash.addData(s.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    };
    for (const DemoCsc &c : m_cscs) {
        add(c.name);
        for (int i : c.salIndices)
            add(QString::number(i));
    }
    for (const DemoTopic &t : m_topics) {
        add(t.measurement());
        add(QString::number(t.rateHz));
        for (const DemoField &f : t.fields)
            add(f.name + u':' + QString::number(int(f.type)) + u':' + QString::number(f.count));
    }
    for (const DemoDatabase &db : m_otherDatabases) {
        add(db.name);
        for (const DemoMeasurement &m : db.measurements) {
            add(m.name);
            add(m.tagKeys.join(u','));
            for (const DemoField &f : m.fields)
                add(f.name + u':' + QString::number(int(f.type)));
        }
    }
    for (const DemoTopic *t : m_replicated)
        add(replicaMeasurement(*t));
    m_fingerprint = hash.result().toHex();
}

} // namespace sasquatch
