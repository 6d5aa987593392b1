// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live/LiveCatalogBinding.h"

#include "gui/app/ConnectionController.h"
#include "core/catalog/TopicTreeModel.h"
#include "gui/live/LivePanel.h"
#include "gui/topics/TopicBrowser.h"

namespace sasquatch {

LiveCatalogBinding::LiveCatalogBinding(LivePanel &live, ConnectionController &controller, TopicBrowser *topics,
                                       QObject *parent)
    : QObject(parent), m_live(live), m_controller(controller)
{
    if (topics) {
        m_live.setUnitLookup([topics](const QString &topic, const QString &field) {
            for (const FieldInfo &f : topics->model().fieldsOf(topic))
                if (f.name == field)
                    return f.unit;
            return QString();
        });
    }
    connect(&controller, &ConnectionController::activeProfileChanged, this, &LiveCatalogBinding::onActiveProfile);
    if (!controller.activeProfile().isEmpty())
        onActiveProfile(controller.activeProfile());
}

void LiveCatalogBinding::onActiveProfile(const QString &name)
{
    const ConnectionProfile *found = m_controller.profiles().find(name);
    if (!found)
        return;
    const ConnectionProfile profile = *found;
    m_controller.readSecret(name, ConnectionController::influxSecretKind(profile), [this, profile](const QString &influx) {
        m_controller.readSecret(profile.name, SecretKind::KafkaPassword, [this, profile, influx](const QString &kafka) {
            if (m_controller.activeProfile() == profile.name) // not another profile meanwhile
                m_live.setConnection(profile, influx, kafka);
        });
    });
}

} // namespace sasquatch
