// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/CompletionEngine.h"

#include <QTest>

using namespace sasquatch;

Q_DECLARE_METATYPE(sasquatch::QueryLanguage)
Q_DECLARE_METATYPE(sasquatch::CompletionContext)

namespace {

constexpr char16_t kCursor = u'§';

SchemaSnapshot testSchema()
{
    SchemaSnapshot s;
    s.buckets = {QStringLiteral("efd/autogen"), QStringLiteral("efd/downsampled"), QStringLiteral("lsst.ATCamera/autogen"),
                 QStringLiteral("_monitoring")};
    s.measurements = {QStringLiteral("lsst.sal.MTM1M3.forceActuatorData"), QStringLiteral("lsst.sal.MTM1M3.logevent_summaryState"),
                      QStringLiteral("lsst.sal.ATDome.position"), QStringLiteral("weird\"name")};
    s.fields = {QStringLiteral("xForce0"), QStringLiteral("xForce1"), QStringLiteral("xForce10"), QStringLiteral("xForce2"),
                QStringLiteral("zForce0"), QStringLiteral("private_efdStamp"), QStringLiteral("fx"), QStringLiteral("a b")};
    s.tagKeys = {QStringLiteral("salIndex"), QStringLiteral("host")};
    s.tagValues.insert(QStringLiteral("salIndex"), {QStringLiteral("1"), QStringLiteral("2")});
    return s;
}

struct Marked
{
    QString text;
    qsizetype cursor;
};

Marked unmark(const QString &marked)
{
    Marked m{marked, marked.indexOf(kCursor)};
    Q_ASSERT(m.cursor >= 0);
    m.text.remove(m.cursor, 1);
    return m;
}

QStringList labels(const CompletionResult &r, qsizetype n)
{
    QStringList out;
    for (qsizetype i = 0; i < qMin(n, r.items.size()); ++i)
        out.append(r.items[i].label);
    return out;
}

const CompletionItem *findItem(const CompletionResult &r, const QString &label)
{
    for (const CompletionItem &i : r.items)
        if (i.label == label)
            return &i;
    return nullptr;
}

/// The text after accepting `item`, with § where the cursor lands.
QString accept(const Marked &m, const CompletionItem &item)
{
    QString text = m.text;
    text.replace(item.replaceStart, item.replaceEnd - item.replaceStart, item.insertText);
    const qsizetype cursor = item.replaceStart + (item.cursorOffset < 0 ? item.insertText.size() : item.cursorOffset);
    text.insert(cursor, QChar(kCursor));
    return text;
}

} // namespace

class tst_CompletionEngine : public QObject
{
    Q_OBJECT
private:
    CompletionEngine m_engine{testSchema()};

    CompletionResult run(const QString &marked, QueryLanguage language) const
    {
        const Marked m = unmark(marked);
        return m_engine.complete(m.text, m.cursor, language);
    }

private Q_SLOTS:
    void contexts_data()
    {
        QTest::addColumn<QueryLanguage>("language");
        QTest::addColumn<QString>("marked");
        QTest::addColumn<CompletionContext>("context");
        QTest::addColumn<QStringList>("top");      // the first labels, in order
        QTest::addColumn<QString>("afterFirst");   // the text after accepting the first item ("" = skip)
        const auto F = QueryLanguage::Flux;
        const auto Q = QueryLanguage::InfluxQl;
        using C = CompletionContext;
        const auto L = [](std::initializer_list<const char *> l) {
            QStringList out;
            for (const char *s : l)
                out.append(QString::fromUtf8(s));
            return out;
        };

        // ---- Flux
        QTest::newRow("bucket") << F << "from(bucket: \"§" << C::Bucket
                                << L({"_monitoring", "efd/autogen", "efd/downsampled", "lsst.ATCamera/autogen"})
                                << "from(bucket: \"_monitoring\"§";
        QTest::newRow("bucket prefix closed") << F << "from(bucket: \"ef§\")" << C::Bucket
                                              << L({"efd/autogen", "efd/downsampled"}) << "from(bucket: \"efd/autogen\"§)";
        QTest::newRow("bucket typed mid-query")
            << F << "from(bucket: \"ef§\n  |> range(start: -1h)\n  |> filter(fn: (r) => r._measurement == \"x\")"
            << C::Bucket << L({"efd/autogen", "efd/downsampled"})
            << "from(bucket: \"efd/autogen\"§\n  |> range(start: -1h)\n  |> filter(fn: (r) => r._measurement == \"x\")";
        QTest::newRow("bucket value") << F << "from(bucket: §)" << C::Bucket << L({"_monitoring", "efd/autogen"})
                                      << "from(bucket: \"_monitoring\"§)";
        QTest::newRow("measurement") << F << "data |> filter(fn: (r) => r._measurement == \"§" << C::Measurement
                                     << L({"lsst.sal.ATDome.position", "lsst.sal.MTM1M3.forceActuatorData",
                                           "lsst.sal.MTM1M3.logevent_summaryState", "weird\"name"})
                                     << "";
        QTest::newRow("measurement word") << F << "r[\"_measurement\"] != \"MTM1M3§\"" << C::Measurement
                                          << L({"lsst.sal.MTM1M3.forceActuatorData", "lsst.sal.MTM1M3.logevent_summaryState"})
                                          << "r[\"_measurement\"] != \"lsst.sal.MTM1M3.forceActuatorData\"§";
        QTest::newRow("measurement unquoted") << F << "r._measurement == §" << C::Measurement
                                              << L({"lsst.sal.ATDome.position"})
                                              << "r._measurement == \"lsst.sal.ATDome.position\"§";
        QTest::newRow("measurement escaped") << F << "r._measurement == \"wei§" << C::Measurement << L({"weird\"name"})
                                             << "r._measurement == \"weird\\\"name\"§";
        QTest::newRow("field") << F << "filter(fn: (r) => r._field == \"§" << C::Field
                               << L({"a b", "fx", "private_efdStamp", "xForce0", "xForce1", "xForce2", "xForce10", "zForce0"})
                               << "";
        QTest::newRow("field prefix") << F << "r._field == \"xf§" << C::Field
                                      << L({"xForce0", "xForce1", "xForce2", "xForce10"}) << "r._field == \"xForce0\"§";
        QTest::newRow("tag value") << F << "r.salIndex == \"§" << C::TagValue << L({"1", "2"}) << "r.salIndex == \"1\"§";
        QTest::newRow("tag value unknown") << F << "r.host == \"§" << C::TagValue << QStringList() << "";
        QTest::newRow("columns after r.") << F << "filter(fn: (r) => r.§" << C::Column
                                          << L({"_field", "_measurement", "_start", "_stop", "_time", "_value", "host",
                                                "salIndex", "a b"})
                                          << "filter(fn: (r) => r._field§";
        QTest::newRow("column index") << F << "filter(fn: (r) => r[\"§" << C::Column << L({"_field", "_measurement"})
                                      << "filter(fn: (r) => r[\"_field\"]§";
        QTest::newRow("columns list") << F << "keep(columns: [\"_time\", \"sal§" << C::Column << L({"salIndex"})
                                      << "keep(columns: [\"_time\", \"salIndex\"§";
        QTest::newRow("pivot row key") << F << "pivot(rowKey: §" << C::Column << L({"_field", "_measurement"})
                                       << "pivot(rowKey: [\"_field\"]§";
        QTest::newRow("pipe") << F << "from(bucket: \"efd\")\n  |> §" << C::PipeFunction
                              << L({"filter", "range", "aggregateWindow", "mean", "yield", "last"})
                              << "from(bucket: \"efd\")\n  |> filter(fn: (r) => §)";
        QTest::newRow("pipe prefix") << F << "x |> agg§" << C::PipeFunction << L({"aggregateWindow"})
                                     << "x |> aggregateWindow(every: §)";
        QTest::newRow("pipe no space") << F << "x |>ran§" << C::PipeFunction << L({"range"}) << "x |>range(start: §)";
        QTest::newRow("pipe package") << F << "x |> fieldsAs§" << C::PipeFunction
                                      << L({"schema.fieldsAsCols", "v1.fieldsAsCols"}) << "x |> schema.fieldsAsCols()§";
        QTest::newRow("arguments") << F << "from(§)" << C::Argument << L({"bucket", "bucketID", "org"})
                                   << "from(bucket: \"§\")";
        QTest::newRow("arguments not repeated") << F << "range(start: -1h, §)" << C::Argument << L({"stop"})
                                                << "range(start: -1h, stop: §)";
        QTest::newRow("argument prefix") << F << "aggregateWindow(every: 1m, fn: mean, cr§)" << C::Argument
                                         << L({"createEmpty"}) << "aggregateWindow(every: 1m, fn: mean, createEmpty: §)";
        QTest::newRow("fn by name") << F << "aggregateWindow(every: 1m, fn: §" << C::Expression
                                    << L({"mean", "last", "count", "first", "max", "min", "sum"})
                                    << "aggregateWindow(every: 1m, fn: mean§";
        QTest::newRow("lambda") << F << "map(fn: §" << C::Expression << L({"(r) =>"}) << "map(fn: (r) => §";
        QTest::newRow("bool argument") << F << "aggregateWindow(every: 1m, createEmpty: §" << C::Expression
                                       << L({"false", "true"}) << "";
        QTest::newRow("import") << F << "import \"§" << C::Import << L({"influxdata/influxdb/schema", "array"})
                                << "import \"influxdata/influxdb/schema\"§";
        QTest::newRow("import unquoted") << F << "import §" << C::Import << L({"influxdata/influxdb/schema"})
                                         << "import \"influxdata/influxdb/schema\"§";
        QTest::newRow("member") << F << "import \"strings\"\nstrings.has§" << C::Member << L({"hasPrefix", "hasSuffix"})
                                << "import \"strings\"\nstrings.hasPrefix(v: \"§\")";
        QTest::newRow("member of alias") << F << "import s \"influxdata/influxdb/schema\"\ns.tagV§" << C::Member
                                         << L({"tagValues"}) << "import s \"influxdata/influxdb/schema\"\ns.tagValues(bucket: \"§\")";
        QTest::newRow("member not imported") << F << "schema.meas§" << C::Member
                                             << L({"measurementFieldKeys", "measurements", "measurementTagKeys",
                                                   "measurementTagValues"})
                                             << "schema.measurementFieldKeys(bucket: \"§\")";
        QTest::newRow("schema measurement argument")
            << F << "import \"influxdata/influxdb/schema\"\nschema.measurementFieldKeys(bucket: \"efd/autogen\", measurement: \"ATD§"
            << C::Measurement << L({"lsst.sal.ATDome.position"}) << "";
        QTest::newRow("schema tag argument") << F << "schema.tagValues(bucket: \"efd\", tag: \"§" << C::TagKey
                                             << L({"host", "salIndex"}) << "";
        QTest::newRow("variable") << F << "data = from(bucket: \"efd\")\nda§" << C::Expression << L({"data", "date"}) << "";
        QTest::newRow("lambda parameter") << F << "map(fn: (row) => ro§" << C::Expression << L({"row"}) << "";
        QTest::newRow("start of query") << F << "§" << C::Expression << L({"from", "filter", "range", "aggregateWindow"})
                                        << "from(bucket: \"§\")";
        QTest::newRow("keyword") << F << "imp§" << C::Expression << L({"import"}) << "import§";
        QTest::newRow("comment") << F << "// from(bucket: \"§" << C::None << QStringList() << "";
        QTest::newRow("number") << F << "range(start: -1§" << C::None << QStringList() << "";
        QTest::newRow("duration") << F << "range(start: -1h§" << C::None << QStringList() << "";
        QTest::newRow("plain string") << F << "yield(name: \"ab§" << C::None << QStringList() << "";

        // ---- InfluxQL
        QTest::newRow("ql from") << Q << "SELECT * FROM §" << C::Measurement
                                 << L({"lsst.sal.ATDome.position", "lsst.sal.MTM1M3.forceActuatorData"})
                                 << "SELECT * FROM \"lsst.sal.ATDome.position\"§";
        QTest::newRow("ql from quoted") << Q << "SELECT * FROM \"lsst.sal.MTM1M3.f§" << C::Measurement
                                        << L({"lsst.sal.MTM1M3.forceActuatorData"})
                                        << "SELECT * FROM \"lsst.sal.MTM1M3.forceActuatorData\"§";
        QTest::newRow("ql from quoted closed") << Q << "SELECT * FROM \"wei§\" WHERE" << C::Measurement << L({"weird\"name"})
                                              << "SELECT * FROM \"weird\\\"name\"§ WHERE";
        QTest::newRow("ql from list") << Q << "SELECT * FROM a, ATD§" << C::Measurement << L({"lsst.sal.ATDome.position"})
                                      << "SELECT * FROM a, \"lsst.sal.ATDome.position\"§";
        QTest::newRow("ql retention policy") << Q << "SELECT x FROM \"efd\".§" << C::RetentionPolicy
                                             << L({"autogen", "downsampled"}) << "SELECT x FROM \"efd\".autogen§";
        QTest::newRow("ql qualified measurement") << Q << "SELECT x FROM \"efd\".\"autogen\".§" << C::Measurement
                                                  << L({"lsst.sal.ATDome.position"}) << "";
        QTest::newRow("ql select") << Q << "SELECT §" << C::Field
                                   << L({"a b", "fx", "private_efdStamp", "xForce0", "xForce1", "xForce2"})
                                   << "SELECT \"a b\"§";
        QTest::newRow("ql select list") << Q << "SELECT fx, xF§ FROM m" << C::Field << L({"xForce0", "xForce1"})
                                        << "SELECT fx, xForce0§ FROM m";
        QTest::newRow("ql select function") << Q << "SELECT mea§" << C::Field << L({"mean"}) << "SELECT mean(§)";
        QTest::newRow("ql select upper function") << Q << "SELECT MEA§" << C::Field << L({"mean"}) << "SELECT MEAN(§)";
        QTest::newRow("ql select quoted") << Q << "SELECT \"zF§" << C::Field << L({"zForce0"})
                                          << "SELECT \"zForce0\"§";
        QTest::newRow("ql where quoted") << Q << "SELECT x FROM m WHERE \"sal§" << C::Condition << L({"salIndex"})
                                         << "SELECT x FROM m WHERE \"salIndex\"§";
        QTest::newRow("ql function argument") << Q << "SELECT mean(§)" << C::Field << L({"a b", "fx"})
                                              << "SELECT mean(\"a b\"§)";
        QTest::newRow("ql after select list") << Q << "SELECT x §" << C::Keyword << L({"FROM", "AS", "INTO"})
                                              << "SELECT x FROM§";
        QTest::newRow("ql where") << Q << "SELECT x FROM m WHERE §" << C::Condition << L({"time", "host", "salIndex"})
                                  << "SELECT x FROM m WHERE time§";
        QTest::newRow("ql tag value") << Q << "SELECT x FROM m WHERE \"salIndex\" = §" << C::TagValue << L({"1", "2"})
                                      << "SELECT x FROM m WHERE \"salIndex\" = '1'§";
        QTest::newRow("ql tag value in string") << Q << "SELECT x FROM m WHERE salIndex = '§" << C::TagValue
                                                << L({"1", "2"}) << "SELECT x FROM m WHERE salIndex = '1'§";
        QTest::newRow("ql time") << Q << "SELECT x FROM m WHERE time > §" << C::Condition << L({"now"})
                                 << "SELECT x FROM m WHERE time > now()§";
        QTest::newRow("ql after condition") << Q << "SELECT x FROM m WHERE time > now() - 1h §" << C::Keyword
                                            << L({"AND", "OR", "GROUP BY"}) << "SELECT x FROM m WHERE time > now() - 1h AND§";
        QTest::newRow("ql after measurement") << Q << "SELECT x FROM m §" << C::Keyword << L({"WHERE", "GROUP BY"}) << "";
        QTest::newRow("ql group by") << Q << "SELECT mean(x) FROM m WHERE time > now() - 1h GROUP BY §" << C::GroupBy
                                     << L({"time", "host", "salIndex"}) << "";
        QTest::newRow("ql group by time") << Q << "SELECT mean(x) FROM m GROUP BY ti§" << C::GroupBy << L({"time"})
                                          << "SELECT mean(x) FROM m GROUP BY time(§)";
        QTest::newRow("ql after group by") << Q << "SELECT mean(x) FROM m GROUP BY time(1m) §" << C::Keyword
                                           << L({"fill"}) << "SELECT mean(x) FROM m GROUP BY time(1m) fill(§)";
        QTest::newRow("ql on") << Q << "SHOW MEASUREMENTS ON §" << C::Database << L({"_monitoring", "efd", "lsst.ATCamera"})
                               << "SHOW MEASUREMENTS ON _monitoring§";
        QTest::newRow("ql on quoted") << Q << "SHOW MEASUREMENTS ON lsst§" << C::Database << L({"lsst.ATCamera"})
                                      << "SHOW MEASUREMENTS ON \"lsst.ATCamera\"§";
        QTest::newRow("ql with key") << Q << "SHOW TAG VALUES FROM m WITH KEY = §" << C::TagKey << L({"host", "salIndex"})
                                     << "";
        QTest::newRow("ql show") << Q << "SHOW §" << C::Keyword << L({"FIELD KEYS", "MEASUREMENTS", "TAG KEYS"})
                                 << "SHOW FIELD KEYS§";
        QTest::newRow("ql statement") << Q << "§" << C::Statement << L({"SELECT", "SHOW"}) << "SELECT§";
        QTest::newRow("ql statement lower") << Q << "sh§" << C::Statement << L({"SHOW"}) << "show§";
        QTest::newRow("ql second statement") << Q << "SELECT 1; §" << C::Statement << L({"SELECT"}) << "";
        QTest::newRow("ql comment") << Q << "-- SELECT §" << C::None << QStringList() << "";
        QTest::newRow("ql block comment") << Q << "/* FROM §" << C::None << QStringList() << "";
        QTest::newRow("ql number") << Q << "SELECT x FROM m LIMIT 10§" << C::None << QStringList() << "";
    }
    void contexts()
    {
        QFETCH(QueryLanguage, language);
        QFETCH(QString, marked);
        QFETCH(CompletionContext, context);
        QFETCH(QStringList, top);
        QFETCH(QString, afterFirst);
        const Marked m = unmark(marked);
        const CompletionResult r = m_engine.complete(m.text, m.cursor, language);
        QCOMPARE(r.context, context);
        QCOMPARE(labels(r, top.size()), top);
        if (top.isEmpty())
            QVERIFY(r.items.isEmpty());
        if (!afterFirst.isEmpty())
            QCOMPARE(accept(m, r.items.first()), afterFirst);
        for (const CompletionItem &item : r.items) {
            QVERIFY(item.replaceStart <= m.cursor && m.cursor <= item.replaceEnd + 1);
            QVERIFY(item.replaceEnd <= m.text.size());
        }
    }

    void nonIdentifierColumn()
    {
        // r. + a field that is no identifier becomes r["…"], replacing the dot.
        const Marked m = unmark(QStringLiteral("filter(fn: (r) => r.a§)"));
        const CompletionResult r = m_engine.complete(m.text, m.cursor, QueryLanguage::Flux);
        const CompletionItem *item = findItem(r, QStringLiteral("a b"));
        QVERIFY(item);
        QCOMPARE(accept(m, *item), QStringLiteral("filter(fn: (r) => r[\"a b\"]§)"));
    }

    void details()
    {
        const CompletionResult r = run(QStringLiteral("x |> aggregateW§"), QueryLanguage::Flux);
        QCOMPARE(r.items.size(), 1);
        QVERIFY(r.items[0].detail.startsWith(QStringLiteral("aggregateWindow(every: duration, fn: ")));
        QVERIFY(r.items[0].detail.contains(QStringLiteral("createEmpty: bool = true")));
        QVERIFY(!r.items[0].documentation.isEmpty());
        QCOMPARE(r.items[0].kind, CompletionKind::Function);

        const CompletionResult p = run(QStringLiteral("aggregateWindow(§"), QueryLanguage::Flux);
        const CompletionItem *every = findItem(p, QStringLiteral("every"));
        QVERIFY(every);
        QCOMPARE(every->kind, CompletionKind::Parameter);
        QCOMPARE(every->detail, QStringLiteral("every: duration"));
        QCOMPARE(labels(p, 2), (QStringList{QStringLiteral("every"), QStringLiteral("fn")}));

        const CompletionResult imp = run(QStringLiteral("schema.fieldK§"), QueryLanguage::Flux);
        QCOMPARE(imp.items.first().requiredImport, QStringLiteral("influxdata/influxdb/schema"));
        const CompletionResult imported = run(QStringLiteral("import \"influxdata/influxdb/schema\"\nschema.fieldK§"),
                                              QueryLanguage::Flux);
        QVERIFY(imported.items.first().requiredImport.isEmpty());

        const CompletionResult q = run(QStringLiteral("SELECT percen§"), QueryLanguage::InfluxQl);
        QCOMPARE(q.items.first().detail, QStringLiteral("PERCENTILE(field_key, N)"));
    }

    void ranges()
    {
        const Marked m = unmark(QStringLiteral("from(bucket: \"ef§\")"));
        const CompletionResult r = m_engine.complete(m.text, m.cursor, QueryLanguage::Flux);
        QCOMPARE(r.prefix, QStringLiteral("ef"));
        QCOMPARE(r.replaceStart, qsizetype(14));
        QCOMPARE(r.replaceEnd, qsizetype(17)); // through the closing quote
        const CompletionResult w = run(QStringLiteral("x |> fil§ter()"), QueryLanguage::Flux);
        QCOMPARE(w.prefix, QStringLiteral("fil"));
        QCOMPARE(w.replaceStart, qsizetype(5));
        QCOMPARE(w.replaceEnd, qsizetype(11)); // the whole word
    }

    void naturalOrderAndLimit()
    {
        SchemaSnapshot big;
        for (int i = 0; i < 5000; ++i)
            big.fields.append(QStringLiteral("zForce%1").arg(i));
        CompletionEngine engine(big);
        engine.setMaxItems(50);
        const CompletionResult r = engine.complete(u"r._field == \"zForce1", 20, QueryLanguage::Flux);
        QCOMPARE(r.items.size(), 50);
        QCOMPARE(labels(r, 4), (QStringList{QStringLiteral("zForce1"), QStringLiteral("zForce10"),
                                            QStringLiteral("zForce11"), QStringLiteral("zForce12")}));
    }

    void autoTrigger_data()
    {
        QTest::addColumn<QueryLanguage>("language");
        QTest::addColumn<QString>("marked");
        QTest::addColumn<bool>("trigger");
        const auto F = QueryLanguage::Flux;
        const auto Q = QueryLanguage::InfluxQl;
        QTest::newRow("opening quote") << F << "from(bucket: \"§" << true;
        QTest::newRow("closing quote") << F << "from(bucket: \"efd\"§" << false;
        QTest::newRow("pipe space") << F << "x\n  |> §" << true;
        QTest::newRow("other space") << F << "x = 1 §" << false;
        QTest::newRow("member dot") << F << "r.§" << true;
        QTest::newRow("number dot") << F << "x = 1.§" << false;
        QTest::newRow("identifier") << F << "x |> me§" << true;
        QTest::newRow("single letter") << F << "filter(fn: (r) => r§" << false;
        QTest::newRow("single letter in string") << F << "r._field == \"x§" << true;
        QTest::newRow("duration") << F << "range(start: -5m§" << false;
        QTest::newRow("comment") << F << "// fr§" << false;
        QTest::newRow("string content") << F << "r._field == \"xF§" << true;
        QTest::newRow("ql from space") << Q << "SELECT * FROM §" << true;
        QTest::newRow("ql select space") << Q << "select §" << true;
        QTest::newRow("ql as space") << Q << "SELECT x AS §" << false;
        QTest::newRow("ql quote") << Q << "WHERE \"salIndex\" = '§" << true;
        QTest::newRow("ql identifier quote") << Q << "SELECT * FROM \"§" << true;
        QTest::newRow("ql dot") << Q << "FROM \"efd\".§" << true;
        QTest::newRow("empty") << F << "§" << false;
    }
    void autoTrigger()
    {
        QFETCH(QueryLanguage, language);
        QFETCH(QString, marked);
        QFETCH(bool, trigger);
        const Marked m = unmark(marked);
        QCOMPARE(CompletionEngine::isAutoTrigger(m.text, m.cursor, language), trigger);
    }
};

QTEST_GUILESS_MAIN(tst_CompletionEngine)
#include "tst_completionengine.moc"
