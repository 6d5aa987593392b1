// SPDX-License-Identifier: GPL-3.0-or-later
// The annotations side panel offscreen, over a MemoryAnnotationStore (a complete store kept in
// memory, so the test can inspect what was saved): edit and save, a refused save keeps the text
// and says why, delete with undo and redo, undo of an edit, filters by tag and text, saved
// filter presets, jump to an annotation's time, presets kept with the plot workspace.
#include "core/annotations/AnnotationService.h"
#include "core/http/CurlTransport.h"
#include "core/workspace/PlotDocumentJson.h"
#include "gui/annotations/AnnotationController.h"
#include "gui/annotations/AnnotationEditor.h"
#include "gui/annotations/AnnotationFilterLink.h"
#include "gui/annotations/AnnotationListModel.h"
#include "gui/annotations/AnnotationListPanel.h"
#include "gui/annotations/AnnotationsPanel.h"
#include "gui/plots/PlotWorkspace.h"
#include "tests/support/MemoryAnnotationStore.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace sasquatch;
using sasquatch::test::MemoryAnnotationStore;

namespace {

constexpr std::int64_t kT0 = 1'795'000'000'000'000'000; // 2026-11-18T11:06:40Z
constexpr std::int64_t kMinute = 60'000'000'000;

Annotation note(std::int64_t startNs, std::int64_t endNs, const QString &text, const QString &csc)
{
    Annotation a;
    a.startNs = startNs;
    a.endNs = endNs;
    a.text = text;
    a.tags.insert(QStringLiteral("csc"), csc);
    return a;
}

} // namespace

class tst_AnnotationsPanel : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<MemoryAnnotationStore> m_store;
    std::unique_ptr<AnnotationService> m_service;
    std::unique_ptr<AnnotationsPanel> m_panel;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_faultId;

    AnnotationListPanel *list() const { return m_panel->list(); }
    AnnotationEditor *editor() const { return m_panel->editor(); }

    int rows() const { return list()->model()->rowCount(); }

    void selectText(const QString &text)
    {
        for (int r = 0; r < rows(); ++r)
            if (list()->model()->annotations()[std::size_t(r)].text == text) {
                list()->view()->setCurrentIndex(list()->model()->index(r, 0));
                return;
            }
        QFAIL(qPrintable(QStringLiteral("no row with text %1").arg(text)));
    }

private Q_SLOTS:
    void init()
    {
        m_store = std::make_shared<MemoryAnnotationStore>();
        m_faultId = m_store->create(note(kT0, kT0 + 5 * kMinute, QStringLiteral("M1M3 fault"), QStringLiteral("MTM1M3"))).value().id;
        QVERIFY(m_store->create(note(kT0 + 10 * kMinute, kT0 + 10 * kMinute, QStringLiteral("Dome opened"), QStringLiteral("MTDome"))).ok());
        QVERIFY(m_store->create(note(kT0 + 20 * kMinute, kT0 + 20 * kMinute, QStringLiteral("M1M3 raised"), QStringLiteral("MTM1M3"))).ok());
        m_service = std::make_unique<AnnotationService>();
        m_service->setStore(m_store);
        m_panel = std::make_unique<AnnotationsPanel>(*m_service, AnnotationPresetStore(m_dir.filePath(QStringLiteral("filters.json"))));
        m_tester = std::make_unique<QAbstractItemModelTester>(list()->model());
        m_panel->resize(500, 700);
        m_panel->show();
        list()->setViewRange(kT0 - 60 * kMinute, kT0 + 60 * kMinute);
        QTRY_COMPARE(rows(), 3);
    }

    void cleanup()
    {
        m_tester.reset();
        m_panel.reset();
        m_service.reset();
        QFile::remove(m_dir.filePath(QStringLiteral("filters.json")));
    }

    void listsInTimeOrderWithTags()
    {
        QCOMPARE(list()->model()->annotations()[0].text, QStringLiteral("M1M3 fault"));
        QCOMPARE(list()->model()->index(0, AnnotationListModel::TagsColumn).data().toString(), QStringLiteral("csc=MTM1M3"));
        QCOMPARE(list()->model()->index(0, AnnotationListModel::LengthColumn).data().toString(), QStringLiteral("5 min"));
        QCOMPARE(list()->model()->index(1, AnnotationListModel::LengthColumn).data().toString(), QStringLiteral("point"));
        QCOMPARE(list()->model()->index(0, AnnotationListModel::StartColumn).data().toString(),
                 QStringLiteral("2026-11-18T11:06:40Z"));
    }

    void editAndSave()
    {
        selectText(QStringLiteral("M1M3 fault"));
        QCOMPARE(editor()->textEdit()->toPlainText(), QStringLiteral("M1M3 fault"));
        editor()->textEdit()->setPlainText(QStringLiteral("M1M3 fault: actuator 112"));
        editor()->tagsEdit()->setText(QStringLiteral("csc=MTM1M3, shift=night"));
        Q_EMIT editor()->tagsEdit()->textEdited(editor()->tagsEdit()->text());
        editor()->chooseColor(QStringLiteral("#e5533d"));
        QVERIFY(editor()->isDirty());
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor()->isDirty());
        const Annotation saved = m_store->find(m_faultId).value();
        QCOMPARE(saved.text, QStringLiteral("M1M3 fault: actuator 112"));
        QCOMPARE(saved.tags.value(QStringLiteral("shift")), QStringLiteral("night"));
        QCOMPARE(saved.color, QStringLiteral("#e5533d"));
        QTRY_COMPARE(list()->model()->annotations()[0].text, QStringLiteral("M1M3 fault: actuator 112"));

        // Undo puts the old words back in the store.
        m_panel->controller()->undoStack()->undo();
        QTRY_COMPARE(m_store->find(m_faultId).value().text, QStringLiteral("M1M3 fault"));
        QVERIFY(!m_store->find(m_faultId).value().tags.contains(QStringLiteral("shift")));
    }

    void refusedSaveKeepsTextAndSaysWhy()
    {
        selectText(QStringLiteral("Dome opened"));
        m_store->setWriteFailure(Failure{QStringLiteral("POST http://influx/write: 503 Service Unavailable: "
                                                        "the server is read-only for maintenance"),
                                         503});
        editor()->textEdit()->setPlainText(QStringLiteral("Dome opened at 03:12 TAI, wind 12 m/s"));
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor()->errorText().isEmpty());
        QVERIFY2(editor()->errorText().contains(QStringLiteral("read-only for maintenance")), qPrintable(editor()->errorText()));
        QVERIFY2(editor()->errorText().contains(QStringLiteral("503")), qPrintable(editor()->errorText()));
        QCOMPARE(editor()->textEdit()->toPlainText(), QStringLiteral("Dome opened at 03:12 TAI, wind 12 m/s"));
        QVERIFY(editor()->isDirty());
        QCOMPARE(m_panel->controller()->undoStack()->count(), 0); // nothing was done

        // Choosing another annotation must not drop the typed words.
        selectText(QStringLiteral("M1M3 raised"));
        QCOMPARE(editor()->textEdit()->toPlainText(), QStringLiteral("Dome opened at 03:12 TAI, wind 12 m/s"));

        m_store->setWriteFailure(std::nullopt);
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QTRY_VERIFY(!editor()->isDirty());
        QVERIFY(editor()->errorText().isEmpty());
        bool found = false;
        for (const Annotation &a : m_store->all())
            found = found || a.text == u"Dome opened at 03:12 TAI, wind 12 m/s";
        QVERIFY(found);
    }

    void invalidInputIsRefusedBeforeSaving()
    {
        selectText(QStringLiteral("Dome opened"));
        editor()->tagsEdit()->setText(QStringLiteral("csc"));
        Q_EMIT editor()->tagsEdit()->textEdited(editor()->tagsEdit()->text());
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QVERIFY2(editor()->errorText().startsWith(QStringLiteral("Tags:")), qPrintable(editor()->errorText()));
        editor()->tagsEdit()->setText(QStringLiteral("csc=MTDome"));
        editor()->endEdit()->setText(QStringLiteral("2026-11-16T00:00:00Z"));
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QVERIFY2(editor()->errorText().contains(QStringLiteral("before the start")), qPrintable(editor()->errorText()));
    }

    void deleteUndoRedo()
    {
        selectText(QStringLiteral("M1M3 fault"));
        QCOMPARE(editor()->annotation().id, m_faultId);
        list()->deleteSelected();
        QUndoStack *undo = m_panel->controller()->undoStack();
        QTRY_COMPARE(undo->count(), 1);
        QVERIFY(!m_store->find(m_faultId).ok());
        QTRY_COMPARE(rows(), 2);
        QVERIFY(!editor()->hasAnnotation()); // not left showing a deleted one
        QVERIFY(undo->undoText().startsWith(QStringLiteral("Delete annotation")));
        undo->undo();
        QTRY_VERIFY(m_store->find(m_faultId).ok()); // back, with the same id
        QCOMPARE(m_store->find(m_faultId).value().text, QStringLiteral("M1M3 fault"));
        QTRY_COMPARE(rows(), 3);
        undo->redo();
        QTRY_VERIFY(!m_store->find(m_faultId).ok());
        QTRY_COMPARE(rows(), 2);
    }

    void failedUndoPutsTheStackBack()
    {
        selectText(QStringLiteral("M1M3 fault"));
        list()->deleteSelected();
        QUndoStack *undo = m_panel->controller()->undoStack();
        QTRY_COMPARE(undo->count(), 1); // the store's answer is back on this thread
        QVERIFY(!m_store->find(m_faultId).ok());
        QSignalSpy failed(m_panel->controller(), &AnnotationController::failed);
        m_store->setWriteFailure(Failure{QStringLiteral("HTTP 403 Forbidden: no write permission"), 403});
        undo->undo();
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.front().at(0).toString().startsWith(QStringLiteral("Undo:")));
        QCOMPARE(undo->index(), 1); // still "deleted", as the store says
        QVERIFY(undo->canUndo());
        m_store->setWriteFailure(std::nullopt);
        undo->undo();
        QTRY_VERIFY(m_store->find(m_faultId).ok());
    }

    void filtersByTagAndText()
    {
        list()->setTagFilter(QStringLiteral("csc=MTM1M3"));
        QCOMPARE(rows(), 2);
        list()->setTextFilter(QStringLiteral("raised"));
        QCOMPARE(rows(), 1);
        QCOMPARE(list()->model()->annotations()[0].text, QStringLiteral("M1M3 raised"));
        list()->setTextFilter({});
        list()->setTagFilter(QStringLiteral("csc"));
        QVERIFY(!list()->filterError().isEmpty());
        QVERIFY(list()->statusText().startsWith(QStringLiteral("Tags:")));
        QCOMPARE(rows(), 3); // a tag filter that does not parse filters nothing
    }

    void presetsAreSavedAndRestored()
    {
        list()->setTagFilter(QStringLiteral("csc=MTDome"));
        list()->savePreset(QStringLiteral("Dome"));
        list()->setTagFilter({});
        list()->setTextFilter(QStringLiteral("m1m3"));
        list()->savePreset(QStringLiteral("M1M3 notes"));
        QCOMPARE(int(list()->presets().size()), 2);

        // A new panel reads them back from the file.
        AnnotationsPanel other(*m_service, AnnotationPresetStore(m_dir.filePath(QStringLiteral("filters.json"))));
        QCOMPARE(int(other.list()->presets().size()), 2);
        QCOMPARE(other.list()->presets()[0].name, QStringLiteral("Dome"));
        QCOMPARE(other.list()->presets()[0].filter.tags.value(QStringLiteral("csc")), QStringLiteral("MTDome"));
        QCOMPARE(other.list()->filter().text, QStringLiteral("m1m3")); // the boxes as they were left
        list()->applyPreset(QStringLiteral("Dome"));
        QCOMPARE(rows(), 1);
        QCOMPARE(list()->model()->annotations()[0].text, QStringLiteral("Dome opened"));
        list()->deletePreset(QStringLiteral("Dome"));
        AnnotationsPanel third(*m_service, AnnotationPresetStore(m_dir.filePath(QStringLiteral("filters.json"))));
        QCOMPARE(int(third.list()->presets().size()), 1);
    }

    void jumpsToAnAnnotation()
    {
        QSignalSpy jump(list(), &AnnotationListPanel::jumpRequested);
        selectText(QStringLiteral("Dome opened"));
        QPushButton *goTo = nullptr;
        for (QPushButton *b : list()->findChildren<QPushButton *>())
            if (b->text() == u"Go to")
                goTo = b;
        QVERIFY(goTo);
        QTest::mouseClick(goTo, Qt::LeftButton);
        QCOMPARE(jump.count(), 1);
        const qint64 from = jump.front().at(0).toLongLong(), to = jump.front().at(1).toLongLong();
        QVERIFY(from < kT0 + 10 * kMinute && to > kT0 + 10 * kMinute);
    }

    void newAnnotationFromElsewhere()
    {
        Annotation fresh;
        fresh.startNs = kT0 + 30 * kMinute;
        fresh.endNs = kT0 + 35 * kMinute;
        QVERIFY(m_panel->editNew(fresh));
        QVERIFY(editor()->isDirty());
        editor()->textEdit()->setPlainText(QStringLiteral("Tracking test"));
        editor()->tagsEdit()->setText(QStringLiteral("csc=MTMount"));
        QTest::mouseClick(editor()->saveButton(), Qt::LeftButton);
        QTRY_COMPARE(int(m_store->all().size()), 4);
        QTRY_COMPARE(rows(), 4);
        QVERIFY(!editor()->annotation().id.isEmpty());
        m_panel->controller()->undoStack()->undo(); // undo the creation
        QTRY_COMPARE(int(m_store->all().size()), 3);
    }

    void filtersTravelWithTheWorkspace()
    {
        PlotWorkspace plots(std::make_shared<CurlTransport>());
        linkAnnotationFilters(plots, *m_panel);
        list()->setTagFilter(QStringLiteral("csc=MTM1M3"));
        list()->setTextFilter(QStringLiteral("fault"));
        list()->savePreset(QStringLiteral("M1M3 faults"));
        list()->setTagFilter(QStringLiteral("csc=MTDome"));
        list()->setTextFilter(QString());
        list()->savePreset(QStringLiteral("Dome"));
        list()->setTagFilter(QString());
        list()->setTextFilter(QStringLiteral("raised"));

        const PlotDocument document = plots.document();
        const AnnotationPresetFile &saved = document.annotationFilters;
        QCOMPARE(saved.presets.size(), std::size_t(2));
        QCOMPARE(saved.presets[0].name, QStringLiteral("M1M3 faults"));
        QCOMPARE(saved.presets[0].filter.tags.value(QStringLiteral("csc")), QStringLiteral("MTM1M3"));
        QCOMPARE(saved.presets[0].filter.text, QStringLiteral("fault"));
        QCOMPARE(saved.presets[1].filter.tags.value(QStringLiteral("csc")), QStringLiteral("MTDome"));
        QCOMPARE(saved.current.text, QStringLiteral("raised"));
        QVERIFY(saved.current.tags.isEmpty());

        // Through the file, into a fresh dock whose own preset file is empty.
        const auto reread = PlotDocumentJson::read(PlotDocumentJson::write(document), QStringLiteral("w.sqws"));
        QVERIFY2(reread.ok(), qPrintable(reread.error()));
        const QString freshFile = m_dir.filePath(QStringLiteral("fresh.json"));
        AnnotationsPanel fresh(*m_service, AnnotationPresetStore(freshFile));
        QVERIFY(fresh.list()->presets().empty());
        fresh.list()->setViewRange(kT0 - 60 * kMinute, kT0 + 60 * kMinute);
        PlotWorkspace other(std::make_shared<CurlTransport>());
        linkAnnotationFilters(other, fresh);
        other.applyDocument(reread.value());
        QVERIFY(fresh.filters() == saved);
        QCOMPARE(fresh.list()->filter().text, QStringLiteral("raised"));
        QTRY_COMPARE(fresh.list()->model()->rowCount(), 1);
        QCOMPARE(fresh.list()->model()->annotations()[0].text, QStringLiteral("M1M3 raised"));
        fresh.list()->applyPreset(QStringLiteral("M1M3 faults"));
        QTRY_COMPARE(fresh.list()->model()->rowCount(), 1);
        QCOMPARE(fresh.list()->model()->annotations()[0].text, QStringLiteral("M1M3 fault"));

        // A workspace saved without filters (an older file) leaves the dock's own filters alone.
        PlotDocument bare = reread.value();
        bare.annotationFilters = {};
        other.applyDocument(bare);
        QCOMPARE(fresh.list()->presets().size(), std::size_t(2));
        // Filters from a workspace are not written over annotation-filters.json (the fallback).
        QVERIFY(!QFile::exists(freshFile));
        // The document follows later changes in the dock.
        fresh.list()->deletePreset(QStringLiteral("Dome"));
        QCOMPARE(other.document().annotationFilters.presets.size(), std::size_t(1));
        QVERIFY(QFile::exists(freshFile));
    }
};

QTEST_MAIN(tst_AnnotationsPanel)
#include "tst_annotationspanel.moc"
