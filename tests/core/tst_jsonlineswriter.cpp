// SPDX-License-Identifier: GPL-3.0-or-later
// JsonLinesWriter: the `query --format json` shape (JSON Lines, RFC 8259 strings and numbers).
#include "core/query/JsonLinesWriter.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>

using namespace sasquatch;

namespace {

ResultTable sample()
{
    ResultTable t("_result", 3);
    t.addColumn("_time", ColumnType::DateTime);
    t.addColumn("_value", ColumnType::Double);
    t.addColumn("n", ColumnType::Long);
    t.addColumn("u", ColumnType::UnsignedLong);
    t.addColumn("ok", ColumnType::Boolean);
    t.addColumn("_field", ColumnType::String, GroupKey::Yes);
    const auto row = [&](std::int64_t time, double v, std::int64_t n, std::uint64_t u, bool ok, std::string_view s) {
        t.column(0).appendInt64(time);
        t.column(1).appendDouble(v);
        t.column(2).appendInt64(n);
        t.column(3).appendUInt64(u);
        t.column(4).appendBool(ok);
        t.column(5).appendString(s);
        t.endRow();
    };
    row(1714521600123456789, 1.5, -9223372036854775807LL - 1, 18446744073709551615ULL, true, "a \"q\"\n\\ \x01 caf\xC3\xA9");
    row(0, std::numeric_limits<double>::quiet_NaN(), 7, 0, false, "b");
    t.column(0).appendNull();
    t.column(1).appendDouble(-std::numeric_limits<double>::infinity());
    t.column(2).appendNull();
    t.column(3).appendNull();
    t.column(4).appendNull();
    t.column(5).appendNull();
    t.endRow();
    return t;
}

QString write(const std::function<void(JsonLinesWriter &)> &body)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        JsonLinesWriter w(buffer);
        body(w);
        if (!w.finish())
            return QStringLiteral("finish failed");
    }
    return QString::fromUtf8(buffer.data());
}

} // namespace

class tst_JsonLinesWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactText()
    {
        const QString text = write([](JsonLinesWriter &w) { QVERIFY(w.writeTable(sample()).ok()); });
        // moc cannot read raw string literals with quotes inside: plain escapes here.
        QCOMPARE(text,
                 QStringLiteral(
                     "{\"result\":\"_result\",\"table\":3,\"continuation\":false,\"columns\":[{\"name\":\"_time\",\"type\":\"dateTime:RFC3339\",\"group\":false},"
                     "{\"name\":\"_value\",\"type\":\"double\",\"group\":false},{\"name\":\"n\",\"type\":\"long\",\"group\":false},"
                     "{\"name\":\"u\",\"type\":\"unsignedLong\",\"group\":false},{\"name\":\"ok\",\"type\":\"boolean\",\"group\":false},"
                     "{\"name\":\"_field\",\"type\":\"string\",\"group\":true}],\"rows\":["
                     "[\"2024-05-01T00:00:00.123456789Z\",1.5,-9223372036854775808,18446744073709551615,true,\"a \\\"q\\\"\\n\\\\ \\u0001 caf\u00e9\"],"
                     "[\"1970-01-01T00:00:00Z\",\"NaN\",7,0,false,\"b\"],"
                     "[null,\"-Inf\",null,null,null,null]]}"
                     "\n"));
    }

    void eachLineIsJson()
    {
        ResultTable piece = sample();
        piece.setContinuation(Continuation::Yes);
        QueryStatementError e{1, QStringLiteral("SELECT * FROM \"nope\""), QStringLiteral("database not found: nope")};
        const QString text = write([&](JsonLinesWriter &w) {
            QVERIFY(w.writeTable(sample()).ok());
            QVERIFY(w.writeTable(piece).ok());
            QVERIFY(w.writeStatementError(e).ok());
            QCOMPARE(w.linesWritten(), 3);
        });
        const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        for (const QString &line : lines) {
            QJsonParseError error;
            QJsonDocument::fromJson(line.toUtf8(), &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
        }
        const QJsonObject second = QJsonDocument::fromJson(lines[1].toUtf8()).object();
        QCOMPARE(second.value(u"continuation").toBool(), true);
        QCOMPARE(second.value(u"rows").toArray().at(0).toArray().at(5).toString(), QStringLiteral("a \"q\"\n\\ \x01 caf\u00e9"));
        const QJsonObject third = QJsonDocument::fromJson(lines[2].toUtf8()).object();
        QCOMPARE(third.value(u"result").toString(), QStringLiteral("1"));
        QCOMPARE(third.value(u"error").toString(), QStringLiteral("database not found: nope"));
        QCOMPARE(third.value(u"statement").toString(), QStringLiteral("SELECT * FROM \"nope\""));
    }

    void largePieceStreams()
    {
        // A piece far larger than the buffer goes out while it is written.
        ResultTable t("_result", 0);
        t.addColumn("_value", ColumnType::Long);
        for (int i = 0; i < 200'000; ++i) {
            t.column(0).appendInt64(i);
            t.endRow();
        }
        const QString text = write([&](JsonLinesWriter &w) { QVERIFY(w.writeTable(t).ok()); });
        const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
        QCOMPARE(o.value(u"rows").toArray().size(), 200'000);
        QCOMPARE(o.value(u"rows").toArray().at(199'999).toArray().at(0).toInt(), 199'999);
    }

    void writeErrorIsReported()
    {
        QBuffer readOnly;
        readOnly.open(QIODevice::ReadOnly);
        JsonLinesWriter w(readOnly);
        QVERIFY(w.writeTable(sample()).ok()); // buffered
        const auto r = w.finish();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().startsWith(QStringLiteral("Cannot write JSON")), qPrintable(r.error()));
        QVERIFY(!w.writeTable(sample()).ok());
    }
};

QTEST_GUILESS_MAIN(tst_JsonLinesWriter)
#include "tst_jsonlineswriter.moc"
