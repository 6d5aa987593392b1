// SPDX-License-Identifier: GPL-3.0-or-later
// Annotations on the plots, offscreen: a Shift+drag on a panel opens a range in the editor and
// Save stores it; it is then drawn on every panel of the workspace (a tinted band, a line for a
// point), has a hover tooltip, and follows edits, deletes, undo and the visible range. The
// store is a MemoryAnnotationStore (complete, in memory) so the test can see what was saved.
#include "core/annotations/AnnotationService.h"
#include "core/http/CurlTransport.h"
#include "gui/annotations/AnnotationController.h"
#include "gui/annotations/AnnotationEditor.h"
#include "gui/annotations/AnnotationListModel.h"
#include "gui/annotations/AnnotationListPanel.h"
#include "gui/annotations/AnnotationOverlay.h"
#include "gui/annotations/AnnotationsPanel.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotWorkspace.h"
#include "tests/support/MemoryAnnotationStore.h"

#include <QHelpEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <QUndoStack>

using namespace sasquatch;
using sasquatch::test::MemoryAnnotationStore;

namespace {

constexpr std::int64_t kT0 = 1'795'000'000'000'000'000; // 2026-11-18T11:06:40Z
constexpr std::int64_t kMinute = 60'000'000'000;

/// How red the panel's pixels are in column x, over the middle of the plot area.
int redness(PlotPanel *panel, int x)
{
    const QImage image = panel->grab().toImage();
    const QRect area = panel->plotRect();
    int excess = 0;
    for (int y = area.top() + area.height() / 3; y < area.bottom() - area.height() / 3; ++y) {
        const QColor c = image.pixelColor(x, y);
        excess += c.red() - (c.green() + c.blue()) / 2;
    }
    return excess / std::max(1, area.height() / 3);
}

} // namespace

class tst_AnnotationOverlay : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<MemoryAnnotationStore> m_store;
    std::unique_ptr<AnnotationService> m_service;
    std::unique_ptr<PlotWorkspace> m_plots;
    std::unique_ptr<AnnotationsPanel> m_panel;
    std::unique_ptr<AnnotationOverlay> m_overlay;

    PlotPanel *plot(int i) const { return m_plots->panels().at(std::size_t(i)); }
    AnnotationEditor *editor() const { return m_panel->editor(); }

    QPoint at(PlotPanel *panel, std::int64_t tNs) const
    {
        return QPoint(int(std::lround(panel->timeToPixel(tNs))), panel->plotRect().center().y());
    }

    /// Shift+drag over [fromNs, toNs] on `panel`, as a user would.
    void shiftDrag(PlotPanel *panel, std::int64_t fromNs, std::int64_t toNs)
    {
        const QPoint from = at(panel, fromNs), to = at(panel, toNs);
        QTest::mousePress(panel, Qt::LeftButton, Qt::ShiftModifier, from);
        QTest::mouseMove(panel, (from + to) / 2);
        QTest::mouseMove(panel, to);
        QTest::mouseRelease(panel, Qt::LeftButton, Qt::ShiftModifier, to);
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_shared<MemoryAnnotationStore>();
        m_service = std::make_unique<AnnotationService>();
        m_service->setStore(m_store);
        m_plots = std::make_unique<PlotWorkspace>(std::make_shared<CurlTransport>());
        m_plots->addPanel();
        m_plots->addPanel();
        m_plots->resize(900, 600);
        m_plots->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_plots.get()));
        m_plots->setView(TimeView{kT0, kT0 + 60 * kMinute});
        m_panel = std::make_unique<AnnotationsPanel>(*m_service, AnnotationPresetStore(m_dir.filePath(QStringLiteral("f.json"))));
        m_panel->list()->setViewRange(kT0, kT0 + 60 * kMinute);
        m_panel->show();
        m_overlay = std::make_unique<AnnotationOverlay>(*m_panel->controller(), *m_plots);
        connect(m_overlay.get(), &AnnotationOverlay::newAnnotationRequested, m_panel.get(), &AnnotationsPanel::editNew);
        connect(m_overlay.get(), &AnnotationOverlay::annotationClicked, m_panel.get(),
                [this](const Annotation &a) { m_panel->list()->select(a.id); });
        QSignalSpy loaded(m_overlay.get(), &AnnotationOverlay::loaded);
        QVERIFY(loaded.wait());
    }

    void cleanup()
    {
        m_overlay.reset();
        m_panel.reset();
        m_plots.reset();
        m_service.reset();
    }

    void createByShiftDragDrawsOnEveryPanel()
    {
        QCOMPARE(redness(plot(0), at(plot(0), kT0 + 25 * kMinute).x()), redness(plot(0), at(plot(0), kT0 + 50 * kMinute).x()));
        shiftDrag(plot(1), kT0 + 20 * kMinute, kT0 + 30 * kMinute);
        QVERIFY(editor()->hasAnnotation());
        QVERIFY(editor()->annotation().id.isEmpty()); // a draft, nothing saved yet
        QVERIFY(m_store->all().empty());
        editor()->textEdit()->setPlainText(QStringLiteral("M1M3 raised"));
        editor()->tagsEdit()->setText(QStringLiteral("csc=MTM1M3"));
        editor()->chooseColor(QStringLiteral("#e5533d"));
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(int(m_store->all().size()), 1);
        const Annotation saved = m_store->all().front();
        QCOMPARE(saved.text, QStringLiteral("M1M3 raised"));
        // The drag's ends, to within a pixel of the panel's time axis.
        const std::int64_t nsPerPixel = 60 * kMinute / plot(1)->plotRect().width();
        QVERIFY(std::abs(saved.startNs - (kT0 + 20 * kMinute)) <= 2 * nsPerPixel);
        QVERIFY(std::abs(saved.endNs - (kT0 + 30 * kMinute)) <= 2 * nsPerPixel);
        QVERIFY(!saved.isPoint());

        QTRY_COMPARE(int(m_overlay->annotations().size()), 1);
        // Drawn on both panels, the one dragged on and the other: red inside, not outside.
        for (int i = 0; i < 2; ++i) {
            QTRY_VERIFY(redness(plot(i), at(plot(i), kT0 + 25 * kMinute).x()) > 10);
            QVERIFY(redness(plot(i), at(plot(i), kT0 + 50 * kMinute).x()) < 5);
        }
        QTRY_COMPARE(m_panel->list()->model()->rowCount(), 1);
    }

    void clickCreatesAPointAndSelectsExisting()
    {
        Annotation dome;
        dome.startNs = dome.endNs = kT0 + 40 * kMinute;
        dome.text = QStringLiteral("Dome opened");
        dome.color = QStringLiteral("#e5533d");
        const QString id = m_store->create(dome).value().id;
        m_overlay->reload();
        QTRY_COMPARE(int(m_overlay->annotations().size()), 1);
        QTRY_VERIFY(redness(plot(0), at(plot(0), kT0 + 40 * kMinute).x()) > 10); // the line

        // A click on the line selects it in the list.
        QTRY_COMPARE(m_panel->list()->model()->rowCount(), 1);
        QTest::mouseClick(plot(0), Qt::LeftButton, {}, at(plot(0), kT0 + 40 * kMinute));
        QTRY_VERIFY(m_panel->list()->selected().has_value());
        QCOMPARE(m_panel->list()->selected()->id, id);
        QCOMPARE(editor()->annotation().id, id);

        // A click elsewhere opens a new point there; saving it stores a point.
        editor()->revert();
        QTest::mouseClick(plot(1), Qt::LeftButton, {}, at(plot(1), kT0 + 10 * kMinute));
        QVERIFY(editor()->annotation().id.isEmpty());
        editor()->textEdit()->setPlainText(QStringLiteral("Shutter closed"));
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(int(m_store->all().size()), 2);
        QVERIFY(m_store->all().front().isPoint());
    }

    void tooltipEditDeleteUndo()
    {
        Annotation a;
        a.startNs = kT0 + 5 * kMinute;
        a.endNs = kT0 + 15 * kMinute;
        a.text = QStringLiteral("Tracking test\nazimuth 120");
        a.tags.insert(QStringLiteral("csc"), QStringLiteral("MTMount"));
        const QString id = m_store->create(a).value().id;
        m_overlay->reload();
        QTRY_COMPARE(int(m_overlay->annotations().size()), 1);

        const QPoint inside = at(plot(0), kT0 + 10 * kMinute);
        QHelpEvent help(QEvent::ToolTip, inside, plot(0)->mapToGlobal(inside));
        QApplication::sendEvent(plot(0), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(QStringLiteral("azimuth 120")), qPrintable(QToolTip::text()));
        QVERIFY(QToolTip::text().contains(QStringLiteral("csc=MTMount")));
        QToolTip::hideText();

        // Edit in the side editor: the plots follow.
        QTRY_COMPARE(m_panel->list()->model()->rowCount(), 1);
        m_panel->list()->select(id);
        editor()->textEdit()->setPlainText(QStringLiteral("Tracking test done"));
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(m_overlay->annotations().front().text, QStringLiteral("Tracking test done"));

        // Delete, then undo: gone from the plots, then back.
        m_panel->list()->deleteSelected();
        QTRY_COMPARE(m_panel->controller()->undoStack()->count(), 2); // the edit and the delete
        QTRY_VERIFY(m_overlay->annotations().empty());
        QVERIFY(m_store->all().empty());
        m_panel->controller()->undoStack()->undo();
        QTRY_COMPARE(int(m_overlay->annotations().size()), 1);
        QCOMPARE(m_overlay->annotations().front().id, id);
        QCOMPARE(m_overlay->annotations().front().text, QStringLiteral("Tracking test done"));
    }

    void followsTheVisibleRange()
    {
        Annotation a;
        a.startNs = a.endNs = kT0 + 30 * kMinute;
        a.text = QStringLiteral("here");
        QVERIFY(m_store->create(a).ok());
        m_overlay->reload();
        QTRY_COMPARE(int(m_overlay->annotations().size()), 1);
        m_plots->setView(TimeView{kT0 + 120 * kMinute, kT0 + 180 * kMinute});
        QTRY_VERIFY(m_overlay->annotations().empty());
        m_plots->setView(TimeView{kT0, kT0 + 60 * kMinute});
        QTRY_COMPARE(int(m_overlay->annotations().size()), 1);
    }
};

QTEST_MAIN(tst_AnnotationOverlay)
#include "tst_annotationoverlay.moc"
