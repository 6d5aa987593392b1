// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace sasquatch {

class BucketBrowser;
class ConnectionController;
class PlotWorkspace;
class TopicBrowser;

/// Connects a PlotWorkspace to the rest of the window so that MainWindow only creates it: the
/// active profile and its secret (for the plots' queries), the server's language (InfluxQL on
/// 1.x, Flux on 2.x), the current bucket (carried by fields dragged from the topic tree, whose
/// view it makes a drag source) and the catalog's units for fields that arrive without one.
class PlotCatalogBinding : public QObject
{
    Q_OBJECT
public:
    PlotCatalogBinding(PlotWorkspace &plots, ConnectionController &controller, TopicBrowser *topics,
                       BucketBrowser *buckets, QObject *parent = nullptr);

private:
    void onActiveProfile(const QString &name);

    PlotWorkspace &m_plots;
    ConnectionController &m_controller;
    TopicBrowser *m_topics;
};

} // namespace sasquatch
