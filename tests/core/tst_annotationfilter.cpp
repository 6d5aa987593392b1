// SPDX-License-Identifier: GPL-3.0-or-later
// AnnotationFilter (overlap, tags, text), the tag box syntax (TagListText) and Annotation's checks.
#include "core/annotations/AnnotationFilter.h"
#include "core/annotations/TagListText.h"

#include <QTest>

using namespace sasquatch;

class tst_AnnotationFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void overlap_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<bool>("expected");
        // The filter is [100, 200]; annotations are [start, end].
        QTest::newRow("inside") << qint64(120) << qint64(130) << true;
        QTest::newRow("point at start") << qint64(100) << qint64(100) << true;
        QTest::newRow("point at end") << qint64(200) << qint64(200) << true;
        QTest::newRow("straddles start") << qint64(50) << qint64(100) << true;
        QTest::newRow("covers all") << qint64(0) << qint64(1000) << true;
        QTest::newRow("ends before") << qint64(50) << qint64(99) << false;
        QTest::newRow("starts after") << qint64(201) << qint64(300) << false;
    }

    void overlap()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(bool, expected);
        AnnotationFilter f;
        f.startNs = 100;
        f.endNs = 200;
        Annotation a;
        a.startNs = start;
        a.endNs = end;
        QCOMPARE(f.matches(a), expected);
    }

    void tagsAndText()
    {
        Annotation a;
        a.text = QStringLiteral("M1M3 raised");
        a.tags = {{QStringLiteral("csc"), QStringLiteral("MTM1M3")}, {QStringLiteral("shift"), QStringLiteral("night")}};
        AnnotationFilter f;
        QVERIFY(f.matches(a));
        f.tags.insert(QStringLiteral("csc"), QStringLiteral("MTM1M3"));
        QVERIFY(f.matches(a));
        f.text = QStringLiteral("m1m3 RAI");
        QVERIFY(f.matches(a));
        f.tags.insert(QStringLiteral("shift"), QStringLiteral("day"));
        QVERIFY(!f.matches(a));
        f.tags.remove(QStringLiteral("shift"));
        f.text = QStringLiteral("lowered");
        QVERIFY(!f.matches(a));
        const AnnotationFilter back = AnnotationFilter::fromJson(f.toJson());
        QCOMPARE(back.tags, f.tags);
        QCOMPARE(back.text, f.text);
    }

    void tagText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("formatted"); // empty = an error is expected
        QTest::newRow("two") << "shift=night, csc=MTM1M3" << "csc=MTM1M3, shift=night";
        QTest::newRow("semicolons and blanks") << " a = 1 ;b=2;" << "a=1, b=2";
        QTest::newRow("value with =") << "expr=a=b" << "expr=a=b";
        QTest::newRow("empty") << "" << "";
        QTest::newRow("no value") << "csc" << "!";
        QTest::newRow("no key") << "=x" << "!";
        QTest::newRow("twice") << "a=1, a=2" << "!";
    }

    void tagText()
    {
        QFETCH(QString, text);
        QFETCH(QString, formatted);
        auto tags = TagListText::parse(text);
        if (formatted == u"!") {
            QVERIFY(!tags.ok());
            QVERIFY(!tags.error().isEmpty());
            return;
        }
        QVERIFY2(tags.ok(), qPrintable(tags.error()));
        QCOMPARE(TagListText::format(tags.value()), formatted);
    }

    void validate()
    {
        Annotation a;
        a.startNs = 10;
        a.endNs = 10;
        a.text = QStringLiteral("ok");
        QVERIFY(a.validate().isEmpty());
        a.endNs = 9;
        a.color = QStringLiteral("red");
        a.text = QStringLiteral("  ");
        QCOMPARE(a.validate().size(), 3);
        QVERIFY(!Annotation::splitTag(QStringLiteral("novalue")));
        QCOMPARE(Annotation::splitTag(QStringLiteral("k=")), (std::optional<std::pair<QString, QString>>({QStringLiteral("k"), QString()})));
    }
};

QTEST_GUILESS_MAIN(tst_AnnotationFilter)
#include "tst_annotationfilter.moc"
