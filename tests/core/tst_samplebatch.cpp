// SPDX-License-Identifier: GPL-3.0-or-later
// SampleBatch: validation messages and the row order the store applies (stable time sort,
// first of equal times kept), plus SeriesKey names and tag normalisation.
#include "core/series/SampleBatch.h"

#include <QTest>

using namespace sasquatch;

class tst_SampleBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortedUniqueRows_data();
    void sortedUniqueRows();
    void validate_data();
    void validate();
    void keysAndTags();
};

void tst_SampleBatch::sortedUniqueRows_data()
{
    QTest::addColumn<QList<qint64>>("times");
    QTest::addColumn<QList<uint>>("expected");
    QTest::newRow("empty") << QList<qint64>{} << QList<uint>{};
    QTest::newRow("strictly increasing: identity") << QList<qint64>{1, 2, 5} << QList<uint>{};
    QTest::newRow("reversed") << QList<qint64>{3, 2, 1} << QList<uint>{2, 1, 0};
    QTest::newRow("duplicates keep the first") << QList<qint64>{1, 2, 2, 3, 2} << QList<uint>{0, 1, 3};
    QTest::newRow("all equal") << QList<qint64>{7, 7, 7} << QList<uint>{0};
    QTest::newRow("negative times") << QList<qint64>{-1, -5, 0} << QList<uint>{1, 0, 2};
}

void tst_SampleBatch::sortedUniqueRows()
{
    QFETCH(QList<qint64>, times);
    QFETCH(QList<uint>, expected);
    SampleBatch b;
    b.times.assign(times.begin(), times.end());
    const std::vector<std::uint32_t> rows = b.sortedUniqueRows();
    QCOMPARE(QList<uint>(rows.begin(), rows.end()), expected);
}

void tst_SampleBatch::validate_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QList<int>>("lengths");
    QTest::addColumn<QStringList>("tagKeys");
    QTest::addColumn<QString>("error");
    QTest::newRow("fine") << QStringList{"a", "b"} << QList<int>{3, 3} << QStringList{"salIndex"} << QString();
    QTest::newRow("no fields") << QStringList{} << QList<int>{} << QStringList{} << QString();
    QTest::newRow("short field") << QStringList{"a", "b"} << QList<int>{3, 2} << QStringList{}
                                 << "Sample batch of m: field \"b\" has 2 values for 3 times";
    QTest::newRow("unnamed field") << QStringList{""} << QList<int>{3} << QStringList{} << "Sample batch of m: a field has no name";
    QTest::newRow("field twice") << QStringList{"a", "a"} << QList<int>{3, 3} << QStringList{}
                                 << "Sample batch of m: field \"a\" appears twice";
    QTest::newRow("tag twice") << QStringList{"a"} << QList<int>{3} << QStringList{"k", "k"}
                               << "Sample batch of m: tag \"k\" appears twice";
    QTest::newRow("tag without key") << QStringList{"a"} << QList<int>{3} << QStringList{""}
                                     << "Sample batch of m: a tag has no key";
}

void tst_SampleBatch::validate()
{
    QFETCH(QStringList, fields);
    QFETCH(QList<int>, lengths);
    QFETCH(QStringList, tagKeys);
    QFETCH(QString, error);
    SampleBatch b;
    b.topic = "m";
    b.times = {1, 2, 3};
    for (int i = 0; i < fields.size(); ++i)
        b.fields.push_back({fields[i].toStdString(), std::vector<double>(static_cast<std::size_t>(lengths[i]), 1.0)});
    for (const QString &k : tagKeys)
        b.tags.emplace_back(k.toStdString(), "1");
    const Outcome<Done> r = b.validate();
    QCOMPARE(r.ok(), error.isEmpty());
    if (!r.ok())
        QCOMPARE(r.error(), error);
}

void tst_SampleBatch::keysAndTags()
{
    QCOMPARE(normalizedTags({{"b", "2"}, {"a", "1"}, {"b", "3"}}), (TagSet{{"a", "1"}, {"b", "2"}}));
    const SeriesKey key{"lsst.sal.MTM1M3.forceActuatorData", "zForce3", {{"salIndex", "1"}}};
    QCOMPARE(key.displayName(), std::string("lsst.sal.MTM1M3.forceActuatorData.zForce3 [salIndex=1]"));
    QCOMPARE((SeriesKey{"", "v", {}}.displayName()), std::string("v"));
    SampleBatch b;
    b.topic = "t";
    b.tags = {{"k", "v"}};
    b.fields.push_back({"f", {}});
    QCOMPARE(b.key(0), (SeriesKey{"t", "f", {{"k", "v"}}}));
    QVERIFY(b.field("f"));
    QVERIFY(!b.field("g"));
}

QTEST_GUILESS_MAIN(tst_SampleBatch)
#include "tst_samplebatch.moc"
