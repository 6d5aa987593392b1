// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoLineReader.h"

#include <charconv>

namespace sasquatch {

namespace {

Failure failAt(std::size_t pos, const char *what)
{
    return Failure{QStringLiteral("line protocol, column %1: %2").arg(pos + 1).arg(QLatin1String(what))};
}

/// Reads up to an unescaped character of `stops` (or the end), unescaping backslashes.
std::size_t readEscaped(std::string_view text, std::size_t pos, std::string_view stops, std::string &out)
{
    out.clear();
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '\\' && pos + 1 < text.size()) {
            out += text[pos + 1];
            pos += 2;
            continue;
        }
        if (stops.find(c) != std::string_view::npos)
            break;
        out += c;
        ++pos;
    }
    return pos;
}

} // namespace

Outcome<std::size_t> DemoLineReader::read(std::string_view text, DemoLine &line)
{
    std::size_t end = text.find('\n');
    const std::size_t consumed = end == std::string_view::npos ? text.size() : end + 1;
    if (end == std::string_view::npos)
        end = text.size();
    const std::string_view s = text.substr(0, end);

    line.keys.clear();
    line.values.clear();
    std::size_t pos = readEscaped(s, 0, ", ", line.measurement);
    if (line.measurement.empty())
        return failAt(0, "a measurement name");
    if (pos >= s.size() || s[pos] != ' ')
        return failAt(pos, "a space after the measurement (tags are not written by the demo)");
    ++pos;

    std::string key;
    for (;;) {
        pos = readEscaped(s, pos, ",= ", key);
        if (key.empty() || pos >= s.size() || s[pos] != '=')
            return failAt(pos, "a field key followed by '='");
        ++pos;
        if (pos >= s.size())
            return failAt(pos, "a field value");
        DemoLineValue v;
        const char c = s[pos];
        if (c == '"') {
            v.kind = DemoLineValue::Kind::String;
            ++pos;
            bool closed = false;
            while (pos < s.size()) {
                const char d = s[pos];
                if (d == '\\' && pos + 1 < s.size() && (s[pos + 1] == '"' || s[pos + 1] == '\\')) {
                    v.text += s[pos + 1];
                    pos += 2;
                    continue;
                }
                ++pos;
                if (d == '"') {
                    closed = true;
                    break;
                }
                v.text += d;
            }
            if (!closed)
                return failAt(pos, "a closing '\"'");
        } else {
            std::size_t stop = pos;
            while (stop < s.size() && s[stop] != ',' && s[stop] != ' ')
                ++stop;
            const std::string_view token = s.substr(pos, stop - pos);
            if (token == "t" || token == "T" || token == "true" || token == "f" || token == "F" || token == "false") {
                v.kind = DemoLineValue::Kind::Boolean;
                v.number = token[0] == 't' || token[0] == 'T' ? 1.0 : 0.0;
            } else if (token.back() == 'i') {
                v.kind = DemoLineValue::Kind::Integer;
                const auto r = std::from_chars(token.data(), token.data() + token.size() - 1, v.integer);
                if (r.ec != std::errc() || r.ptr != token.data() + token.size() - 1)
                    return failAt(pos, "an integer before 'i'");
                v.number = double(v.integer);
            } else {
                const auto r = std::from_chars(token.data(), token.data() + token.size(), v.number);
                if (r.ec != std::errc() || r.ptr != token.data() + token.size())
                    return failAt(pos, "a number, t/f or a quoted string");
            }
            pos = stop;
        }
        line.keys.push_back(key);
        line.values.push_back(std::move(v));
        if (pos < s.size() && s[pos] == ',') {
            ++pos;
            continue;
        }
        break;
    }
    if (pos >= s.size() || s[pos] != ' ')
        return failAt(pos, "a space before the time");
    ++pos;
    const auto r = std::from_chars(s.data() + pos, s.data() + s.size(), line.time);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        return failAt(pos, "an integer time at the end of the line");
    return consumed;
}

} // namespace sasquatch
