// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/FluxStdlib.h"

#include "core/query/FluxStdlibData.h"
#include "core/query/LexSupport.h"

#include <algorithm>

namespace sasquatch {

namespace {

bool isIdentifier(QStringView text)
{
    if (text.isEmpty() || !lex::isIdentStart(text[0]))
        return false;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return lex::isIdentChar(c); });
}

/// Position of the bracket closing the one at `open`, honouring nesting and strings; -1 if none.
qsizetype closingBracket(QStringView text, qsizetype open)
{
    int depth = 0;
    bool inString = false;
    for (qsizetype i = open; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
            continue;
        }
        if (c == u'"')
            inString = true;
        else if (c == u'(' || c == u'[' || c == u'{')
            ++depth;
        else if ((c == u')' || c == u']' || c == u'}') && --depth == 0)
            return i;
    }
    return -1;
}

/// Splits at the commas that are not nested in brackets or strings.
QList<QStringView> splitTopLevel(QStringView text)
{
    QList<QStringView> parts;
    int depth = 0;
    bool inString = false;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"')
                inString = false;
        } else if (c == u'"') {
            inString = true;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            --depth;
        } else if (c == u',' && depth == 0) {
            parts.append(text.sliced(start, i - start).trimmed());
            start = i + 1;
        }
    }
    const QStringView last = text.sliced(start).trimmed();
    if (!last.isEmpty())
        parts.append(last);
    return parts;
}

/// Position of the " = " that separates a parameter's type from its default, outside brackets.
qsizetype defaultSeparator(QStringView text)
{
    int depth = 0;
    for (qsizetype i = 0; i + 2 < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'(' || c == u'[' || c == u'{')
            ++depth;
        else if (c == u')' || c == u']' || c == u'}')
            --depth;
        else if (depth == 0 && text.sliced(i).startsWith(u" = "))
            return i;
    }
    return -1;
}

std::optional<FluxParameter> parseParameter(QStringView text, QString *error)
{
    FluxParameter p;
    QStringView rest = text;
    if (rest.startsWith(u"<-")) {
        p.role = FluxParameterRole::Pipe;
        rest = rest.sliced(2);
    } else if (rest.startsWith(u'?')) {
        p.role = FluxParameterRole::Optional;
        rest = rest.sliced(1);
    }
    const qsizetype colon = rest.indexOf(u':');
    if (colon <= 0) {
        *error = QStringLiteral("parameter \"%1\" has no type").arg(text);
        return std::nullopt;
    }
    p.name = rest.first(colon).trimmed().toString();
    if (!isIdentifier(p.name)) {
        *error = QStringLiteral("parameter name \"%1\" is not an identifier").arg(p.name);
        return std::nullopt;
    }
    QStringView typeAndDefault = rest.sliced(colon + 1).trimmed();
    const qsizetype eq = defaultSeparator(typeAndDefault);
    if (eq >= 0) {
        if (p.role != FluxParameterRole::Required) {
            *error = QStringLiteral("parameter \"%1\" is marked optional and has a default").arg(p.name);
            return std::nullopt;
        }
        p.defaultValue = typeAndDefault.sliced(eq + 3).trimmed().toString();
        typeAndDefault = typeAndDefault.first(eq).trimmed();
        p.role = FluxParameterRole::Optional;
        if (p.defaultValue.isEmpty()) {
            *error = QStringLiteral("parameter \"%1\" has an empty default").arg(p.name);
            return std::nullopt;
        }
    }
    p.type = typeAndDefault.toString();
    if (p.type.isEmpty()) {
        *error = QStringLiteral("parameter \"%1\" has an empty type").arg(p.name);
        return std::nullopt;
    }
    return p;
}

} // namespace

QString FluxParameter::text() const
{
    QString s;
    if (role == FluxParameterRole::Pipe)
        s = QStringLiteral("<-");
    else if (role == FluxParameterRole::Optional && defaultValue.isEmpty())
        s = QStringLiteral("?");
    s += name + QStringLiteral(": ") + type;
    if (!defaultValue.isEmpty())
        s += QStringLiteral(" = ") + defaultValue;
    return s;
}

bool FluxSymbol::takesPipe() const
{
    return std::any_of(parameters.cbegin(), parameters.cend(),
                       [](const FluxParameter &p) { return p.role == FluxParameterRole::Pipe; });
}

const FluxParameter *FluxSymbol::parameter(QStringView parameterName) const
{
    for (const FluxParameter &p : parameters)
        if (p.name == parameterName)
            return &p;
    return nullptr;
}

QList<const FluxParameter *> FluxSymbol::requiredParameters() const
{
    QList<const FluxParameter *> result;
    for (const FluxParameter &p : parameters)
        if (p.role == FluxParameterRole::Required)
            result.append(&p);
    return result;
}

QString FluxSymbol::signature() const
{
    if (kind == FluxSymbolKind::Constant)
        return name + QStringLiteral(": ") + type;
    QStringList parts;
    for (const FluxParameter &p : parameters)
        if (p.role != FluxParameterRole::Pipe)
            parts.append(p.text());
    return name + u'(' + parts.join(QStringLiteral(", ")) + QStringLiteral(") => ") + type;
}

QString FluxSymbol::qualifiedName() const
{
    return package.isEmpty() ? name : FluxStdlib::defaultAlias(package) + u'.' + name;
}

std::optional<FluxSymbol> FluxStdlib::parseDeclaration(QStringView package, QStringView declaration, QStringView doc,
                                                       QString *error)
{
    QString localError;
    QString &err = error ? *error : localError;
    FluxSymbol symbol;
    symbol.package = package.toString();
    symbol.doc = doc.toString();
    const QStringView text = declaration.trimmed();
    const qsizetype open = text.indexOf(u'(');
    const qsizetype colon = text.indexOf(u':');
    if (open < 0 || (colon >= 0 && colon < open)) {
        // name: type
        if (colon <= 0) {
            err = QStringLiteral("\"%1\": expected name(…) => type or name: type").arg(text);
            return std::nullopt;
        }
        symbol.kind = FluxSymbolKind::Constant;
        symbol.name = text.first(colon).trimmed().toString();
        symbol.type = text.sliced(colon + 1).trimmed().toString();
    } else {
        symbol.name = text.first(open).trimmed().toString();
        const qsizetype close = closingBracket(text, open);
        if (close < 0) {
            err = QStringLiteral("\"%1\": unclosed parameter list").arg(text);
            return std::nullopt;
        }
        for (const QStringView part : splitTopLevel(text.sliced(open + 1, close - open - 1))) {
            auto p = parseParameter(part, &err);
            if (!p) {
                err = QStringLiteral("%1: %2").arg(symbol.name, err);
                return std::nullopt;
            }
            if (symbol.parameter(p->name)) {
                err = QStringLiteral("%1: parameter \"%2\" appears twice").arg(symbol.name, p->name);
                return std::nullopt;
            }
            symbol.parameters.append(*p);
        }
        const QStringView after = text.sliced(close + 1).trimmed();
        if (!after.startsWith(u"=>")) {
            err = QStringLiteral("%1: expected \"=> type\" after the parameters").arg(symbol.name);
            return std::nullopt;
        }
        symbol.type = after.sliced(2).trimmed().toString();
    }
    if (!isIdentifier(symbol.name) || symbol.type.isEmpty()) {
        err = QStringLiteral("\"%1\": bad name or missing type").arg(text);
        return std::nullopt;
    }
    return symbol;
}

FluxStdlib::FluxStdlib()
{
    const auto load = [this](std::span<const fluxdata::SymbolEntry> entries) {
        for (const fluxdata::SymbolEntry &e : entries) {
            QString error;
            auto symbol = parseDeclaration(QString::fromUtf8(e.package), QString::fromUtf8(e.declaration),
                                           QString::fromUtf8(e.doc), &error);
            if (symbol)
                m_symbols.append(std::move(*symbol));
            else
                m_errors.append(error);
        }
    };
    load(fluxdata::universeEntries());
    load(fluxdata::packageEntries());
    for (const fluxdata::PackageEntry &p : fluxdata::packageDocs())
        m_packages.append({QString::fromUtf8(p.path), QString::fromUtf8(p.doc)});
    std::sort(m_packages.begin(), m_packages.end());
}

const FluxStdlib &FluxStdlib::instance()
{
    static const FluxStdlib stdlib;
    return stdlib;
}

QStringList FluxStdlib::packagePaths() const
{
    QStringList paths;
    for (const auto &p : m_packages)
        paths.append(p.first);
    return paths;
}

QString FluxStdlib::packageDoc(QStringView path) const
{
    for (const auto &p : m_packages)
        if (p.first == path)
            return p.second;
    return {};
}

QList<const FluxSymbol *> FluxStdlib::members(QStringView packagePath) const
{
    QList<const FluxSymbol *> result;
    for (const FluxSymbol &s : m_symbols)
        if (s.package == packagePath)
            result.append(&s);
    std::sort(result.begin(), result.end(), [](const FluxSymbol *a, const FluxSymbol *b) { return a->name < b->name; });
    return result;
}

const FluxSymbol *FluxStdlib::find(QStringView packagePath, QStringView name) const
{
    for (const FluxSymbol &s : m_symbols)
        if (s.package == packagePath && s.name == name)
            return &s;
    return nullptr;
}

QString FluxStdlib::defaultAlias(QStringView packagePath)
{
    const qsizetype slash = packagePath.lastIndexOf(u'/');
    return packagePath.sliced(slash + 1).toString();
}

} // namespace sasquatch
