// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/QueryWorkspace.h"

#include "core/catalog/TopicTreeModel.h"
#include "core/http/CurlTransport.h"
#include "gui/app/ConnectionController.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/HistoryPanel.h"
#include "gui/query/QueryBuilderPanel.h"
#include "gui/query/QueryPanel.h"
#include "gui/query/QueryTab.h"
#include "gui/query/ResultsView.h"
#include "gui/query/SchemaFeed.h"
#include "gui/query/TopicFieldSelection.h"
#include "gui/topics/TopicBrowser.h"

#include <QAction>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QTreeView>

namespace sasquatch {

QueryWorkspace::QueryWorkspace(QMainWindow &window, ConnectionController &controller, TopicBrowser *topics,
                               QWidget *topicPage, const QString &historyFile)
    : QObject(&window), m_controller(controller), m_transport(std::make_shared<CurlTransport>()),
      m_history(historyFile)
{
    m_panel = new QueryPanel(topicPage, m_transport);
    window.setCentralWidget(m_panel);
    m_schema = new SchemaFeed(this);
    buildDocks(window);
    wireCatalog();
    wireTopics(topics);

    if (const auto loaded = m_history.load(); !loaded)
        Q_EMIT message(loaded.error(), true); // nobody listens yet; the panel below says it too
    m_historyPanel->refresh();

    connect(m_panel, &QueryPanel::runFinished, m_historyPanel, qOverload<const QueryRunRecord &>(&HistoryPanel::record));
    connect(m_panel, &QueryPanel::sendToPlotRequested, this, &QueryWorkspace::sendToPlotRequested);
    connect(m_panel, &QueryPanel::resultsWidthChanged, m_builder, &QueryBuilderPanel::setPixelWidth);
    connect(m_historyPanel, &HistoryPanel::notice, this, &QueryWorkspace::message);
    connect(m_historyPanel, &HistoryPanel::saveCurrentRequested, this, &QueryWorkspace::saveCurrentQuery);
    connect(m_historyPanel, &HistoryPanel::queryActivated, this,
            [this](const QString &text, QueryLanguage language, OpenIn where) {
                QueryTab *tab = where == OpenIn::NewTab ? m_panel->newQueryTab() : m_panel->queryTabForLoading();
                tab->setLanguage(language);
                tab->setText(text);
                tab->setFocus();
            });
    connect(m_builder, &QueryBuilderPanel::queryGenerated, this,
            [this](const QueryBuilder &builder, QueryLanguage language, BuildTarget target) {
                QueryTab *tab = target == BuildTarget::NewTab ? m_panel->newQueryTab() : m_panel->queryTabForLoading();
                if (tab->setGeneratedQuery(builder, language))
                    tab->run();
            });
    connect(&m_controller, &ConnectionController::activeProfileChanged, this, &QueryWorkspace::onActiveProfile);
}

QueryWorkspace::~QueryWorkspace() = default;

void QueryWorkspace::buildDocks(QMainWindow &window)
{
    m_builder = new QueryBuilderPanel;
    m_builderDock = new QDockWidget(tr("Query builder"));
    m_builderDock->setObjectName(QStringLiteral("queryBuilderDock"));
    m_builderDock->setWidget(m_builder);
    window.addDockWidget(Qt::RightDockWidgetArea, m_builderDock);

    m_historyPanel = new HistoryPanel(m_history);
    m_historyDock = new QDockWidget(tr("Query history"));
    m_historyDock->setObjectName(QStringLiteral("queryHistoryDock"));
    m_historyDock->setWidget(m_historyPanel);
    window.addDockWidget(Qt::RightDockWidgetArea, m_historyDock);
    window.splitDockWidget(m_builderDock, m_historyDock, Qt::Vertical);
    window.resizeDocks({m_builderDock}, {400}, Qt::Horizontal);
}

void QueryWorkspace::wireCatalog()
{
    CatalogService &catalog = m_controller.catalog();
    connect(&catalog, &CatalogService::bucketsLoaded, m_schema, &SchemaFeed::setBuckets);
    connect(&catalog, &CatalogService::topicsLoaded, m_schema, &SchemaFeed::setTopics);
    connect(&catalog, &CatalogService::allFieldsLoaded, m_schema, &SchemaFeed::setAllFields);
    connect(&catalog, &CatalogService::fieldsLoaded, m_schema, &SchemaFeed::addFields);
    connect(m_schema, &SchemaFeed::schemaChanged, m_panel, &QueryPanel::setSchema);
    connect(m_schema, &SchemaFeed::currentBucketChanged, this, [this](const BucketInfo &bucket) {
        m_panel->setDefaultBucket(bucket.name);
        m_builder->setBucket(bucket.name);
    });
    connect(&catalog, &CatalogService::serverInfoReceived, this, [this](const ServerInfo &info) {
        // Sasquatch's 1.x servers are queried in InfluxQL by most users; 2.x speaks Flux.
        const QueryLanguage language = info.flavour == ApiFlavour::V2 ? QueryLanguage::Flux : QueryLanguage::InfluxQl;
        m_panel->setDefaultLanguage(language);
        if (!m_languageChosen)
            m_builder->setLanguage(language);
        m_languageChosen = true;
        m_serverKnown = true;
        for (const PendingRun &pending : m_pendingRuns)
            if (pending.tab && pending.serverLanguage)
                pending.tab->setLanguage(language);
        runPending();
    });
}

void QueryWorkspace::wireTopics(TopicBrowser *topics)
{
    QTreeView *view = topics->view();
    auto update = [this, view] {
        m_builder->setSelection(
            TopicFieldSelection::fromIndexes(view->selectionModel()->selectedRows(), view->currentIndex()));
    };
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, update);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, update);
    // The fields of a selected topic may arrive after the selection: "all fields" stays right,
    // and the tag list fills in.
    connect(view->model(), &QAbstractItemModel::rowsInserted, this, update);
    // A click selects (for the builder) without leaving the query tab; a double-click on a
    // topic asks for its details.
    connect(view, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        if (TopicNodeType(index.data(TopicTreeModel::NodeTypeRole).toInt()) == TopicNodeType::Topic)
            m_panel->showTopicPage();
    });
}

void QueryWorkspace::onActiveProfile(const QString &name)
{
    m_connected = false;
    m_serverKnown = false;
    m_languageChosen = false;
    m_schema->clear();
    m_historyPanel->setProfile(name);
    const ConnectionProfile *found = m_controller.profiles().find(name);
    if (!found)
        return;
    const ConnectionProfile profile = *found;
    m_controller.readSecret(name, ConnectionController::influxSecretKind(profile), [this, profile](const QString &secret) {
        if (m_controller.activeProfile() != profile.name)
            return; // another profile was chosen meanwhile
        m_panel->setConnection(profile, secret);
        m_connected = true;
        runPending();
    });
}

void QueryWorkspace::runPending()
{
    if (!m_connected || !m_serverKnown)
        return;
    const auto pending = std::exchange(m_pendingRuns, {});
    for (const PendingRun &run : pending)
        if (run.tab)
            run.tab->run();
}

QueryTab *QueryWorkspace::openQuery(const QString &text, std::optional<QueryLanguage> language)
{
    QueryTab *tab = m_panel->newQueryTab(text, language);
    m_pendingRuns.push_back(PendingRun{tab, !language.has_value()});
    runPending();
    return tab;
}

void QueryWorkspace::saveCurrentQuery()
{
    QueryTab *tab = m_panel->currentQueryTab();
    if (!tab) {
        Q_EMIT message(tr("Open a query tab to save its query."), true);
        return;
    }
    m_historyDock->show();
    m_historyPanel->promptSaveQuery(tab->text(), tab->language());
}

void QueryWorkspace::populateMenu(QMenu *menu)
{
    menu->addAction(m_panel->newTabAction());
    menu->addAction(m_panel->closeTabAction());
    menu->addSeparator();
    auto onTab = [this](void (QueryTab::*method)()) {
        return [this, method] {
            if (QueryTab *tab = m_panel->currentQueryTab())
                (tab->*method)();
            else
                Q_EMIT message(tr("Open a query tab first (Ctrl+T)."), true);
        };
    };
    // Ctrl+Enter and Esc belong to the editor (it has the focus while typing); the menu shows
    // them and offers them to the mouse.
    QAction *run = menu->addAction(tr("&Run"), this, onTab(&QueryTab::run));
    run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    run->setShortcutContext(Qt::WidgetShortcut);
    QAction *cancel = menu->addAction(tr("&Cancel"), this, onTab(&QueryTab::cancel));
    cancel->setShortcut(QKeySequence(Qt::Key_Escape));
    cancel->setShortcutContext(Qt::WidgetShortcut);
    menu->addSeparator();
    QAction *save = menu->addAction(tr("&Save query as…"), this, &QueryWorkspace::saveCurrentQuery);
    save->setShortcut(QKeySequence::Save);
    menu->addAction(tr("&Export results to CSV…"), this, onTab(&QueryTab::exportCsvInteractive))
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    menu->addAction(tr("Send results to &plot"), this, [this] {
        if (QueryTab *tab = m_panel->currentQueryTab())
            tab->sendToPlot();
    });
    menu->addSeparator();
    menu->addAction(m_builderDock->toggleViewAction());
    menu->addAction(m_historyDock->toggleViewAction());
    menu->addAction(tr("Show &topic details"), m_panel, &QueryPanel::showTopicPage);
}

} // namespace sasquatch
