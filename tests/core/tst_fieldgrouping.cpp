// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FieldGrouping.h"
#include "core/catalog/NaturalOrder.h"

#include <QTest>

using namespace sasquatch;

namespace {

// "name:type" items, type one of f i u s b ? (default f).
std::vector<FieldInfo> fieldsFrom(const QString &spec)
{
    std::vector<FieldInfo> out;
    for (const QString &item : spec.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList parts = item.split(QLatin1Char(':'));
        FieldType type = FieldType::Float;
        if (parts.size() > 1) {
            const QChar c = parts[1].at(0);
            type = c == u'i' ? FieldType::Integer
                   : c == u'u' ? FieldType::Unsigned
                   : c == u's' ? FieldType::String
                   : c == u'b' ? FieldType::Boolean
                   : c == u'?' ? FieldType::Unknown
                               : FieldType::Float;
        }
        out.push_back({parts[0], type, {}, {}});
    }
    return out;
}

// Entries as "name" for scalars and "base[n]" for arrays, space separated.
QString render(const std::vector<GroupedField> &grouped)
{
    QStringList out;
    for (const GroupedField &g : grouped)
        out << g.displayName();
    return out.join(QLatin1Char(' '));
}

} // namespace

class tst_FieldGrouping : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void group_data();
    void group();
    void arrayDetails();
    void unitsAndDescriptions();
    void forceActuatorData();
    void splitIndexedName_data();
    void splitIndexedName();
    void fieldTypes_data();
    void fieldTypes();
    void naturalOrder_data();
    void naturalOrder();
};

void tst_FieldGrouping::group_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << "" << "";
    QTest::newRow("scalars in natural order") << "b a10 a9 C" << "a9 a10 b C";
    QTest::newRow("simple array") << "xForce0 xForce1 xForce2" << "xForce[3]";
    QTest::newRow("numeric element order") << "xForce10 xForce2 xForce0 xForce1 xForce3 xForce4 xForce5 xForce6 "
                                              "xForce7 xForce8 xForce9 xForce11"
                                           << "xForce[12]";
    QTest::newRow("two elements suffice") << "m0 m1" << "m[2]";
    QTest::newRow("one element is a scalar") << "m0" << "m0";
    QTest::newRow("missing zero") << "m1 m2" << "m1 m2";
    QTest::newRow("gap") << "m0 m1 m3" << "m0 m1 m3";
    QTest::newRow("mixed types") << "m0 m1:i m2" << "m0 m1 m2";
    QTest::newRow("same non-float type") << "flag0:b flag1:b" << "flag[2]";
    QTest::newRow("leading zero is not an index") << "m0 m01 m1" << "m[2] m01";
    QTest::newRow("array beside a scalar of its base") << "zForce zForce0 zForce1" << "zForce zForce[2]";
    QTest::newRow("private last in SAL order")
        << "private_seqNum private_sndStamp salIndex private_origin zeta private_identity alpha private_rcvStamp "
           "private_efdStamp private_kafkaStamp private_revCode"
        << "alpha zeta salIndex private_sndStamp private_rcvStamp private_efdStamp private_kafkaStamp "
           "private_seqNum private_revCode private_identity private_origin";
    QTest::newRow("unknown private after known ones") << "private_zz private_seqNum private_aa"
                                                      << "private_seqNum private_aa private_zz";
    QTest::newRow("duplicates keep first") << "a:f a:i b" << "a b";
    QTest::newRow("digits inside the base") << "m1m3Temp0 m1m3Temp1 m2" << "m1m3Temp[2] m2";
    QTest::newRow("digits only") << "0 1 2" << "0 1 2";
    QTest::newRow("unicode base") << QStringLiteral("température0 température1") << QStringLiteral("température[2]");
    QTest::newRow("greedy trailing digits") << "a10 a11" << "a10 a11";
    QTest::newRow("arrays sort by base") << "b0 b1 a c0 c1" << "a b[2] c[2]";
}

void tst_FieldGrouping::group()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(render(FieldGrouping::group(fieldsFrom(input))), expected);
}

void tst_FieldGrouping::arrayDetails()
{
    const auto grouped = FieldGrouping::group(fieldsFrom("yForce2:i yForce0:i yForce1:i"));
    QCOMPARE(grouped.size(), size_t(1));
    const GroupedField &g = grouped.front();
    QVERIFY(g.isArray());
    QCOMPARE(g.name, QStringLiteral("yForce"));
    QCOMPARE(g.length(), 3);
    QCOMPARE(g.type, FieldType::Integer);
    QCOMPARE(g.typeName(), QStringLiteral("integer[3]"));
    QCOMPARE(g.displayName(), QStringLiteral("yForce[3]"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(g.elements[size_t(i)].name, QStringLiteral("yForce%1").arg(i));
    QVERIFY(!g.isPrivate);

    const auto scalar = FieldGrouping::group(fieldsFrom("private_seqNum:i"));
    QCOMPARE(scalar.size(), size_t(1));
    QVERIFY(!scalar.front().isArray());
    QVERIFY(scalar.front().isPrivate);
    QCOMPARE(scalar.front().length(), 0);
    QCOMPARE(scalar.front().typeName(), QStringLiteral("integer"));
}

void tst_FieldGrouping::unitsAndDescriptions()
{
    std::vector<FieldInfo> fields = {
        {QStringLiteral("t0"), FieldType::Float, QStringLiteral("deg_C"), QStringLiteral("Sensor temperature")},
        {QStringLiteral("t1"), FieldType::Float, QStringLiteral("deg_C"), QStringLiteral("Sensor temperature")},
        {QStringLiteral("p0"), FieldType::Float, QStringLiteral("Pa"), QStringLiteral("Pressure")},
        {QStringLiteral("p1"), FieldType::Float, QStringLiteral("hPa"), QStringLiteral("Pressure")},
        {QStringLiteral("v"), FieldType::Float, QStringLiteral("V"), QStringLiteral("Voltage")},
    };
    const auto grouped = FieldGrouping::group(fields);
    QCOMPARE(render(grouped), QStringLiteral("p[2] t[2] v"));
    QCOMPARE(grouped[0].unit, QString()); // elements disagree
    QCOMPARE(grouped[0].description, QStringLiteral("Pressure"));
    QCOMPARE(grouped[1].unit, QStringLiteral("deg_C"));
    QCOMPARE(grouped[2].unit, QStringLiteral("V"));
    QCOMPARE(grouped[2].description, QStringLiteral("Voltage"));
    QCOMPARE(grouped[0].elements[1].unit, QStringLiteral("hPa"));
}

void tst_FieldGrouping::forceActuatorData()
{
    // MTM1M3 forceActuatorData as SHOW FIELD KEYS lists it: alphabetical, so xForce10 precedes xForce2.
    std::vector<FieldInfo> fields;
    QStringList names;
    const std::pair<const char *, int> arrays[] = {{"primaryCylinderForce", 156}, {"secondaryCylinderForce", 112},
                                                   {"xForce", 12},  {"yForce", 100}, {"zForce", 156}};
    for (const auto &[base, n] : arrays)
        for (int i = 0; i < n; ++i)
            names << QString::fromLatin1(base) + QString::number(i);
    names << "fx" << "fy" << "fz" << "mx" << "my" << "mz" << "forceMagnitude" << "timestamp" << "private_seqNum"
          << "private_sndStamp" << "salIndex";
    names.sort();
    for (const QString &n : names)
        fields.push_back({n, n == QLatin1String("private_seqNum") || n == QLatin1String("salIndex")
                                 ? FieldType::Integer
                                 : FieldType::Float,
                          {}, {}});
    const auto grouped = FieldGrouping::group(fields);
    QCOMPARE(render(grouped), QStringLiteral("forceMagnitude fx fy fz mx my mz primaryCylinderForce[156] "
                                             "secondaryCylinderForce[112] timestamp xForce[12] yForce[100] "
                                             "zForce[156] salIndex private_sndStamp private_seqNum"));
    const GroupedField &x = grouped[10];
    QCOMPARE(x.elements[2].name, QStringLiteral("xForce2"));
    QCOMPARE(x.elements[10].name, QStringLiteral("xForce10"));
}

void tst_FieldGrouping::splitIndexedName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("base");
    QTest::addColumn<int>("index");
    QTest::newRow("plain") << "xForce11" << true << "xForce" << 11;
    QTest::newRow("zero") << "x0" << true << "x" << 0;
    QTest::newRow("leading zero") << "x01" << false << "" << 0;
    QTest::newRow("no digits") << "xForce" << false << "" << 0;
    QTest::newRow("only digits") << "12" << false << "" << 0;
    QTest::newRow("empty") << "" << false << "" << 0;
    QTest::newRow("too big") << "x123456789" << false << "" << 0;
    QTest::newRow("largest") << "x10000000" << true << "x" << 10000000;
    QTest::newRow("above largest") << "x10000001" << false << "" << 0;
    QTest::newRow("digits inside") << "m1m3" << true << "m1m" << 3;
}

void tst_FieldGrouping::splitIndexedName()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QFETCH(QString, base);
    QFETCH(int, index);
    QStringView gotBase;
    int gotIndex = -1;
    QCOMPARE(FieldGrouping::splitIndexedName(name, &gotBase, &gotIndex), ok);
    if (ok) {
        QCOMPARE(gotBase.toString(), base);
        QCOMPARE(gotIndex, index);
    }
}

void tst_FieldGrouping::fieldTypes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("name");
    QTest::newRow("float") << "float" << int(FieldType::Float) << "float";
    QTest::newRow("integer") << "integer" << int(FieldType::Integer) << "integer";
    QTest::newRow("unsigned") << "unsigned" << int(FieldType::Unsigned) << "unsigned";
    QTest::newRow("string") << "string" << int(FieldType::String) << "string";
    QTest::newRow("boolean") << "boolean" << int(FieldType::Boolean) << "boolean";
    QTest::newRow("flux double") << "double" << int(FieldType::Float) << "float";
    QTest::newRow("flux long") << "long" << int(FieldType::Integer) << "integer";
    QTest::newRow("flux unsignedLong") << "unsignedLong" << int(FieldType::Unsigned) << "unsigned";
    QTest::newRow("case and blanks") << " Float " << int(FieldType::Float) << "float";
    QTest::newRow("empty") << "" << int(FieldType::Unknown) << "unknown";
    QTest::newRow("garbage") << "float64" << int(FieldType::Unknown) << "unknown";
}

void tst_FieldGrouping::fieldTypes()
{
    QFETCH(QString, text);
    QFETCH(int, type);
    QFETCH(QString, name);
    QCOMPARE(int(fieldTypeFromInflux(text)), type);
    QCOMPARE(fieldTypeName(FieldType(type)), name);
}

void tst_FieldGrouping::naturalOrder_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("sign");
    QTest::newRow("numbers") << "xForce2" << "xForce10" << -1;
    QTest::newRow("prefix first") << "MTM1M3" << "MTM1M3TS" << -1;
    QTest::newRow("case-insensitive") << "apple" << "Banana" << -1;
    QTest::newRow("case tiebreak is total") << "A" << "a" << -1;
    QTest::newRow("equal") << "x" << "x" << 0;
    QTest::newRow("leading zeros tie broken") << "x01" << "x1" << -1;
    QTest::newRow("huge numbers") << "x99999999999999999999" << "x100000000000000000000" << -1;
    QTest::newRow("empty first") << "" << "a" << -1;
}

void tst_FieldGrouping::naturalOrder()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, sign);
    QCOMPARE(naturalCompare(a, b), sign);
    QCOMPARE(naturalCompare(b, a), -sign);
}

QTEST_GUILESS_MAIN(tst_FieldGrouping)
#include "tst_fieldgrouping.moc"
