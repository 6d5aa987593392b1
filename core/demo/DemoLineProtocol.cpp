// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoLineProtocol.h"

#include <charconv>
#include <cmath>

namespace sasquatch {

namespace {

std::string escaped(const QString &name, std::string_view special)
{
    const QByteArray utf8 = name.toUtf8();
    std::string out;
    out.reserve(size_t(utf8.size()) + 4);
    for (const char c : utf8) {
        if (special.find(c) != std::string_view::npos)
            out += '\\';
        out += c;
    }
    return out;
}

} // namespace

std::string DemoLineProtocol::measurement(const QString &name)
{
    return escaped(name, ", ");
}

std::string DemoLineProtocol::key(const QString &name)
{
    return escaped(name, ",= ");
}

void DemoLineProtocol::appendFloat(std::string &out, double value, int significant)
{
    if (!std::isfinite(value))
        value = 0.0; // line protocol has no NaN/Inf; a demo never needs them
    char buf[64];
    std::to_chars_result r;
    if (std::fabs(value) >= 1e4 && std::fabs(value) < 1e15)
        r = std::to_chars(buf, buf + sizeof buf, std::round(value), std::chars_format::fixed, 0);
    else
        r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::general, significant);
    out.append(buf, r.ptr);
}

void DemoLineProtocol::appendFixed(std::string &out, double value, int decimals)
{
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    out.append(buf, r.ptr);
}

void DemoLineProtocol::appendInteger(std::string &out, std::int64_t value)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, r.ptr);
    out += 'i';
}

void DemoLineProtocol::appendString(std::string &out, std::string_view value)
{
    out += '"';
    for (const char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '"';
}

void DemoLineProtocol::appendTime(std::string &out, std::int64_t timeMs)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, timeMs);
    out += ' ';
    out.append(buf, r.ptr);
    out += '\n';
}

} // namespace sasquatch
