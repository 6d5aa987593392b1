// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/SchemaSnapshot.h"

namespace sasquatch {

QStringList SchemaSnapshot::databases() const
{
    QStringList result;
    for (const QString &bucket : buckets) {
        const QString db = bucket.section(u'/', 0, 0);
        if (!db.isEmpty() && !result.contains(db))
            result.append(db);
    }
    return result;
}

QStringList SchemaSnapshot::retentionPolicies(QStringView database) const
{
    QStringList result;
    for (const QString &bucket : buckets) {
        const qsizetype slash = bucket.indexOf(u'/');
        if (slash > 0 && QStringView(bucket).first(slash) == database) {
            const QString rp = bucket.mid(slash + 1);
            if (!rp.isEmpty() && !result.contains(rp))
                result.append(rp);
        }
    }
    return result;
}

} // namespace sasquatch
