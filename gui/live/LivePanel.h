// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldDocs.h"
#include "core/catalog/FieldMimeData.h"
#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"

#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QSpinBox;

namespace sasquatch {

class LiveArrayView;
class LiveSeamMarker;
class LiveSession;
class LiveStatusTable;
class PlotWorkspace;
class SchemaSource;

/// The live tail: fields dropped from the topic tree are plotted as they arrive from Kafka,
/// with the last minutes of history from InfluxDB before them (LiveSession). Start, pause (the
/// view freezes; data keeps arriving into the ring buffer), resume, stop; a status row per
/// topic (LiveStatusTable) and, for array fields, a heatmap and the newest vector
/// (LiveArrayView). The plots are a PlotWorkspace of their own whose store is the ring
/// buffer: hover readout, A/B cursors and zoom work as in the plot workspace, and redraws are
/// coalesced there (at most PlotWorkspace::kMaxLiveFps per second).
class LivePanel : public QWidget
{
    Q_OBJECT

public:
    enum class State { Stopped, Running, Paused };
    /// Elements of one array drawn as lines; all of them are in the array view.
    static constexpr int kMaxPlottedElements = 12;

    explicit LivePanel(std::shared_ptr<HttpTransport> http, QWidget *parent = nullptr);
    ~LivePanel() override;

    /// The active profile: InfluxDB for history, Kafka (bootstrap, SCRAM user, TLS) and the
    /// Schema Registry for live; the local demo profile uses the demo's in-process schemas.
    void setConnection(const ConnectionProfile &profile, const QString &influxSecret, const QString &kafkaPassword);
    /// Replaces the schema source chosen by setConnection() (tests).
    void setSchemaSource(std::shared_ptr<SchemaSource> schemas);
    /// Where units come from for fields given without one (the catalog); returns an empty
    /// string when unknown. The local demo also knows its catalog's units.
    void setUnitLookup(std::function<QString(const QString &topic, const QString &field)> lookup)
    {
        m_unitLookup = std::move(lookup);
    }

    /// Where the current connection's schemas come from (registry, demo, or nullptr).
    std::shared_ptr<SchemaSource> schemaSource() const { return m_schemas; }
    /// Units of `topic`'s fields from its schema: series and the array view move to the axis
    /// of their unit. Done by the panel itself for every schema a live message brings.
    void applyFieldDocs(const QString &topic, const FieldDocs &docs);

    /// Adds fields (flattened names) to tail; restarts a running tail so they get history too.
    void addFields(const std::vector<DraggedField> &fields);
    /// Fields per topic, as LiveFieldSpec gives them.
    void addFields(const std::map<QString, QStringList> &fields);
    void clearFields();
    /// Starts as soon as a connection with Kafka brokers is set (at once if there is one).
    void startWhenConnected();

    void start();
    void pause();
    void resume();
    void stop();
    State state() const { return m_state; }

    LiveSession &session() { return *m_session; }
    PlotWorkspace *plots() const { return m_plots; }
    LiveStatusTable *statusTable() const { return m_status; }
    LiveArrayView *arrayView() const { return m_array; }
    /// Redraws (plots and array view) since start, for tests of the pause.
    int redraws() const { return m_redraws; }

Q_SIGNALS:
    void message(const QString &text, bool error);
    void stateChanged(sasquatch::LivePanel::State state);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void setState(State state);
    void onSamples();
    void refreshArray();
    void updateStatus();
    void updateArrayChoices();
    void showArray(const QString &choice);
    void watchPanels();
    QString unitOf(const QString &topic, const QString &field) const;

    std::shared_ptr<HttpTransport> m_http;
    LiveSession *m_session = nullptr;
    PlotWorkspace *m_plots = nullptr;
    LiveStatusTable *m_status = nullptr;
    LiveArrayView *m_array = nullptr;
    std::unique_ptr<LiveSeamMarker> m_seamMarker;
    QLabel *m_stateLabel = nullptr;
    QComboBox *m_arrayCombo = nullptr;
    QSpinBox *m_windowMinutes = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_stopAction = nullptr;
    QTimer m_arrayTimer;
    QTimer m_statusTimer;
    ConnectionProfile m_profile;
    std::shared_ptr<SchemaSource> m_schemas;
    bool m_schemasOverridden = false;
    std::map<QString, QStringList> m_fields;
    std::map<QString, QString> m_units; ///< "topic\nfield" -> unit
    std::function<QString(const QString &, const QString &)> m_unitLookup;
    State m_state = State::Stopped;
    bool m_startPending = false;
    int m_redraws = 0;
};

} // namespace sasquatch
