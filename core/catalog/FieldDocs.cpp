// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FieldDocs.h"

#include "core/catalog/FieldGrouping.h"

namespace sasquatch {

bool FieldDocs::isDimensionless(const QString &unit)
{
    return unit.compare(QLatin1String("unitless"), Qt::CaseInsensitive) == 0
           || unit.compare(QLatin1String("dimensionless"), Qt::CaseInsensitive) == 0;
}

namespace {

FieldDoc cleaned(FieldDoc doc)
{
    doc.unit = doc.unit.trimmed();
    if (FieldDocs::isDimensionless(doc.unit))
        doc.unit.clear();
    doc.description = doc.description.trimmed();
    return doc;
}

} // namespace

void FieldDocs::addScalar(const QString &name, FieldDoc doc)
{
    m_scalars.insert(name, cleaned(std::move(doc)));
}

void FieldDocs::addArray(const QString &name, FieldDoc doc)
{
    m_arrays.insert(name, cleaned(std::move(doc)));
}

const FieldDoc *FieldDocs::find(const QString &field) const
{
    if (const auto it = m_scalars.constFind(field); it != m_scalars.constEnd())
        return &*it;
    QStringView base;
    int index = 0;
    if (!FieldGrouping::splitIndexedName(field, &base, &index))
        return nullptr;
    const auto it = m_arrays.constFind(base.toString());
    return it == m_arrays.constEnd() ? nullptr : &*it;
}

bool FieldDocs::apply(std::vector<FieldInfo> &fields) const
{
    bool changed = false;
    for (FieldInfo &f : fields) {
        const FieldDoc *doc = find(f.name);
        if (!doc)
            continue;
        if (f.unit != doc->unit || f.description != doc->description) {
            f.unit = doc->unit;
            f.description = doc->description;
            changed = true;
        }
    }
    return changed;
}

} // namespace sasquatch
