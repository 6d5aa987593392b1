// SPDX-License-Identifier: GPL-3.0-or-later
// The time-range picker offscreen: presets, absolute ranges in UTC and TAI, inline errors.
#include "core/time/TimeText.h"
#include "gui/query/TimeRangePicker.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;

namespace {

QPushButton *buttonWithText(QWidget *parent, const QString &text)
{
    for (QPushButton *b : parent->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

std::int64_t utc(const char *text)
{
    return *parseTimeText(QString::fromLatin1(text), TimeScale::Utc);
}

} // namespace

class tst_TimeRangePicker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsToThePastHour()
    {
        TimeRangePicker picker;
        QCOMPARE(picker.range(), TimeRange());
        QVERIFY(picker.text().startsWith(QStringLiteral("Past 1h")));
        QCOMPARE(picker.scale(), TimeScale::Utc);
    }

    void presetButtonsChooseAndClose_data()
    {
        QTest::addColumn<QString>("button");
        QTest::addColumn<int>("preset");
        QTest::newRow("5m") << "5m" << int(RangePreset::Past5Minutes);
        QTest::newRow("15m") << "15m" << int(RangePreset::Past15Minutes);
        QTest::newRow("6h") << "6h" << int(RangePreset::Past6Hours);
        QTest::newRow("1d") << "1d" << int(RangePreset::Past24Hours);
        QTest::newRow("7d") << "7d" << int(RangePreset::Past7Days);
        QTest::newRow("30d") << "30d" << int(RangePreset::Past30Days);
    }
    void presetButtonsChooseAndClose()
    {
        QFETCH(QString, button);
        QFETCH(int, preset);
        TimeRangePicker picker;
        picker.show();
        QSignalSpy changed(&picker, &TimeRangePicker::rangeChanged);
        QTest::mouseClick(&picker, Qt::LeftButton);
        QTRY_VERIFY(picker.popupPanel()->isVisible());
        QPushButton *b = buttonWithText(picker.popupPanel(), button);
        QVERIFY(b);
        QTest::mouseClick(b, Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(picker.range(), TimeRange::fromPreset(RangePreset(preset)));
        QVERIFY(!picker.popupPanel()->isVisible());
        QVERIFY(b->isChecked());
        QCOMPARE(picker.text(), picker.range().label() + QStringLiteral("  ▾"));
    }

    void absoluteRanges_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("stop");
        QTest::addColumn<int>("scale");
        QTest::addColumn<qint64>("startNs");
        QTest::addColumn<qint64>("stopNs");
        QTest::newRow("utc with Z") << "2026-11-23T03:12:00Z" << "2026-11-23T04:12:00Z" << int(TimeScale::Utc)
                                    << qint64(utc("2026-11-23T03:12:00Z")) << qint64(utc("2026-11-23T04:12:00Z"));
        QTest::newRow("utc untagged, space") << "2026-11-23 03:12" << "2026-11-23 03:13:30.5" << int(TimeScale::Utc)
                                             << qint64(utc("2026-11-23T03:12:00Z")) << qint64(utc("2026-11-23T03:13:30.5Z"));
        // TAI is UTC + 37 s: the same wall clock read as TAI is 37 s earlier in UTC.
        QTest::newRow("tai untagged") << "2026-11-23T03:12:37" << "2026-11-23T04:12:37" << int(TimeScale::Tai)
                                      << qint64(utc("2026-11-23T03:12:00Z")) << qint64(utc("2026-11-23T04:12:00Z"));
        QTest::newRow("zone wins over the toggle") << "2026-11-23T03:12:00Z" << "2026-11-23T04:12:00Z" << int(TimeScale::Tai)
                                                   << qint64(utc("2026-11-23T03:12:00Z")) << qint64(utc("2026-11-23T04:12:00Z"));
    }
    void absoluteRanges()
    {
        QFETCH(QString, start);
        QFETCH(QString, stop);
        QFETCH(int, scale);
        QFETCH(qint64, startNs);
        QFETCH(qint64, stopNs);
        TimeRangePicker picker;
        picker.setScale(TimeScale(scale));
        QSignalSpy changed(&picker, &TimeRangePicker::rangeChanged);
        picker.setAbsoluteText(start, stop);
        QVERIFY2(picker.applyAbsolute(), qPrintable(picker.errorText()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(picker.range().isAbsolute());
        QCOMPARE(picker.range().startNs(0), startNs);
        QCOMPARE(picker.range().stopNs(0), stopNs);
        QVERIFY(picker.errorText().isEmpty());
    }

    void relativeTextIsARelativeRange()
    {
        TimeRangePicker picker;
        picker.setAbsoluteText(QStringLiteral("-90m"), QStringLiteral("now"));
        QVERIFY(picker.applyAbsolute());
        QVERIFY(picker.range().isRelative());
        QCOMPARE(picker.range().durationNs(), 90 * 60'000'000'000LL);
    }

    void errorsAreShownAndChangeNothing_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("stop");
        QTest::addColumn<QString>("errorStart");
        QTest::addColumn<bool>("startBad");
        QTest::addColumn<bool>("stopBad");
        QTest::newRow("empty start") << "" << "2026-11-23T04:12:00Z" << "Start" << true << false;
        QTest::newRow("month 13") << "2026-13-01T00:00:00Z" << "2026-11-23T04:12:00Z" << "Start" << true << false;
        QTest::newRow("bad stop") << "2026-11-23T03:12:00Z" << "yesterday" << "Stop" << false << true;
        QTest::newRow("missing stop") << "2026-11-23T03:12:00Z" << "" << "Stop" << false << true;
        QTest::newRow("reversed") << "2026-11-23T05:00:00Z" << "2026-11-23T04:00:00Z" << "The start" << true << true;
    }
    void errorsAreShownAndChangeNothing()
    {
        QFETCH(QString, start);
        QFETCH(QString, stop);
        QFETCH(QString, errorStart);
        QFETCH(bool, startBad);
        QFETCH(bool, stopBad);
        TimeRangePicker picker;
        picker.show();
        picker.showPopup();
        QSignalSpy changed(&picker, &TimeRangePicker::rangeChanged);
        picker.setAbsoluteText(start, stop);
        QVERIFY(!picker.applyAbsolute());
        QCOMPARE(changed.count(), 0);
        QCOMPARE(picker.range(), TimeRange());
        QVERIFY2(picker.errorText().startsWith(errorStart), qPrintable(picker.errorText()));
        // The box at fault is outlined; the message is visible under the boxes.
        const auto edits = picker.popupPanel()->findChildren<QLineEdit *>();
        QCOMPARE(edits.size(), 2);
        QCOMPARE(!edits[0]->styleSheet().isEmpty(), startBad);
        QCOMPARE(!edits[1]->styleSheet().isEmpty(), stopBad);
        QLabel *error = nullptr;
        for (QLabel *l : picker.popupPanel()->findChildren<QLabel *>())
            if (l->text() == picker.errorText())
                error = l;
        QVERIFY(error && error->isVisible());
        // Typing again clears it.
        QTest::keyClicks(edits[0], QStringLiteral("x"));
        QVERIFY(picker.errorText().isEmpty());
    }

    void enterAppliesAndCloses()
    {
        TimeRangePicker picker;
        picker.show();
        QTest::mouseClick(&picker, Qt::LeftButton);
        QTRY_VERIFY(picker.popupPanel()->isVisible());
        const auto edits = picker.popupPanel()->findChildren<QLineEdit *>();
        edits[0]->setText(QStringLiteral("2026-11-23T03:12:00Z"));
        edits[1]->setText(QStringLiteral("2026-11-23T03:42:00Z"));
        QTest::keyClick(edits[1], Qt::Key_Return);
        QVERIFY(!picker.popupPanel()->isVisible());
        QCOMPARE(picker.range().durationNs(), 30 * 60'000'000'000LL);
        QVERIFY(picker.text().contains(QStringLiteral("2026-11-23T03:12:00Z")));
    }

    void opensWithTheCurrentRangeInTheBoxes()
    {
        TimeRangePicker picker;
        picker.setRange(*TimeRange::absolute(utc("2026-11-23T03:12:00Z"), utc("2026-11-23T04:12:00Z")));
        picker.setScale(TimeScale::Tai);
        picker.show();
        picker.showPopup();
        const auto edits = picker.popupPanel()->findChildren<QLineEdit *>();
        QCOMPARE(edits[0]->text(), QStringLiteral("2026-11-23T03:12:37 TAI"));
        QCOMPARE(edits[1]->text(), QStringLiteral("2026-11-23T04:12:37 TAI"));
        QVERIFY(picker.text().contains(QStringLiteral("TAI")));
        // The toggle converts what the boxes hold rather than reading it again in the new scale.
        picker.setScale(TimeScale::Utc);
        QCOMPARE(edits[0]->text(), QStringLiteral("2026-11-23T03:12:00Z"));
        QVERIFY(picker.applyAbsolute());
        QCOMPARE(picker.range().startNs(0), utc("2026-11-23T03:12:00Z"));

        picker.setRange(TimeRange::fromPreset(RangePreset::Past6Hours));
        picker.showPopup();
        QCOMPARE(edits[0]->text(), QStringLiteral("-6h"));
        QCOMPARE(edits[1]->text(), QStringLiteral("now"));
    }
};

QTEST_MAIN(tst_TimeRangePicker)
#include "tst_timerangepicker.moc"
