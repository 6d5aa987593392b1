// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/series/LiveFieldSpec.h"

namespace sasquatch {

Outcome<std::map<QString, QStringList>> LiveFieldSpec::parse(const QString &text)
{
    std::map<QString, QStringList> out;
    const QStringList topics = text.split(u';', Qt::SkipEmptyParts);
    if (topics.isEmpty())
        return Failure{QStringLiteral("no topic given (expected TOPIC:FIELD[,FIELD...])")};
    for (const QString &part : topics) {
        const qsizetype colon = part.indexOf(u':');
        const QString topic = part.left(colon).trimmed();
        if (colon < 0 || topic.isEmpty())
            return Failure{QStringLiteral("\"%1\": expected TOPIC:FIELD[,FIELD...]").arg(part)};
        QStringList &fields = out[topic];
        for (const QString &raw : part.mid(colon + 1).split(u',', Qt::SkipEmptyParts)) {
            const QString f = raw.trimmed();
            const qsizetype open = f.indexOf(u'[');
            if (open < 0) {
                if (!fields.contains(f))
                    fields.append(f);
                continue;
            }
            bool ok = false;
            const int count = f.endsWith(u']') ? f.mid(open + 1, f.size() - open - 2).toInt(&ok) : 0;
            if (!ok || count <= 0 || count > 100'000 || open == 0)
                return Failure{QStringLiteral("\"%1\" in \"%2\": an array is NAME[LENGTH], e.g. zForce[156]").arg(f, part)};
            for (int i = 0; i < count; ++i) {
                const QString element = f.left(open) + QString::number(i);
                if (!fields.contains(element))
                    fields.append(element);
            }
        }
        if (fields.isEmpty())
            return Failure{QStringLiteral("\"%1\": no field given").arg(part)};
    }
    return out;
}

} // namespace sasquatch
