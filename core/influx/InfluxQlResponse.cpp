// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/influx/InfluxQlResponse.h"

#include <nlohmann/json.hpp>

namespace sasquatch {

namespace {

QVariant toVariant(const nlohmann::json &v)
{
    switch (v.type()) {
    case nlohmann::json::value_t::string: return QString::fromStdString(v.get<std::string>());
    case nlohmann::json::value_t::boolean: return v.get<bool>();
    case nlohmann::json::value_t::number_integer: return qint64(v.get<std::int64_t>());
    case nlohmann::json::value_t::number_unsigned: return quint64(v.get<std::uint64_t>());
    case nlohmann::json::value_t::number_float: return v.get<double>();
    default: return {};
    }
}

QString str(const nlohmann::json &v)
{
    return v.is_string() ? QString::fromStdString(v.get<std::string>()) : QString();
}

} // namespace

Outcome<std::vector<InfluxQlStatement>> parseInfluxQlResponse(const QByteArray &body)
{
    const auto json = nlohmann::json::parse(body.begin(), body.end(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return Failure{QStringLiteral("The server's answer is not InfluxQL JSON: %1")
                           .arg(QString::fromUtf8(body.left(200)))};
    if (const auto e = json.find("error"); e != json.end())
        return Failure{str(*e)};
    std::vector<InfluxQlStatement> statements;
    const auto results = json.find("results");
    if (results == json.end() || !results->is_array())
        return statements;
    for (const auto &r : *results) {
        InfluxQlStatement st;
        st.statementId = r.value("statement_id", 0);
        if (const auto e = r.find("error"); e != r.end())
            st.error = str(*e);
        if (const auto series = r.find("series"); series != r.end() && series->is_array()) {
            for (const auto &s : *series) {
                InfluxQlSeries out;
                out.name = str(s.value("name", nlohmann::json()));
                if (const auto tags = s.find("tags"); tags != s.end() && tags->is_object())
                    for (const auto &[k, v] : tags->items())
                        out.tags.emplace_back(QString::fromStdString(k), str(v));
                if (const auto cols = s.find("columns"); cols != s.end() && cols->is_array())
                    for (const auto &c : *cols)
                        out.columns << str(c);
                if (const auto values = s.find("values"); values != s.end() && values->is_array()) {
                    out.rows.reserve(values->size());
                    for (const auto &row : *values) {
                        std::vector<QVariant> cells;
                        if (row.is_array()) {
                            cells.reserve(row.size());
                            for (const auto &cell : row)
                                cells.push_back(toVariant(cell));
                        }
                        out.rows.push_back(std::move(cells));
                    }
                }
                st.series.push_back(std::move(out));
            }
        }
        statements.push_back(std::move(st));
    }
    return statements;
}

} // namespace sasquatch
