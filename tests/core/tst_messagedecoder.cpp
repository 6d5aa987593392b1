// SPDX-License-Identifier: GPL-3.0-or-later
// MessageDecoder: Confluent Avro through a schema source, JSON values, one batch per topic and
// layout, errors that say what went wrong, and the schema lookup interval after a failure.
#include "core/kafka/MessageDecoder.h"
#include "core/kafka/MemorySchemaSource.h"
#include "tests/support/AvroTestWriter.h"

#include <QTest>

#include <atomic>

using namespace sasquatch;
using sasquatch::test::AvroTestWriter;

namespace {

const QByteArray kSchema = "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"private_efdStamp\",\"type\":\"double\"},"
                           "{\"name\":\"a\",\"type\":\"int\",\"units\":\"count\"}]}";

/// A schema source that counts lookups and knows nothing until told.
class CountingSource final : public SchemaSource
{
public:
    std::atomic<int> asks{0};
    MemorySchemaSource inner;
    Outcome<QByteArray> schemaJson(std::int32_t id, const CancelToken &cancel) override
    {
        ++asks;
        return inner.schemaJson(id, cancel);
    }
    Outcome<QByteArray> latestSchemaJson(const QString &subject, const CancelToken &cancel) override
    {
        return inner.latestSchemaJson(subject, cancel);
    }
    QString describe() const override { return QStringLiteral("counting"); }
};

bool feed(MessageDecoder &d, const std::string &topic, const QByteArray &value, std::int64_t offset, QString *error = nullptr)
{
    KafkaMessageMeta meta;
    meta.offset = offset;
    meta.timestamp_ms = 1000 + offset;
    return d.decode(topic, meta, value.constData(), std::size_t(value.size()), error);
}

} // namespace

class tst_MessageDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonValues_data();
    void jsonValues();
    void jsonShapeChangeStartsNewBatch();
    void samplesConvertedAhead();
    void avroAndBatchesPerTopic();
    void unknownSchemaAskedOncePerInterval();
    void arrayLengthsChangeBetweenMessages();
    void nullableItemsAsTsXmlWritesThem();
    void formatRestrictions_data();
    void formatRestrictions();
};

void tst_MessageDecoder::jsonValues_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected"); // number, "null", or 's:text'
    QTest::newRow("double") << QByteArray(R"({"x": 1.5})") << QStringLiteral("x") << QStringLiteral("1.5");
    QTest::newRow("integer") << QByteArray(R"({"x": -7})") << QStringLiteral("x") << QStringLiteral("-7");
    QTest::newRow("true") << QByteArray(R"({"x": true})") << QStringLiteral("x") << QStringLiteral("1");
    QTest::newRow("null") << QByteArray(R"({"x": null})") << QStringLiteral("x") << QStringLiteral("null");
    QTest::newRow("string") << QByteArray(R"({"x": "on"})") << QStringLiteral("x") << QStringLiteral("s:on");
    QTest::newRow("array element") << QByteArray(R"({"xForce": [1, 2, 3]})") << QStringLiteral("xForce2") << QStringLiteral("3");
    QTest::newRow("nested object") << QByteArray(R"({"a": {"b": 4}})") << QStringLiteral("a.b") << QStringLiteral("4");
    QTest::newRow("integer beyond 2^53, exact") << QByteArray(R"({"id": 1700000000123456789})") << QStringLiteral("id")
                                                << QStringLiteral("i:1700000000123456789");
    QTest::newRow("pretty-printed") << QByteArray("\n  {\"x\" : 2}") << QStringLiteral("x") << QStringLiteral("2");
}

void tst_MessageDecoder::jsonValues()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    MessageDecoder decoder(nullptr);
    QString error;
    QVERIFY2(feed(decoder, "t", json, 0, &error), qPrintable(error));
    const auto batches = decoder.takeBatches();
    QCOMPARE(batches.size(), std::size_t(1));
    const DecodedBatch &b = *batches[0];
    const int index = b.layout().indexOf(field.toStdString());
    QVERIFY(index >= 0);
    const KafkaValue v = b.value(0, std::size_t(index));
    if (expected == u"null")
        QVERIFY(std::holds_alternative<std::monostate>(v));
    else if (expected.startsWith(u"i:"))
        QCOMPARE(std::get<std::int64_t>(v), expected.mid(2).toLongLong());
    else if (expected.startsWith(u"s:"))
        QCOMPARE(QString::fromStdString(std::get<std::string>(v)), expected.mid(2));
    else
        QCOMPARE(b.number(0, std::size_t(index)), expected.toDouble());
    QCOMPARE(b.meta(0).time_ns, std::int64_t(1000) * 1'000'000);
}

void tst_MessageDecoder::jsonShapeChangeStartsNewBatch()
{
    MessageDecoder decoder(nullptr);
    QVERIFY(feed(decoder, "t", R"({"a": 1, "b": 2})", 0));      // integers: exact (Long)
    QVERIFY(feed(decoder, "t", R"({"a": 1.5, "b": null})", 1)); // a non-integer: a becomes Double
    QVERIFY(feed(decoder, "t", R"({"a": 2, "b": 3})", 2));      // integers fit the Double layout
    QVERIFY(feed(decoder, "t", R"({"a": 1, "c": 2})", 3));      // other keys
    QVERIFY(feed(decoder, "t", R"({"a": 1, "c": 3, "private_efdStamp": 1763950000})", 4));
    QCOMPARE(decoder.pendingRows(), std::size_t(5));
    const auto batches = decoder.takeBatches();
    QCOMPARE(batches.size(), std::size_t(4));
    QCOMPARE(batches[0]->rowCount(), std::size_t(1));
    QCOMPARE(batches[0]->layout().fields[0].type, KafkaValueType::Long);
    QCOMPARE(batches[1]->rowCount(), std::size_t(2));
    QCOMPARE(batches[1]->layout().fields[0].type, KafkaValueType::Double);
    QCOMPARE(batches[1]->number(0, 0), 1.5);
    QVERIFY(batches[1]->isNull(0, 1));
    QCOMPARE(batches[1]->number(1, 0), 2.0);
    QCOMPARE(batches[2]->layout().indexOf("c"), 1);
    // private_efdStamp is the time, even written as an integer.
    QCOMPARE(batches[3]->meta(0).time_ns, std::int64_t(1763950000000000000));
    QCOMPARE(decoder.pendingRows(), std::size_t(0));
    QVERIFY(decoder.takeBatches().empty());
}

void tst_MessageDecoder::samplesConvertedAhead()
{
    // The live tail's topics leave the decoder with their SampleBatch made (on the Kafka
    // thread), for the fields asked, also across a shape change; other topics do not.
    MessageDecoder decoder(nullptr);
    decoder.setSampleFields({{"live", {"b", "xForce1", "name"}}});
    QVERIFY(feed(decoder, "live", R"({"a": 1, "b": 2.5, "xForce": [7, 8], "name": "x"})", 0));
    QVERIFY(feed(decoder, "live", R"({"a": 3, "b": null, "xForce": [9, 10], "name": "y"})", 1));
    QVERIFY(feed(decoder, "live", R"({"b": 4, "xForce": [11, 12, 13]})", 2)); // another shape
    QVERIFY(feed(decoder, "other", R"({"b": 5})", 3));
    const DecodedBatchList batches = decoder.takeBatches();
    QCOMPARE(batches.size(), std::size_t(3));
    QStringList seen;
    for (const DecodedBatchPtr &b : batches) {
        QCOMPARE(b->hasSamples(), b->topic() == "live");
        if (!b->hasSamples())
            continue;
        const SampleBatch samples = b->takeSamples({});
        QVERIFY(!b->hasSamples()); // taken once
        QStringList names; // "name" is text: never a series
        for (const BatchField &f : samples.fields)
            names << QString::fromStdString(f.name);
        QCOMPARE(names, (QStringList{QStringLiteral("b"), QStringLiteral("xForce1")}));
        QCOMPARE(samples.times.size(), b->rowCount());
        for (std::size_t r = 0; r < samples.times.size(); ++r) {
            seen << QString::number(samples.fields[0].values[r]) + u'/' + QString::number(samples.fields[1].values[r]);
            QCOMPARE(samples.times[r], b->meta(r).time_ns);
        }
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("2.5/8"), QStringLiteral("nan/10"), QStringLiteral("4/12")}));
    // Without a conversion ahead, takeSamples converts the fields it is given.
    const DecodedBatch &other = *batches.back();
    QCOMPARE(other.topic(), std::string("other"));
    const std::vector<std::uint32_t> all = DecodedBatch::selectFields(other.layout(), {});
    QCOMPARE(other.takeSamples(all).fields.size(), std::size_t(1));
}

void tst_MessageDecoder::avroAndBatchesPerTopic()
{
    auto source = std::make_shared<MemorySchemaSource>();
    const std::int32_t id = source->registerSchema(QStringLiteral("a-value"), kSchema);
    QCOMPARE(source->registerSchema(QStringLiteral("b-value"), kSchema), id); // same text, same id
    QCOMPARE(source->latestId(QStringLiteral("b-value")), id);
    MessageDecoder decoder(source);
    AvroTestWriter writer(kSchema);
    for (int i = 0; i < 3; ++i) {
        QString error;
        QVERIFY2(feed(decoder, i == 1 ? "b" : "a", AvroTestWriter::framed(id, writer.record({{"private_efdStamp", 10.0 + i}, {"a", i}})), i, &error),
                 qPrintable(error));
    }
    const auto batches = decoder.takeBatches();
    QCOMPARE(batches.size(), std::size_t(2));
    QCOMPARE(batches[0]->topic(), std::string("a"));
    QCOMPARE(batches[0]->rowCount(), std::size_t(2));
    QCOMPARE(std::get<std::int64_t>(batches[0]->value(1, 1)), std::int64_t(2));
    QCOMPARE(batches[0]->meta(1).time_ns, std::int64_t(12) * 1'000'000'000);
    QCOMPARE(batches[1]->topic(), std::string("b"));
    QCOMPARE(batches[0]->layoutPtr(), batches[1]->layoutPtr()); // one layout per schema
    QCOMPARE(QString::fromStdString(batches[1]->layout().fields[1].units), QStringLiteral("count"));
}

void tst_MessageDecoder::arrayLengthsChangeBetweenMessages()
{
    // Avro arrays carry their own length (the specification fixes none); only SAL's are fixed.
    // A schema without a default array, or a nullable array that is null first, must not lock
    // the topic to the first message's lengths.
    const QByteArray schema = "{\"type\":\"record\",\"name\":\"m\",\"fields\":[{\"name\":\"private_efdStamp\",\"type\":\"double\"},"
                              "{\"name\":\"v\",\"type\":{\"type\":\"array\",\"items\":\"double\"}},"
                              "{\"name\":\"w\",\"type\":[\"null\",{\"type\":\"array\",\"items\":\"float\"}],\"default\":null}]}";
    auto source = std::make_shared<MemorySchemaSource>();
    const std::int32_t id = source->registerSchema(QStringLiteral("m-value"), schema);
    MessageDecoder decoder(source);
    AvroTestWriter writer(schema);
    const auto message = [&](double t, std::vector<double> v, nlohmann::json w) {
        return AvroTestWriter::framed(id, writer.record({{"private_efdStamp", t}, {"v", v}, {"w", w}}));
    };
    QString error;
    QVERIFY2(feed(decoder, "m", message(1, {1, 2}, nullptr), 0, &error), qPrintable(error));
    QVERIFY2(feed(decoder, "m", message(2, {1, 2, 3}, nlohmann::json::array({0.5, 1.5, 2.5})), 1, &error), qPrintable(error));
    QVERIFY2(feed(decoder, "m", message(3, {4, 5}, nullptr), 2, &error), qPrintable(error));
    QVERIFY2(feed(decoder, "m", message(4, {6, 7, 8}, nlohmann::json::array({9.0, 9.5, 10.0})), 3, &error), qPrintable(error));
    const auto batches = decoder.takeBatches();
    std::vector<std::string> seen;
    for (const auto &b : batches)
        for (std::size_t r = 0; r < b->rowCount(); ++r) {
            std::string row;
            for (std::size_t f = 0; f < b->layout().fields.size(); ++f) {
                const KafkaValue value = b->value(r, f);
                row += b->layout().fields[f].name + "=";
                row += std::holds_alternative<double>(value) ? QString::number(std::get<double>(value)).toStdString() : "null";
                row += ' ';
            }
            seen.push_back(row);
        }
    const std::vector<std::string> expected{"private_efdStamp=1 v0=1 v1=2 ",
                                            "private_efdStamp=2 v0=1 v1=2 v2=3 w0=0.5 w1=1.5 w2=2.5 ",
                                            "private_efdStamp=3 v0=4 v1=5 ",
                                            "private_efdStamp=4 v0=6 v1=7 v2=8 w0=9 w1=9.5 w2=10 "};
    QCOMPARE(seen, expected);
    // A message that avro-c cannot read either is still an error, naming the plan's problem.
    QByteArray broken = message(5, {1, 2}, nullptr);
    broken.chop(3);
    QVERIFY(!feed(decoder, "m", broken, 4, &error));
    QVERIFY2(error.contains(u"truncated body"), qPrintable(error));
}

void tst_MessageDecoder::nullableItemsAsTsXmlWritesThem()
{
    // ts_xml's field_info.py writes float and double as ["float","null"] / ["double","null"],
    // array items included: {"type":"array","items":["float","null"]}.
    const QByteArray schema = "{\"type\":\"record\",\"name\":\"temperature\",\"namespace\":\"lsst.sal.ESS\",\"fields\":["
                              "{\"name\":\"private_efdStamp\",\"type\":[\"double\",\"null\"],\"default\":0.0},"
                              "{\"name\":\"temperatureItem\",\"type\":{\"type\":\"array\",\"items\":[\"float\",\"null\"]},"
                              "\"default\":[0.0,0.0],\"units\":\"deg_C\",\"description\":\"Temperatures\"}]}";
    auto source = std::make_shared<MemorySchemaSource>();
    const std::int32_t id = source->registerSchema(QStringLiteral("lsst.sal.ESS.temperature-value"), schema);
    MessageDecoder decoder(source);
    // Body by hand: efdStamp branch 0 + double 2.0; array block of 2: branch 0 + float 1.0,
    // branch 1 (null); end of array.
    const QByteArray body("\x00\x00\x00\x00\x00\x00\x00\x00\x40\x04\x00\x00\x00\x80\x3f\x02\x00", 17);
    QString error;
    QVERIFY2(feed(decoder, "lsst.sal.ESS.temperature", AvroTestWriter::framed(id, body), 0, &error), qPrintable(error));
    const auto batches = decoder.takeBatches();
    QCOMPARE(batches.size(), std::size_t(1));
    const DecodedBatch &b = *batches[0];
    QCOMPARE(b.layout().fields.size(), std::size_t(3));
    QCOMPARE(QString::fromStdString(b.layout().fields[1].name), QStringLiteral("temperatureItem0"));
    QCOMPARE(QString::fromStdString(b.layout().fields[2].units), QStringLiteral("deg_C"));
    QCOMPARE(std::get<double>(b.value(0, 1)), 1.0);
    QVERIFY(std::holds_alternative<std::monostate>(b.value(0, 2)));
    QCOMPARE(b.meta(0).time_ns, std::int64_t(2'000'000'000));
}

void tst_MessageDecoder::unknownSchemaAskedOncePerInterval()
{
    auto source = std::make_shared<CountingSource>();
    MessageDecoder decoder(source);
    decoder.setSchemaRetryInterval(std::chrono::milliseconds(300));
    AvroTestWriter writer(kSchema);
    const QByteArray message = AvroTestWriter::framed(4, writer.record({{"private_efdStamp", 1.0}, {"a", 1}}));
    QString error;
    for (int i = 0; i < 50; ++i)
        QVERIFY(!feed(decoder, "t", message, i, &error));
    QVERIFY2(error.contains(u"unknown schema id 4: Schema 4 not found"), qPrintable(error));
    QCOMPARE(source->asks.load(), 1);
    source->inner.insert(4, kSchema); // registered later
    QTest::qWait(350);
    QVERIFY2(feed(decoder, "t", message, 51, &error), qPrintable(error));
    QCOMPARE(source->asks.load(), 2);
    QVERIFY(feed(decoder, "t", message, 52));
    QCOMPARE(source->asks.load(), 2); // cached from now on
}

void tst_MessageDecoder::formatRestrictions_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("jsonOk");
    QTest::addColumn<bool>("avroOk");
    QTest::newRow("auto") << int(KafkaValueFormat::Auto) << true << true;
    QTest::newRow("confluent only") << int(KafkaValueFormat::Confluent) << false << true;
    QTest::newRow("json only") << int(KafkaValueFormat::Json) << true << false;
}

void tst_MessageDecoder::formatRestrictions()
{
    QFETCH(int, format);
    QFETCH(bool, jsonOk);
    QFETCH(bool, avroOk);
    auto source = std::make_shared<MemorySchemaSource>();
    source->insert(1, kSchema);
    MessageDecoder decoder(source, KafkaValueFormat(format));
    AvroTestWriter writer(kSchema);
    QString error;
    QCOMPARE(feed(decoder, "t", R"({"a": 1})", 0, &error), jsonOk);
    if (!jsonOk)
        QVERIFY2(error.contains(u"magic byte 0x7b"), qPrintable(error));
    QCOMPARE(feed(decoder, "t", AvroTestWriter::framed(1, writer.record({{"private_efdStamp", 1.0}, {"a", 1}})), 1, &error), avroOk);
    if (!avroOk)
        QVERIFY2(error.contains(u"invalid JSON"), qPrintable(error));
}

QTEST_GUILESS_MAIN(tst_MessageDecoder)
#include "tst_messagedecoder.moc"
