// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace sasquatch {

class ConnectionController;
class LivePanel;
class TopicBrowser;

/// Connects the live panel to the window so that MainWindow only creates it: the active
/// profile with its InfluxDB secret and Kafka password, read from the secret store, and the
/// topic tree's units for fields dropped without one.
class LiveCatalogBinding : public QObject
{
    Q_OBJECT
public:
    LiveCatalogBinding(LivePanel &live, ConnectionController &controller, TopicBrowser *topics, QObject *parent = nullptr);

private:
    void onActiveProfile(const QString &name);

    LivePanel &m_live;
    ConnectionController &m_controller;
};

} // namespace sasquatch
