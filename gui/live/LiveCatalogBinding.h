// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace sasquatch {

class ConnectionController;
class LivePanel;
class TopicBrowser;
class TopicSchemaService;

/// Connects the live panel to the window so that MainWindow only creates it: the active
/// profile with its InfluxDB secret and Kafka password, read from the secret store, and the
/// topic tree's units for fields dropped without one. It also keeps the catalog's units and
/// descriptions: a topic expanded or selected in the tree is described from its schema (the
/// connection's Schema Registry, or the demo's schemas), and every schema a live message
/// brings is learnt; both reach the tree's rows and the live panel's axes.
class LiveCatalogBinding : public QObject
{
    Q_OBJECT
public:
    LiveCatalogBinding(LivePanel &live, ConnectionController &controller, TopicBrowser *topics, QObject *parent = nullptr);

    TopicSchemaService &schemas() { return *m_schemas; }

Q_SIGNALS:
    /// Units and descriptions of `topic`'s fields changed (the details pane may show them).
    void fieldDocsChanged(const QString &topic);

private:
    void onActiveProfile(const QString &name);

    LivePanel &m_live;
    ConnectionController &m_controller;
    TopicSchemaService *m_schemas = nullptr;
};

} // namespace sasquatch
