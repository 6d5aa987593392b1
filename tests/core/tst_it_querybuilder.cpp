// SPDX-License-Identifier: GPL-3.0-or-later
// QueryBuilder's InfluxQL against the real influxd of the CTest fixture (Debian's InfluxDB
// 1.x): the server must accept every generated statement, and hostile names must select
// exactly their own points. (The fixture runs without flux-enabled, so Flux text is checked
// by tst_querybuilder only.)
#include "core/http/CurlTransport.h"
#include "core/influx/InfluxClient.h"
#include "core/influx/QueryEscape.h"
#include "core/query/QueryBuilder.h"
#include "tests/support/InfluxFixture.h"

#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace sasquatch;
using sasquatch::test::InfluxFixture;

namespace {

constexpr qint64 kSecond = 1'000'000'000;
constexpr qint64 kHour = 3600 * kSecond;
constexpr qint64 kT0 = 1'795'403'520LL * kSecond; // 2026-11-23T03:12:00Z

} // namespace

class tst_ItQueryBuilder : public QObject
{
    Q_OBJECT
private:
    std::optional<InfluxClient> m_client;
    QString m_database;

    QuerySelection selection(const QString &measurement, const QStringList &fields, std::vector<TagFilter> tags = {}) const
    {
        QuerySelection s;
        s.setBucket(m_database + QStringLiteral("/autogen"));
        s.measurement = measurement;
        s.setFieldNames(fields);
        s.tagFilters = std::move(tags);
        return s;
    }

    // Runs the builder's InfluxQL; returns the values of `column` over all series, in order.
    std::vector<double> run(const QueryBuilder &builder, const QString &column, QString *seriesName = nullptr)
    {
        const auto text = builder.influxQl();
        if (!text.ok()) {
            QTest::qFail(qPrintable(text.error()), __FILE__, __LINE__);
            return {};
        }
        const auto result = m_client->influxQl(*text, m_database);
        if (!result.ok()) {
            QTest::qFail(qPrintable(result.error() + QStringLiteral("\n") + *text), __FILE__, __LINE__);
            return {};
        }
        std::vector<double> values;
        for (const InfluxQlSeries &series : result->front().series) {
            if (seriesName)
                *seriesName = series.name;
            const int c = series.column(column);
            if (c < 0) {
                QTest::qFail(qPrintable(QStringLiteral("no column %1 in %2").arg(column, series.columns.join(u','))),
                             __FILE__, __LINE__);
                return {};
            }
            for (const auto &row : series.rows)
                values.push_back(row[std::size_t(c)].toDouble());
        }
        return values;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString url = InfluxFixture::url();
        if (url.isEmpty())
            return;
        ConnectionProfile p;
        p.name = QStringLiteral("fixture");
        p.influxUrl = url;
        p.api = ApiFlavour::V1;
        m_client.emplace(p, QString(), std::make_shared<CurlTransport>());
        m_database = QStringLiteral("qb_") + QUuid::createUuid().toString(QUuid::Id128).left(10);
        auto created = m_client->influxQl(QStringLiteral("CREATE DATABASE ") + influxQlIdentifier(m_database), QString(),
                                          {}, HttpMethod::Post);
        QVERIFY2(created.ok(), qPrintable(created.error()));

        // Line protocol escapes blanks, commas and '=' in names with a backslash.
        const QByteArray t0 = QByteArray::number(kT0);
        const QByteArray t1 = QByteArray::number(kT0 + kSecond);
        const QByteArray lines = "a\"b,salIndex=1 v=1 " + t0 + "\n"
                                 "a\"b,salIndex=1 v=3 " + t1 + "\n"
                                 "x'\\ OR\\ 1=1 v=2 " + t0 + "\n"
                                 "x v=99 " + t0 + "\n"
                                 "m,salIndex=1 x\")\\ or\\ true\\ or\\ (\"=3,plain=4 " + t0 + "\n"
                                 "m,salIndex=1 x\")\\ or\\ true\\ or\\ (\"=5,plain=6 " + t1 + "\n"
                                 "m,salIndex=2 plain=50 " + t0 + "\n"
                                 "m,salIndex=1'\\ OR\\ '1'\\='1 plain=7 " + t0 + "\n";
        HttpRequest write = m_client->makeRequest(HttpMethod::Post, QStringLiteral("/write"),
                                                  {{QStringLiteral("db"), m_database}, {QStringLiteral("precision"), QStringLiteral("ns")}});
        write.body = lines;
        const auto written = m_client->perform(write, {});
        QVERIFY2(written.ok(), qPrintable(written.error()));
        QCOMPARE(written->status, 204);
    }

    void cleanupTestCase()
    {
        if (m_client && !m_database.isEmpty())
            (void)m_client->influxQl(QStringLiteral("DROP DATABASE ") + influxQlIdentifier(m_database), QString(), {},
                                     HttpMethod::Post);
    }

    void quoteInMeasurement()
    {
        QueryBuilder builder(selection(QStringLiteral("a\"b"), {QStringLiteral("v")}), *TimeRange::absolute(kT0, kT0 + kHour));
        builder.setMode(QueryMode::Raw);
        QString name;
        QCOMPARE(run(builder, QStringLiteral("v"), &name), (std::vector<double>{1, 3}));
        QCOMPARE(name, QStringLiteral("a\"b"));
        // One window over the whole hour: the mean of both points.
        builder.setMode(QueryMode::Aggregated);
        builder.setPixelWidth(1);
        QCOMPARE(run(builder, QStringLiteral("v")), (std::vector<double>{2}));
    }

    void injectionInMeasurementSelectsOnlyItself()
    {
        QueryBuilder builder(selection(QStringLiteral("x' OR 1=1"), {QStringLiteral("v")}), *TimeRange::absolute(kT0, kT0 + kHour));
        builder.setMode(QueryMode::Raw);
        QString name;
        QCOMPARE(run(builder, QStringLiteral("v"), &name), (std::vector<double>{2}));
        QCOMPARE(name, QStringLiteral("x' OR 1=1"));
    }

    void hostileFieldIsAColumnName()
    {
        const QString field = QStringLiteral("x\") or true or (\"");
        QueryBuilder builder(selection(QStringLiteral("m"), {field}), *TimeRange::absolute(kT0, kT0 + kHour));
        builder.setFunction(AggregateFunction::Max);
        builder.setPixelWidth(1);
        QCOMPARE(run(builder, field), (std::vector<double>{5}));
    }

    void tagFilters_data()
    {
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QList<double>>("expected");
        QTest::newRow("one value") << QStringList{QStringLiteral("2")} << QList<double>{50};
        QTest::newRow("alternatives") << QStringList{QStringLiteral("1"), QStringLiteral("2")} << QList<double>{4, 6, 50};
        QTest::newRow("injection-shaped value is a value") << QStringList{QStringLiteral("1' OR '1'='1")} << QList<double>{7};
        QTest::newRow("no such value") << QStringList{QStringLiteral("3")} << QList<double>{};
    }
    void tagFilters()
    {
        QFETCH(QStringList, values);
        QFETCH(QList<double>, expected);
        std::vector<TagFilter> filters;
        for (const QString &v : values)
            filters.push_back({QStringLiteral("salIndex"), v});
        QueryBuilder builder(selection(QStringLiteral("m"), {QStringLiteral("plain")}, filters),
                             *TimeRange::absolute(kT0, kT0 + kHour));
        builder.setMode(QueryMode::Raw);
        std::vector<double> got = run(builder, QStringLiteral("plain"));
        std::sort(got.begin(), got.end());
        QCOMPARE(QList<double>(got.begin(), got.end()), expected);
    }

    void stopIsExclusive()
    {
        // [t0, t0 + 1 s) holds the first point only.
        QueryBuilder builder(selection(QStringLiteral("a\"b"), {QStringLiteral("v")}), *TimeRange::absolute(kT0, kT0 + kSecond));
        builder.setMode(QueryMode::Raw);
        QCOMPARE(run(builder, QStringLiteral("v")), (std::vector<double>{1}));
    }

    void everyFunctionAndShapeIsAccepted_data()
    {
        QTest::addColumn<int>("function");
        for (const AggregateFunction f : kAggregateFunctions)
            QTest::newRow(qPrintable(aggregateFunctionName(f))) << int(f);
    }
    void everyFunctionAndShapeIsAccepted()
    {
        QFETCH(int, function);
        for (const QStringList &fields : {QStringList{}, QStringList{QStringLiteral("plain")}}) {
            for (const TimeRange &range : {TimeRange::fromPreset(RangePreset::Past1Hour), *TimeRange::absolute(kT0, kT0 + kHour)}) {
                QueryBuilder builder(selection(QStringLiteral("m"), fields), range);
                builder.setFunction(AggregateFunction(function));
                builder.setPixelWidth(800);
                const auto text = builder.influxQl();
                QVERIFY2(text.ok(), qPrintable(text.error()));
                const auto result = m_client->influxQl(*text, m_database);
                QVERIFY2(result.ok(), qPrintable(result.error() + QStringLiteral("\n") + *text));
            }
        }
    }
};

QTEST_GUILESS_MAIN(tst_ItQueryBuilder)
#include "tst_it_querybuilder.moc"
