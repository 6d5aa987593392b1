// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoPointWriter.h"
#include "core/demo/DemoSeedPlan.h"
#include "core/demo/DemoSignals.h"

#include <QTest>

using namespace sasquatch;

namespace {

const DemoTopic &topic(const char *measurement)
{
    const DemoTopic *t = DemoCatalog::instance().topic(QString::fromLatin1(measurement));
    Q_ASSERT(t);
    return *t;
}

/// field=value pairs of one line, values as written (strings keep their quotes).
QMap<QString, QString> fields(const std::string &line)
{
    const QString text = QString::fromStdString(line).trimmed();
    QMap<QString, QString> out;
    QStringList parts; // measurement, fields, time: split on spaces outside quotes
    QString current;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\\' && i + 1 < text.size()) {
            current += c;
            current += text.at(++i);
            continue;
        }
        if (c == u'"')
            quoted = !quoted;
        if (c == u' ' && !quoted) {
            parts.append(current);
            current.clear();
            continue;
        }
        current += c;
    }
    parts.append(current);
    QString field;
    quoted = false;
    const QString body = parts.value(1) + u',';
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c == u'"')
            quoted = !quoted;
        if (c == u',' && !quoted) {
            const qsizetype eq = field.indexOf(u'=');
            out.insert(field.left(eq), field.mid(eq + 1));
            field.clear();
            continue;
        }
        field += c;
    }
    out.insert(QStringLiteral("@time"), parts.value(2));
    out.insert(QStringLiteral("@measurement"), parts.value(0));
    return out;
}

constexpr std::int64_t kT = 1'764'000'000'020;

} // namespace

class tst_DemoPointWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneLineWithEveryField();
    void deterministic();
    void privateStamps();
    void indexedInstance();
    void givenValuesWin();
    void pointingIsShared();
    void typesMatchTheCatalog();
    void replicaMeasurement();
};

void tst_DemoPointWriter::oneLineWithEveryField()
{
    const DemoTopic &t = topic("lsst.sal.MTMount.azimuth");
    const DemoPointWriter writer(t);
    std::string out;
    writer.append(out, kT, 0, 7);
    QCOMPARE(std::count(out.begin(), out.end(), '\n'), 1);
    QCOMPARE(DemoSeedPlan::countValues(out), std::int64_t(t.valueCount()));
    const auto f = fields(out);
    QCOMPARE(f.value(QStringLiteral("@measurement")), QStringLiteral("lsst.sal.MTMount.azimuth"));
    QCOMPARE(f.value(QStringLiteral("@time")), QString::number(kT));
    QCOMPARE(QStringList(f.keys()).size(), t.valueCount() + 2);
    QCOMPARE(f.value(QStringLiteral("private_seqNum")), QStringLiteral("7i"));
    QVERIFY(writer.lineBytes() > 100);
}

void tst_DemoPointWriter::deterministic()
{
    const DemoPointWriter a(topic("lsst.sal.ESS.temperature"));
    const DemoPointWriter b(topic("lsst.sal.ESS.temperature"));
    std::string x, y, z;
    a.append(x, kT, 101, 1);
    b.append(y, kT, 101, 1);
    a.append(z, kT + 1000, 101, 2);
    QCOMPARE(x, y);
    QVERIFY(x != z);
}

void tst_DemoPointWriter::privateStamps()
{
    const DemoPointWriter writer(topic("lsst.sal.MTRotator.rotation"));
    std::string out;
    writer.append(out, kT, 0, 1);
    const auto f = fields(out);
    const double efd = f.value(QStringLiteral("private_efdStamp")).toDouble();
    const double snd = f.value(QStringLiteral("private_sndStamp")).toDouble();
    const double rcv = f.value(QStringLiteral("private_rcvStamp")).toDouble();
    const double kafka = f.value(QStringLiteral("private_kafkaStamp")).toDouble();
    QCOMPARE(qint64(std::llround(efd * 1000)), kT);                  // UTC = the point time
    QCOMPARE(std::llround((snd - efd) * 1000), 37'000LL);             // TAI = UTC + 37 s
    QVERIFY(rcv > snd && rcv < snd + 0.01);
    QVERIFY(kafka > snd && kafka < snd + 0.01);
    QCOMPARE(f.value(QStringLiteral("private_identity")), QStringLiteral("\"MTRotator\""));
    QCOMPARE(f.value(QStringLiteral("private_revCode")).size(), 10); // 8 hex digits, quoted
    // The CSC's own `timestamp` field is TAI too.
    QVERIFY(std::abs(f.value(QStringLiteral("timestamp")).toDouble() - snd) < 0.01);
}

void tst_DemoPointWriter::indexedInstance()
{
    const DemoPointWriter writer(topic("lsst.sal.ESS.temperature"));
    std::string out;
    writer.append(out, kT, 301, 1);
    const auto f = fields(out);
    QCOMPARE(f.value(QStringLiteral("salIndex")), QStringLiteral("301i"));
    QCOMPARE(f.value(QStringLiteral("private_identity")), QStringLiteral("\"ESS:301\""));
    // Temperatures near the outside air temperature.
    const double outside = DemoSignals::outsideTemperature(kT);
    const double t0 = f.value(QStringLiteral("temperatureItem0")).toDouble();
    QVERIFY2(t0 > outside - 5 && t0 < outside + 10, qPrintable(QString::number(t0)));
}

void tst_DemoPointWriter::givenValuesWin()
{
    const DemoPointWriter writer(topic("lsst.sal.MTM1M3.logevent_summaryState"));
    const DemoFieldValues values = {{QStringLiteral("summaryState"), DemoValue::num(3)}};
    std::string out;
    writer.append(out, kT, 0, 1, &values);
    QCOMPARE(fields(out).value(QStringLiteral("summaryState")), QStringLiteral("3i"));
}

void tst_DemoPointWriter::pointingIsShared()
{
    const DemoPointWriter mount(topic("lsst.sal.MTMount.elevation"));
    const DemoPointWriter m1m3(topic("lsst.sal.MTM1M3.inclinometerData"));
    std::string a, b;
    mount.append(a, kT, 0, 1);
    m1m3.append(b, kT, 0, 1);
    const double expected = DemoSignals::elevationDeg(kT);
    QVERIFY(std::abs(fields(a).value(QStringLiteral("actualPosition")).toDouble() - expected) < 0.01);
    QVERIFY(std::abs(fields(b).value(QStringLiteral("inclinometerAngle")).toDouble() - expected) < 0.05);
}

void tst_DemoPointWriter::typesMatchTheCatalog()
{
    for (const char *name : {"lsst.sal.Test.scalars", "lsst.sal.MTM1M3.hardpointActuatorData", "lsst.sal.ESS.airFlow"}) {
        const DemoTopic &t = topic(name);
        const DemoPointWriter writer(t);
        std::string out;
        writer.append(out, kT, t.csc == u"Test" ? 1 : (t.csc == u"ESS" ? 101 : 0), 1);
        const auto f = fields(out);
        for (const DemoField &field : t.fields) {
            const QString v = f.value(field.flattenedName(0));
            switch (field.type) {
            case DemoFieldType::Int32:
            case DemoFieldType::Int64:
                QVERIFY2(v.endsWith(u'i'), qPrintable(field.name + u'=' + v));
                break;
            case DemoFieldType::Boolean:
                QVERIFY2(v == u"t" || v == u"f", qPrintable(field.name + u'=' + v));
                break;
            case DemoFieldType::String:
                QVERIFY2(v.startsWith(u'"') && v.endsWith(u'"'), qPrintable(field.name + u'=' + v));
                break;
            case DemoFieldType::Float32:
            case DemoFieldType::Float64: {
                bool ok = false;
                v.toDouble(&ok);
                QVERIFY2(ok, qPrintable(field.name + u'=' + v));
                break;
            }
            }
        }
    }
}

void tst_DemoPointWriter::replicaMeasurement()
{
    const DemoTopic &t = topic("lsst.sal.MTMount.azimuth");
    const DemoPointWriter replica(t, DemoCatalog::replicaMeasurement(t));
    const DemoPointWriter original(t);
    std::string a, b;
    replica.append(a, kT, 0, 1);
    original.append(b, kT, 0, 1);
    QVERIFY(a.starts_with("summit.lsst.sal.MTMount.azimuth "));
    QCOMPARE(a.substr(a.find(' ')), b.substr(b.find(' '))); // the same data under the replica's name
}

QTEST_GUILESS_MAIN(tst_DemoPointWriter)
#include "tst_demopointwriter.moc"
