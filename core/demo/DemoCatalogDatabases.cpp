// SPDX-License-Identifier: GPL-3.0-or-later
// The Sasquatch databases besides `efd` (DOMAIN.md): pipeline metrics, verification jobs,
// service metrics, prompt processing and the cameras' own CCS trending databases.
#include "core/demo/DemoCatalog.h"

#include "core/demo/DemoCatalogSpecParser.h"

#include <initializer_list>

namespace sasquatch {

namespace {

/// "name:type[:units]" as in the catalog spec (no arrays here).
DemoField field(const char *spec)
{
    const QStringList parts = QString::fromLatin1(spec).split(u':');
    DemoField f;
    f.name = parts.value(0);
    const QString t = parts.value(1);
    f.type = t == u"s"   ? DemoFieldType::String
             : t == u"i" ? DemoFieldType::Int64
             : t == u"b" ? DemoFieldType::Boolean
                         : DemoFieldType::Float64;
    f.units = parts.value(2);
    f.description = DemoCatalogSpecParser::words(f.name);
    return f;
}

DemoMeasurement measurement(const char *name, std::initializer_list<const char *> tagKeys,
                            std::vector<QStringList> tagSets,
                            std::initializer_list<const char *> fields, double pointsPerHour)
{
    DemoMeasurement m;
    m.name = QString::fromLatin1(name);
    for (const char *k : tagKeys)
        m.tagKeys.append(QString::fromLatin1(k));
    m.tagSets = std::move(tagSets);
    for (const char *f : fields)
        m.fields.push_back(field(f));
    m.pointsPerHour = pointsPerHour;
    return m;
}

std::vector<QStringList> bands(const QString &instrument, const QString &dataset)
{
    std::vector<QStringList> out;
    for (const char *band : {"u", "g", "r", "i", "z", "y"})
        out.push_back({dataset, QString::fromLatin1(band), instrument});
    return out;
}

} // namespace

void DemoCatalog::buildOtherDatabases()
{
    // analysis_tools metric records: identifiers and bookkeeping, then one field per metric.
    const char *const dmCommon[] = {"id:s", "run:s", "dataset_type:s", "run_timestamp:d:s",
                                    "timestamp:d:s"};
    const auto dm = [&](const char *name, std::initializer_list<const char *> metrics) {
        DemoMeasurement m = measurement(name, {"dataset_tag", "band", "instrument"},
                                        bands(QStringLiteral("LSSTCam"), QStringLiteral("weekly")),
                                        {}, 2);
        for (const char *c : dmCommon)
            m.fields.push_back(field(c));
        for (const char *extra : {"tract:i", "visit:i", "detector:i"})
            m.fields.push_back(field(extra));
        for (const char *metric : metrics)
            m.fields.push_back(field(metric));
        return m;
    };
    m_otherDatabases.push_back(DemoDatabase{
        QStringLiteral("lsst.dm"), QStringLiteral("Science pipelines metrics (analysis_tools)"),
        {dm("analyzeObjectTableCore", {"psfFwhm_median:d:arcsec", "shapeSizeFractionalDiff_median:d", "e1Diff_sigmaMad:d", "stellarLocusWidth_gri:d:mmag", "cModelFluxSnr_median:d"}),
         dm("analyzeSourceTableCore", {"skyFluxVisitStatistic_median:d:nJy", "sourceCount:d:count", "psfCModelFluxDiff_median:d:mmag"}),
         dm("analyzeMatchedVisitCore", {"AM1:d:mas", "AM2:d:mas", "PA1:d:mmag", "PF1:d:%", "TE1:d"}),
         dm("calexpSummaryMetrics", {"psfSigma:d:pixel", "skyBg:d:adu", "zeroPoint:d:mag", "effTime:d:s", "nPsfStar:d:count"}),
         dm("analyzeDiaSourceTableTract", {"numDiaSources:d:count", "numDipoles:d:count", "fracDipoles:d"}),
         dm("analyzeRecalibratedStarAssociation", {"stellarPhotometricRepeatability:d:mmag", "stellarAstrometricRepeatability1:d:mas"})}});

    const std::vector<QStringList> verifyTags = {{QStringLiteral("HSC/RC2"), QStringLiteral("HSC")},
                                                 {QStringLiteral("DC2/test-med-1"), QStringLiteral("LSSTCam-imSim")},
                                                 {QStringLiteral("LATISS/ap_verify"), QStringLiteral("LATISS")}};
    m_otherDatabases.push_back(DemoDatabase{
        QStringLiteral("lsst.verify"), QStringLiteral("Verification jobs (lsst.verify)"),
        {measurement("validate_drp", {"dataset", "instrument"}, verifyTags, {"AM1:d:mas", "AM2:d:mas", "AM3:d:mas", "PA1:d:mmag", "PF1:d:%", "TE1:d", "TE2:d", "ci_id:s", "run_id:s"}, 1),
         measurement("ap_verify", {"dataset", "instrument"}, verifyTags, {"numNewDiaObjects:d:count", "numUnassociatedDiaObjects:d:count", "totalUnassociatedDiaObjects:d:count", "fracUpdatedDiaObjects:d", "timing_ap_pipe:d:s", "ci_id:s"}, 1),
         measurement("faro", {"dataset", "instrument"}, verifyTags, {"TE3:d", "TE4:d", "AB1:d:mas", "AD1:d:mas", "AF1:d:%", "ci_id:s"}, 1),
         measurement("cp_verify", {"dataset", "instrument"}, verifyTags, {"biasNoise:d:adu", "darkCurrent:d:adu/s", "flatGain:d:e/adu", "ci_id:s"}, 1)}});

    const std::vector<QStringList> envTags = {{QStringLiteral("usdfprod")}, {QStringLiteral("idfprod")},
                                              {QStringLiteral("summit")}};
    m_otherDatabases.push_back(DemoDatabase{
        QStringLiteral("lsst.square.metrics"), QStringLiteral("Rubin Science Platform service metrics"),
        {measurement("ook.ingest", {"environment"}, envTags, {"documents:i", "duration:d:s", "source:s"}, 6),
         measurement("times-square.page_execution", {"environment"}, envTags, {"page:s", "duration:d:s", "success:b"}, 30),
         measurement("noteburst.job", {"environment"}, envTags, {"queue:s", "duration:d:s", "queued:d:s", "success:b"}, 20),
         measurement("mobu.notebook_execution", {"environment"}, envTags, {"notebook:s", "duration:d:s", "success:b"}, 12),
         measurement("gafaelfawr.login", {"environment"}, envTags, {"username:s", "elapsed:d:s"}, 40)}});

    const std::vector<QStringList> promptTags = {{QStringLiteral("LSSTCam")}, {QStringLiteral("LATISS")}};
    m_otherDatabases.push_back(DemoDatabase{
        QStringLiteral("lsst.prompt"), QStringLiteral("Prompt processing"),
        {measurement("prompt.preprocessing", {"instrument"}, promptTags, {"group:s", "visit:i", "duration:d:s"}, 60),
         measurement("prompt.processing", {"instrument"}, promptTags, {"group:s", "visit:i", "detector:i", "duration:d:s", "success:b"}, 60),
         measurement("prompt.alerts", {"instrument"}, promptTags, {"visit:i", "alertCount:i", "latency:d:s"}, 60)}});

    // CCS trending as the cameras write it themselves (production tags: Agent, Raft, ...).
    const auto ccs = [](const char *camera, std::initializer_list<const char *> rafts) {
        std::vector<QStringList> tags;
        for (const char *raft : rafts)
            tags.push_back({QString::fromLatin1(camera) + QStringLiteral("-fp"), QString::fromLatin1(raft)});
        DemoDatabase db{QStringLiteral("lsst.") + QString::fromLatin1(camera),
                        QStringLiteral("Camera control system trending"),
                        {measurement("focal_plane", {"Agent", "Raft"}, tags, {"ccdTemp:d:deg_C", "rebPower:d:W", "hvBias:d:V"}, 360),
                         measurement("vacuum", {"Agent", "Raft"}, {tags.front()}, {"cryoPressure:d:Torr", "coldPlateTemp:d:deg_C"}, 360),
                         measurement("daq", {"Agent", "Raft"}, {tags.front()}, {"storeFreeSpace:d:GB", "eventsSent:i"}, 60)}};
        return db;
    };
    m_otherDatabases.push_back(ccs("ATCamera", {"R00"}));
    m_otherDatabases.push_back(ccs("MTCamera", {"R01", "R02", "R10", "R22", "R34"}));
}

} // namespace sasquatch
