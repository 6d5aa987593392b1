// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/KafkaStartPosition.h"

namespace sasquatch {

std::optional<KafkaStartPosition> KafkaStartPosition::parse(const QString &input)
{
    const QString text = input.trimmed().toLower();
    if (text == u"now" || text == u"end")
        return KafkaStartPosition{KafkaStartMode::Now, 0};
    if (text == u"beginning" || text == u"earliest")
        return KafkaStartPosition{KafkaStartMode::Beginning, 0};
    if (!text.startsWith(u'-') || text.size() < 2)
        return std::nullopt;
    QString number = text.mid(1);
    std::int64_t scale = 0; // 0 = a message count
    if (number.endsWith(u"ms"))
        return std::nullopt; // sub-second starts make no sense for Kafka timestamps lookups
    if (number.endsWith(u's'))
        scale = 1;
    else if (number.endsWith(u'm'))
        scale = 60;
    else if (number.endsWith(u'h'))
        scale = 3600;
    else if (number.endsWith(u'd'))
        scale = 86400;
    if (scale != 0)
        number.chop(1);
    bool ok = false;
    const qlonglong value = number.toLongLong(&ok);
    if (!ok || value <= 0 || number.startsWith(u'+'))
        return std::nullopt;
    if (scale == 0)
        return KafkaStartPosition{KafkaStartMode::LastN, value};
    return KafkaStartPosition{KafkaStartMode::SecondsAgo, value * scale};
}

QString KafkaStartPosition::text() const
{
    switch (mode) {
    case KafkaStartMode::Now:
        return QStringLiteral("now");
    case KafkaStartMode::Beginning:
        return QStringLiteral("beginning");
    case KafkaStartMode::SecondsAgo:
        return QStringLiteral("-%1s").arg(amount);
    case KafkaStartMode::LastN:
        return QStringLiteral("-%1").arg(amount);
    }
    return {};
}

} // namespace sasquatch
