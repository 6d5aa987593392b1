// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/parse/ResultTable.h"
#include "core/query/QueryHistory.h"
#include "core/query/QueryLanguage.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

class QDockWidget;
class QMainWindow;
class QMenu;
class QWidget;

namespace sasquatch {

class ConnectionController;
class HistoryPanel;
class HttpTransport;
class QueryBuilderPanel;
class QueryPanel;
class QueryTab;
class SchemaFeed;
class TopicBrowser;

/// Puts the query panels into the main window and routes between them, the connection and the
/// catalog, so that MainWindow only creates it:
/// - the central QueryPanel (the topic details as its first tab, then query tabs);
/// - a "Query builder" dock fed by the topic tree's selection and the current bucket;
/// - a "History" dock (QueryHistory of the active profile, saved queries), recording every run;
/// - the completion schema from the catalog's signals (SchemaFeed) into every editor;
/// - the active profile and its secret into the query tabs; InfluxQL as the default language on
///   1.x servers, Flux on 2.x;
/// - a Query menu (populateMenu).
class QueryWorkspace : public QObject
{
    Q_OBJECT
public:
    /// Makes the panel the window's central widget with `topicPage` as its first tab.
    /// `history` empty = the user's history file (QueryHistory::defaultPath()).
    QueryWorkspace(QMainWindow &window, ConnectionController &controller, TopicBrowser *topics, QWidget *topicPage,
                   const QString &historyFile = {});
    ~QueryWorkspace() override;

    QueryPanel *panel() const { return m_panel; }
    QueryBuilderPanel *builder() const { return m_builder; }
    HistoryPanel *historyPanel() const { return m_historyPanel; }
    QueryHistory &history() { return m_history; }
    SchemaFeed *schemaFeed() const { return m_schema; }
    QDockWidget *builderDock() const { return m_builderDock; }
    QDockWidget *historyDock() const { return m_historyDock; }

    /// Adds the query actions (new/close tab, run, cancel, save, export, plot, docks) to `menu`.
    void populateMenu(QMenu *menu);
    /// Opens a query tab with `text` and runs it as soon as the server has answered (the GUI's
    /// `--query TEXT`). `language` empty = the server's usual language.
    QueryTab *openQuery(const QString &text, std::optional<QueryLanguage> language = std::nullopt);

Q_SIGNALS:
    /// For the status bar.
    void message(const QString &text, bool error);
    /// A tab's "Send to plot": the result tables and their query (see QueryTab).
    void sendToPlotRequested(const std::vector<sasquatch::ResultTable> &tables, const QString &query);

private:
    void buildDocks(QMainWindow &window);
    void wireCatalog();
    void wireTopics(TopicBrowser *topics);
    void onActiveProfile(const QString &name);
    void runPending();
    void saveCurrentQuery();

    ConnectionController &m_controller;
    std::shared_ptr<HttpTransport> m_transport;
    QueryHistory m_history;
    QueryPanel *m_panel = nullptr;
    QueryBuilderPanel *m_builder = nullptr;
    HistoryPanel *m_historyPanel = nullptr;
    SchemaFeed *m_schema = nullptr;
    QDockWidget *m_builderDock = nullptr;
    QDockWidget *m_historyDock = nullptr;
    struct PendingRun
    {
        QPointer<QueryTab> tab;
        bool serverLanguage = false; ///< take the language the server usually speaks
    };
    std::vector<PendingRun> m_pendingRuns; ///< tabs to run once connected and the server answered
    bool m_connected = false;   ///< the tabs have the active profile and its secret
    bool m_serverKnown = false; ///< the server answered /ping
    bool m_languageChosen = false;   ///< the default language came from the server
};

} // namespace sasquatch
