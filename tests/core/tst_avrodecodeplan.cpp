// SPDX-License-Identifier: GPL-3.0-or-later
// AvroDecodePlan (the hot path) against avro-c: random records of every shape SAL uses,
// written by avro-c and decoded both by the plan and by AvroReferenceDecoder (avro-c's
// generic values); typed values; malformed bodies; schemas it must refuse; flattening,
// units and descriptions of MTM1M3 forceActuatorData.
#include "core/kafka/AvroDecodePlan.h"
#include "core/kafka/AvroReferenceDecoder.h"
#include "core/kafka/AvroSchema.h"
#include "tests/support/AvroTestWriter.h"

#include <QTest>

#include <cmath>

using namespace sasquatch;
using sasquatch::test::AvroTestWriter;

namespace {

/// A record schema with private_efdStamp and one field `v` of type `typeJson`.
QByteArray schemaWith(const QByteArray &typeJson, const QByteArray &extra = {})
{
    return "{\"type\":\"record\",\"name\":\"t\",\"namespace\":\"lsst.sal.Test\",\"fields\":["
           "{\"name\":\"private_efdStamp\",\"type\":\"double\",\"units\":\"second\"},"
           "{\"name\":\"v\",\"type\":" + typeJson + extra + ",\"units\":\"N\",\"description\":\"the value\"}]}";
}

/// Whether a decoded value equals the JSON value avro-c was given.
bool sameValue(const KafkaValue &decoded, const nlohmann::json &expected, KafkaValueType type, QString &why)
{
    why = QStringLiteral("decoded %1, expected %2")
              .arg(std::visit([](const auto &x) -> QString {
                       using X = std::decay_t<decltype(x)>;
                       if constexpr (std::is_same_v<X, std::monostate>)
                           return QStringLiteral("null");
                       else if constexpr (std::is_same_v<X, std::string>)
                           return QString::fromStdString(x);
                       else
                           return QString::number(x, 'g', 17);
                   },
                   decoded),
                   QString::fromStdString(expected.dump()));
    if (expected.is_null())
        return std::holds_alternative<std::monostate>(decoded);
    switch (type) {
    case KafkaValueType::Boolean:
        return std::holds_alternative<bool>(decoded) && std::get<bool>(decoded) == expected.get<bool>();
    case KafkaValueType::Int:
    case KafkaValueType::Long:
        return std::holds_alternative<std::int64_t>(decoded) && std::get<std::int64_t>(decoded) == expected.get<std::int64_t>();
    case KafkaValueType::Float:
    case KafkaValueType::Double:
        return std::holds_alternative<double>(decoded) && std::get<double>(decoded) == expected.get<double>()
               && std::signbit(std::get<double>(decoded)) == std::signbit(expected.get<double>());
    case KafkaValueType::String:
        return std::holds_alternative<std::string>(decoded) && std::get<std::string>(decoded) == expected.get<std::string>();
    }
    return false;
}

/// The JSON value of a flattened field in a record written by AvroTestWriter.
const nlohmann::json &expectedOf(const nlohmann::json &record, const LayoutField &f)
{
    if (f.arrayName.empty())
        return record.at(f.name);
    const nlohmann::json &array = record.at(f.arrayName);
    return array.is_null() ? array : array.at(std::size_t(f.arrayIndex));
}

} // namespace

class tst_AvroDecodePlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void randomRecords_data();
    void randomRecords();
    void undeclaredArrayLength();
    void typedValues_data();
    void typedValues();
    void malformedBodies_data();
    void malformedBodies();
    void refusedSchemas_data();
    void refusedSchemas();
    void forceActuatorDataLayout();
};

void tst_AvroDecodePlan::randomRecords_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("extra");
    QTest::addColumn<int>("arrayLength");
    QTest::newRow("boolean") << QByteArray("\"boolean\"") << QByteArray() << 0;
    QTest::newRow("int") << QByteArray("\"int\"") << QByteArray() << 0;
    QTest::newRow("long") << QByteArray("\"long\"") << QByteArray() << 0;
    QTest::newRow("float") << QByteArray("\"float\"") << QByteArray() << 0;
    QTest::newRow("double") << QByteArray("\"double\"") << QByteArray() << 0;
    QTest::newRow("string") << QByteArray("\"string\"") << QByteArray() << 0;
    QTest::newRow("float[12]") << QByteArray("{\"type\":\"array\",\"items\":\"float\"}")
                               << QByteArray(",\"default\":[0,0,0,0,0,0,0,0,0,0,0,0]") << 12;
    QTest::newRow("double[3]") << QByteArray("{\"type\":\"array\",\"items\":\"double\"}") << QByteArray(",\"default\":[0,0,0]") << 3;
    QTest::newRow("int[4]") << QByteArray("{\"type\":\"array\",\"items\":\"int\"}") << QByteArray(",\"default\":[0,0,0,0]") << 4;
    QTest::newRow("long[2]") << QByteArray("{\"type\":\"array\",\"items\":\"long\"}") << QByteArray(",\"default\":[0,0]") << 2;
    QTest::newRow("boolean[5]") << QByteArray("{\"type\":\"array\",\"items\":\"boolean\"}")
                                << QByteArray(",\"default\":[false,false,false,false,false]") << 5;
    QTest::newRow("string[2]") << QByteArray("{\"type\":\"array\",\"items\":\"string\"}") << QByteArray(",\"default\":[\"\",\"\"]") << 2;
    QTest::newRow("[null,double]") << QByteArray("[\"null\",\"double\"]") << QByteArray(",\"default\":null") << 0;
    QTest::newRow("[null,int]") << QByteArray("[\"null\",\"int\"]") << QByteArray() << 0;
    QTest::newRow("[null,long]") << QByteArray("[\"null\",\"long\"]") << QByteArray() << 0;
    QTest::newRow("[null,string]") << QByteArray("[\"null\",\"string\"]") << QByteArray() << 0;
    QTest::newRow("[null,boolean]") << QByteArray("[\"null\",\"boolean\"]") << QByteArray() << 0;
    QTest::newRow("[float,null] (null second)") << QByteArray("[\"float\",\"null\"]") << QByteArray() << 0;
    QTest::newRow("[null,float[3]]") << QByteArray("[\"null\",{\"type\":\"array\",\"items\":\"float\"}]")
                                     << QByteArray(",\"default\":null,\"length\":3") << 3;
    // Nullable items, as ts_xml's field_info.py writes float and double arrays
    // ({"type":"array","items":["float","null"]}): every element carries its own branch.
    QTest::newRow("[float,null][6] (ts_xml)") << QByteArray("{\"type\":\"array\",\"items\":[\"float\",\"null\"]}")
                                              << QByteArray(",\"default\":[0,0,0,0,0,0]") << 6;
    QTest::newRow("[double,null][3] (ts_xml)") << QByteArray("{\"type\":\"array\",\"items\":[\"double\",\"null\"]}")
                                               << QByteArray(",\"default\":[0,0,0]") << 3;
    QTest::newRow("[null,int][4]") << QByteArray("{\"type\":\"array\",\"items\":[\"null\",\"int\"]}")
                                   << QByteArray(",\"default\":[null,null,null,null]") << 4;
    QTest::newRow("[null,long][2]") << QByteArray("{\"type\":\"array\",\"items\":[\"null\",\"long\"]}")
                                    << QByteArray(",\"default\":[null,null]") << 2;
    QTest::newRow("[string,null][2]") << QByteArray("{\"type\":\"array\",\"items\":[\"string\",\"null\"]}")
                                      << QByteArray(",\"default\":[\"\",\"\"]") << 2;
    QTest::newRow("[null,boolean][5]") << QByteArray("{\"type\":\"array\",\"items\":[\"null\",\"boolean\"]}")
                                       << QByteArray(",\"default\":[null,null,null,null,null]") << 5;
    QTest::newRow("[null,[float,null][4]]")
        << QByteArray("[\"null\",{\"type\":\"array\",\"items\":[\"float\",\"null\"]}]") << QByteArray(",\"default\":null") << 4;
}

void tst_AvroDecodePlan::randomRecords()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, extra);
    QFETCH(int, arrayLength);
    const QByteArray json = schemaWith(type, extra);
    AvroTestWriter writer(json);
    QVERIFY2(writer.ok(), qPrintable(writer.error()));
    auto schema = AvroSchema::parse(json, 7);
    QVERIFY2(schema.ok(), qPrintable(schema.error()));

    std::mt19937_64 rng(QTest::currentDataTag()[0] * 7919u + 17u);
    constexpr int kRecords = 300;
    std::vector<QByteArray> bodies;
    std::vector<nlohmann::json> truth;
    for (int i = 0; i < kRecords; ++i) {
        nlohmann::json values;
        bodies.push_back(writer.randomRecord(rng, arrayLength, &values));
        QVERIFY2(writer.ok(), qPrintable(writer.error()));
        truth.push_back(std::move(values));
    }
    // Arrays whose schema declares no length (the nullable one) take it from a message.
    std::vector<int> lengths;
    if (!(*schema)->lengthsDeclared())
        lengths.push_back(arrayLength);
    auto plan = AvroDecodePlan::compile(*schema, lengths);
    QVERIFY2(plan.ok(), qPrintable(plan.error()));
    const auto layout = (*plan)->layout();
    DecodedBatch fast("lsst.sal.Test.t", layout);
    DecodedBatch reference("lsst.sal.Test.t", layout);
    AvroReferenceDecoder avro(*schema);
    for (int i = 0; i < kRecords; ++i) {
        const auto *data = reinterpret_cast<const std::uint8_t *>(bodies[std::size_t(i)].constData());
        const auto size = std::size_t(bodies[std::size_t(i)].size());
        KafkaMessageMeta meta{0, i, 1000 + i, (1000 + i) * 1'000'000LL};
        QString error;
        QVERIFY2((*plan)->decode(data, size, meta, fast, &error), qPrintable(error));
        QVERIFY2(avro.decode(data, size, meta, reference, &error), qPrintable(error));
    }
    QCOMPARE(fast.rowCount(), std::size_t(kRecords));
    QCOMPARE(reference.rowCount(), std::size_t(kRecords));
    int nulls = 0;
    for (std::size_t r = 0; r < fast.rowCount(); ++r) {
        for (std::size_t f = 0; f < layout->fields.size(); ++f) {
            const LayoutField &lf = layout->fields[f];
            const nlohmann::json &expected = expectedOf(truth[r], lf);
            nulls += expected.is_null();
            QString why;
            QVERIFY2(sameValue(fast.value(r, f), expected, lf.type, why),
                     qPrintable(QStringLiteral("plan, row %1 field %2: %3").arg(r).arg(QString::fromStdString(lf.name), why)));
            QVERIFY2(sameValue(reference.value(r, f), expected, lf.type, why),
                     qPrintable(QStringLiteral("avro-c, row %1 field %2: %3").arg(r).arg(QString::fromStdString(lf.name), why)));
        }
        // The series time is private_efdStamp.
        const double efd = truth[r].at("private_efdStamp").get<double>();
        if (std::abs(efd) < 9e9) {
            QCOMPARE(fast.meta(r).time_ns, secondsToNs(efd));
            QCOMPARE(reference.meta(r).time_ns, fast.meta(r).time_ns);
        }
    }
    if (layout->fields.back().nullable)
        QVERIFY(nulls > 0); // the null branch was exercised
    QCOMPARE(QString::fromStdString(layout->fields.back().units), QStringLiteral("N"));
    QCOMPARE(QString::fromStdString(layout->fields.back().description), QStringLiteral("the value"));
}

void tst_AvroDecodePlan::undeclaredArrayLength()
{
    const QByteArray json = schemaWith("{\"type\":\"array\",\"items\":\"float\"}");
    auto schema = AvroSchema::parse(json, 3);
    QVERIFY(schema.ok());
    QVERIFY(!(*schema)->lengthsDeclared());
    QVERIFY(!AvroDecodePlan::compile(*schema).ok());
    AvroTestWriter writer(json);
    std::mt19937_64 rng(5);
    const QByteArray body = writer.randomRecord(rng, 6);
    AvroReferenceDecoder avro(*schema);
    auto lengths = avro.arrayLengths(reinterpret_cast<const std::uint8_t *>(body.constData()), std::size_t(body.size()));
    QVERIFY2(lengths.ok(), qPrintable(lengths.error()));
    QCOMPARE(*lengths, std::vector<int>{6});
    auto plan = AvroDecodePlan::compile(*schema, *lengths);
    QVERIFY(plan.ok());
    QCOMPARE((*plan)->layout()->fields.size(), std::size_t(7));
    QCOMPARE(QString::fromStdString((*plan)->layout()->fields[6].name), QStringLiteral("v5"));
    // A message with another length is an error, not a silently different series.
    const QByteArray longer = writer.randomRecord(rng, 7);
    DecodedBatch batch("t", (*plan)->layout());
    QString error;
    QVERIFY(!(*plan)->decode(reinterpret_cast<const std::uint8_t *>(longer.constData()), std::size_t(longer.size()), {},
                             batch, &error));
    QVERIFY2(error.contains(u"array longer"), qPrintable(error));
    QCOMPARE(batch.rowCount(), std::size_t(0));
}

void tst_AvroDecodePlan::typedValues_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("value"); // JSON
    QTest::addColumn<QByteArray>("body");  // the Avro bytes of field v (after the 8-byte double)
    QTest::newRow("boolean true") << QByteArray("\"boolean\"") << QByteArray("true") << QByteArray("\x01", 1);
    QTest::newRow("boolean false") << QByteArray("\"boolean\"") << QByteArray("false") << QByteArray("\x00", 1);
    QTest::newRow("int 0") << QByteArray("\"int\"") << QByteArray("0") << QByteArray("\x00", 1);
    QTest::newRow("int -1 (zigzag 1)") << QByteArray("\"int\"") << QByteArray("-1") << QByteArray("\x01", 1);
    QTest::newRow("int 64 (two bytes)") << QByteArray("\"int\"") << QByteArray("64") << QByteArray("\x80\x01", 2);
    QTest::newRow("int min") << QByteArray("\"int\"") << QByteArray("-2147483648") << QByteArray("\xff\xff\xff\xff\x0f", 5);
    QTest::newRow("long max") << QByteArray("\"long\"") << QByteArray("9223372036854775807")
                              << QByteArray("\xfe\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10);
    QTest::newRow("long min") << QByteArray("\"long\"") << QByteArray("-9223372036854775808")
                              << QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10);
    QTest::newRow("float 1.5") << QByteArray("\"float\"") << QByteArray("1.5") << QByteArray("\x00\x00\xc0\x3f", 4);
    QTest::newRow("double -2.25") << QByteArray("\"double\"") << QByteArray("-2.25")
                                  << QByteArray("\x00\x00\x00\x00\x00\x00\x02\xc0", 8);
    QTest::newRow("string empty") << QByteArray("\"string\"") << QByteArray("\"\"") << QByteArray("\x00", 1);
    QTest::newRow("string UTF-8") << QByteArray("\"string\"") << QByteArray("\"N\xc2\xb7m\"") << QByteArray("\x08N\xc2\xb7m", 5);
    QTest::newRow("float[2]") << QByteArray("{\"type\":\"array\",\"items\":\"float\"},\"default\":[0,0]")
                              << QByteArray("[1.0,-2.0]") << QByteArray("\x04\x00\x00\x80\x3f\x00\x00\x00\xc0\x00", 10);
    QTest::newRow("float[2] in two blocks") << QByteArray("{\"type\":\"array\",\"items\":\"float\"},\"default\":[0,0]")
                                            << QByteArray("[1.0,-2.0]")
                                            << QByteArray("\x02\x00\x00\x80\x3f\x02\x00\x00\x00\xc0\x00", 11);
    QTest::newRow("float[2] sized block") << QByteArray("{\"type\":\"array\",\"items\":\"float\"},\"default\":[0,0]")
                                          << QByteArray("[1.0,-2.0]")
                                          << QByteArray("\x03\x10\x00\x00\x80\x3f\x00\x00\x00\xc0\x00", 11);
    QTest::newRow("[null,double] null") << QByteArray("[\"null\",\"double\"]") << QByteArray("null") << QByteArray("\x00", 1);
    QTest::newRow("[null,double] 3") << QByteArray("[\"null\",\"double\"]") << QByteArray("3")
                                     << QByteArray("\x02\x00\x00\x00\x00\x00\x00\x08\x40", 9);
    QTest::newRow("[null,long] null") << QByteArray("[\"null\",\"long\"]") << QByteArray("null") << QByteArray("\x00", 1);
    QTest::newRow("[null,string] x") << QByteArray("[\"null\",\"string\"]") << QByteArray("\"x\"") << QByteArray("\x02\x02x", 3);
    // ts_xml's float arrays: block of 2, element 0 = branch 0 (float) 1.0, element 1 = branch 1 (null).
    QTest::newRow("[float,null][2] 1 and null") << QByteArray("{\"type\":\"array\",\"items\":[\"float\",\"null\"]},\"default\":[0,0]")
                                                << QByteArray("[1.0,null]") << QByteArray("\x04\x00\x00\x00\x80\x3f\x02\x00", 8);
    QTest::newRow("[null,long][2] null and -1") << QByteArray("{\"type\":\"array\",\"items\":[\"null\",\"long\"]},\"default\":[0,0]")
                                                << QByteArray("[null,-1]") << QByteArray("\x04\x00\x02\x01\x00", 5);
}

void tst_AvroDecodePlan::typedValues()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, body);
    const QByteArray json = schemaWith(type);
    auto schema = AvroSchema::parse(json, 1);
    QVERIFY2(schema.ok(), qPrintable(schema.error()));
    const QByteArray bytes = QByteArray("\x00\x00\x00\x00\x00\x00\xf0\x3f", 8) + body; // efdStamp 1.0
    const auto expected = nlohmann::json::parse(value.constData());
    // avro-c writes the same bytes (except where the table shows other legal block layouts).
    AvroTestWriter writer(json);
    const QByteArray written = writer.record({{"private_efdStamp", 1.0}, {"v", expected}});
    QVERIFY2(writer.ok(), qPrintable(writer.error()));
    if (!QByteArray(QTest::currentDataTag()).contains("block"))
        QCOMPARE(written.toHex(' '), bytes.toHex(' '));

    auto plan = AvroDecodePlan::compile(*schema);
    QVERIFY(plan.ok());
    DecodedBatch fast("t", (*plan)->layout());
    DecodedBatch reference("t", (*plan)->layout());
    AvroReferenceDecoder avro(*schema);
    QString error;
    const auto *data = reinterpret_cast<const std::uint8_t *>(bytes.constData());
    QVERIFY2((*plan)->decode(data, std::size_t(bytes.size()), {}, fast, &error), qPrintable(error));
    QVERIFY2(avro.decode(data, std::size_t(bytes.size()), {}, reference, &error), qPrintable(error));
    QCOMPARE(fast.meta(0).time_ns, std::int64_t(1'000'000'000));
    const auto &fields = (*plan)->layout()->fields;
    for (std::size_t f = 1; f < fields.size(); ++f) {
        const nlohmann::json &e = expected.is_array() ? expected.at(std::size_t(fields[f].arrayIndex)) : expected;
        QString why;
        QVERIFY2(sameValue(fast.value(0, f), e, fields[f].type, why), qPrintable(why));
        QVERIFY2(sameValue(reference.value(0, f), e, fields[f].type, why), qPrintable(why));
    }
}

void tst_AvroDecodePlan::malformedBodies_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<QByteArray>("body"); // after the 8-byte efdStamp
    QTest::addColumn<QString>("expected");
    const QByteArray floats = "{\"type\":\"array\",\"items\":\"float\"},\"default\":[0,0]";
    QTest::newRow("empty body") << QByteArray("\"int\"") << QByteArray("-") << QStringLiteral("truncated body at byte 0 of 0");
    QTest::newRow("truncated double") << QByteArray("\"double\"") << QByteArray("\x00\x00\x00", 3)
                                      << QStringLiteral("truncated body at byte 8 of 11, field v");
    QTest::newRow("unterminated varint") << QByteArray("\"long\"") << QByteArray("\x80\x80", 2)
                                         << QStringLiteral("truncated body at byte 10 of 10, field v");
    QTest::newRow("varint too long") << QByteArray("\"long\"") << QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 11)
                                     << QStringLiteral("varint longer than 10 bytes");
    QTest::newRow("string longer than body") << QByteArray("\"string\"") << QByteArray("\x10" "ab", 3)
                                             << QStringLiteral("truncated body");
    QTest::newRow("negative string length") << QByteArray("\"string\"") << QByteArray("\x01", 1)
                                            << QStringLiteral("negative string length");
    QTest::newRow("array too short") << floats << QByteArray("\x02\x00\x00\x80\x3f\x00", 6)
                                     << QStringLiteral("array shorter than the schema's length (1 of 2 elements)");
    QTest::newRow("array too long") << floats << QByteArray("\x06\x00\x00\x80\x3f", 5)
                                    << QStringLiteral("array longer than the schema's length");
    QTest::newRow("array truncated") << floats << QByteArray("\x04\x00\x00\x80\x3f\x00\x00", 7)
                                     << QStringLiteral("truncated body at byte 9 of 15, field v element 0");
    QTest::newRow("bad union branch") << QByteArray("[\"null\",\"double\"]") << QByteArray("\x04", 1)
                                      << QStringLiteral("union branch out of range (branch 2)");
    QTest::newRow("bad item branch") << QByteArray("{\"type\":\"array\",\"items\":[\"float\",\"null\"]},\"default\":[0,0]")
                                     << QByteArray("\x04\x02\x06", 3) << QStringLiteral("union branch out of range (branch 3)");
    QTest::newRow("truncated nullable item") << QByteArray("{\"type\":\"array\",\"items\":[\"float\",\"null\"]},\"default\":[0,0]")
                                             << QByteArray("\x04\x00\x00\x00", 4) << QStringLiteral("truncated body");
    QTest::newRow("most negative block count") << QByteArray("{\"type\":\"array\",\"items\":\"float\"},\"default\":[0,0]")
                                               << QByteArray("\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", 10)
                                               << QStringLiteral("array block count out of range");
    QTest::newRow("bytes left over") << QByteArray("\"boolean\"") << QByteArray("\x01\x01", 2)
                                     << QStringLiteral("bytes left over after the last field (1 bytes)");
}

void tst_AvroDecodePlan::malformedBodies()
{
    QFETCH(QByteArray, type);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    auto schema = AvroSchema::parse(schemaWith(type), 9);
    QVERIFY2(schema.ok(), qPrintable(schema.error()));
    auto plan = AvroDecodePlan::compile(*schema);
    QVERIFY(plan.ok());
    // "-" means no efdStamp either: the whole body is empty.
    const QByteArray bytes = body == "-" ? QByteArray() : QByteArray("\x00\x00\x00\x00\x00\x00\xf0\x3f", 8) + body;
    DecodedBatch batch("t", (*plan)->layout());
    QString error;
    QVERIFY(!(*plan)->decode(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()), {}, batch,
                             &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(u"(schema 9)"), qPrintable(error));
    QCOMPARE(batch.rowCount(), std::size_t(0)); // no half-decoded row is kept
    // avro-c refuses it too (except block layouts it tolerates).
    AvroReferenceDecoder avro(*schema);
    DecodedBatch ref("t", (*plan)->layout());
    QVERIFY(!avro.decode(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()), {}, ref));
}

void tst_AvroDecodePlan::refusedSchemas_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("not JSON") << QByteArray("{\"type\":") << QStringLiteral("not a valid Avro schema");
    QTest::newRow("unknown type") << QByteArray("{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"a\",\"type\":\"numberish\"}]}")
                                  << QStringLiteral("not a valid Avro schema");
    QTest::newRow("not a record") << QByteArray("\"double\"") << QStringLiteral("is a double, not a record");
    QTest::newRow("map") << schemaWith("{\"type\":\"map\",\"values\":\"int\"}") << QStringLiteral("field \"v\": type map");
    QTest::newRow("nested record") << schemaWith("{\"type\":\"record\",\"name\":\"in\",\"fields\":[]}")
                                   << QStringLiteral("field \"v\": type record");
    QTest::newRow("bytes") << schemaWith("\"bytes\"") << QStringLiteral("field \"v\": type bytes");
    QTest::newRow("three-way union") << schemaWith("[\"null\",\"int\",\"string\"]") << QStringLiteral("field \"v\": type union");
    QTest::newRow("array of arrays") << schemaWith("{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":\"int\"}}")
                                     << QStringLiteral("field \"v\": type array");
    QTest::newRow("items: union without null") << schemaWith("{\"type\":\"array\",\"items\":[\"int\",\"string\"]}")
                                               << QStringLiteral("field \"v\": type union");
}

void tst_AvroDecodePlan::refusedSchemas()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    auto schema = AvroSchema::parse(json, 12);
    QVERIFY(!schema.ok());
    QVERIFY2(schema.error().contains(expected), qPrintable(schema.error()));
    QVERIFY2(schema.error().startsWith(u"Schema 12"), qPrintable(schema.error()));
}

void tst_AvroDecodePlan::forceActuatorDataLayout()
{
    auto schema = AvroSchema::parse(AvroTestWriter::forceActuatorDataSchema(), 42);
    QVERIFY2(schema.ok(), qPrintable(schema.error()));
    QCOMPARE(QString::fromStdString((*schema)->recordName()), QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"));
    QVERIFY((*schema)->lengthsDeclared());
    auto plan = AvroDecodePlan::compile(*schema);
    QVERIFY(plan.ok());
    const MessageLayout &layout = *(*plan)->layout();
    int valueCount = 0;
    for (const auto &f : layout.fields)
        valueCount += !f.name.starts_with("private_") && f.name != "salIndex";
    QCOMPARE(valueCount, 812);
    QCOMPARE(layout.schemaId, 42);
    const int x0 = layout.indexOf("xForce0");
    QVERIFY(x0 >= 0);
    QCOMPARE(layout.indexOf("xForce11"), x0 + 11);
    QCOMPARE(layout.indexOf("xForce12"), -1);
    QVERIFY(layout.indexOf("zForce155") >= 0);
    const LayoutField &z = layout.fields[std::size_t(layout.indexOf("zForce17"))];
    QCOMPARE(QString::fromStdString(z.units), QStringLiteral("N"));
    QCOMPARE(QString::fromStdString(z.arrayName), QStringLiteral("zForce"));
    QCOMPARE(z.arrayIndex, 17);
    QCOMPARE(QString::fromStdString(layout.fields[std::size_t(layout.indexOf("mx"))].units), QStringLiteral("N*m"));
    QCOMPARE(layout.fields[std::size_t(layout.timeField)].name, std::string("private_efdStamp"));

    // One random message decodes to the same values as avro-c, and into a SampleBatch.
    AvroTestWriter writer(AvroTestWriter::forceActuatorDataSchema());
    std::mt19937_64 rng(812);
    nlohmann::json truth;
    const QByteArray body = writer.randomRecord(rng, 0, &truth); // arrays sized by their defaults below
    Q_UNUSED(body);
    nlohmann::json values = truth;
    for (const auto &[name, length] : std::vector<std::pair<std::string, int>>{{"primaryCylinderForce", 156}, {"secondaryCylinderForce", 112},
             {"primaryCylinderFollowingError", 156}, {"secondaryCylinderFollowingError", 112}, {"xForce", 12}, {"yForce", 100}, {"zForce", 156}}) {
        values[name] = nlohmann::json::array();
        for (int k = 0; k < length; ++k)
            values[name].push_back(double(float(k * 0.5 - 3)));
    }
    values["private_efdStamp"] = 1763950000.25;
    const QByteArray message = writer.record(values);
    QVERIFY2(writer.ok(), qPrintable(writer.error()));
    DecodedBatch batch("lsst.sal.MTM1M3.forceActuatorData", (*plan)->layout());
    QString error;
    QVERIFY2((*plan)->decode(reinterpret_cast<const std::uint8_t *>(message.constData()), std::size_t(message.size()), {}, batch, &error),
             qPrintable(error));
    QCOMPARE(batch.number(0, std::size_t(layout.indexOf("zForce17"))), double(float(17 * 0.5 - 3)));
    const SampleBatch samples = batch.toSampleBatch();
    QVERIFY(samples.validate().ok());
    QCOMPARE(samples.times, std::vector<std::int64_t>{1763950000250000000LL});
    QCOMPARE(samples.fields.size(), layout.numericFieldCount());
    const SampleBatch some = batch.toSampleBatch({"zForce17", "fx"});
    QCOMPARE(some.fields.size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(tst_AvroDecodePlan)
#include "tst_avrodecodeplan.moc"
