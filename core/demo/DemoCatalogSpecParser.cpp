// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/DemoCatalogSpecParser.h"

#include <QList>

namespace sasquatch {

namespace {

Failure lineError(int line, const QString &what)
{
    return Failure{QStringLiteral("demo catalog spec, line %1: %2").arg(line).arg(what)};
}

bool parseIndices(const QString &text, std::vector<int> &out)
{
    if (text == u'-')
        return true;
    for (const QString &part : text.split(u',')) {
        const qsizetype dash = part.indexOf(u'-');
        bool ok1 = false;
        bool ok2 = false;
        if (dash > 0) {
            const int from = part.left(dash).toInt(&ok1);
            const int to = part.mid(dash + 1).toInt(&ok2);
            if (!ok1 || !ok2 || to < from)
                return false;
            for (int i = from; i <= to; ++i)
                out.push_back(i);
        } else {
            out.push_back(part.toInt(&ok1));
            if (!ok1)
                return false;
        }
    }
    return !out.empty();
}

bool parseType(QChar c, DemoFieldType &type)
{
    switch (c.unicode()) {
    case 'd': type = DemoFieldType::Float64; return true;
    case 'f': type = DemoFieldType::Float32; return true;
    case 'i': type = DemoFieldType::Int32; return true;
    case 'l': type = DemoFieldType::Int64; return true;
    case 'b': type = DemoFieldType::Boolean; return true;
    case 's': type = DemoFieldType::String; return true;
    default: return false;
    }
}

Outcome<DemoField> parseField(const QString &token, int line)
{
    const QStringList parts = token.split(u':');
    if (parts.size() < 2 || parts.size() > 3)
        return lineError(line, QStringLiteral("field \"%1\" is not name[count]:type[:units]").arg(token));
    DemoField field;
    QString name = parts[0];
    const qsizetype bracket = name.indexOf(u'[');
    if (bracket >= 0) {
        if (!name.endsWith(u']'))
            return lineError(line, QStringLiteral("unclosed array size in \"%1\"").arg(token));
        bool ok = false;
        field.count = name.mid(bracket + 1, name.size() - bracket - 2).toInt(&ok);
        if (!ok || field.count < 2)
            return lineError(line, QStringLiteral("bad array size in \"%1\"").arg(token));
        name.truncate(bracket);
    }
    if (name.isEmpty() || parts[1].size() != 1 || !parseType(parts[1].at(0), field.type))
        return lineError(line, QStringLiteral("bad field \"%1\"").arg(token));
    field.name = name;
    if (parts.size() == 3)
        field.units = QString(parts[2]).replace(u'~', u' ');
    field.description = DemoCatalogSpecParser::words(name);
    if (field.isArray())
        field.description += QStringLiteral(" (%1 values)").arg(field.count);
    return field;
}

} // namespace

QString DemoCatalogSpecParser::words(const QString &camelCase)
{
    QString out;
    out.reserve(camelCase.size() + 8);
    for (qsizetype i = 0; i < camelCase.size(); ++i) {
        const QChar c = camelCase.at(i);
        if (c == u'_') {
            out += u' ';
            continue;
        }
        // A capital after a lower-case letter starts a word; runs of capitals (acronyms such
        // as "M1M3", "LUT", "ILC") stay together.
        const bool boundary = i > 0 && c.isUpper() && camelCase.at(i - 1).isLower();
        if (boundary)
            out += u' ';
        out += (boundary && (i + 1 >= camelCase.size() || camelCase.at(i + 1).isLower()))
                   ? c.toLower()
                   : c;
    }
    if (!out.isEmpty())
        out[0] = out[0].toUpper();
    return out;
}

Outcome<DemoCatalogSpec> DemoCatalogSpecParser::parse(QByteArrayView text)
{
    DemoCatalogSpec spec;
    const QString all = QString::fromUtf8(text);
    const QStringList lines = all.split(u'\n');
    for (int n = 0; n < lines.size(); ++n) {
        const int lineNo = n + 1;
        const QString line = lines[n].trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList tokens = line.split(u' ', Qt::SkipEmptyParts);
        const QString &keyword = tokens[0];
        if (keyword == u"CSC") {
            if (tokens.size() < 4)
                return lineError(lineNo, QStringLiteral("CSC needs a name, indices and a description"));
            DemoCsc csc;
            csc.name = tokens[1];
            if (!parseIndices(tokens[2], csc.salIndices))
                return lineError(lineNo, QStringLiteral("bad salIndex list \"%1\"").arg(tokens[2]));
            csc.description = tokens.mid(3).join(u' ');
            spec.cscs.push_back(std::move(csc));
            continue;
        }
        if (keyword != u"T" && keyword != u"E" && keyword != u"C")
            return lineError(lineNo, QStringLiteral("unknown keyword \"%1\"").arg(keyword));
        if (spec.cscs.empty())
            return lineError(lineNo, QStringLiteral("topic before any CSC"));
        if (tokens.size() < 2)
            return lineError(lineNo, QStringLiteral("topic without a name"));
        DemoTopic topic;
        topic.csc = spec.cscs.back().name;
        qsizetype firstField = 2;
        if (keyword == u"T") {
            topic.kind = DemoTopicKind::Telemetry;
            topic.name = tokens[1];
            bool ok = false;
            topic.rateHz = tokens.size() > 2 ? tokens[2].toDouble(&ok) : 0.0;
            if (!ok || topic.rateHz <= 0.0)
                return lineError(lineNo, QStringLiteral("telemetry \"%1\" needs a rate in Hz").arg(tokens[1]));
            firstField = 3;
        } else if (keyword == u"E") {
            topic.kind = DemoTopicKind::Event;
            topic.name = QStringLiteral("logevent_") + tokens[1];
        } else {
            topic.kind = DemoTopicKind::Command;
            topic.name = QStringLiteral("command_") + tokens[1];
        }
        topic.description = words(tokens[1]);
        for (qsizetype i = firstField; i < tokens.size(); ++i) {
            Outcome<DemoField> field = parseField(tokens[i], lineNo);
            if (!field)
                return field.failure();
            for (const DemoField &existing : topic.fields)
                if (existing.name == field->name)
                    return lineError(lineNo, QStringLiteral("field \"%1\" twice").arg(field->name));
            topic.fields.push_back(std::move(field).value());
        }
        spec.topics.push_back(std::move(topic));
    }
    return spec;
}

} // namespace sasquatch
