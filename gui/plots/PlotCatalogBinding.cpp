// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/PlotCatalogBinding.h"

#include "core/catalog/TopicTreeModel.h"
#include "gui/app/ConnectionController.h"
#include "gui/plots/PlotWorkspace.h"
#include "gui/topics/BucketBrowser.h"
#include "gui/topics/TopicBrowser.h"

#include <QTreeView>

namespace sasquatch {

PlotCatalogBinding::PlotCatalogBinding(PlotWorkspace &plots, ConnectionController &controller, TopicBrowser *topics,
                                       BucketBrowser *buckets, QObject *parent)
    : QObject(parent), m_plots(plots), m_controller(controller), m_topics(topics)
{
    QTreeView *view = topics->view();
    view->setDragEnabled(true);
    view->setDragDropMode(QAbstractItemView::DragOnly);
    connect(buckets, &BucketBrowser::bucketActivated, this,
            [this](const BucketInfo &bucket) { m_topics->model().setBucket(bucket.name); });
    connect(&controller.catalog(), &CatalogService::serverInfoReceived, this, [this](const ServerInfo &info) {
        m_plots.setLanguage(info.flavour == ApiFlavour::V2 ? QueryLanguage::Flux : QueryLanguage::InfluxQl);
    });
    connect(&controller, &ConnectionController::activeProfileChanged, this, &PlotCatalogBinding::onActiveProfile);
    m_plots.setUnitLookup([this](const QString &measurement, const QString &field) {
        for (const FieldInfo &f : m_topics->model().fieldsOf(measurement))
            if (f.name == field)
                return f.unit;
        return QString();
    });
    if (!controller.activeProfile().isEmpty())
        onActiveProfile(controller.activeProfile());
}

void PlotCatalogBinding::onActiveProfile(const QString &name)
{
    const ConnectionProfile *found = m_controller.profiles().find(name);
    if (!found)
        return;
    const ConnectionProfile profile = *found;
    m_controller.readSecret(name, ConnectionController::influxSecretKind(profile), [this, profile](const QString &secret) {
        if (m_controller.activeProfile() == profile.name) // not another profile meanwhile
            m_plots.setConnection(profile, secret);
    });
}

} // namespace sasquatch
