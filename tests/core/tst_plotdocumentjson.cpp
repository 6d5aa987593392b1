// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/time/TimeText.h"
#include "core/workspace/PlotDocumentJson.h"
#include "core/workspace/ZoomHistory.h"

#include <QFile>
#include <QTest>

using namespace sasquatch;

namespace {

std::int64_t at(const char *text)
{
    return parseTimeText(QString::fromLatin1(text)).value();
}

PlotDocument sample()
{
    PlotDocument d;
    d.range = TimeRange::absolute(at("2026-11-23T03:12:00.123456789Z"), at("2026-11-23T03:22:00Z")).value();
    d.scale = TimeScale::Tai;
    PlotPanelSpec forces;
    forces.axes = {PlotAxisSpec{PlotAxisSide::Left, QStringLiteral("N"), QString(), true, 0, 1},
                   PlotAxisSpec{PlotAxisSide::Right, QStringLiteral("N·m"), QStringLiteral("Moment"), false, -0.1, 1e-17}};
    PlotSeriesSpec fz;
    fz.bucket = QStringLiteral("efd/autogen");
    fz.measurement = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");
    fz.field = QStringLiteral("fz");
    fz.unit = QStringLiteral("N");
    fz.color = QStringLiteral("#4fc3f7");
    fz.tags = {{QStringLiteral("salIndex"), QStringLiteral("1")}};
    PlotSeriesSpec mx = fz;
    mx.field = QStringLiteral("mx \"quoted\" ünïcode");
    mx.unit = QStringLiteral("N·m");
    mx.axis = 1;
    mx.style = PlotLineStyle::Steps;
    mx.visible = false;
    mx.tags.clear();
    forces.series = {fz, mx};
    forces.heightWeight = 2;
    PlotPanelSpec query;
    query.axes = {PlotAxisSpec{}};
    PlotSeriesSpec q;
    q.measurement = QStringLiteral("m");
    q.field = QStringLiteral("v");
    q.query = QStringLiteral("SELECT \"v\" FROM \"m\"\nWHERE time > now() - 1h");
    q.language = QueryLanguage::InfluxQl;
    query.series = {q};
    d.panels = {forces, query, PlotPanelSpec{}};
    d.cursors = PlotCursorSpec{SampleLookup::Previous, true, at("2026-11-23T03:13:00.5Z"), at("2026-11-23T03:14:00Z")};
    return d;
}

PlotDocument sampleWithFilters()
{
    PlotDocument d = sample();
    AnnotationPreset m1m3{QStringLiteral("M1M3 faults"), {}};
    m1m3.filter.tags = {{QStringLiteral("csc"), QStringLiteral("MTM1M3")}, {QStringLiteral("salIndex"), QStringLiteral("1")}};
    m1m3.filter.text = QStringLiteral("fault");
    AnnotationPreset dome{QStringLiteral("Dome \"ünïcode\""), {}};
    dome.filter.tags = {{QStringLiteral("csc"), QStringLiteral("MTDome")}};
    d.annotationFilters.presets = {m1m3, dome};
    d.annotationFilters.current.text = QStringLiteral("raised");
    return d;
}

} // namespace

class tst_PlotDocumentJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsByteIdentical()
    {
        const QByteArray first = PlotDocumentJson::write(sample());
        const Outcome<PlotDocument> loaded = PlotDocumentJson::read(first, QStringLiteral("a.sqws"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QVERIFY(loaded.value() == sample());
        const QByteArray second = PlotDocumentJson::write(loaded.value());
        QCOMPARE(second, first);
        // Stable key order: "cursors" before "format" before "panels".
        QVERIFY(first.indexOf("\"cursors\"") < first.indexOf("\"format\""));
        QVERIFY(first.indexOf("\"format\"") < first.indexOf("\"panels\""));
        QVERIFY(first.contains("\"2026-11-23T03:12:00.123456789Z/2026-11-23T03:22:00Z\""));
    }

    void annotationFiltersRoundTrip()
    {
        const QByteArray first = PlotDocumentJson::write(sampleWithFilters());
        QVERIFY(first.contains("\"annotationFilters\""));
        const Outcome<PlotDocument> loaded = PlotDocumentJson::read(first, QStringLiteral("a.sqws"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded->annotationFilters.presets.size(), std::size_t(2));
        QCOMPARE(loaded->annotationFilters.presets[1].name, QStringLiteral("Dome \"ünïcode\""));
        QCOMPARE(loaded->annotationFilters.presets[0].filter.tags.value(QStringLiteral("salIndex")), QStringLiteral("1"));
        QCOMPARE(loaded->annotationFilters.current.text, QStringLiteral("raised"));
        QVERIFY(loaded.value() == sampleWithFilters());
        QCOMPARE(PlotDocumentJson::write(loaded.value()), first);
        // Without filters the key is not written at all, so older files are written back as they were.
        QVERIFY(!PlotDocumentJson::write(sample()).contains("annotationFilters"));
        // The current filter alone is worth keeping too.
        PlotDocument onlyCurrent = sample();
        onlyCurrent.annotationFilters.current.tags = {{QStringLiteral("csc"), QStringLiteral("MTMount")}};
        const auto again = PlotDocumentJson::read(PlotDocumentJson::write(onlyCurrent));
        QVERIFY2(again.ok(), qPrintable(again.error()));
        QVERIFY(again.value() == onlyCurrent);
    }

    void annotationFilterErrors_data()
    {
        QTest::addColumn<QByteArray>("edit");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty name") << QByteArray("\"name\": \"M1M3 faults\"") << QByteArray("\"name\": \" \"")
                                    << QStringLiteral("w.sqws: annotationFilters.presets[0].name: is empty");
        QTest::newRow("tag not a string") << QByteArray("\"csc\": \"MTDome\"") << QByteArray("\"csc\": 7")
                                          << QStringLiteral("w.sqws: annotationFilters.presets[1].tags.csc: is not a string");
        QTest::newRow("text missing") << QByteArray("\"text\": \"raised\"") << QByteArray("\"txt\": \"raised\"")
                                      << QStringLiteral("annotationFilters.current: \"text\" is missing");
    }
    void annotationFilterErrors()
    {
        QFETCH(QByteArray, edit);
        QFETCH(QByteArray, from);
        QFETCH(QString, message);
        QByteArray json = PlotDocumentJson::write(sampleWithFilters());
        QVERIFY2(json.contains(edit), edit.constData());
        json.replace(edit, from);
        const auto loaded = PlotDocumentJson::read(json, QStringLiteral("w.sqws"));
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(message), qPrintable(loaded.error()));
    }

    void fixtureFileRoundTrip()
    {
        // The demo workspace used for screenshots: hand-written, and saved back byte for byte.
        QFile file(QStringLiteral(SASQUATCH_TEST_FIXTURES "/workspaces/m1m3-demo.sqws"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        const Outcome<PlotDocument> loaded = PlotDocumentJson::read(text, file.fileName());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error()));
        QCOMPARE(loaded->panels.size(), std::size_t(3));
        QCOMPARE(loaded->panels[0].axes[1].side, PlotAxisSide::Right);
        QCOMPARE(loaded->panels[0].series[2].style, PlotLineStyle::Dashed);
        QVERIFY(loaded->range.isRelative());
        QCOMPARE(loaded->scale, TimeScale::Tai);
        QCOMPARE(PlotDocumentJson::write(loaded.value()), text);
    }

    void relativeRange()
    {
        PlotDocument d;
        d.range = TimeRange::fromPreset(RangePreset::Past6Hours);
        const auto loaded = PlotDocumentJson::read(PlotDocumentJson::write(d));
        QVERIFY(loaded.ok());
        QVERIFY(loaded->range == d.range);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("edit"); // replaces "FROM" by "TO" in the sample's JSON
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QString>("message");
        QTest::newRow("syntax") << QByteArray("\"format\": ") << QByteArray("\"format\" ")
                                << QStringLiteral("w.sqws:8:15: missing name separator");
        QTest::newRow("style word") << QByteArray("\"steps\"") << QByteArray("\"zigzag\"")
                                    << QStringLiteral("w.sqws: panels[0].series[1].style: \"zigzag\" is not one of");
        QTest::newRow("axis out of range") << QByteArray("\"axis\": 1") << QByteArray("\"axis\": 2")
                                           << QStringLiteral("panels[0].series[1].axis: 2 is not an axis of the panel (0..1)");
        QTest::newRow("newer version") << QByteArray("\"version\": 1") << QByteArray("\"version\": 2")
                                       << QStringLiteral("workspace.version: 2 is not supported");
        QTest::newRow("bad time") << QByteArray("\"2026-11-23T03:14:00Z\"") << QByteArray("\"yesterday\"")
                                  << QStringLiteral("w.sqws: cursors.b:");
        QTest::newRow("wrong type") << QByteArray("\"visible\": false") << QByteArray("\"visible\": 0")
                                    << QStringLiteral("panels[0].series[1].visible: has the wrong type");
        QTest::newRow("format") << QByteArray("sasquatch-plot-workspace") << QByteArray("something-else")
                                << QStringLiteral("workspace.format: is not");
    }
    void errors()
    {
        QFETCH(QByteArray, edit);
        QFETCH(QByteArray, from);
        QFETCH(QString, message);
        QByteArray json = PlotDocumentJson::write(sample());
        QVERIFY2(json.contains(edit), edit.constData());
        json.replace(edit, from);
        const auto loaded = PlotDocumentJson::read(json, QStringLiteral("w.sqws"));
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().contains(message), qPrintable(loaded.error()));
    }

    void zoomHistory()
    {
        ZoomHistory h;
        h.reset({0, 100});
        QVERIFY(!h.canGoBack());
        h.visit({10, 20});
        h.visit({10, 20}); // same view: not recorded twice
        h.visit({12, 18});
        QCOMPARE(h.size(), std::size_t(3));
        QCOMPARE(h.back(), (TimeView{10, 20}));
        QCOMPARE(h.back(), (TimeView{0, 100}));
        QCOMPARE(h.back(), (TimeView{0, 100}));
        QCOMPARE(h.forward(), (TimeView{10, 20}));
        h.visit({50, 60}); // drops {12, 18}
        QVERIFY(!h.canGoForward());
        QCOMPARE(h.back(), (TimeView{10, 20}));
        QCOMPARE(h.forward(), (TimeView{50, 60}));
        for (int i = 0; i < 500; ++i)
            h.visit({i, i + 1000});
        QCOMPARE(h.size(), ZoomHistory::kMaxEntries);
    }
};

QTEST_GUILESS_MAIN(tst_PlotDocumentJson)
#include "tst_plotdocumentjson.moc"
