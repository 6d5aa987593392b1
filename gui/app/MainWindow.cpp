// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/MainWindow.h"

#include "core/catalog/TopicTreeModel.h"
#include "core/http/CurlTransport.h"
#include "core/http/UrlBuilder.h"
#include "gui/app/ConnectionController.h"
#include "core/kafka/TopicSchemaService.h"
#include "gui/live/LiveCatalogBinding.h"
#include "gui/live/LivePanel.h"
#include "gui/annotations/AnnotationFilterLink.h"
#include "gui/annotations/AnnotationsDock.h"
#include "gui/dialogs/CreateBucketDialog.h"
#include "gui/dialogs/ProfileDialog.h"
#include "gui/dialogs/SecretStorageDialog.h"
#include "gui/plots/PlotCatalogBinding.h"
#include "gui/plots/PlotWorkspace.h"
#include "gui/plots/PlotWorkspaceFiles.h"
#include "gui/query/QueryWorkspace.h"
#include "gui/topics/BucketBrowser.h"
#include "gui/topics/TopicBrowser.h"
#include "gui/topics/TopicDetailsPanel.h"
#include "gui/upload/UploadWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QTabWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>

namespace sasquatch {

MainWindow::MainWindow(ConnectionController &controller, QWidget *parent)
    : QMainWindow(parent), m_controller(controller)
{
    setWindowTitle(tr("Sasquatch Browser"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/sasquatch-browser.svg")));
    buildPanels();
    buildToolBar();
    buildMenus();
    wireCatalog();

    connect(&m_controller, &ConnectionController::profilesChanged, this, &MainWindow::reloadProfiles);
    connect(&m_controller, &ConnectionController::activeProfileChanged, this, [this](const QString &name) {
        const QSignalBlocker block(m_profileCombo);
        m_profileCombo->setCurrentText(name);
        m_serverLabel->setText(tr("Connecting to %1…").arg(name));
        m_buckets->clear();
        m_topics->clear();
        m_details->showWelcome(QString());
    });
    connect(&m_controller, &ConnectionController::message, this, [this](const QString &text) { showMessage(text); });
    connect(&m_controller, &ConnectionController::keyringUnavailable, this, &MainWindow::chooseSecretStorage);

    QSettings settings;
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        // First start: most of the screen; later starts: where the user left it.
        const QRect area = screen->availableGeometry();
        resize(area.size() * 0.9);
        move(area.center() - rect().center());
    }
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::buildPanels()
{
    m_buckets = new BucketBrowser;
    m_topics = new TopicBrowser;
    auto *left = new QSplitter(Qt::Vertical);
    left->addWidget(m_buckets);
    left->addWidget(m_topics);
    left->setStretchFactor(0, 1);
    left->setStretchFactor(1, 4);
    left->setSizes({200, 700});

    auto *dock = new QDockWidget(tr("Catalog"));
    dock->setObjectName(QStringLiteral("catalogDock"));
    dock->setWidget(left);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    resizeDocks({dock}, {520}, Qt::Horizontal);

    m_details = new TopicDetailsPanel;
    // The central area is the query panel, with the topic details as its first tab.
    m_query = new QueryWorkspace(*this, m_controller, m_topics, m_details);
    connect(m_query, &QueryWorkspace::message, this, &MainWindow::showMessage);
    // The plots above the query panel: fields dragged from the tree land there, and a query's
    // "Send to plot" shows its results right above the query.
    m_plots = new PlotWorkspace(std::make_shared<CurlTransport>());
    m_plotFiles = new PlotWorkspaceFiles(*m_plots, this);
    new PlotCatalogBinding(*m_plots, m_controller, m_topics, m_buckets, m_plots);
    auto *central = new QSplitter(Qt::Vertical);
    central->setObjectName(QStringLiteral("plotQuerySplitter"));
    // The live tail shares the plots' place, as a second tab (gui/live/LivePanel).
    m_plotTabs = new QTabWidget;
    m_plotTabs->addTab(m_plots, tr("Plots"));
    m_live = new LivePanel(std::make_shared<CurlTransport>());
    auto *liveCatalog = new LiveCatalogBinding(*m_live, m_controller, m_topics, m_live);
    connect(liveCatalog, &LiveCatalogBinding::fieldDocsChanged, this, [this, liveCatalog](const QString &topic) {
        if (m_details->topic() == topic)
            showTopicDetails(topic);
        // Series already plotted without a unit (dropped before the schema answered) move too.
        if (const FieldDocs *docs = liveCatalog->schemas().docs(topic)) {
            m_plots->setSeriesUnits(topic, [docs](const QString &field) -> std::optional<QString> {
                const FieldDoc *doc = docs->find(field);
                return doc ? std::optional<QString>(doc->unit) : std::nullopt;
            });
        }
    });
    connect(m_live, &LivePanel::message, this, &MainWindow::showMessage);
    m_plotTabs->addTab(m_live, tr("Live"));
    central->addWidget(m_plotTabs);
    central->addWidget(takeCentralWidget());
    central->setStretchFactor(0, 3);
    central->setStretchFactor(1, 2);
    setCentralWidget(central);
    connect(m_plots, &PlotWorkspace::message, this, &MainWindow::showMessage);
    connect(m_plotFiles, &PlotWorkspaceFiles::message, this, &MainWindow::showMessage);
    connect(m_query, &QueryWorkspace::sendToPlotRequested, m_plots,
            [this](const std::vector<ResultTable> &tables, const QString &query) { m_plots->addQueryResults(tables, query); });
    // Annotations: a dock on the right, drawn on the plots (gui/annotations/AnnotationsDock).
    auto *annotations = new AnnotationsDock(m_controller, *m_plots, std::make_shared<CurlTransport>(), this);
    addDockWidget(Qt::RightDockWidgetArea, annotations);
    linkAnnotationFilters(*m_plots, *annotations->panel()); // the list's filters are saved with the workspace

    m_statusLabel = new QLabel;
    m_progress = new QProgressBar;
    m_progress->setMaximumWidth(220);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_busy = new QLabel;
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_buckets, &BucketBrowser::bucketActivated, this, &MainWindow::onBucketActivated);
    connect(m_buckets, &BucketBrowser::createRequested, this, &MainWindow::createBucket);
    connect(m_buckets, &BucketBrowser::refreshRequested, this, [this] { m_controller.catalog().refreshBuckets(); });
    connect(m_topics, &TopicBrowser::fieldsRequested, this,
            [this](const QString &topic) { m_controller.catalog().loadFields(m_bucket, topic); });
    connect(m_topics, &TopicBrowser::topicSelected, this, &MainWindow::showTopicDetails);
    connect(m_topics, &TopicBrowser::fieldSelected, this, [this](const QString &topic, const QString &field) {
        showTopicDetails(topic);
        m_details->highlightField(field);
    });
}

void MainWindow::buildToolBar()
{
    auto *bar = addToolBar(tr("Connection"));
    bar->setObjectName(QStringLiteral("connectionToolBar"));
    bar->setMovable(false);
    auto *logo = new QLabel;
    logo->setPixmap(QIcon(QStringLiteral(":/icons/sasquatch-browser.svg")).pixmap(24, 24));
    bar->addWidget(logo);
    bar->addWidget(new QLabel(tr(" Profile ")));
    m_profileCombo = new QComboBox;
    m_profileCombo->setMinimumContentsLength(18);
    m_profileCombo->setToolTip(tr("Connection profile"));
    m_profileCombo->setAccessibleName(tr("Connection profile"));
    bar->addWidget(m_profileCombo);
    connect(m_profileCombo, &QComboBox::textActivated, &m_controller, &ConnectionController::activateProfile);
    bar->addAction(tr("Reconnect"), &m_controller, &ConnectionController::reconnect)->setToolTip(tr("Connect again (F5)"));
    bar->addAction(tr("Profiles…"), this, &MainWindow::openProfiles);
    bar->addSeparator();
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_serverLabel = new QLabel(tr("Not connected"));
    m_serverLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text); padding-right: 8px;"));
    bar->addWidget(m_serverLabel);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Connection &profiles…"), QKeySequence(Qt::CTRL | Qt::Key_Comma), this, &MainWindow::openProfiles);
    file->addAction(tr("&Create bucket…"), this, &MainWindow::createBucket);
    file->addAction(tr("&Upload metrics…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U), this, [this] {
        auto *upload = new UploadWindow(
            m_controller.profiles().profiles(),
            [this](const QString &profile, SecretKind kind, std::function<void(QString)> done) {
                m_controller.readSecret(profile, kind, std::move(done));
            },
            std::make_shared<CurlTransport>(), this);
        upload->setAttribute(Qt::WA_DeleteOnClose);
        upload->setProfile(m_controller.activeProfile());
        upload->show();
    });
    file->addSeparator();
    m_plotFiles->populateFileMenu(file);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Find topic"), QKeySequence::Find, m_topics, &TopicBrowser::focusFilter);
    view->addAction(tr("&Reconnect"), QKeySequence::Refresh, &m_controller, &ConnectionController::reconnect);
    m_query->populateMenu(menuBar()->addMenu(tr("&Query")));
    m_plots->populateMenu(menuBar()->addMenu(tr("&Plot")));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Sasquatch Browser"), this, [this] {
        QMessageBox::about(this, tr("About Sasquatch Browser"),
                           tr("<b>Sasquatch Browser %1</b><p>Browse, query, plot and tail Rubin Observatory telemetry "
                              "in Sasquatch (InfluxDB 1.x/2.x, Kafka, Schema Registry).</p>")
                               .arg(QStringLiteral(SASQUATCH_VERSION)));
    });
}

void MainWindow::wireCatalog()
{
    CatalogService &catalog = m_controller.catalog();
    connect(&catalog, &CatalogService::serverInfoReceived, this, &MainWindow::onServerInfo);
    connect(&catalog, &CatalogService::bucketsLoaded, this, &MainWindow::onBucketsLoaded);
    connect(&catalog, &CatalogService::topicsLoaded, this, [this](const BucketInfo &bucket, const QStringList &topics) {
        if (bucket.name != m_bucket.name)
            return;
        m_topics->setTopics(topics);
        showMessage(tr("%1: %Ln topic(s)", nullptr, int(topics.size())).arg(bucket.name));
    });
    connect(&catalog, &CatalogService::allFieldsLoaded, this,
            [this](const BucketInfo &bucket, const std::vector<MeasurementFields> &all) {
                if (bucket.name == m_bucket.name)
                    m_topics->setAllFields(all);
                if (!m_details->topic().isEmpty())
                    showTopicDetails(m_details->topic());
            });
    connect(&catalog, &CatalogService::fieldsLoaded, this,
            [this](const BucketInfo &bucket, const QString &topic, const std::vector<FieldKey> &fields, const QStringList &tags) {
                if (bucket.name != m_bucket.name)
                    return;
                m_topics->setTopicFields(topic, fields, tags);
                if (m_details->topic() == topic)
                    showTopicDetails(topic);
            });
    connect(&catalog, &CatalogService::fieldsFailed, this,
            [this](const BucketInfo &bucket, const QString &topic, const QString &message) {
                if (bucket.name == m_bucket.name)
                    m_topics->setTopicFieldsFailed(topic, message);
                showMessage(message, true);
            });
    connect(&catalog, &CatalogService::bucketCreated, this, [this](const BucketSpec &spec) {
        m_pendingBucketSelection = m_flavour == ApiFlavour::V2 ? spec.name
                                   : spec.retentionPolicy.isEmpty() ? spec.database
                                                                    : spec.database + u'/' + spec.retentionPolicy;
        showMessage(tr("Created %1.").arg(m_pendingBucketSelection));
    });
    connect(&catalog, &CatalogService::failed, this, &MainWindow::onFailed);
    connect(&catalog, &CatalogService::pendingRequestsChanged, this, [this](int pending) {
        m_busy->setText(pending > 0 ? tr("⟳ %Ln request(s)", nullptr, pending) : QString());
    });
}

void MainWindow::reloadProfiles()
{
    const QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    m_profileCombo->addItems(m_controller.profiles().names());
    m_profileCombo->setCurrentText(m_controller.activeProfile());
}

void MainWindow::openProfiles()
{
    ProfileDialog dialog(m_controller, this);
    dialog.exec();
}

void MainWindow::createBucket()
{
    if (m_controller.activeProfile().isEmpty()) {
        showMessage(tr("Connect to a server first."), true);
        return;
    }
    CreateBucketDialog dialog(m_flavour, m_buckets->databases(), this);
    if (dialog.exec() == QDialog::Accepted)
        m_controller.catalog().createBucket(dialog.spec());
}

void MainWindow::onServerInfo(const ServerInfo &info)
{
    m_flavour = info.flavour;
    const QString host = UrlBuilder::redacted(m_controller.catalog().profile().influxUrl);
    m_serverLabel->setText(tr("● InfluxDB %1 · %2 · %3")
                               .arg(info.version.isEmpty() ? tr("(unknown version)") : info.version,
                                    info.flavour == ApiFlavour::V2 ? tr("Flux / 2.x API") : tr("InfluxQL / 1.x API"), host));
    m_serverLabel->setStyleSheet(QStringLiteral("color: #68d391; padding-right: 8px;"));
    m_details->showWelcome(m_serverLabel->text());
}

void MainWindow::onBucketsLoaded(const std::vector<BucketInfo> &buckets)
{
    m_buckets->setBuckets(buckets, m_flavour);
    // Land where the user is most likely going: what was just created, the bucket already
    // shown, or the profile's database.
    const QString wanted = !m_pendingBucketSelection.isEmpty() ? m_pendingBucketSelection
                           : !m_bucket.name.isEmpty()          ? m_bucket.name
                                                               : m_controller.catalog().profile().database;
    m_pendingBucketSelection.clear();
    bool selected = m_buckets->select(wanted);
    if (!selected) {
        for (const auto &b : buckets)
            if (b.database == wanted && b.isDefault)
                selected = m_buckets->select(b.name);
    }
}

void MainWindow::onBucketActivated(const BucketInfo &bucket)
{
    if (bucket.name == m_bucket.name && m_topics->model().topicCount() > 0)
        return;
    m_bucket = bucket;
    m_topics->clear();
    m_details->showWelcome(m_serverLabel->text());
    m_controller.catalog().loadTopics(bucket);
    showMessage(tr("Loading the topics of %1…").arg(bucket.name));
}

void MainWindow::onFailed(const QString &operation, const Failure &failure)
{
    showMessage(tr("%1 failed: %2").arg(operation, failure.message), true);
    if (operation == tr("Connecting")) {
        m_serverLabel->setText(tr("● Not connected"));
        m_serverLabel->setStyleSheet(QStringLiteral("color: #fc8181; padding-right: 8px;"));
        m_details->showWelcome(failure.message);
    }
}

void MainWindow::showTopicDetails(const QString &topic)
{
    const TopicTreeModel &model = m_topics->model();
    const bool loaded = model.loadState(topic) == FieldLoadState::Loaded;
    QStringList tags;
    const QModelIndex index = const_cast<TopicTreeModel &>(model).indexOfTopic(topic);
    for (int r = 0; index.isValid() && r < model.rowCount(index); ++r) {
        const QModelIndex child = model.index(r, 0, index);
        if (TopicNodeType(child.data(TopicTreeModel::NodeTypeRole).toInt()) == TopicNodeType::Tag)
            tags << child.data(TopicTreeModel::FieldRole).toString();
    }
    m_details->showTopic(topic, model.fieldsOf(topic), tags, loaded);
    if (!loaded && model.loadState(topic) != FieldLoadState::Loading)
        m_controller.catalog().loadFields(m_bucket, topic);
}

void MainWindow::chooseSecretStorage(const QString &reason)
{
    // Window-modal and asynchronous: the app keeps running (and connecting) meanwhile; until the
    // user answers, secrets stay in memory only.
    auto *dialog = new SecretStorageDialog(reason, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result == QDialog::Accepted)
            m_controller.chooseSecretStorage(dialog->mode(), dialog->filePath());
        else
            m_controller.chooseSecretStorage(SecretStorageMode::SessionOnly, {});
    });
    dialog->open();
}

void MainWindow::showBackgroundProgress(double fraction, const QString &text)
{
    m_progress->setVisible(fraction >= 0 && fraction < 1);
    m_progress->setValue(int(std::clamp(fraction, 0.0, 1.0) * 1000));
    if (!text.isEmpty())
        m_statusLabel->setText(text);
}

void MainWindow::showMessage(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #fc8181;") : QString());
    m_statusLabel->setToolTip(text);
}

bool MainWindow::event(QEvent *event)
{
    const bool handled = QMainWindow::event(event);
    if (event->type() == QEvent::UpdateRequest && !m_painted) {
        m_painted = true;
        Q_EMIT firstPaint();
    }
    return handled;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::showLivePanel()
{
    m_plotTabs->setCurrentWidget(m_live);
}

} // namespace sasquatch
