// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryBuilder.h"

#include "core/influx/QueryEscape.h"
#include "core/parse/Rfc3339.h"
#include "core/query/WindowPeriod.h"
#include "core/time/DurationLiteral.h"

#include <QSet>

namespace sasquatch {

namespace {

// Flux words that cannot follow `r.` even though they look like identifiers.
bool isFluxKeyword(QStringView word)
{
    static const QSet<QString> kKeywords{
        QStringLiteral("and"),    QStringLiteral("or"),     QStringLiteral("not"),     QStringLiteral("empty"),
        QStringLiteral("in"),     QStringLiteral("import"), QStringLiteral("package"), QStringLiteral("return"),
        QStringLiteral("option"), QStringLiteral("builtin"), QStringLiteral("testcase"), QStringLiteral("if"),
        QStringLiteral("then"),   QStringLiteral("else"),   QStringLiteral("exists"),
    };
    return kKeywords.contains(word.toString());
}

// `r.salIndex` for plain identifiers, `r["sal.index"]` for anything else.
QString fluxColumn(const QString &name)
{
    bool plain = !name.isEmpty() && !isFluxKeyword(name);
    for (qsizetype i = 0; plain && i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool letter = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
        const bool digit = c >= u'0' && c <= u'9';
        plain = letter || (digit && i > 0);
    }
    if (plain)
        return QStringLiteral("r.") + name;
    return QStringLiteral("r[") + fluxString(name) + u']';
}

QString fluxTime(std::int64_t ns)
{
    return QString::fromStdString(formatRfc3339Nano(ns));
}

QString influxQlTime(std::int64_t ns)
{
    return influxQlString(QString::fromStdString(formatRfc3339Nano(ns)));
}

// Filters grouped by key in first-seen order: same key = alternatives.
std::vector<std::pair<QString, QStringList>> groupedTags(const std::vector<TagFilter> &filters)
{
    std::vector<std::pair<QString, QStringList>> groups;
    for (const TagFilter &f : filters) {
        auto it = std::find_if(groups.begin(), groups.end(), [&](const auto &g) { return g.first == f.key; });
        if (it == groups.end())
            groups.emplace_back(f.key, QStringList{f.value});
        else if (!it->second.contains(f.value))
            it->second << f.value;
    }
    return groups;
}

// "a", "a or b" in parentheses when there is more than one alternative.
QString alternatives(const QStringList &terms, const QString &joiner)
{
    if (terms.size() == 1)
        return terms.front();
    return u'(' + terms.join(joiner) + u')';
}

} // namespace

QueryBuilder::QueryBuilder(QuerySelection selection, TimeRange range)
    : m_selection(std::move(selection)), m_range(range)
{
}

std::int64_t QueryBuilder::windowNs() const
{
    return windowPeriodNs(m_range.durationNs(), m_pixelWidth);
}

QStringList QueryBuilder::uniqueFieldNames() const
{
    QStringList names;
    for (const FieldInfo &f : m_selection.fields)
        if (!names.contains(f.name))
            names << f.name;
    return names;
}

Outcome<Done> QueryBuilder::validate(QueryLanguage language) const
{
    if (m_selection.measurement.isEmpty())
        return Failure{QStringLiteral("Choose a measurement (topic) to query.")};
    if (language == QueryLanguage::Flux && m_selection.bucket.isEmpty())
        return Failure{QStringLiteral("Choose a bucket to query.")};
    for (const FieldInfo &f : m_selection.fields) {
        if (f.name.isEmpty())
            return Failure{QStringLiteral("A selected field has an empty name.")};
        if (m_mode == QueryMode::Aggregated && aggregateNeedsNumbers(m_function)
            && (f.type == FieldType::String || f.type == FieldType::Boolean))
            return Failure{QStringLiteral("%1 needs numeric fields, but \"%2\" is %3: use first, last or count, "
                                          "or query it raw.")
                               .arg(aggregateFunctionName(m_function), f.name, fieldTypeName(f.type))};
    }
    for (const TagFilter &t : m_selection.tagFilters)
        if (t.key.isEmpty())
            return Failure{QStringLiteral("A tag filter has no tag name (value \"%1\").").arg(t.value)};
    return Done{};
}

Outcome<QString> QueryBuilder::flux() const
{
    if (auto ok = validate(QueryLanguage::Flux); !ok)
        return ok.failure();
    QString q = QStringLiteral("from(bucket: ") + fluxString(m_selection.bucket) + QStringLiteral(")\n");
    q += QStringLiteral("  |> range(start: ");
    if (m_range.isRelative())
        q += u'-' + durationLiteral(m_range.durationNs());
    else
        q += fluxTime(m_range.startNs(0)) + QStringLiteral(", stop: ") + fluxTime(m_range.stopNs(0));
    q += QStringLiteral(")\n");

    QStringList conditions{QStringLiteral("r._measurement == ") + fluxString(m_selection.measurement)};
    QStringList fieldTerms;
    for (const QString &name : uniqueFieldNames())
        fieldTerms << QStringLiteral("r._field == ") + fluxString(name);
    if (!fieldTerms.isEmpty())
        conditions << alternatives(fieldTerms, QStringLiteral(" or "));
    for (const auto &[key, values] : groupedTags(m_selection.tagFilters)) {
        QStringList terms;
        for (const QString &value : values)
            terms << fluxColumn(key) + QStringLiteral(" == ") + fluxString(value);
        conditions << alternatives(terms, QStringLiteral(" or "));
    }
    q += QStringLiteral("  |> filter(fn: (r) => ") + conditions.join(QStringLiteral(" and ")) + QStringLiteral(")\n");

    if (m_mode == QueryMode::Aggregated) {
        // Flux's median() estimates (t-digest) unless told otherwise; InfluxQL's MEDIAN() is the
        // exact mean of the middle values, which is Flux's "exact_mean".
        const QString fn = m_function == AggregateFunction::Median
                               ? QStringLiteral("(column, tables=<-) => tables |> median(column: column, method: \"exact_mean\")")
                               : aggregateFunctionName(m_function);
        // Each window's point at its start, as InfluxQL's GROUP BY time() stamps it (Flux's
        // default is the window's stop, which would draw Flux one window to the right).
        q += QStringLiteral("  |> aggregateWindow(every: ") + durationLiteral(windowNs()) + QStringLiteral(", fn: ") + fn
             + QStringLiteral(", timeSrc: \"_start\", createEmpty: false)\n");
        q += QStringLiteral("  |> yield(name: ") + fluxString(aggregateFunctionName(m_function)) + u')';
    } else {
        q += QStringLiteral("  |> yield(name: \"raw\")");
    }
    return q;
}

Outcome<QString> QueryBuilder::influxQl() const
{
    if (auto ok = validate(QueryLanguage::InfluxQl); !ok)
        return ok.failure();
    const bool aggregated = m_mode == QueryMode::Aggregated;
    const QString fn = aggregateFunctionName(m_function);

    QStringList columns;
    for (const QString &name : uniqueFieldNames()) {
        const QString id = influxQlIdentifier(name);
        // The alias keeps the field's own name as the column name (else InfluxDB calls it "mean").
        columns << (aggregated ? QString(fn + u'(' + id + QStringLiteral(") AS ") + id) : id);
    }
    if (columns.isEmpty())
        columns << (aggregated ? QString(fn + QStringLiteral("(*)")) : QStringLiteral("*"));

    // "db"."rp"."m", "db".."m" (default RP), or "m" alone when the request's db decides.
    QString from;
    const QString measurement = influxQlIdentifier(m_selection.measurement);
    if (!m_selection.database.isEmpty())
        from = influxQlIdentifier(m_selection.database) + u'.'
               + (m_selection.retentionPolicy.isEmpty() ? QString() : influxQlIdentifier(m_selection.retentionPolicy))
               + u'.' + measurement;
    else if (!m_selection.retentionPolicy.isEmpty())
        from = influxQlIdentifier(m_selection.retentionPolicy) + u'.' + measurement;
    else
        from = measurement;

    QStringList conditions;
    for (const auto &[key, values] : groupedTags(m_selection.tagFilters)) {
        QStringList terms;
        for (const QString &value : values)
            terms << influxQlIdentifier(key) + QStringLiteral(" = ") + influxQlString(value);
        conditions << alternatives(terms, QStringLiteral(" OR "));
    }
    if (m_range.isRelative()) {
        conditions << QStringLiteral("time >= now() - ") + durationLiteral(m_range.durationNs())
                   << QStringLiteral("time < now()");
    } else {
        conditions << QStringLiteral("time >= ") + influxQlTime(m_range.startNs(0))
                   << QStringLiteral("time < ") + influxQlTime(m_range.stopNs(0));
    }

    QString q = QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + from
                + QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    if (aggregated)
        q += QStringLiteral(" GROUP BY time(") + durationLiteral(windowNs()) + QStringLiteral(") fill(none)");
    return q;
}

Outcome<QString> QueryBuilder::build(QueryLanguage language) const
{
    return language == QueryLanguage::Flux ? flux() : influxQl();
}

} // namespace sasquatch
