// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/influx/QueryEscape.h"

namespace sasquatch {

namespace {

QString quoted(QStringView text, QChar quote)
{
    QString out;
    out.reserve(text.size() + 2);
    out += quote;
    for (const QChar c : text) {
        if (c == u'\\' || c == quote)
            out += u'\\';
        // A raw newline cannot end an InfluxQL statement inside quotes, but keep the text on one
        // line so that logs and error positions stay readable.
        if (c == u'\n') {
            out += QStringLiteral("\\n");
            continue;
        }
        out += c;
    }
    out += quote;
    return out;
}

} // namespace

QString influxQlIdentifier(QStringView name)
{
    return quoted(name, u'"');
}

QString influxQlString(QStringView value)
{
    return quoted(value, u'\'');
}

QString fluxString(QStringView value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        switch (c.unicode()) {
        case '\\': out += QStringLiteral("\\\\"); break;
        case '"': out += QStringLiteral("\\\""); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        case '$':
            // `${` would start string interpolation in Flux.
            if (i + 1 < value.size() && value[i + 1] == u'{')
                out += QStringLiteral("\\$");
            else
                out += c;
            break;
        default: out += c;
        }
    }
    out += u'"';
    return out;
}

} // namespace sasquatch
