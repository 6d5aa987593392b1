// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/influx/InfluxTypes.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QProgressBar;
class QTabWidget;
class QToolButton;

namespace sasquatch {

class BucketBrowser;
class LivePanel;
class ConnectionController;
class PlotWorkspace;
class PlotWorkspaceFiles;
class QueryWorkspace;
class TopicBrowser;
class TopicDetailsPanel;
struct Failure;

/// Assembles the panels and routes between them and the connection controller. Holds no
/// protocol logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ConnectionController &controller, QWidget *parent = nullptr);
    ~MainWindow() override;

    TopicBrowser *topicBrowser() const { return m_topics; }
    BucketBrowser *bucketBrowser() const { return m_buckets; }
    /// The query tabs, builder and history (gui/query/QueryWorkspace).
    QueryWorkspace *queryWorkspace() const { return m_query; }
    /// The plot panels (gui/plots/PlotWorkspace) and their files (save/open/recent).
    PlotWorkspace *plotWorkspace() const { return m_plots; }
    PlotWorkspaceFiles *plotFiles() const { return m_plotFiles; }
    LivePanel *livePanel() const { return m_live; }
    /// Brings the live panel's tab to the front.
    void showLivePanel();

    /// Shows demo start-up progress in the status bar (fraction < 0 hides it).
    void showBackgroundProgress(double fraction, const QString &text);
    void showMessage(const QString &text, bool error = false);

Q_SIGNALS:
    /// The first frame was painted (for the start-up benchmark).
    void firstPaint();

protected:
    bool event(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildToolBar();
    void buildPanels();
    void buildMenus();
    void wireCatalog();
    void reloadProfiles();
    void openProfiles();
    void createBucket();
    void onBucketsLoaded(const std::vector<BucketInfo> &buckets);
    void onBucketActivated(const BucketInfo &bucket);
    void onServerInfo(const ServerInfo &info);
    void onFailed(const QString &operation, const Failure &failure);
    void showTopicDetails(const QString &topic);
    void chooseSecretStorage(const QString &reason);

    ConnectionController &m_controller;
    QComboBox *m_profileCombo = nullptr;
    QLabel *m_serverLabel = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_busy = nullptr;
    BucketBrowser *m_buckets = nullptr;
    TopicBrowser *m_topics = nullptr;
    TopicDetailsPanel *m_details = nullptr;
    QueryWorkspace *m_query = nullptr;
    PlotWorkspace *m_plots = nullptr;
    PlotWorkspaceFiles *m_plotFiles = nullptr;
    QTabWidget *m_plotTabs = nullptr;
    LivePanel *m_live = nullptr;
    BucketInfo m_bucket;
    ApiFlavour m_flavour = ApiFlavour::V1;
    bool m_painted = false;
    QString m_pendingBucketSelection;
};

} // namespace sasquatch
