// SPDX-License-Identifier: GPL-3.0-or-later
// InfluxQlJsonParser on real responses of the influxd started by the CTest fixture (Debian's
// InfluxDB 1.x): points written with line protocol come back through `/query` (chunked and
// not, epoch=ns/ms and RFC 3339) exactly as written, the body parsed as libcurl delivers it.
#include "core/http/CurlTransport.h"
#include "core/parse/InfluxQlJsonParser.h"
#include "tests/support/InfluxFixture.h"

#include <QTest>
#include <QUrl>
#include <QUuid>

#include <map>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

constexpr std::int64_t kStart = 1732406400123456789; // 2024-11-24T00:00:00.123456789Z
constexpr int kPoints = 30;

std::int64_t pointTime(int k)
{
    return kStart + std::int64_t{k} * 1'000'003;
}

// Keeps tables (pieces merged, as a consumer would) and statement errors.
class Collector final : public InfluxQlResultSink
{
public:
    void tableReady(ResultTable &&table) override
    {
        ++pieces;
        if (table.isContinuation() && !tables.empty() && tables.back().appendRows(table))
            return;
        tables.push_back(std::move(table));
    }
    void parseFailed(const ParseError &e) override { error = e; }
    void statementFailed(const InfluxQlStatementError &e) override { statementErrors.push_back(e); }

    std::vector<ResultTable> tables;
    std::optional<ParseError> error;
    std::vector<InfluxQlStatementError> statementErrors;
    int pieces = 0;
};

struct QueryOptions
{
    QString params = QStringLiteral("epoch=ns&chunked=true&chunk_size=7");
    InfluxQlEpoch epoch = InfluxQlEpoch::Nanoseconds;
    std::map<std::string, ColumnType> hints;
};

} // namespace

class tst_ItInfluxQlJsonParser : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    QString m_measurement;
    CurlTransport m_transport;

    bool write(const QByteArray &lines)
    {
        HttpRequest request;
        request.method = HttpMethod::Post;
        request.url = m_url + QStringLiteral("/write?db=efd&precision=ns");
        request.body = lines;
        const HttpResult r = m_transport.perform(request);
        return r.response.status == 204;
    }

    // Runs `q` and parses the body while it arrives.
    std::unique_ptr<Collector> query(const QString &q, const QueryOptions &options = {})
    {
        auto sink = std::make_unique<Collector>();
        InfluxQlJsonParser parser(*sink);
        parser.setEpoch(options.epoch);
        for (const auto &[column, type] : options.hints)
            parser.setColumnType(column, type);
        HttpRequest request;
        request.url = m_url + QStringLiteral("/query?db=efd&") + options.params + QStringLiteral("&q=")
                      + QString::fromLatin1(QUrl::toPercentEncoding(q));
        const HttpResult r =
            m_transport.perform(request, [&](const char *data, std::size_t size) { return parser.feed(data, size); });
        if (r.response.status >= 400) // error bodies are kept in the response, not streamed
            parser.feed(r.response.body.constData(), static_cast<std::size_t>(r.response.body.size()));
        parser.finish();
        return sink;
    }

    // The field types of the measurement, as SHOW FIELD KEYS reports them, as column hints.
    std::map<std::string, ColumnType> fieldTypes()
    {
        const auto show = query(QStringLiteral("SHOW FIELD KEYS FROM \"%1\"").arg(m_measurement));
        std::map<std::string, ColumnType> hints;
        if (show->tables.size() != 1)
            return hints;
        const ResultTable &t = show->tables.front();
        static const std::map<std::string_view, ColumnType> kTypes = {{"float", ColumnType::Double},
                                                                      {"integer", ColumnType::Long},
                                                                      {"unsigned", ColumnType::UnsignedLong},
                                                                      {"string", ColumnType::String},
                                                                      {"boolean", ColumnType::Boolean}};
        for (std::size_t row = 0; row < t.rowCount(); ++row)
            hints[std::string(t.column(0).stringAt(row))] = kTypes.at(t.column(1).stringAt(row));
        return hints;
    }

    // Checks one series table against the points written for `host`.
    void checkSeries(const ResultTable &t, const char *host, std::int64_t timeUnit)
    {
        QCOMPARE(t.rowCount(), std::size_t(kPoints));
        QVERIFY(t.isConsistent());
        QCOMPARE(t.findColumn("host")->stringAt(0), std::string_view(host));
        QCOMPARE(t.findColumn("_measurement")->stringAt(0), std::string_view(m_measurement.toStdString()));
        const ResultColumn &time = *t.findColumn("time");
        const ResultColumn &f = *t.findColumn("f");
        const ResultColumn &i = *t.findColumn("i");
        const ResultColumn &s = *t.findColumn("s");
        const ResultColumn &b = *t.findColumn("b");
        QCOMPARE(time.type(), ColumnType::DateTime);
        QCOMPARE(f.type(), ColumnType::Double);
        QCOMPARE(i.type(), ColumnType::Long);
        QCOMPARE(s.type(), ColumnType::String);
        QCOMPARE(b.type(), ColumnType::Boolean);
        const bool a = std::string_view(host) == "a";
        for (int k = 0; k < kPoints; ++k) {
            const auto row = static_cast<std::size_t>(k);
            QCOMPARE(time.int64At(row), pointTime(k) / timeUnit * timeUnit);
            QCOMPARE(f.doubleAt(row), a ? k * 0.25 : double(k));
            QCOMPARE(i.int64At(row), std::int64_t{k} * 1'000'000'007LL);
            QCOMPARE(s.stringAt(row), std::string_view(QStringLiteral("caf\u00e9 \"%1\"").arg(k).toStdString()));
            QCOMPARE(b.boolAt(row), k % 2 == 1);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_url = InfluxFixture::url();
        if (m_url.isEmpty())
            return;
        m_measurement = QStringLiteral("it_influxql_") + QUuid::createUuid().toString(QUuid::Id128).left(8);
        // host=a: floats with fractions; host=b: floats that are all integral (line protocol
        // `f=3` is a float, and influxd writes it back as `3`).
        QByteArray lines;
        for (const char *host : {"a", "b"}) {
            for (int k = 0; k < kPoints; ++k) {
                const QByteArray f = std::string_view(host) == "a" ? QByteArray::number(k * 0.25) : QByteArray::number(k);
                lines += m_measurement.toUtf8() + ",host=" + host + " f=" + f + ",i=" + QByteArray::number(k * 1'000'000'007LL)
                         + "i,s=\"caf\xC3\xA9 \\\"" + QByteArray::number(k) + "\\\"\",b=" + (k % 2 ? "true" : "false") + " "
                         + QByteArray::number(qint64(pointTime(k))) + "\n";
            }
        }
        QVERIFY(write(lines));
    }

    void chunkedWithFieldTypes()
    {
        if (m_url.isEmpty())
            return;
        QueryOptions options;
        options.hints = fieldTypes();
        QCOMPARE(options.hints.size(), 4u);
        const auto r = query(QStringLiteral("SELECT * FROM \"%1\" GROUP BY *").arg(m_measurement), options);
        QVERIFY2(!r->error, r->error ? r->error->describe().c_str() : "");
        QCOMPARE(r->tables.size(), 2u);
        QVERIFY(r->pieces > 2); // chunk_size=7: the series came in pieces
        checkSeries(r->tables[0], "a", 1);
        checkSeries(r->tables[1], "b", 1);
        QCOMPARE(r->tables[1].tableId(), 1);

        // The same without chunking: the same tables.
        options.params = QStringLiteral("epoch=ns");
        const auto whole = query(QStringLiteral("SELECT * FROM \"%1\" GROUP BY *").arg(m_measurement), options);
        QVERIFY(whole->tables == r->tables);
    }

    void withoutFieldTypes()
    {
        if (m_url.isEmpty())
            return;
        // Without hints the values decide: host=b's integral floats come back as Long.
        const auto r = query(QStringLiteral("SELECT f FROM \"%1\" GROUP BY host").arg(m_measurement));
        QVERIFY(!r->error);
        QCOMPARE(r->tables.size(), 2u);
        QCOMPARE(r->tables[0].findColumn("f")->type(), ColumnType::Double);
        QCOMPARE(r->tables[1].findColumn("f")->type(), ColumnType::Long);
        QCOMPARE(r->tables[1].findColumn("f")->int64At(29), 29);
    }

    void epochsAndRfc3339()
    {
        if (m_url.isEmpty())
            return;
        QueryOptions ms;
        ms.hints = fieldTypes();
        ms.params = QStringLiteral("epoch=ms&chunked=true&chunk_size=10");
        ms.epoch = InfluxQlEpoch::Milliseconds;
        const auto r = query(QStringLiteral("SELECT * FROM \"%1\" GROUP BY *").arg(m_measurement), ms);
        QCOMPARE(r->tables.size(), 2u);
        checkSeries(r->tables[0], "a", 1'000'000);

        QueryOptions rfc3339;
        rfc3339.hints = ms.hints;
        rfc3339.params = QStringLiteral("chunked=true");
        const auto t = query(QStringLiteral("SELECT * FROM \"%1\" GROUP BY *").arg(m_measurement), rfc3339);
        QCOMPARE(t->tables.size(), 2u);
        checkSeries(t->tables[1], "b", 1); // RFC3339Nano keeps every nanosecond
    }

    void statementErrorsAndServerErrors()
    {
        if (m_url.isEmpty())
            return;
        const auto r = query(QStringLiteral("SELECT f FROM \"%1\" WHERE host='a' LIMIT 2; SELECT * FROM \"nodb\".\"autogen\".\"m\"")
                                 .arg(m_measurement));
        QVERIFY(!r->error);
        QCOMPARE(r->tables.size(), 1u);
        QCOMPARE(r->tables[0].resultName(), std::string("0"));
        QVERIFY(!r->statementErrors.empty());
        QCOMPARE(r->statementErrors[0].statementId, 1);
        QCOMPARE(QString::fromStdString(r->statementErrors[0].message), QStringLiteral("database not found: nodb"));

        // A syntax error is a 400 with a top-level error object.
        const auto bad = query(QStringLiteral("SELECT FROM \"%1\"").arg(m_measurement));
        QVERIFY(bad->error);
        QCOMPARE(bad->error->kind, ParseErrorKind::ServerError);
        QVERIFY2(QString::fromStdString(bad->error->message).startsWith(QStringLiteral("error parsing query")),
                 bad->error->message.c_str());
    }

    void largeSeriesStreamsInPieces()
    {
        if (m_url.isEmpty())
            return;
        const QString name = m_measurement + QStringLiteral("_large");
        constexpr int kRows = 25'000;
        QByteArray lines;
        for (int k = 0; k < kRows; ++k)
            lines += name.toUtf8() + " zForce0=" + QByteArray::number(-2.3165478706359863 + k * 0.001, 'g', 17) + " "
                     + QByteArray::number(qint64(kStart + std::int64_t{k} * 20'000'000)) + "\n";
        QVERIFY(write(lines));
        QueryOptions options;
        options.params = QStringLiteral("epoch=ns&chunked=true&chunk_size=10000");
        const auto r = query(QStringLiteral("SELECT zForce0 FROM \"%1\"").arg(name), options);
        QVERIFY(!r->error);
        QCOMPARE(r->pieces, 3); // one per server chunk
        QCOMPARE(r->tables.size(), 1u);
        const ResultTable &t = r->tables.front();
        QCOMPARE(t.rowCount(), std::size_t(kRows));
        for (int k = 0; k < kRows; k += 997) {
            QCOMPARE(t.column(0).int64At(std::size_t(k)), kStart + std::int64_t{k} * 20'000'000);
            QCOMPARE(t.column(1).doubleAt(std::size_t(k)), -2.3165478706359863 + k * 0.001);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ItInfluxQlJsonParser)
#include "tst_it_influxqljsonparser.moc"
