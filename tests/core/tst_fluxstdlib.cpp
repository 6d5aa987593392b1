// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/FluxStdlib.h"

#include <QTest>

using namespace sasquatch;

class tst_FluxStdlib : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tablesParse()
    {
        const FluxStdlib &lib = FluxStdlib::instance();
        QVERIFY2(lib.errors().isEmpty(), qPrintable(lib.errors().join(u'\n')));
        QVERIFY(lib.members(u"").size() >= 90);
        for (const FluxSymbol &s : lib.symbols()) {
            QVERIFY2(!s.doc.isEmpty(), qPrintable(s.qualifiedName()));
            QVERIFY2(s.package.isEmpty() || !lib.packageDoc(s.package).isEmpty(), qPrintable(s.package));
        }
    }

    void requiredSymbols_data()
    {
        QTest::addColumn<QString>("package");
        QTest::addColumn<QString>("name");
        for (const char *name : {"from", "range", "filter", "map", "aggregateWindow", "mean", "last", "first", "sum",
                                 "count", "min", "max", "group", "keep", "drop", "pivot", "yield", "limit", "sort",
                                 "window", "derivative", "difference", "fill", "rename", "set", "toFloat"})
            QTest::newRow(name) << QString() << QString::fromLatin1(name);
        for (const char *name : {"measurements", "measurementFieldKeys", "measurementTagKeys", "tagValues", "fieldKeys"})
            QTest::newRow(name) << QStringLiteral("influxdata/influxdb/schema") << QString::fromLatin1(name);
        QTest::newRow("strings") << QStringLiteral("strings") << QStringLiteral("hasPrefix");
        QTest::newRow("math") << QStringLiteral("math") << QStringLiteral("pi");
        QTest::newRow("date") << QStringLiteral("date") << QStringLiteral("truncate");
        QTest::newRow("experimental") << QStringLiteral("experimental") << QStringLiteral("alignTime");
    }
    void requiredSymbols()
    {
        QFETCH(QString, package);
        QFETCH(QString, name);
        QVERIFY(FluxStdlib::instance().find(package, name));
    }

    void signatures()
    {
        const FluxStdlib &lib = FluxStdlib::instance();
        const FluxSymbol *aw = lib.find(u"", u"aggregateWindow");
        QVERIFY(aw);
        QVERIFY(aw->takesPipe());
        QCOMPARE(aw->signature(),
                 QStringLiteral("aggregateWindow(every: duration, fn: (column: string, tables: stream) => stream, "
                                "period: duration = every, offset: duration = 0s, location: record = location, "
                                "column: string = \"_value\", timeSrc: string = \"_stop\", timeDst: string = \"_time\", "
                                "createEmpty: bool = true) => stream"));
        QCOMPARE(aw->requiredParameters().size(), 2);
        QCOMPARE(aw->requiredParameters().at(1)->name, QStringLiteral("fn"));
        QCOMPARE(aw->parameter(u"createEmpty")->defaultValue, QStringLiteral("true"));

        const FluxSymbol *tv = lib.find(u"influxdata/influxdb/schema", u"tagValues");
        QVERIFY(tv);
        QVERIFY(!tv->takesPipe());
        QCOMPARE(tv->parameter(u"predicate")->defaultValue, QStringLiteral("(r) => true"));
        QCOMPARE(tv->parameter(u"predicate")->type, QStringLiteral("(r: record) => bool"));
        QCOMPARE(tv->qualifiedName(), QStringLiteral("schema.tagValues"));

        const FluxSymbol *pi = lib.find(u"math", u"pi");
        QCOMPARE(pi->kind, FluxSymbolKind::Constant);
        QCOMPARE(pi->signature(), QStringLiteral("pi: float"));

        QCOMPARE(lib.find(u"", u"keep")->parameter(u"columns")->text(), QStringLiteral("?columns: [string]"));
        QCOMPARE(lib.find(u"", u"mean")->parameters.first().text(), QStringLiteral("<-tables: stream"));
        QVERIFY(!lib.find(u"", u"noSuchFunction"));
        QVERIFY(!lib.find(u"strings", u"mean"));
    }

    void packages()
    {
        const FluxStdlib &lib = FluxStdlib::instance();
        const QStringList paths = lib.packagePaths();
        QVERIFY(paths.contains(QStringLiteral("influxdata/influxdb/schema")));
        QVERIFY(paths.contains(QStringLiteral("experimental")));
        QVERIFY(std::is_sorted(paths.cbegin(), paths.cend()));
        QCOMPARE(FluxStdlib::defaultAlias(u"influxdata/influxdb/schema"), QStringLiteral("schema"));
        QCOMPARE(FluxStdlib::defaultAlias(u"strings"), QStringLiteral("strings"));
        const auto members = lib.members(u"influxdata/influxdb/schema");
        QVERIFY(members.size() >= 8);
        QVERIFY(std::is_sorted(members.cbegin(), members.cend(),
                               [](const FluxSymbol *a, const FluxSymbol *b) { return a->name < b->name; }));
    }

    void parseErrors_data()
    {
        QTest::addColumn<QString>("declaration");
        QTest::addColumn<QString>("error");
        QTest::newRow("no type") << "f(x) => int" << "f: parameter \"x\" has no type";
        QTest::newRow("unclosed") << "f(x: int => int" << "\"f(x: int => int\": unclosed parameter list";
        QTest::newRow("no result") << "f(x: int)" << "f: expected \"=> type\" after the parameters";
        QTest::newRow("twice") << "f(x: int, x: int) => int" << "f: parameter \"x\" appears twice";
        QTest::newRow("optional with default") << "f(?x: int = 1) => int"
                                               << "f: parameter \"x\" is marked optional and has a default";
        QTest::newRow("bad name") << "f(1x: int) => int" << "f: parameter name \"1x\" is not an identifier";
        QTest::newRow("nothing") << "just words" << "\"just words\": expected name(…) => type or name: type";
    }
    void parseErrors()
    {
        QFETCH(QString, declaration);
        QFETCH(QString, error);
        QString message;
        QVERIFY(!FluxStdlib::parseDeclaration(u"", declaration, u"doc", &message));
        QCOMPARE(message, error);
    }

    void parseNested()
    {
        const auto s = FluxStdlib::parseDeclaration(
            u"p", u"f(<-t: stream, fn: (a: int, b: [string]) => {x: int}, s: string = \"a, b\", l: [int] = [1, 2]) => int",
            u"doc");
        QVERIFY(s);
        QCOMPARE(s->parameters.size(), 4);
        QCOMPARE(s->parameters[1].type, QStringLiteral("(a: int, b: [string]) => {x: int}"));
        QCOMPARE(s->parameters[2].defaultValue, QStringLiteral("\"a, b\""));
        QCOMPARE(s->parameters[3].defaultValue, QStringLiteral("[1, 2]"));
        QCOMPARE(s->requiredParameters().size(), 1);
        QCOMPARE(s->signature(), QStringLiteral("f(fn: (a: int, b: [string]) => {x: int}, s: string = \"a, b\", "
                                                "l: [int] = [1, 2]) => int"));
    }
};

QTEST_GUILESS_MAIN(tst_FluxStdlib)
#include "tst_fluxstdlib.moc"
