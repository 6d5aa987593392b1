// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live/LiveCatalogBinding.h"

#include "core/catalog/TopicTreeModel.h"
#include "core/kafka/MessageLayout.h"
#include "core/kafka/TopicSchemaService.h"
#include "core/series/LiveSession.h"
#include "gui/app/ConnectionController.h"
#include "gui/live/LivePanel.h"
#include "gui/topics/TopicBrowser.h"

#include <QSet>

namespace sasquatch {

LiveCatalogBinding::LiveCatalogBinding(LivePanel &live, ConnectionController &controller, TopicBrowser *topics,
                                       QObject *parent)
    : QObject(parent), m_live(live), m_controller(controller), m_schemas(new TopicSchemaService(this))
{
    if (topics) {
        m_live.setUnitLookup([topics](const QString &topic, const QString &field) {
            for (const FieldInfo &f : topics->model().fieldsOf(topic))
                if (f.name == field)
                    return f.unit;
            return QString();
        });
        connect(topics, &TopicBrowser::fieldsRequested, m_schemas, &TopicSchemaService::describe);
        connect(topics, &TopicBrowser::topicSelected, m_schemas, &TopicSchemaService::describe);
        connect(m_schemas, &TopicSchemaService::described, this, [topics](const QString &topic, const FieldDocs &docs) {
            topics->model().setFieldDocs(topic, docs);
        });
    }
    connect(m_schemas, &TopicSchemaService::described, this, [this](const QString &topic, const FieldDocs &docs) {
        m_live.applyFieldDocs(topic, docs);
        Q_EMIT fieldDocsChanged(topic);
    });
    // One message per topic and connection: a registry that is down would otherwise repeat
    // itself for every topic the user opens.
    auto reported = std::make_shared<QSet<QString>>();
    connect(m_schemas, &TopicSchemaService::failed, this, [this, reported](const QString &topic, const QString &text) {
        if (!reported->contains(topic)) {
            reported->insert(topic);
            Q_EMIT m_live.message(tr("Units of %1 are unknown: %2").arg(topic, text), true);
        }
    });
    connect(&m_live.session(), &LiveSession::layoutSeen, m_schemas,
            [this](const QString &topic, const std::shared_ptr<const MessageLayout> &layout) { m_schemas->learn(topic, *layout); });
    connect(&controller, &ConnectionController::activeProfileChanged, this, [this, reported](const QString &name) {
        reported->clear();
        onActiveProfile(name);
    });
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
            if (m_controller.activeProfile() != profile.name) // another profile meanwhile
                return;
            m_live.setConnection(profile, influx, kafka);
            m_schemas->setSource(m_live.schemaSource());
        });
    });
}

} // namespace sasquatch
