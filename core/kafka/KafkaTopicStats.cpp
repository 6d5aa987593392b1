// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/kafka/KafkaTopicStats.h"

namespace sasquatch {

QString connectionStateName(KafkaConnectionState state)
{
    switch (state) {
    case KafkaConnectionState::Stopped:
        return QStringLiteral("stopped");
    case KafkaConnectionState::Connecting:
        return QStringLiteral("connecting");
    case KafkaConnectionState::Connected:
        return QStringLiteral("connected");
    case KafkaConnectionState::Reconnecting:
        return QStringLiteral("reconnecting");
    case KafkaConnectionState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

} // namespace sasquatch
