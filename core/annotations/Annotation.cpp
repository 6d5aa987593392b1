// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/Annotation.h"

#include <QRegularExpression>

namespace sasquatch {

bool Annotation::isReservedTagKey(const QString &key)
{
    // Chronograf's annotationTagsBlacklist, plus the columns SELECT * returns besides tags.
    static const QStringList reserved{
        QStringLiteral("deleted"),  QStringLiteral("start_time"), QStringLiteral("startTime"),
        QStringLiteral("end_time"), QStringLiteral("endTime"),    QStringLiteral("modified_time_ns"),
        QStringLiteral("text"),     QStringLiteral("type"),       QStringLiteral("id"),
        QStringLiteral("color"),    QStringLiteral("time"),
    };
    return reserved.contains(key);
}

std::optional<std::pair<QString, QString>> Annotation::splitTag(const QString &keyEqualsValue)
{
    const qsizetype eq = keyEqualsValue.indexOf(u'=');
    if (eq < 0)
        return std::nullopt;
    const QString key = keyEqualsValue.left(eq).trimmed();
    if (key.isEmpty())
        return std::nullopt;
    return std::pair(key, keyEqualsValue.mid(eq + 1));
}

QStringList Annotation::validate() const
{
    QStringList problems;
    if (endNs < startNs)
        problems << QStringLiteral("The end time is before the start time.");
    if (text.trimmed().isEmpty())
        problems << QStringLiteral("The text is empty.");
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        const QString &key = it.key();
        if (key.trimmed().isEmpty())
            problems << QStringLiteral("A tag has an empty name.");
        else if (isReservedTagKey(key))
            problems << QStringLiteral("\"%1\" cannot be a tag name: annotations use it themselves.").arg(key);
        if (it.value().isEmpty())
            problems << QStringLiteral("Tag \"%1\" has an empty value (InfluxDB drops empty tags).").arg(key);
        // A line break would end the line-protocol line; InfluxDB has no escape for it in tags.
        if (key.contains(u'\n') || key.contains(u'\r') || it.value().contains(u'\n') || it.value().contains(u'\r'))
            problems << QStringLiteral("Tag \"%1\" contains a line break.").arg(key.simplified());
        // Line protocol cannot escape a backslash that ends a tag: it would swallow the separator.
        if (key.endsWith(u'\\') || it.value().endsWith(u'\\'))
            problems << QStringLiteral("Tag \"%1\" ends with a backslash, which InfluxDB cannot store.").arg(key);
    }
    static const QRegularExpression hex(QStringLiteral("^#[0-9a-fA-F]{6}$"));
    if (!color.isEmpty() && !hex.match(color).hasMatch())
        problems << QStringLiteral("The colour \"%1\" is not of the form #rrggbb.").arg(color);
    return problems;
}

} // namespace sasquatch
