// SPDX-License-Identifier: GPL-3.0-or-later
// The query builder panel offscreen: a topic-tree selection becomes QueryBuilder's text in the
// preview and in queryGenerated; problems are shown instead of a query.
#include "core/query/QueryBuilder.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/QueryBuilderPanel.h"
#include "gui/query/TimeRangePicker.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace sasquatch;

namespace {

const QString kFad = QStringLiteral("lsst.sal.MTM1M3.forceActuatorData");

TopicFieldSelection fxFy()
{
    TopicFieldSelection s;
    s.topic = kFad;
    s.fields = {{QStringLiteral("fx"), FieldType::Float, {}, {}}, {QStringLiteral("fy"), FieldType::Float, {}, {}}};
    s.labels = {QStringLiteral("fx"), QStringLiteral("fy")};
    s.tagKeys = {QStringLiteral("salIndex")};
    return s;
}

QPushButton *button(QWidget &parent, const QString &text)
{
    for (QPushButton *b : parent.findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

} // namespace

class tst_QueryBuilderPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void previewIsTheBuildersText_data()
    {
        QTest::addColumn<int>("language");
        QTest::addColumn<int>("mode");
        QTest::newRow("flux aggregated") << int(QueryLanguage::Flux) << int(QueryMode::Aggregated);
        QTest::newRow("flux raw") << int(QueryLanguage::Flux) << int(QueryMode::Raw);
        QTest::newRow("influxql aggregated") << int(QueryLanguage::InfluxQl) << int(QueryMode::Aggregated);
        QTest::newRow("influxql raw") << int(QueryLanguage::InfluxQl) << int(QueryMode::Raw);
    }
    void previewIsTheBuildersText()
    {
        QFETCH(int, language);
        QFETCH(int, mode);
        QueryBuilderPanel panel;
        panel.setBucket(QStringLiteral("efd/autogen"));
        panel.setSelection(fxFy());
        panel.setLanguage(QueryLanguage(language));
        panel.setMode(QueryMode(mode));
        panel.setFunction(AggregateFunction::Max);
        panel.setPixelWidth(1200);
        panel.timeRangePicker()->setRange(TimeRange::fromPreset(RangePreset::Past6Hours));

        QuerySelection expected;
        expected.setBucket(QStringLiteral("efd/autogen"));
        expected.measurement = kFad;
        expected.fields = fxFy().fields;
        QueryBuilder builder(expected, TimeRange::fromPreset(RangePreset::Past6Hours));
        builder.setMode(QueryMode(mode));
        builder.setFunction(AggregateFunction::Max);
        builder.setPixelWidth(1200);
        const QString text = *builder.build(QueryLanguage(language));
        QCOMPARE(panel.previewText(), text);
        QCOMPARE(*panel.generate(), text);
        if (QueryMode(mode) == QueryMode::Aggregated)
            QVERIFY(text.contains(QStringLiteral("max")));

        QSignalSpy generated(&panel, &QueryBuilderPanel::queryGenerated);
        QTest::mouseClick(button(panel, QStringLiteral("Open in new tab")), Qt::LeftButton);
        QCOMPARE(generated.count(), 1);
        QCOMPARE(generated.at(0).at(1).value<QueryLanguage>(), QueryLanguage(language));
        QCOMPARE(generated.at(0).at(2).value<BuildTarget>(), BuildTarget::NewTab);
        QCOMPARE(*generated.at(0).at(0).value<QueryBuilder>().build(QueryLanguage(language)), text);
        QTest::mouseClick(button(panel, QStringLiteral("Replace current")), Qt::LeftButton);
        QCOMPARE(generated.at(1).at(2).value<BuildTarget>(), BuildTarget::CurrentTab);
    }

    void allFieldsAndTagFilter()
    {
        QueryBuilderPanel panel;
        panel.setBucket(QStringLiteral("efd/autogen"));
        TopicFieldSelection s = fxFy();
        s.allFields = true;
        s.fields.clear();
        panel.setSelection(s);
        panel.setLanguage(QueryLanguage::InfluxQl);
        panel.setMode(QueryMode::Raw);
        panel.setTagFilter(QStringLiteral("salIndex"), QStringLiteral("1, 2"));
        const QString text = panel.previewText();
        QVERIFY2(text.startsWith(QStringLiteral("SELECT * FROM \"efd\".\"autogen\".\"lsst.sal.MTM1M3.forceActuatorData\"")),
                 qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(\"salIndex\" = '1' OR \"salIndex\" = '2')")), qPrintable(text));
    }

    void windowFollowsThePixelWidth()
    {
        QueryBuilderPanel panel;
        panel.setBucket(QStringLiteral("efd/autogen"));
        panel.setSelection(fxFy());
        panel.setLanguage(QueryLanguage::Flux);
        panel.timeRangePicker()->setRange(TimeRange::fromPreset(RangePreset::Past1Hour));
        panel.setPixelWidth(3600); // 1 s per pixel
        QVERIFY2(panel.previewText().contains(QStringLiteral("every: 1s")), qPrintable(panel.previewText()));
        panel.setPixelWidth(360); // 10 s per pixel
        QVERIFY2(panel.previewText().contains(QStringLiteral("every: 10s")), qPrintable(panel.previewText()));
    }

    void problemsInsteadOfAQuery_data()
    {
        QTest::addColumn<bool>("withTopic");
        QTest::addColumn<bool>("withFields");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("problem");
        QTest::newRow("nothing selected") << false << false << "efd/autogen" << "Select a topic";
        QTest::newRow("topic but no field") << true << false << "efd/autogen" << "Select fields of";
        QTest::newRow("no bucket") << true << true << "" << "bucket";
    }
    void problemsInsteadOfAQuery()
    {
        QFETCH(bool, withTopic);
        QFETCH(bool, withFields);
        QFETCH(QString, bucket);
        QFETCH(QString, problem);
        QueryBuilderPanel panel;
        panel.setBucket(bucket);
        TopicFieldSelection s;
        if (withTopic)
            s.topic = kFad;
        if (withFields)
            s.fields = fxFy().fields;
        panel.setSelection(s);
        const auto text = panel.generate();
        QVERIFY(!text.ok());
        QVERIFY2(text.error().contains(problem), qPrintable(text.error()));
        QVERIFY(panel.previewText().isEmpty());
        QVERIFY(!button(panel, QStringLiteral("Open in new tab"))->isEnabled());
        QSignalSpy generated(&panel, &QueryBuilderPanel::queryGenerated);
        QVERIFY(!panel.generateInto(BuildTarget::NewTab));
        QCOMPARE(generated.count(), 0);
    }

    void numericAggregateOfAStringIsRefused()
    {
        QueryBuilderPanel panel;
        panel.setBucket(QStringLiteral("efd/autogen"));
        TopicFieldSelection s;
        s.topic = kFad;
        s.fields = {{QStringLiteral("private_identity"), FieldType::String, {}, {}}};
        s.labels = {QStringLiteral("private_identity")};
        panel.setSelection(s);
        panel.setMode(QueryMode::Aggregated);
        panel.setFunction(AggregateFunction::Mean);
        QVERIFY(!panel.generate().ok());
        panel.setFunction(AggregateFunction::Last); // works on strings
        QVERIFY2(panel.generate().ok(), qPrintable(panel.generate().error()));
        panel.setMode(QueryMode::Raw);
        QVERIFY(panel.generate().ok());
    }
};

QTEST_MAIN(tst_QueryBuilderPanel)
#include "tst_querybuilderpanel.moc"
