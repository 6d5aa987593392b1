// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/live/LivePanel.h"

#include "core/catalog/FieldGrouping.h"
#include "core/connection/ProfileTemplates.h"
#include "core/demo/DemoCatalog.h"
#include "core/demo/DemoTelemetrySimulator.h"
#include "core/kafka/KafkaConsumerConfig.h"
#include "core/kafka/MemorySchemaSource.h"
#include "core/kafka/SchemaRegistryClient.h"
#include "core/kafka/TopicSchemaService.h"
#include "core/series/LiveSession.h"
#include "core/time/TimeRange.h"
#include "gui/live/LiveArrayView.h"
#include "gui/live/LiveSeamMarker.h"
#include "gui/live/LiveStatusTable.h"
#include "gui/plots/PlotPanel.h"
#include "gui/plots/PlotWorkspace.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QSpinBox>
#include <QSplitter>
#include <QToolBar>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

/// The array an element belongs to ("zForce" for zForce12), or empty for a scalar.
QString arrayBase(const QString &field)
{
    QStringView base;
    int index = 0;
    return FieldGrouping::splitIndexedName(field, &base, &index) ? base.toString() : QString();
}

std::shared_ptr<SchemaSource> demoSchemas()
{
    return DemoTelemetrySimulator::schemaSource(DemoCatalog::instance());
}

} // namespace

LivePanel::LivePanel(std::shared_ptr<HttpTransport> http, QWidget *parent) : QWidget(parent), m_http(std::move(http))
{
    setAcceptDrops(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QToolBar;
    bar->setObjectName(QStringLiteral("liveToolBar"));
    m_startAction = bar->addAction(tr("Start"), this, &LivePanel::start);
    m_startAction->setToolTip(tr("Backfill the window from InfluxDB, then tail Kafka"));
    m_pauseAction = bar->addAction(tr("Pause"), this, [this] { m_state == State::Paused ? resume() : pause(); });
    m_pauseAction->setToolTip(tr("Freeze the view; data keeps arriving"));
    m_stopAction = bar->addAction(tr("Stop"), this, &LivePanel::stop);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Window ")));
    m_windowMinutes = new QSpinBox;
    m_windowMinutes->setRange(1, 240);
    m_windowMinutes->setValue(int(Retention::kDefaultWindowNs / 60'000'000'000));
    m_windowMinutes->setSuffix(tr(" min"));
    m_windowMinutes->setToolTip(tr("History loaded at start and kept while live (ring buffer)"));
    bar->addWidget(m_windowMinutes);
    bar->addSeparator();
    bar->addWidget(new QLabel(tr(" Array ")));
    m_arrayCombo = new QComboBox;
    m_arrayCombo->setMinimumContentsLength(16);
    bar->addWidget(m_arrayCombo);
    bar->addAction(tr("Clear"), this, &LivePanel::clearFields)->setToolTip(tr("Remove every live field"));
    m_stateLabel = new QLabel;
    m_stateLabel->setObjectName(QStringLiteral("liveState"));
    m_stateLabel->setContentsMargins(8, 0, 8, 0);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_stateLabel);
    layout->addWidget(bar);

    m_plots = new PlotWorkspace(m_http);
    m_plots->setAcceptDrops(false); // drops become live fields here, not queried series
    m_plots->installEventFilter(this);
    m_session = new LiveSession(m_plots->store(), m_http, this);
    m_seamMarker = std::make_unique<LiveSeamMarker>();
    m_plots->addOverlay(m_seamMarker.get());
    m_status = new LiveStatusTable;
    m_array = new LiveArrayView;

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_plots);
    split->addWidget(m_array);
    split->addWidget(m_status);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 4);
    split->setStretchFactor(2, 1);
    split->setSizes({500, 380, 90});
    layout->addWidget(split, 1);

    m_arrayTimer.setSingleShot(true);
    m_arrayTimer.setInterval(200); // the heatmap reads the pyramid per cell: 5 a second is plenty
    connect(&m_arrayTimer, &QTimer::timeout, this, &LivePanel::refreshArray);
    m_statusTimer.setSingleShot(true);
    m_statusTimer.setInterval(250);
    connect(&m_statusTimer, &QTimer::timeout, this, &LivePanel::updateStatus);

    connect(m_session, &LiveSession::samplesAppended, this, &LivePanel::onSamples);
    connect(m_session, &LiveSession::statusChanged, this, [this] {
        if (!m_statusTimer.isActive())
            m_statusTimer.start();
    });
    connect(m_session, &LiveSession::message, this, &LivePanel::message);
    connect(m_session, &LiveSession::layoutSeen, this,
            [this](const QString &topic, const std::shared_ptr<const MessageLayout> &layout) {
                applyFieldDocs(topic, TopicSchemaService::docsOf(*layout));
            });
    connect(m_session, &LiveSession::connectionStateChanged, this,
            [this](KafkaConnectionState state, const QString &detail) {
                if (state == KafkaConnectionState::Failed || state == KafkaConnectionState::Reconnecting)
                    Q_EMIT message(tr("Kafka: %1 %2").arg(connectionStateName(state), detail), state == KafkaConnectionState::Failed);
                updateStatus();
            });
    connect(m_windowMinutes, &QSpinBox::valueChanged, this,
            [this](int minutes) { m_session->setWindow(std::int64_t(minutes) * 60'000'000'000); });
    connect(m_arrayCombo, &QComboBox::currentTextChanged, this, &LivePanel::showArray);
    connect(m_plots, &PlotWorkspace::viewChanged, this, [this] {
        if (!m_arrayTimer.isActive())
            m_arrayTimer.start();
    });
    setState(State::Stopped);
}

LivePanel::~LivePanel()
{
    // The session appends to the plots' store and signals this panel: it goes first.
    m_session->disconnect(this);
    delete m_session;
    m_plots->removeOverlay(m_seamMarker.get());
}

void LivePanel::setConnection(const ConnectionProfile &profile, const QString &influxSecret, const QString &kafkaPassword)
{
    m_profile = profile;
    m_session->setHistorySource(profile, influxSecret);
    m_plots->setConnection(profile, influxSecret);
    if (!m_schemasOverridden) {
        if (!profile.schemaRegistryUrl.isEmpty()) {
            SchemaRegistryOptions options;
            options.baseUrl = profile.schemaRegistryUrl;
            options.verifyTls = profile.verifyTls;
            options.caFile = profile.caFile;
            m_schemas = std::make_shared<SchemaRegistryClient>(m_http, options);
        } else if (profile.name == QLatin1String(kDemoProfileName)) {
            m_schemas = demoSchemas();
        } else {
            m_schemas.reset(); // JSON topics only; Avro messages are counted as decode errors
        }
    }
    KafkaConsumerConfig config = KafkaConsumerConfig::fromProfile(profile, kafkaPassword);
    config.schemas = m_schemas;
    // Watching, not bulk reading: hand rows over often, and do not let an idle fetch wait
    // librdkafka's default 500 ms (the mock broker holds a fetch for the whole wait). Measured
    // with bench_livelatency: p99 ~0.5 s with the defaults, ~0.1 s with these.
    config.batchInterval = std::chrono::milliseconds(10);
    config.extraProperties.emplace_back("fetch.wait.max.ms", "25");
    m_session->setKafkaConfig(config);
    if (m_startPending && !profile.kafkaBootstrap.isEmpty()) {
        m_startPending = false;
        start();
    }
}

void LivePanel::setSchemaSource(std::shared_ptr<SchemaSource> schemas)
{
    m_schemas = std::move(schemas);
    m_schemasOverridden = true;
}

void LivePanel::addFields(const std::vector<DraggedField> &fields)
{
    std::map<QString, QStringList> byTopic;
    for (const DraggedField &f : fields) {
        byTopic[f.measurement].append(f.field);
        if (!f.unit.isEmpty())
            m_units[f.measurement + u'\n' + f.field] = f.unit;
    }
    addFields(byTopic);
}

void LivePanel::addFields(const std::map<QString, QStringList> &fields)
{
    bool added = false;
    for (const auto &[topic, names] : fields) {
        QStringList &mine = m_fields[topic];
        std::map<QString, int> perArray;
        for (const QString &f : mine)
            if (const QString base = arrayBase(f); !base.isEmpty())
                ++perArray[base];
        PlotPanel *panel = nullptr;
        for (const QString &f : names) {
            if (mine.contains(f))
                continue;
            mine.append(f);
            added = true;
            // Every element is tailed (the array view needs them); only the first few are lines.
            const QString base = arrayBase(f);
            if (!base.isEmpty() && ++perArray[base] > kMaxPlottedElements)
                continue;
            if (!panel)
                panel = m_plots->addPanel();
            const QString unit = unitOf(topic, f);
            m_plots->addLiveSeries(SeriesKey{topic.toStdString(), f.toStdString(), {}}, unit, panel);
        }
    }
    if (!added)
        return;
    watchPanels();
    m_session->setFields(m_fields);
    updateArrayChoices();
    if (m_state != State::Stopped)
        start(); // the new fields get their history too
}

void LivePanel::clearFields()
{
    stop();
    m_fields.clear();
    m_session->setFields(m_fields);
    m_plots->clear();
    m_array->clearArray();
    m_arrayCombo->clear();
    m_status->setRowCount(0);
}

void LivePanel::startWhenConnected()
{
    if (!m_profile.kafkaBootstrap.isEmpty())
        start();
    else
        m_startPending = true;
}

void LivePanel::start()
{
    if (m_fields.empty()) {
        Q_EMIT message(tr("Drop topics or fields from the topic tree on the live panel first."), true);
        return;
    }
    m_session->setWindow(std::int64_t(m_windowMinutes->value()) * 60'000'000'000);
    const Outcome<Done> started = m_session->start();
    if (!started) {
        Q_EMIT message(tr("Live tail: %1").arg(started.error()), true);
        setState(State::Stopped);
        return;
    }
    const std::int64_t now = TimeRange::currentTimeNs();
    m_plots->setView(TimeView{now - m_session->windowNs(), now}, false);
    m_plots->setFollowLatest(true);
    m_redraws = 0;
    setState(State::Running);
    updateStatus();
}

void LivePanel::pause()
{
    if (m_state != State::Running)
        return;
    m_plots->setFollowLatest(false);
    setState(State::Paused);
}

void LivePanel::resume()
{
    if (m_state != State::Paused)
        return;
    setState(State::Running);
    m_plots->setFollowLatest(true);
    onSamples();
}

void LivePanel::stop()
{
    if (m_state == State::Stopped)
        return;
    m_session->stop();
    m_plots->setFollowLatest(false);
    m_startPending = false;
    setState(State::Stopped);
    updateStatus();
}

void LivePanel::setState(State state)
{
    m_state = state;
    m_startAction->setEnabled(state == State::Stopped);
    m_pauseAction->setEnabled(state != State::Stopped);
    m_pauseAction->setText(state == State::Paused ? tr("Resume") : tr("Pause"));
    m_stopAction->setEnabled(state != State::Stopped);
    Q_EMIT stateChanged(state);
    updateStatus();
}

void LivePanel::onSamples()
{
    // Paused: the samples go into the ring buffer, the view stays as it is.
    if (m_state != State::Running)
        return;
    ++m_redraws;
    m_plots->dataAppended();
    if (!m_arrayTimer.isActive())
        m_arrayTimer.start();
}

void LivePanel::refreshArray()
{
    if (!m_array->hasArray() || m_state == State::Paused)
        return;
    const TimeView view = m_plots->view();
    m_array->refresh(view.startNs, view.stopNs);
}

void LivePanel::updateStatus()
{
    const std::vector<LiveTopicStatus> status = m_session->status();
    m_status->showStatus(status);
    std::int64_t seam = 0;
    for (const LiveTopicStatus &s : status)
        if (s.seamNs > 0)
            seam = seam == 0 ? s.seamNs : std::min(seam, s.seamNs);
    if (seam != m_seamMarker->seam()) {
        m_seamMarker->setSeam(seam);
        m_plots->repaintOverlays();
    }
    QString text;
    switch (m_state) {
    case State::Stopped:
        text = m_fields.empty() ? tr("Drop fields from the topic tree here") : tr("Stopped");
        break;
    case State::Running:
        text = tr("Live · Kafka %1").arg(connectionStateName(m_session->connectionState()));
        break;
    case State::Paused:
        text = tr("Paused · data keeps arriving");
        break;
    }
    m_stateLabel->setText(text);
}

void LivePanel::updateArrayChoices()
{
    const QString current = m_arrayCombo->currentText();
    QStringList choices;
    for (const auto &[topic, names] : m_fields) {
        std::map<QString, int> counts;
        for (const QString &f : names)
            if (const QString base = arrayBase(f); !base.isEmpty())
                ++counts[base];
        for (const auto &[base, n] : counts)
            if (n >= 2)
                choices.append(QStringLiteral("%1 %2[%3]").arg(topic.section(u'.', -2), base).arg(n));
    }
    const QSignalBlocker block(m_arrayCombo);
    m_arrayCombo->clear();
    m_arrayCombo->addItems(choices);
    if (choices.contains(current))
        m_arrayCombo->setCurrentText(current);
    showArray(m_arrayCombo->currentText());
}

void LivePanel::showArray(const QString &choice)
{
    if (choice.isEmpty()) {
        m_array->clearArray();
        return;
    }
    // "MTM1M3.forceActuatorData zForce[156]" back to its topic and base.
    const QString shortTopic = choice.section(u' ', 0, 0);
    const QString base = choice.section(u' ', 1).section(u'[', 0, 0);
    for (const auto &[topic, names] : m_fields) {
        if (topic.section(u'.', -2) != shortTopic)
            continue;
        int count = 0;
        QString unit;
        for (const QString &f : names) {
            if (arrayBase(f) == base) {
                ++count;
                if (unit.isEmpty())
                    unit = unitOf(topic, f);
            }
        }
        m_array->setArray(m_plots->store(), topic, base, count, unit);
        refreshArray();
        return;
    }
}

void LivePanel::applyFieldDocs(const QString &topic, const FieldDocs &docs)
{
    const auto fields = m_fields.find(topic);
    if (fields == m_fields.end())
        return;
    bool changed = false;
    for (const QString &f : fields->second) {
        const FieldDoc *doc = docs.find(f);
        if (!doc)
            continue;
        QString &unit = m_units[topic + u'\n' + f];
        changed = changed || unit != doc->unit;
        unit = doc->unit;
    }
    if (!changed)
        return;
    m_plots->setSeriesUnits(topic, [&docs](const QString &field) -> std::optional<QString> {
        if (const FieldDoc *doc = docs.find(field))
            return doc->unit;
        return std::nullopt;
    });
    if (m_arrayCombo->currentText().section(u' ', 0, 0) == topic.section(u'.', -2))
        showArray(m_arrayCombo->currentText());
}

QString LivePanel::unitOf(const QString &topic, const QString &field) const
{
    if (const auto it = m_units.find(topic + u'\n' + field); it != m_units.end())
        return it->second;
    if (m_unitLookup) {
        if (QString unit = m_unitLookup(topic, field); !unit.isEmpty())
            return unit;
    }
    if (m_profile.name == QLatin1String(kDemoProfileName)) {
        if (const DemoTopic *t = DemoCatalog::instance().topic(topic)) {
            const QString base = arrayBase(field);
            const DemoField *f = t->field(base.isEmpty() ? field : base);
            if (!f && !base.isEmpty())
                f = t->field(field);
            if (f)
                return f->units;
        }
    }
    return {};
}

void LivePanel::watchPanels()
{
    for (PlotPanel *panel : m_plots->panels()) {
        panel->removeEventFilter(this);
        panel->installEventFilter(this);
    }
}

bool LivePanel::eventFilter(QObject *watched, QEvent *event)
{
    // The plot panels take field drops for queried plots; here a drop means "tail these".
    if (event->type() == QEvent::Drop) {
        auto *drop = static_cast<QDropEvent *>(event);
        const std::vector<DraggedField> fields = FieldMimeData::fromMimeData(drop->mimeData());
        if (!fields.empty()) {
            drop->acceptProposedAction();
            addFields(fields);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LivePanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QString::fromLatin1(FieldMimeData::kMimeType)))
        event->acceptProposedAction();
}

void LivePanel::dropEvent(QDropEvent *event)
{
    const std::vector<DraggedField> fields = FieldMimeData::fromMimeData(event->mimeData());
    if (fields.empty())
        return;
    event->acceptProposedAction();
    addFields(fields);
}

} // namespace sasquatch
