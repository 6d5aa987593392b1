// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FieldInfo.h"

namespace sasquatch {

FieldType fieldTypeFromInflux(QStringView text)
{
    const QStringView t = text.trimmed();
    auto is = [t](const char *word) { return t.compare(QLatin1String(word), Qt::CaseInsensitive) == 0; };
    if (is("float") || is("double"))
        return FieldType::Float;
    if (is("integer") || is("long"))
        return FieldType::Integer;
    if (is("unsigned") || is("unsignedLong"))
        return FieldType::Unsigned;
    if (is("string"))
        return FieldType::String;
    if (is("boolean"))
        return FieldType::Boolean;
    return FieldType::Unknown;
}

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Float: return QStringLiteral("float");
    case FieldType::Integer: return QStringLiteral("integer");
    case FieldType::Unsigned: return QStringLiteral("unsigned");
    case FieldType::String: return QStringLiteral("string");
    case FieldType::Boolean: return QStringLiteral("boolean");
    case FieldType::Unknown: break;
    }
    return QStringLiteral("unknown");
}

bool isPrivateFieldName(QStringView name)
{
    return name.startsWith(QLatin1String("private_")) || name == QLatin1String("salIndex");
}

} // namespace sasquatch
