// SPDX-License-Identifier: GPL-3.0-or-later
// Avro schemas inferred from values as analysis_tools' dispatcher does, checked against avro-c:
// the schema parses, and the binary encoding decodes back (avro_value_to_json) to the values.
#include "core/ingest/AvroRecordSchema.h"
#include "core/ingest/JsonMetricReader.h"
#include "core/ingest/MetricFileReader.h"
#include "core/ingest/UploadPlan.h"

#include <QBuffer>
#include <QTest>

#include <avro.h>

#include <cstdlib>

using namespace sasquatch;

namespace {

UploadPlan planOf(const QByteArray &json)
{
    QByteArray copy = json;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    std::vector<ReadResult> files;
    files.push_back(MetricFileReader::readDevice(buffer, QStringLiteral("records.json")));
    return UploadPlan::build(std::move(files), UploadOptions{});
}

/// The record decoded by avro-c from our binary encoding, as avro-c's JSON (one line).
QString decodeWithAvroC(const QByteArray &schemaJson, const std::string &binary, QString &error)
{
    avro_schema_t schema = nullptr;
    if (avro_schema_from_json_length(schemaJson.constData(), std::size_t(schemaJson.size()), &schema) != 0) {
        error = QString::fromUtf8(avro_strerror());
        return {};
    }
    avro_value_iface_t *iface = avro_generic_class_from_schema(schema);
    avro_value_t value;
    avro_generic_value_new(iface, &value);
    avro_reader_t reader = avro_reader_memory(binary.data(), int64_t(binary.size()));
    QString out;
    if (avro_value_read(reader, &value) != 0) {
        error = QString::fromUtf8(avro_strerror());
    } else {
        char *json = nullptr;
        avro_value_to_json(&value, 1, &json);
        out = QString::fromUtf8(json);
        std::free(json);
    }
    avro_reader_free(reader);
    avro_value_decref(&value);
    avro_value_iface_decref(iface);
    avro_schema_decref(schema);
    return out;
}

} // namespace

class tst_AvroRecordSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void inferredTypes()
    {
        const UploadPlan plan = planOf(
            R"({"validate_drp.PA1":[)"
            R"({"value":{"timestamp":1795000000.5,"run":"r1","visit":"12","small":3,"big":5000000000,"f":2328.9,)"
            R"("precise":0.123456789012,"ok":true,"tags":["a","b"],"arr":[1.5,2.5],"sometimes":1.5}},)"
            R"({"value":{"timestamp":1795000001,"run":"r2","visit":"13","small":4,"big":1,"f":1,)"
            R"("precise":1,"ok":false,"tags":[],"arr":[3.5]}}]})");
        QCOMPARE(plan.files()[0].messages(), QStringList{});
        QCOMPARE(plan.topics().size(), std::size_t(1));
        const PlannedTopic &t = plan.topics()[0];
        QCOMPARE(t.topic, u"lsst.dm.validate_drp.PA1"_qs);
        QCOMPARE(t.schema.json(),
                 QByteArray(R"({"type":"record","namespace":"lsst.dm","name":"validate_drp.PA1","fields":[)"
                            R"({"name":"timestamp","type":"double","default":0.0},{"name":"visit","type":"string","default":""},)"
                            R"({"name":"run","type":"string","default":""},{"name":"small","type":"int","default":0},)"
                            R"({"name":"big","type":"long","default":0},{"name":"f","type":"float","default":0.0},)"
                            R"({"name":"precise","type":"double","default":0.0},{"name":"ok","type":"boolean","default":false},)"
                            R"({"name":"tags","type":["null",{"type":"array","items":"string"}],"default":null},)"
                            R"({"name":"arr","type":{"type":"array","items":"float"},"default":[]},)"
                            R"({"name":"sometimes","type":["null","float"],"default":null}]})"));
        std::string json;
        t.schema.appendAvroJson(plan.record(0), json);
        QCOMPARE(QByteArray::fromStdString(json),
                 QByteArray(R"({"timestamp":1795000000.5,"visit":"12","run":"r1","small":3,"big":5000000000,"f":2328.9,)"
                            R"("precise":0.123456789012,"ok":true,"tags":{"array":["a","b"]},"arr":[1.5,2.5],)"
                            R"("sometimes":{"float":1.5}})"));
    }

    void binaryDecodesWithAvroC_data()
    {
        QTest::addColumn<int>("record");
        QTest::addColumn<QString>("decoded");
        QTest::newRow("all present") << 0
                                     << QStringLiteral(R"({"timestamp": 1795000000.5, "visit": "12", "run": "r1", "n": 3, )"
                                                       R"("big": 5000000000, "x": 0.25, "ok": true, "tags": {"array": ["a", "b"]}, )"
                                                       R"("arr": {"array": [1, 2]}})");
        // An empty array has no item type: left out, as the dispatcher does, so "arr" is nullable.
        QTest::newRow("nulls") << 1
                               << QStringLiteral(R"({"timestamp": 1795000001.0, "visit": "13", "run": "r2", "n": -4, )"
                                                 R"("big": -1, "x": -1.5, "ok": false, "tags": null, "arr": null})");
    }
    void binaryDecodesWithAvroC()
    {
        QFETCH(int, record);
        QFETCH(QString, decoded);
        const UploadPlan plan = planOf(
            R"([{"timestamp":1795000000.5,"run":"r1","visit":"12","n":3,"big":5000000000,"x":0.25,"ok":true,"tags":["a","b"],"arr":[1,2]},)"
            R"({"timestamp":1795000001,"run":"r2","visit":"13","n":-4,"big":-1,"x":-1.5,"ok":false,"tags":null,"arr":[]}])");
        QCOMPARE(plan.files()[0].messages(), QStringList{});
        const PlannedTopic &t = plan.topics()[0];
        std::string binary;
        t.schema.appendBinary(plan.record(record), binary);
        QString error;
        const QString json = decodeWithAvroC(t.schema.json(), binary, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(json, decoded);
    }

    void names()
    {
        QVERIFY(AvroRecordSchema::isValidName(u"PA1_g"_qs));
        QVERIFY(!AvroRecordSchema::isValidName(u"1PA"_qs));
        QVERIFY(!AvroRecordSchema::isValidName(u"a-b"_qs));
        QCOMPARE(AvroRecordSchema::sanitizedName(u"9 lives"_qs), u"_9_lives"_qs);
        QVERIFY(UploadPlan::isValidTopicName(u"lsst.dm.validate_drp-PA1"_qs));
        QVERIFY(!UploadPlan::isValidTopicName(u"lsst.dm.a b"_qs));
    }
};

QTEST_GUILESS_MAIN(tst_AvroRecordSchema)
#include "tst_avrorecordschema.moc"
