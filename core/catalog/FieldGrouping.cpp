// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/FieldGrouping.h"

#include "core/catalog/NaturalOrder.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>

namespace sasquatch {

namespace {

constexpr int kMaxArrayIndex = 10'000'000;

// SAL's own order of its private fields (ts_xml's SALGenerics), which engineers know by heart.
constexpr std::array<const char *, 9> kPrivateOrder = {
    "salIndex",         "private_sndStamp", "private_rcvStamp", "private_efdStamp", "private_kafkaStamp",
    "private_seqNum",   "private_revCode",  "private_identity", "private_origin",
};

int privateRank(QStringView name)
{
    for (size_t i = 0; i < kPrivateOrder.size(); ++i) {
        if (name == QLatin1String(kPrivateOrder[i]))
            return int(i);
    }
    return int(kPrivateOrder.size());
}

struct IndexedMember
{
    int index;
    int field; // position in the deduplicated input
};

} // namespace

bool FieldGrouping::splitIndexedName(QStringView name, QStringView *base, int *index)
{
    qsizetype start = name.size();
    while (start > 0 && name[start - 1].unicode() >= u'0' && name[start - 1].unicode() <= u'9')
        --start;
    const qsizetype digits = name.size() - start;
    if (digits == 0 || start == 0 || digits > 8)
        return false;
    if (digits > 1 && name[start] == u'0')
        return false;
    int value = 0;
    for (qsizetype i = start; i < name.size(); ++i)
        value = value * 10 + (name[i].unicode() - u'0');
    if (value > kMaxArrayIndex)
        return false;
    *base = name.first(start);
    *index = value;
    return true;
}

std::vector<GroupedField> FieldGrouping::group(const std::vector<FieldInfo> &fields)
{
    // Deduplicate by name, keeping the first occurrence.
    std::vector<const FieldInfo *> unique;
    unique.reserve(fields.size());
    {
        QSet<QStringView> seen;
        seen.reserve(qsizetype(fields.size()));
        for (const FieldInfo &f : fields) {
            const qsizetype before = seen.size();
            seen.insert(f.name);
            if (seen.size() != before)
                unique.push_back(&f);
        }
    }

    QHash<QStringView, std::vector<IndexedMember>> byBase;
    for (int i = 0; i < int(unique.size()); ++i) {
        QStringView base;
        int index = 0;
        if (splitIndexedName(unique[size_t(i)]->name, &base, &index))
            byBase[base].push_back({index, i});
    }

    std::vector<bool> inArray(unique.size(), false);
    std::vector<GroupedField> out;
    out.reserve(unique.size());
    for (auto it = byBase.begin(); it != byBase.end(); ++it) {
        std::vector<IndexedMember> &members = it.value();
        if (members.size() < 2)
            continue;
        std::sort(members.begin(), members.end(),
                  [](const IndexedMember &a, const IndexedMember &b) { return a.index < b.index; });
        bool complete = true;
        const FieldType type = unique[size_t(members.front().field)]->type;
        for (size_t k = 0; k < members.size() && complete; ++k) {
            complete = members[k].index == int(k) && unique[size_t(members[k].field)]->type == type;
        }
        if (!complete)
            continue;
        GroupedField array;
        array.name = it.key().toString();
        array.type = type;
        array.isPrivate = isPrivateFieldName(array.name);
        array.elements.reserve(members.size());
        bool sameUnit = true;
        for (const IndexedMember &m : members) {
            const FieldInfo &element = *unique[size_t(m.field)];
            sameUnit = sameUnit && element.unit == unique[size_t(members.front().field)]->unit;
            array.elements.push_back(element);
            inArray[size_t(m.field)] = true;
        }
        array.unit = sameUnit ? array.elements.front().unit : QString();
        array.description = array.elements.front().description;
        out.push_back(std::move(array));
    }

    for (size_t i = 0; i < unique.size(); ++i) {
        if (inArray[i])
            continue;
        const FieldInfo &f = *unique[i];
        GroupedField scalar;
        scalar.name = f.name;
        scalar.type = f.type;
        scalar.unit = f.unit;
        scalar.description = f.description;
        scalar.isPrivate = isPrivateFieldName(f.name);
        out.push_back(std::move(scalar));
    }

    std::sort(out.begin(), out.end(), [](const GroupedField &a, const GroupedField &b) {
        if (a.isPrivate != b.isPrivate)
            return !a.isPrivate;
        if (a.isPrivate) {
            const int ra = privateRank(a.name);
            const int rb = privateRank(b.name);
            if (ra != rb)
                return ra < rb;
        }
        const int c = naturalCompare(a.name, b.name);
        if (c != 0)
            return c < 0;
        return !a.isArray() && b.isArray();
    });
    return out;
}

} // namespace sasquatch
