// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/upload/UploadWindow.h"

#include "core/http/HttpTransport.h"
#include "core/ingest/UploadLedger.h"
#include "core/ingest/UploadReport.h"
#include "core/ingest/Uploader.h"
#include "gui/upload/UploadPreviewModel.h"
#include "gui/upload/UploadSession.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

constexpr int kRowRole = Qt::UserRole + 1;

} // namespace

UploadWindow::UploadWindow(std::vector<ConnectionProfile> profiles, SecretReader secrets,
                           std::shared_ptr<HttpTransport> transport, QWidget *parent)
    : QWidget(parent, Qt::Window),
      m_profiles(std::move(profiles)),
      m_secrets(std::move(secrets)),
      m_transport(std::move(transport))
{
    setWindowTitle(tr("Upload metrics"));
    setAcceptDrops(true);
    m_session = new UploadSession(m_transport, this);
    buildUi();
    connect(m_session, &UploadSession::filesRead, this, [this](const std::vector<ReadResult> &results) {
        for (const ReadResult &r : results) {
            // A file added twice replaces its earlier reading.
            m_reads.erase(std::remove_if(m_reads.begin(), m_reads.end(), [&](const ReadResult &old) { return old.path == r.path; }),
                          m_reads.end());
            m_reads.push_back(r);
        }
        replan();
        Q_EMIT filesReady();
    });
    connect(m_session, &UploadSession::progressed, this, &UploadWindow::onProgress);
    connect(m_session, &UploadSession::finished, this, &UploadWindow::onFinished);
    resize(1100, 720);
}

UploadWindow::~UploadWindow() = default;

void UploadWindow::buildUi()
{
    auto *add = new QPushButton(tr("Add files…"));
    connect(add, &QPushButton::clicked, this, &UploadWindow::pickFiles);
    auto *clear = new QPushButton(tr("Clear"));
    connect(clear, &QPushButton::clicked, this, [this] {
        m_reads.clear();
        replan();
    });
    auto *hint = new QLabel(tr("Drop lsst.verify jobs, analysis_tools metric records, CSV or line-protocol files here."));
    hint->setWordWrap(true);
    m_files = new QListWidget;
    m_files->setMaximumHeight(m_files->fontMetrics().height() * 4);

    m_model = new UploadPreviewModel(this);
    m_table = new QTableView;
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);

    m_problems = new QListWidget;
    connect(m_problems, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { jumpToProblem(item->data(kRowRole).toInt()); });
    connect(m_problems, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { jumpToProblem(item->data(kRowRole).toInt()); });
    m_report = new QPlainTextEdit;
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs = new QTabWidget;
    m_tabs->addTab(m_problems, tr("Problems"));
    m_tabs->addTab(m_report, tr("Report"));

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(m_table);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    // Target.
    m_profile = new QComboBox;
    for (const ConnectionProfile &p : m_profiles)
        m_profile->addItem(p.name);
    m_via = new QComboBox;
    m_via->addItem(tr("Confluent REST proxy (Avro)"), int(UploadVia::RestProxy));
    m_via->addItem(tr("Strimzi Kafka bridge (JSON)"), int(UploadVia::Bridge));
    m_via->addItem(tr("Kafka brokers"), int(UploadVia::Kafka));
    m_via->addItem(tr("InfluxDB (line protocol)"), int(UploadVia::Influx));
    m_bucket = new QLineEdit;
    m_bucket->setPlaceholderText(tr("database[/retention policy] or bucket; empty: the profile's"));
    m_namespace = new QLineEdit(QStringLiteral("lsst.dm"));
    m_topic = new QLineEdit;
    m_topic->setPlaceholderText(tr("<namespace>.<name> per record"));
    m_validOnly = new QCheckBox(tr("Send only the valid records (otherwise a file with an invalid record sends nothing)"));
    m_target = new QLabel;
    m_target->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Profile"), m_profile);
    form->addRow(tr("Path"), m_via);
    form->addRow(tr("InfluxDB bucket"), m_bucket);
    form->addRow(tr("Namespace"), m_namespace);
    form->addRow(tr("Topic"), m_topic);
    form->addRow(QString(), m_validOnly);
    form->addRow(QString(), m_target);
    for (QComboBox *box : {m_profile, m_via})
        connect(box, &QComboBox::currentIndexChanged, this, &UploadWindow::replan);
    for (QLineEdit *edit : {m_namespace, m_topic, m_bucket})
        connect(edit, &QLineEdit::editingFinished, this, &UploadWindow::replan);
    connect(m_validOnly, &QCheckBox::toggled, this, &UploadWindow::replan);

    m_progress = new QProgressBar;
    m_progress->setFormat(tr("%v of %m"));
    m_progress->setValue(0);
    m_counts = new QLabel(tr("No files."));
    m_dryRun = new QPushButton(tr("Dry run"));
    m_upload = new QPushButton(tr("Upload"));
    m_upload->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"));
    m_save = new QPushButton(tr("Save report…"));
    connect(m_dryRun, &QPushButton::clicked, this, &UploadWindow::showDryRun);
    connect(m_upload, &QPushButton::clicked, this, &UploadWindow::startUpload);
    connect(m_cancel, &QPushButton::clicked, m_session, &UploadSession::cancel);
    connect(m_save, &QPushButton::clicked, this, &UploadWindow::saveReport);

    auto *top = new QHBoxLayout;
    top->addWidget(add);
    top->addWidget(clear);
    top->addWidget(hint, 1);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_counts);
    bottom->addWidget(m_dryRun);
    bottom->addWidget(m_upload);
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_files);
    layout->addWidget(split, 1);
    layout->addLayout(form);
    layout->addLayout(bottom);
    updateButtons();
}

void UploadWindow::setProfile(const QString &name)
{
    m_profile->setCurrentText(name);
}

bool UploadWindow::isBusy() const
{
    return m_session->isBusy();
}

std::shared_ptr<const UploadLedger> UploadWindow::ledger() const
{
    return m_ledger;
}

void UploadWindow::addFiles(const QStringList &paths)
{
    if (paths.isEmpty() || m_session->isBusy())
        return;
    m_counts->setText(tr("Reading %n file(s)…", nullptr, int(paths.size())));
    m_session->read(paths, ReadOptions{});
    updateButtons();
}

void UploadWindow::pickFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Metric files"), QString(),
        tr("Metric files (*.json *.csv *.lp *.txt);;All files (*)"));
    addFiles(paths);
}

void UploadWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void UploadWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths << url.toLocalFile();
    addFiles(paths);
    event->acceptProposedAction();
}

void UploadWindow::closeEvent(QCloseEvent *event)
{
    m_session->cancel();
    QWidget::closeEvent(event);
}

UploadConnection UploadWindow::connection() const
{
    UploadConnection c;
    c.via = UploadVia(m_via->currentData().toInt());
    const int index = m_profile->currentIndex();
    if (index >= 0 && index < int(m_profiles.size()))
        c.profile = m_profiles[std::size_t(index)];
    c.bucket = m_bucket->text().trimmed();
    return c;
}

void UploadWindow::replan()
{
    if (m_session->isBusy())
        return;
    const UploadConnection c = connection();
    UploadOptions options;
    options.ns = m_namespace->text().trimmed();
    options.topic = m_topic->text().trimmed();
    options.policy = m_validOnly->isChecked() ? ValidationPolicy::ValidOnly : ValidationPolicy::AllOrNothing;
    options.target = c.target();
    m_plan = std::make_shared<UploadPlan>(UploadPlan::build(m_reads, options));
    m_ledger = std::make_shared<UploadLedger>(*m_plan);
    m_model->setPlan(m_plan);
    m_table->resizeColumnsToContents();

    m_files->clear();
    m_problems->clear();
    for (int f = 0; f < int(m_plan->files().size()); ++f) {
        const ReadResult &r = m_plan->files()[std::size_t(f)];
        const qsizetype invalid = qsizetype(r.records.size()) - r.validCount();
        m_files->addItem(tr("%1 — %2, %n record(s)", nullptr, int(r.records.size()))
                             .arg(QFileInfo(r.path).fileName(), ingestFormatName(r.format))
                         + (invalid > 0 || !r.readable ? tr(", %n invalid", nullptr, int(invalid)) : QString())
                         + (r.readable ? QString() : tr(" (unreadable)")));
        for (const ReadProblem &p : r.problems) {
            auto *item = new QListWidgetItem(p.message(QFileInfo(r.path).fileName()));
            item->setData(kRowRole, p.record >= 0 ? m_model->rowOf(f, p.record) : -1);
            item->setToolTip(p.message(r.path));
            m_problems->addItem(item);
        }
        for (const QString &note : r.notes)
            m_problems->addItem(tr("%1: note: %2").arg(QFileInfo(r.path).fileName(), note));
    }
    m_tabs->setTabText(0, tr("Problems (%1)").arg(m_problems->count()));
    const QString missing = c.missing();
    m_target->setText(missing.isEmpty() ? tr("%n record(s) ready to send.", nullptr, int(m_plan->sendableCount()))
                                        : tr("Cannot send: %1").arg(missing));
    m_progress->setMaximum(int(std::max<qsizetype>(1, m_plan->sendableCount())));
    m_progress->setValue(0);
    m_counts->setText(m_reads.empty() ? tr("No files.")
                                      : tr("%1 of %2 record(s) valid").arg(m_plan->sendableCount()).arg(m_plan->records().size()));
    m_report->clear();
    updateButtons();
}

void UploadWindow::jumpToProblem(int row)
{
    if (row < 0)
        return;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void UploadWindow::updateButtons()
{
    const bool busy = m_session->isBusy();
    const bool ready = m_plan && m_plan->sendableCount() > 0 && connection().missing().isEmpty();
    m_upload->setEnabled(!busy && ready && m_ledger && !m_ledger->allAcknowledged());
    m_upload->setText(m_ledger && m_ledger->failed() > 0 ? tr("Retry failed") : tr("Upload"));
    m_dryRun->setEnabled(!busy && ready);
    m_cancel->setEnabled(busy);
    m_save->setEnabled(!busy && !m_lastTarget.isEmpty());
    m_profile->setEnabled(!busy);
    m_via->setEnabled(!busy);
}

void UploadWindow::showDryRun()
{
    if (!m_plan)
        return;
    const auto uploader = makeUploader(connection(), m_transport);
    QString text = tr("Dry run: nothing is sent. Target: %1\n").arg(uploader->describe());
    for (const PlannedSend &send : uploader->dryRun(*m_plan, *m_ledger)) {
        text += u'\n' + send.target + u'\n';
        for (const QString &h : send.headers)
            text += h + u'\n';
        // The preview is for reading: long bodies are cut (the command line prints them whole).
        constexpr qsizetype kShown = 20000;
        text += QString::fromUtf8(send.body.left(kShown));
        if (send.body.size() > kShown)
            text += tr("\n… (%1 more bytes)\n").arg(send.body.size() - kShown);
    }
    m_lastTarget = uploader->describe();
    m_lastWasDryRun = true;
    m_report->setPlainText(text);
    m_tabs->setCurrentWidget(m_report);
    updateButtons();
}

void UploadWindow::startUpload()
{
    if (!m_plan || m_session->isBusy())
        return;
    UploadConnection c = connection();
    // The secret store answers later; the window may be closed by then.
    const auto go = [self = QPointer<UploadWindow>(this), c](const QString &influxSecret, const QString &kafkaPassword) {
        if (!self)
            return;
        self->send(c, influxSecret, kafkaPassword);
    };
    // Secrets come from the store asynchronously; the REST proxy and bridge need none.
    if (c.via == UploadVia::Influx && m_secrets) {
        const SecretKind kind = c.profile.api == ApiFlavour::V1 || (c.profile.api == ApiFlavour::Auto && !c.profile.username.isEmpty())
                                    ? SecretKind::InfluxPassword
                                    : SecretKind::InfluxToken;
        m_secrets(c.profile.name, kind, [go](const QString &secret) { go(secret, QString()); });
    } else if (c.via == UploadVia::Kafka && !c.profile.kafkaUsername.isEmpty() && m_secrets) {
        m_secrets(c.profile.name, SecretKind::KafkaPassword, [go](const QString &secret) { go(QString(), secret); });
    } else {
        go(QString(), QString());
    }
}

void UploadWindow::send(UploadConnection c, const QString &influxSecret, const QString &kafkaPassword)
{
    if (m_session->isBusy())
        return;
    c.influxSecret = influxSecret;
    c.kafkaPassword = kafkaPassword;
    m_model->setLedger(nullptr);
    m_counts->setText(tr("Sending…"));
    m_session->upload(m_plan, m_ledger, c);
    updateButtons();
}

void UploadWindow::onProgress(const UploadProgress &progress)
{
    m_progress->setMaximum(int(std::max<qsizetype>(1, progress.total)));
    m_progress->setValue(int(progress.acknowledged + progress.failed));
    m_counts->setText(tr("%1 acknowledged, %2 failed of %3").arg(progress.acknowledged).arg(progress.failed).arg(progress.total));
    if (!progress.activity.isEmpty())
        m_target->setText(progress.activity);
}

void UploadWindow::onFinished(const QString &target)
{
    m_lastTarget = target;
    m_lastWasDryRun = false;
    m_model->setLedger(m_ledger);
    m_report->setPlainText(tr("Target: %1\n\n").arg(target) + UploadReport::text(*m_plan, *m_ledger, 0));
    m_tabs->setCurrentWidget(m_report);
    m_target->setText(m_ledger->allAcknowledged() ? tr("Every record was acknowledged.")
                                                  : tr("%1 record(s) not acknowledged: see the report; Retry failed sends exactly those.")
                                                        .arg(m_ledger->size() - m_ledger->acknowledged()));
    updateButtons();
    Q_EMIT uploadFinished();
}

QByteArray UploadWindow::reportJson() const
{
    if (!m_plan || !m_ledger || m_lastTarget.isEmpty())
        return {};
    return UploadReport::json(*m_plan, *m_ledger, m_lastTarget, m_lastWasDryRun);
}

void UploadWindow::saveReport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save upload report"), QStringLiteral("upload-report.json"),
                                                      tr("JSON (*.json);;Text (*.txt)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    const QByteArray bytes = path.endsWith(u".txt") ? m_report->toPlainText().toUtf8() : reportJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        m_target->setText(tr("Cannot save %1: %2").arg(path, file.errorString()));
    else
        m_target->setText(tr("Report saved to %1").arg(path));
}

} // namespace sasquatch
