// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QuerySelection.h"

namespace sasquatch {

void QuerySelection::setBucket(const QString &name)
{
    bucket = name;
    const qsizetype slash = name.indexOf(u'/');
    database = slash < 0 ? name : name.left(slash);
    retentionPolicy = slash < 0 ? QString() : name.mid(slash + 1);
}

void QuerySelection::setFieldNames(const QStringList &names)
{
    fields.clear();
    fields.reserve(static_cast<std::size_t>(names.size()));
    for (const QString &name : names)
        fields.push_back(FieldInfo{name, FieldType::Unknown, {}, {}});
}

QStringList QuerySelection::fieldNames() const
{
    QStringList names;
    names.reserve(static_cast<qsizetype>(fields.size()));
    for (const FieldInfo &f : fields)
        names << f.name;
    return names;
}

} // namespace sasquatch
