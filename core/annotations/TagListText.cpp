// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/TagListText.h"

#include <QRegularExpression>
#include <QStringList>

namespace sasquatch {

Outcome<QMap<QString, QString>> TagListText::parse(const QString &text)
{
    static const QRegularExpression separator(QStringLiteral("[,;]"));
    QMap<QString, QString> tags;
    for (const QString &piece : text.split(separator, Qt::SkipEmptyParts)) {
        const QString item = piece.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype eq = item.indexOf(u'=');
        const QString key = eq < 0 ? QString() : item.left(eq).trimmed();
        if (key.isEmpty())
            return Failure{QStringLiteral("\"%1\" is not key=value.").arg(item)};
        if (tags.contains(key))
            return Failure{QStringLiteral("Tag \"%1\" is given twice.").arg(key)};
        tags.insert(key, item.mid(eq + 1).trimmed());
    }
    return tags;
}

QString TagListText::format(const QMap<QString, QString> &tags)
{
    QStringList pieces;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        pieces << it.key() + u'=' + it.value();
    return pieces.join(QStringLiteral(", "));
}

} // namespace sasquatch
