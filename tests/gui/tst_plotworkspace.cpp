// SPDX-License-Identifier: GPL-3.0-or-later
// The plot workspace offscreen: drops, synchronized zoom, one axis per unit, zoom history,
// drawing from the store, cursors and the workspace document.
#include "core/http/CurlTransport.h"
#include "core/workspace/PlotDocumentJson.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotReadoutTable.h"
#include "gui/plots/PlotWorkspace.h"
#include "gui/plots/SeriesPlottable.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace sasquatch;

namespace {

constexpr std::int64_t kStart = 1'795'403'520LL * 1'000'000'000; // 2026-11-23T03:12:00Z
constexpr std::int64_t kSecond = 1'000'000'000;
const QString kFad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");

DraggedField field(const QString &name, const QString &unit)
{
    return {QStringLiteral("efd/autogen"), kFad, name, unit};
}

// Delivers a drag-and-drop of `fields` at the centre of `target` as Qt would.
bool drop(QWidget *target, const std::vector<DraggedField> &fields)
{
    std::unique_ptr<QMimeData> data(FieldMimeData::create(fields));
    const QPointF at(target->width() / 2.0, target->height() / 2.0);
    QDragEnterEvent enter(at.toPoint(), Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(at, Qt::CopyAction, data.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

void wheel(QWidget *target, QPoint at, int steps, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt::NoButton, modifiers,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(target, &event);
}

// A series of 100 s at 100 Hz, a ramp 0..9999, fed like the live tail does.
SeriesId addRamp(PlotWorkspace &w, const std::string &field, PlotPanel *panel)
{
    const SeriesId id = w.addLiveSeries({kFad.toStdString(), field, {}}, QStringLiteral("N"), panel);
    SampleBatch batch;
    batch.topic = kFad.toStdString();
    batch.fields.push_back({field, {}});
    for (int i = 0; i < 10'000; ++i) {
        batch.times.push_back(kStart + i * (kSecond / 100));
        batch.fields[0].values.push_back(i);
    }
    if (!w.store().append(batch).ok())
        return {};
    w.dataAppended();
    return id;
}

} // namespace

class tst_PlotWorkspace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dropFieldOntoPanel()
    {
        PlotWorkspace w(std::make_shared<CurlTransport>());
        w.resize(1200, 800);
        w.show();
        PlotPanel *panel = w.addPanel();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(drop(panel, {field(QStringLiteral("fz"), QStringLiteral("N"))}));
        QCOMPARE(panel->series().size(), std::size_t(1));
        QCOMPARE(panel->series()[0].spec.field, QStringLiteral("fz"));
        QCOMPARE(panel->series()[0].spec.bucket, QStringLiteral("efd/autogen"));
        QVERIFY(w.store().find({kFad.toStdString(), "fz", {}}).has_value());
        QCOMPARE(w.readout()->table()->rowCount(), 1);
        // The same field again is not added twice; a drop elsewhere makes a new panel.
        QVERIFY(drop(panel, {field(QStringLiteral("fz"), QStringLiteral("N"))}));
        QCOMPARE(panel->series().size(), std::size_t(1));
        QVERIFY(drop(&w, {field(QStringLiteral("fx"), QStringLiteral("N"))}));
        QCOMPARE(w.panels().size(), std::size_t(2));
        QCOMPARE(w.panels()[1]->series()[0].spec.field, QStringLiteral("fx"));
        // Something that is not fields is refused.
        QMimeData text;
        text.setText(QStringLiteral("fz"));
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(panel, &enter);
        QVERIFY(!enter.isAccepted());
    }

    void twoPanelsZoomTogether()
    {
        PlotWorkspace w(std::make_shared<CurlTransport>());
        w.resize(1200, 800);
        w.show();
        PlotPanel *top = w.addPanel();
        PlotPanel *bottom = w.addPanel();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setView({kStart, kStart + 100 * kSecond});
        const QRect area = top->plotRect();
        wheel(top, QPoint(area.left() + area.width() / 4, area.center().y()), 2);
        const TimeView v = w.view();
        QVERIFY(v.spanNs() < 100 * kSecond);
        QVERIFY(v.startNs > kStart); // zoomed around a point in the first quarter
        QCOMPARE(bottom->xAxis->range().lower, top->xAxis->range().lower);
        QCOMPARE(bottom->xAxis->range().upper, top->xAxis->range().upper);
        // Keys are double seconds: exact to well under a microsecond.
        QVERIFY(std::abs(keyToNs(bottom->xAxis->range().lower) - v.startNs) < 1000);
        // A pan drag on the bottom panel moves the top one too.
        const QPoint from = bottom->plotRect().center();
        QTest::mousePress(bottom, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(bottom, from + QPoint(100, 0));
        QTest::mouseRelease(bottom, Qt::LeftButton, Qt::NoModifier, from + QPoint(100, 0));
        QVERIFY(w.view().startNs < v.startNs);
        QCOMPARE(top->xAxis->range().lower, bottom->xAxis->range().lower);
        // Only the bottom panel labels the time axis.
        QVERIFY(!top->xAxis->tickLabels());
        QVERIFY(bottom->xAxis->tickLabels());
    }

    void otherUnitGetsSecondAxis()
    {
        PlotWorkspace w(std::make_shared<CurlTransport>());
        w.resize(1200, 600);
        w.show();
        PlotPanel *panel = w.addPanel();
        w.addFields({field(QStringLiteral("fz"), QStringLiteral("N")), field(QStringLiteral("mx"), QStringLiteral("N·m")),
                     field(QStringLiteral("fx"), QStringLiteral("N"))},
                    panel);
        QCOMPARE(panel->axisCount(), 2);
        QCOMPARE(panel->valueAxis(0)->axisType(), QCPAxis::atLeft);
        QCOMPARE(panel->valueAxis(1)->axisType(), QCPAxis::atRight);
        QCOMPARE(panel->valueAxis(1)->label(), QStringLiteral("N·m"));
        QCOMPARE(panel->series()[0].plottable->valueAxis(), panel->valueAxis(0));
        QCOMPARE(panel->series()[1].plottable->valueAxis(), panel->valueAxis(1));
        QCOMPARE(panel->series()[2].plottable->valueAxis(), panel->valueAxis(0));
        // A third unit gets a third axis, on the left again.
        w.addFields({field(QStringLiteral("temp"), QStringLiteral("deg_C"))}, panel);
        QCOMPARE(panel->axisCount(), 3);
        QCOMPARE(panel->valueAxis(2)->axisType(), QCPAxis::atLeft);
        // Removing the only N·m series leaves its axis for the next unit.
        panel->removeSeries(1);
        w.addFields({field(QStringLiteral("pressure"), QStringLiteral("Pa"))}, panel);
        QCOMPARE(panel->axisCount(), 3);
        QCOMPARE(panel->axisSpec(1).unit, QStringLiteral("Pa"));
    }

    void unitsArriveLater()
    {
        // Live fields dropped before their schema is known sit on one unitless axis; when the
        // schema tells their units, that axis is renamed (all its series share the unit) or
        // series move to their unit's axis, and no empty axis is left behind.
        PlotWorkspace w(std::make_shared<CurlTransport>());
        w.resize(1200, 600);
        w.show();
        PlotPanel *panel = w.addPanel();
        for (const char *f : {"zForce0", "zForce1", "fz"})
            w.addLiveSeries({kFad.toStdString(), f, {}}, QString(), panel);
        w.addLiveSeries({kFad.toStdString(), "mx", {}}, QString(), panel);
        QCOMPARE(panel->axisCount(), 1);
        QCOMPARE(panel->valueAxis(0)->label(), QStringLiteral("value"));
        QSignalSpy changed(panel, &PlotPanel::seriesChanged);
        // mx is N·m, the others N: the axis keeps one of them, the other gets its own.
        w.setSeriesUnits(kFad, [](const QString &f) -> std::optional<QString> {
            return f == QLatin1String("mx") ? QStringLiteral("N·m") : QStringLiteral("N");
        });
        QCOMPARE(changed.size(), 1);
        QCOMPARE(panel->axisCount(), 2);
        QStringList labels{panel->valueAxis(0)->label(), panel->valueAxis(1)->label()};
        labels.sort();
        QCOMPARE(labels, (QStringList{QStringLiteral("N"), QStringLiteral("N·m")}));
        for (const PlotPanel::Series &s : panel->series()) {
            QCOMPARE(s.plottable->valueAxis(), panel->valueAxis(s.spec.axis));
            QCOMPARE(panel->axisSpec(s.spec.axis).unit, s.spec.unit);
        }
        // All of one axis' series to one new unit: renamed in place.
        w.setSeriesUnits(kFad, [](const QString &) -> std::optional<QString> { return QStringLiteral("N"); });
        QCOMPARE(panel->axisCount(), 1);
        QCOMPARE(panel->valueAxis(0)->label(), QStringLiteral("N"));
        QCOMPARE(panel->series()[3].plottable->valueAxis(), panel->valueAxis(0));
        // Other measurements and "keep" leave things as they are.
        changed.clear();
        w.setSeriesUnits(QStringLiteral("lsst.sal.Other.topic"), [](const QString &) -> std::optional<QString> { return QStringLiteral("K"); });
        w.setSeriesUnits(kFad, [](const QString &) -> std::optional<QString> { return std::nullopt; });
        QCOMPARE(changed.size(), 0);
        QCOMPARE(panel->axisCount(), 1);
    }

    void zoomHistoryBackForward()
    {
        PlotWorkspace w(std::make_shared<CurlTransport>());
        w.resize(1200, 600);
        w.show();
        PlotPanel *panel = w.addPanel();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const TimeView first{kStart, kStart + 100 * kSecond};
        const TimeView second{kStart + 10 * kSecond, kStart + 20 * kSecond};
        w.setView(first);
        QTest::qWait(450); // separate gestures
        w.setView(second);
        QTest::qWait(450);
        // Box zoom with Ctrl+drag.
        const QRect area = panel->plotRect();
        const QPoint a(area.left() + area.width() / 4, area.top() + 10);
        const QPoint b(area.left() + area.width() / 2, area.bottom() - 10);
        QTest::mousePress(panel, Qt::LeftButton, Qt::ControlModifier, a);
        QTest::mouseMove(panel, b);
        QTest::mouseRelease(panel, Qt::LeftButton, Qt::ControlModifier, b);
        const TimeView boxed = w.view();
        QVERIFY(boxed.startNs > second.startNs && boxed.stopNs < second.stopNs);
        QVERIFY(w.canGoBack());
        QVERIFY(!w.canGoForward());
        w.back();
        QCOMPARE(w.view(), second);
        QVERIFY(std::abs(keyToNs(panel->xAxis->range().lower) - second.startNs) < 1000);
        w.back();
        QCOMPARE(w.view(), first);
        w.forward();
        QCOMPARE(w.view(), second);
        w.forward();
        QCOMPARE(w.view(), boxed);
        QVERIFY(!w.canGoForward());
        // Quick wheel steps are one history entry.
        wheel(panel, area.center(), 1);
        wheel(panel, area.center(), 1);
        wheel(panel, area.center(), 1);
        w.back();
        QCOMPARE(w.view(), boxed);
    }

    void drawsFromStoreInPixels()
    {
        PlotWorkspace w(std::make_shared<CurlTransport>());
        w.resize(1200, 600);
        w.show();
        PlotPanel *panel = w.addPanel();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const SeriesId id = addRamp(w, "ramp", panel);
        QVERIFY(id.isValid());
        w.setView({kStart, kStart + 100 * kSecond});
        panel->replot(QCustomPlot::rpImmediateRefresh);
        const Decimation &d = panel->series()[0].plottable->lastDecimation();
        QCOMPARE(d.columns.size(), std::size_t(panel->plotRect().width()));
        QVERIFY(!d.hasRawPoints);
        QCOMPARE(d.sampleCount, std::int64_t(10'000));
        // The value axis follows the data.
        QVERIFY(panel->valueAxis(0)->range().lower <= 0);
        QVERIFY(panel->valueAxis(0)->range().upper >= 9999);
        // Statistics of the visible range, and A/B cursors with their deltas.
        PlotReadoutTable *table = w.readout();
        QCOMPARE(table->text(0, PlotReadoutTable::Count), QLocale().toString(10'000));
        QCOMPARE(table->text(0, PlotReadoutTable::Max), QStringLiteral("9999"));
        QCOMPARE(table->text(0, PlotReadoutTable::PeakToPeak), QStringLiteral("9999"));
        w.setCursorsVisible(true);
        w.setCursor(0, kStart + 10 * kSecond);
        w.setCursor(1, kStart + 30 * kSecond);
        QCOMPARE(table->text(0, PlotReadoutTable::A), QStringLiteral("1000"));
        QCOMPARE(table->text(0, PlotReadoutTable::B), QStringLiteral("3000"));
        QCOMPARE(table->text(0, PlotReadoutTable::Delta), QStringLiteral("2000"));
        // Zoomed to 5 s: 500 samples in 1,100-odd pixels are drawn raw.
        w.setView({kStart, kStart + 5 * kSecond});
        panel->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(panel->series()[0].plottable->lastDecimation().hasRawPoints);
    }

    void documentRoundTrip()
    {
        PlotWorkspace w(std::make_shared<CurlTransport>());
        w.resize(1200, 800);
        w.show();
        PlotPanel *panel = w.addPanel();
        w.addFields({field(QStringLiteral("fz"), QStringLiteral("N")), field(QStringLiteral("mx"), QStringLiteral("N·m"))},
                    panel);
        w.addFields({field(QStringLiteral("fx"), QStringLiteral("N"))});
        panel->setSeriesStyle(1, PlotLineStyle::Dashed);
        w.setScale(TimeScale::Tai);
        w.setView({kStart, kStart + 60 * kSecond});
        w.setCursorsVisible(true);
        // The first panel has a right axis, the second none: their plot areas still line up.
        QTRY_COMPARE(w.panels()[1]->plotRect().right(), w.panels()[0]->plotRect().right());
        QCOMPARE(w.panels()[1]->plotRect().left(), w.panels()[0]->plotRect().left());
        QCOMPARE(w.panels()[1]->timeToPixel(kStart + 30 * kSecond), w.panels()[0]->timeToPixel(kStart + 30 * kSecond));
        const QByteArray saved = PlotDocumentJson::write(w.document());
        PlotWorkspace other(std::make_shared<CurlTransport>());
        other.resize(1200, 800);
        other.show();
        const Outcome<PlotDocument> read = PlotDocumentJson::read(saved);
        QVERIFY2(read.ok(), qPrintable(read.error()));
        other.applyDocument(read.value());
        QCOMPARE(other.panels().size(), std::size_t(2));
        QCOMPARE(other.panels()[0]->axisCount(), 2);
        QCOMPARE(other.scale(), TimeScale::Tai);
        QCOMPARE(other.view(), w.view());
        QCOMPARE(PlotDocumentJson::write(other.document()), saved);
    }
};

QTEST_MAIN(tst_PlotWorkspace)
#include "tst_plotworkspace.moc"
