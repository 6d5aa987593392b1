// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ingest/LineProtocolParser.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace sasquatch {

QString precisionName(LineProtocolPrecision precision)
{
    switch (precision) {
    case LineProtocolPrecision::Nanoseconds:
        return QStringLiteral("ns");
    case LineProtocolPrecision::Microseconds:
        return QStringLiteral("us");
    case LineProtocolPrecision::Milliseconds:
        return QStringLiteral("ms");
    case LineProtocolPrecision::Seconds:
        return QStringLiteral("s");
    }
    return {};
}

std::optional<LineProtocolPrecision> parsePrecision(const QString &text)
{
    const QString t = text.toLower();
    if (t == u"ns" || t == u"n")
        return LineProtocolPrecision::Nanoseconds;
    if (t == u"us" || t == u"u" || t == u"µs")
        return LineProtocolPrecision::Microseconds;
    if (t == u"ms")
        return LineProtocolPrecision::Milliseconds;
    if (t == u"s")
        return LineProtocolPrecision::Seconds;
    return std::nullopt;
}

namespace {

QString quoted(std::string_view text)
{
    constexpr std::size_t kMax = 40;
    QString s = QString::fromUtf8(text.data(), qsizetype(std::min(text.size(), kMax)));
    if (text.size() > kMax)
        s += QStringLiteral("…");
    return u'"' + s + u'"';
}

} // namespace

bool LineProtocolParser::fail(std::size_t at, QString message)
{
    m_error = std::move(message);
    m_errorColumn = std::uint32_t(at + 1);
    return false;
}

bool LineProtocolParser::readKey(std::string_view line, std::size_t &pos, bool measurement, QString &out,
                                 std::string_view what)
{
    // Measurements end at an unescaped ',' or ' '; keys and tag values also at '='.
    const std::size_t start = pos;
    std::string text;
    while (pos < line.size()) {
        const char c = line[pos];
        if (c == '\\' && pos + 1 < line.size()) {
            const char n = line[pos + 1];
            if (n == ',' || n == ' ' || (!measurement && n == '=')) {
                text += n;
                pos += 2;
                continue;
            }
            text += c; // a backslash before anything else is kept as written
            ++pos;
            continue;
        }
        if (c == ',' || c == ' ' || (!measurement && c == '='))
            break;
        if (c == '\t')
            return fail(pos, QStringLiteral("tab in %1: escape it or use a space").arg(QLatin1String(what.data(), qsizetype(what.size()))));
        text += c;
        ++pos;
    }
    if (text.empty())
        return fail(start, QStringLiteral("empty %1").arg(QLatin1String(what.data(), qsizetype(what.size()))));
    out = QString::fromUtf8(text.data(), qsizetype(text.size()));
    return true;
}

bool LineProtocolParser::readFieldValue(std::string_view line, std::size_t &pos, const QString &key, MetricValue &out)
{
    const std::size_t start = pos;
    if (pos >= line.size() || line[pos] == ' ' || line[pos] == ',')
        return fail(pos, QStringLiteral("field \"%1\" has no value").arg(key));
    if (line[pos] == '"') {
        std::string text;
        ++pos;
        while (pos < line.size()) {
            const char c = line[pos];
            if (c == '\\' && pos + 1 < line.size() && (line[pos + 1] == '"' || line[pos + 1] == '\\')) {
                text += line[pos + 1];
                pos += 2;
                continue;
            }
            if (c == '"') {
                ++pos;
                out = MetricValue::fromString(QString::fromUtf8(text.data(), qsizetype(text.size())));
                return true;
            }
            text += c;
            ++pos;
        }
        return fail(start, QStringLiteral("unterminated string in field \"%1\"").arg(key));
    }
    std::size_t end = pos;
    while (end < line.size() && line[end] != ',' && line[end] != ' ')
        ++end;
    const std::string_view token = line.substr(pos, end - pos);
    pos = end;
    static constexpr std::string_view kTrue[] = {"t", "T", "true", "True", "TRUE"};
    static constexpr std::string_view kFalse[] = {"f", "F", "false", "False", "FALSE"};
    for (auto t : kTrue)
        if (token == t) {
            out = MetricValue::fromBool(true);
            return true;
        }
    for (auto f : kFalse)
        if (token == f) {
            out = MetricValue::fromBool(false);
            return true;
        }
    const char last = token.back();
    if (last == 'i' || last == 'u') {
        const std::string_view digits = token.substr(0, token.size() - 1);
        const char *b = digits.data();
        const char *e = b + digits.size();
        if (last == 'i') {
            std::int64_t v = 0;
            const auto r = std::from_chars(b, e, v);
            if (r.ec == std::errc::result_out_of_range)
                return fail(start, QStringLiteral("integer %1 of field \"%2\" is out of range").arg(quoted(token), key));
            if (digits.empty() || r.ec != std::errc() || r.ptr != e)
                return fail(start, QStringLiteral("invalid integer %1 for field \"%2\"").arg(quoted(token), key));
            out = MetricValue::fromInt(v);
            return true;
        }
        std::uint64_t v = 0;
        const auto r = std::from_chars(b, e, v);
        if (r.ec == std::errc::result_out_of_range)
            return fail(start, QStringLiteral("unsigned integer %1 of field \"%2\" is out of range").arg(quoted(token), key));
        if (digits.empty() || digits.front() == '-' || r.ec != std::errc() || r.ptr != e)
            return fail(start, QStringLiteral("invalid unsigned integer %1 for field \"%2\"").arg(quoted(token), key));
        out = MetricValue::fromUnsigned(v);
        return true;
    }
    // Floats: digits with an optional fraction and exponent; no NaN or infinity (InfluxDB
    // refuses them). from_chars accepts "inf"/"nan", so check the first character.
    std::string_view number = token;
    if (!number.empty() && number.front() == '+')
        number.remove_prefix(1);
    const char first = number.empty() ? '\0' : number.front();
    if (!(first == '-' || first == '.' || (first >= '0' && first <= '9')))
        return fail(start, QStringLiteral("invalid value %1 for field \"%2\" (strings need double quotes)").arg(quoted(token), key));
    double v = 0;
    const auto r = std::from_chars(number.data(), number.data() + number.size(), v);
    if (r.ec != std::errc() || r.ptr != number.data() + number.size() || !std::isfinite(v))
        return fail(start, QStringLiteral("invalid number %1 for field \"%2\"").arg(quoted(token), key));
    out = MetricValue::fromDouble(v);
    return true;
}

bool LineProtocolParser::parse(std::string_view line, LineProtocolPoint &point)
{
    point = LineProtocolPoint{};
    m_error.clear();
    m_errorColumn = 0;
    std::size_t pos = 0;
    if (!readKey(line, pos, true, point.measurement, "measurement"))
        return false;
    while (pos < line.size() && line[pos] == ',') {
        ++pos;
        QString key;
        QString value;
        if (!readKey(line, pos, false, key, "tag key"))
            return false;
        if (pos >= line.size() || line[pos] != '=')
            return fail(pos, QStringLiteral("expected '=' after tag key \"%1\"").arg(key));
        ++pos;
        if (!readKey(line, pos, false, value, "tag value"))
            return false;
        point.tags.emplace_back(key, value);
    }
    if (pos >= line.size() || line[pos] != ' ')
        return fail(pos, QStringLiteral("expected a space and fields after \"%1\"").arg(point.measurement));
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    if (pos >= line.size())
        return fail(pos, QStringLiteral("no fields: a point needs at least one field=value"));
    for (;;) {
        QString key;
        if (!readKey(line, pos, false, key, "field key"))
            return false;
        if (pos >= line.size() || line[pos] != '=')
            return fail(pos, QStringLiteral("expected '=' after field key \"%1\"").arg(key));
        ++pos;
        MetricValue value;
        if (!readFieldValue(line, pos, key, value))
            return false;
        point.fields.emplace_back(key, std::move(value));
        if (pos < line.size() && line[pos] == ',') {
            ++pos;
            continue;
        }
        break;
    }
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    if (pos >= line.size())
        return true;
    std::size_t end = pos;
    while (end < line.size() && line[end] != ' ')
        ++end;
    const std::string_view stamp = line.substr(pos, end - pos);
    std::int64_t t = 0;
    const auto r = std::from_chars(stamp.data(), stamp.data() + stamp.size(), t);
    if (r.ec != std::errc() || r.ptr != stamp.data() + stamp.size())
        return fail(pos, QStringLiteral("invalid timestamp %1: an integer in %2 is expected").arg(quoted(stamp), precisionName(m_precision)));
    std::int64_t scale = 1;
    switch (m_precision) {
    case LineProtocolPrecision::Nanoseconds:
        break;
    case LineProtocolPrecision::Microseconds:
        scale = 1'000;
        break;
    case LineProtocolPrecision::Milliseconds:
        scale = 1'000'000;
        break;
    case LineProtocolPrecision::Seconds:
        scale = 1'000'000'000;
        break;
    }
    if (t > std::numeric_limits<std::int64_t>::max() / scale || t < std::numeric_limits<std::int64_t>::min() / scale)
        return fail(pos, QStringLiteral("timestamp %1 is out of range in %2").arg(quoted(stamp), precisionName(m_precision)));
    point.timeNs = t * scale;
    for (std::size_t i = end; i < line.size(); ++i)
        if (line[i] != ' ')
            return fail(i, QStringLiteral("unexpected text after the timestamp"));
    return true;
}

} // namespace sasquatch
