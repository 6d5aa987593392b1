// SPDX-License-Identifier: GPL-3.0-or-later
// How long one completion takes on an EFD-sized schema (prints figures; never fails on time).
// The editor asks on every keystroke, so this must stay well under a frame (16 ms).
#include "core/query/BracketMatcher.h"
#include "core/query/CompletionEngine.h"
#include "core/query/FluxTokenizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace sasquatch;

namespace {

SchemaSnapshot efdSizedSchema()
{
    // ~2,200 topics as in the EFD, 812 fields of forceActuatorData-like topics, a few tags.
    SchemaSnapshot s;
    s.buckets = {QStringLiteral("efd/autogen"), QStringLiteral("efd/downsampled")};
    const char *kinds[] = {"logevent_", "command_", ""};
    for (int csc = 0; csc < 59; ++csc)
        for (int topic = 0; topic < 38; ++topic)
            s.measurements.append(QStringLiteral("lsst.sal.CSC%1.%2topic%3").arg(csc).arg(QLatin1String(kinds[topic % 3])).arg(topic));
    for (const char *array : {"primaryCylinderForce", "secondaryCylinderForce", "xForce", "yForce", "zForce"})
        for (int i = 0; i < 156; ++i)
            s.fields.append(QStringLiteral("%1%2").arg(QLatin1String(array)).arg(i));
    s.tagKeys = {QStringLiteral("salIndex")};
    return s;
}

template<typename F>
double perCallMicros(int iterations, F &&f)
{
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < iterations; ++i)
        f();
    return double(t.nsecsElapsed()) / iterations / 1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const CompletionEngine engine(efdSizedSchema());
    std::printf("schema: %lld measurements, %lld fields\n", qlonglong(engine.schema().measurements.size()),
                qlonglong(engine.schema().fields.size()));
    QString query = QStringLiteral("from(bucket: \"efd/autogen\")\n  |> range(start: -1h)\n"
                                   "  |> filter(fn: (r) => r._measurement == \"lsst.sal.CSC12.");
    const struct
    {
        const char *name;
        QString text;
        QueryLanguage language;
    } cases[] = {
        {"flux measurement prefix", query, QueryLanguage::Flux},
        {"flux measurement empty", QStringLiteral("r._measurement == \""), QueryLanguage::Flux},
        {"flux field word", QStringLiteral("r._field == \"zF"), QueryLanguage::Flux},
        {"flux pipe", QStringLiteral("from(bucket: \"efd\")\n  |> "), QueryLanguage::Flux},
        {"influxql from", QStringLiteral("SELECT * FROM "), QueryLanguage::InfluxQl},
        {"influxql select", QStringLiteral("SELECT mean(\"zF"), QueryLanguage::InfluxQl},
    };
    for (const auto &c : cases) {
        int items = 0;
        const double us = perCallMicros(200, [&] { items = int(engine.complete(c.text, c.text.size(), c.language).items.size()); });
        std::printf("%-26s %8.1f us/completion  (%d items)\n", c.name, us, items);
    }
    // A long query: tokenizing and bracket matching run on every cursor move.
    QString big;
    for (int i = 0; i < 200; ++i)
        big += QStringLiteral("  |> filter(fn: (r) => r._field == \"zForce%1\" or r.salIndex == \"1\") // %1\n").arg(i);
    const double tok = perCallMicros(50, [&] { (void)FluxTokenizer::tokenize(big); });
    const double br = perCallMicros(50, [&] { (void)BracketMatcher::match(QueryLanguage::Flux, big, big.size() / 2); });
    std::printf("tokenize %lld chars: %.1f us; bracket match: %.1f us\n", qlonglong(big.size()), tok, br);
    return 0;
}
