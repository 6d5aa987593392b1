// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/dialogs/ProfileDialog.h"

#include "core/connection/EfdAuthImport.h"
#include "core/connection/ProfileTemplates.h"
#include "gui/app/ConnectionController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

QLineEdit *lineEdit(const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

ProfileDialog::ProfileDialog(ConnectionController &controller, QWidget *parent)
    : QDialog(parent), m_controller(controller)
{
    setWindowTitle(tr("Connection profiles"));
    resize(900, 640);

    m_list = new QListWidget;
    m_list->setMinimumWidth(180);
    auto *add = new QToolButton;
    add->setText(tr("New"));
    add->setPopupMode(QToolButton::InstantPopup);
    auto *templates = new QMenu(add);
    for (const auto &t : profileTemplates())
        templates->addAction(tr("From template: %1").arg(t.name), this, [this, t] { newFromTemplate(t); });
    templates->addSeparator();
    templates->addAction(tr("Empty profile"), this, [this] {
        ConnectionProfile blank;
        blank.name = tr("new profile");
        newFromTemplate(blank);
    });
    add->setMenu(templates);
    auto *import = new QPushButton(tr("Import EFDAUTH…"));
    import->setToolTip(tr("Import lsst-efd-client credentials ({label: {url, database, username, password, schema_registry}})"));
    auto *remove = new QPushButton(tr("Delete"));
    connect(import, &QPushButton::clicked, this, &ProfileDialog::importEfdAuth);
    connect(remove, &QPushButton::clicked, this, &ProfileDialog::deleteCurrent);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list);
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(add);
    leftButtons->addWidget(import);
    leftButtons->addWidget(remove);
    leftLayout->addLayout(leftButtons);

    auto *formHost = new QWidget;
    buildForm();
    auto *formLayout = new QVBoxLayout(formHost);
    formLayout->addWidget(findChild<QWidget *>(QStringLiteral("profileForm")));
    formLayout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidget(formHost);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter;
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(1, 1);

    m_status = new QLabel;
    m_status->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::ApplyRole);
    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &ProfileDialog::saveCurrent);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (const ConnectionProfile *p = m_controller.profiles().find(name))
            showProfile(*p, false);
    });
    reloadList(m_controller.activeProfile());
}

void ProfileDialog::buildForm()
{
    auto *form = new QWidget(this);
    form->setObjectName(QStringLiteral("profileForm"));
    auto *layout = new QVBoxLayout(form);

    auto *influx = new QGroupBox(tr("InfluxDB"));
    auto *f1 = new QFormLayout(influx);
    m_name = lineEdit(tr("e.g. summit"));
    m_url = lineEdit(QStringLiteral("https://summit-lsp.lsst.codes/influxdb-enterprise-data"));
    m_api = new QComboBox;
    m_api->addItem(tr("Detect (from /ping)"), int(ApiFlavour::Auto));
    m_api->addItem(tr("1.x — InfluxQL, databases"), int(ApiFlavour::V1));
    m_api->addItem(tr("2.x — Flux, buckets"), int(ApiFlavour::V2));
    m_database = lineEdit(QStringLiteral("efd"));
    m_org = lineEdit(tr("organisation (2.x)"));
    m_username = lineEdit(tr("user (1.x)"));
    m_secret = lineEdit(QString());
    m_secret->setEchoMode(QLineEdit::Password);
    m_secretLabel = new QLabel(tr("Password"));
    m_verifyTls = new QCheckBox(tr("Verify TLS certificates"));
    m_caFile = lineEdit(tr("system CA bundle"));
    f1->addRow(tr("Name"), m_name);
    f1->addRow(tr("URL"), m_url);
    f1->addRow(tr("API"), m_api);
    f1->addRow(tr("Database"), m_database);
    f1->addRow(tr("Organisation"), m_org);
    f1->addRow(tr("Username"), m_username);
    f1->addRow(m_secretLabel, m_secret);
    f1->addRow(QString(), m_verifyTls);
    f1->addRow(tr("CA file"), m_caFile);
    connect(m_api, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateApiFields);
    connect(m_username, &QLineEdit::textChanged, this, &ProfileDialog::updateApiFields);
    connect(m_verifyTls, &QCheckBox::toggled, this, [this](bool on) {
        if (!on)
            setStatus(tr("TLS verification off: only for servers you trust on a network you trust."), true);
    });

    auto *kafka = new QGroupBox(tr("Kafka (SASL SCRAM-SHA-512)"));
    auto *f2 = new QFormLayout(kafka);
    m_kafkaBootstrap = lineEdit(QStringLiteral("host:9094"));
    m_kafkaUser = lineEdit(QString());
    m_kafkaPassword = lineEdit(QString());
    m_kafkaPassword->setEchoMode(QLineEdit::Password);
    m_kafkaCa = lineEdit(tr("CA certificate (PEM)"));
    m_kafkaTls = new QCheckBox(tr("TLS"));
    f2->addRow(tr("Bootstrap servers"), m_kafkaBootstrap);
    f2->addRow(tr("Username"), m_kafkaUser);
    f2->addRow(tr("Password"), m_kafkaPassword);
    f2->addRow(tr("CA file"), m_kafkaCa);
    f2->addRow(QString(), m_kafkaTls);

    auto *http = new QGroupBox(tr("HTTP services"));
    auto *f3 = new QFormLayout(http);
    m_schemaRegistry = lineEdit(QStringLiteral("https://host/schema-registry"));
    m_restProxy = lineEdit(QStringLiteral("https://host/sasquatch-rest-proxy"));
    m_bridge = lineEdit(tr("Strimzi Kafka bridge URL"));
    f3->addRow(tr("Schema Registry"), m_schemaRegistry);
    f3->addRow(tr("REST proxy"), m_restProxy);
    f3->addRow(tr("Kafka bridge"), m_bridge);

    layout->addWidget(influx);
    layout->addWidget(kafka);
    layout->addWidget(http);
}

void ProfileDialog::updateApiFields()
{
    const auto api = ApiFlavour(m_api->currentData().toInt());
    const bool token = api == ApiFlavour::V2 || (api == ApiFlavour::Auto && m_username->text().isEmpty());
    m_secretLabel->setText(token ? tr("Token") : tr("Password"));
    m_database->setEnabled(api != ApiFlavour::V2);
    m_org->setEnabled(api != ApiFlavour::V1);
    m_username->setEnabled(api != ApiFlavour::V2);
}

void ProfileDialog::reloadList(const QString &select)
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    m_list->addItems(m_controller.profiles().names());
    const auto items = m_list->findItems(select, Qt::MatchExactly);
    if (!items.isEmpty())
        m_list->setCurrentItem(items.first());
    else if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    if (const ConnectionProfile *p = m_controller.profiles().find(m_list->currentItem() ? m_list->currentItem()->text() : QString()))
        showProfile(*p, false);
}

void ProfileDialog::selectProfile(const QString &name)
{
    reloadList(name);
}

void ProfileDialog::showProfile(const ConnectionProfile &p, bool isNew)
{
    m_editing = isNew ? QString() : p.name;
    m_name->setText(p.name);
    m_url->setText(p.influxUrl);
    m_api->setCurrentIndex(m_api->findData(int(p.api)));
    m_database->setText(p.database);
    m_org->setText(p.org);
    m_username->setText(p.username);
    m_secret->clear();
    m_secret->setPlaceholderText(isNew ? QString() : tr("stored in %1 — type to replace").arg(m_controller.secretStoreDescription()));
    m_verifyTls->setChecked(p.verifyTls);
    m_caFile->setText(p.caFile);
    m_kafkaBootstrap->setText(p.kafkaBootstrap);
    m_kafkaUser->setText(p.kafkaUsername);
    m_kafkaPassword->clear();
    m_kafkaCa->setText(p.kafkaCaFile);
    m_kafkaTls->setChecked(p.kafkaTls);
    m_schemaRegistry->setText(p.schemaRegistryUrl);
    m_restProxy->setText(p.restProxyUrl);
    m_bridge->setText(p.kafkaBridgeUrl);
    updateApiFields();
    setStatus(QString(), false);
}

ConnectionProfile ProfileDialog::formProfile() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.influxUrl = m_url->text().trimmed();
    p.api = ApiFlavour(m_api->currentData().toInt());
    p.database = m_database->text().trimmed();
    p.org = m_org->text().trimmed();
    p.username = m_username->text().trimmed();
    p.verifyTls = m_verifyTls->isChecked();
    p.caFile = m_caFile->text().trimmed();
    p.kafkaBootstrap = m_kafkaBootstrap->text().trimmed();
    p.kafkaUsername = m_kafkaUser->text().trimmed();
    p.kafkaCaFile = m_kafkaCa->text().trimmed();
    p.kafkaTls = m_kafkaTls->isChecked();
    p.schemaRegistryUrl = m_schemaRegistry->text().trimmed();
    p.restProxyUrl = m_restProxy->text().trimmed();
    p.kafkaBridgeUrl = m_bridge->text().trimmed();
    return p;
}

void ProfileDialog::saveCurrent()
{
    const ConnectionProfile profile = formProfile();
    if (const QStringList problems = profile.validate(); !problems.isEmpty()) {
        setStatus(problems.join(u'\n'), true);
        return;
    }
    std::vector<std::pair<SecretKind, QString>> secrets;
    if (!m_secret->text().isEmpty())
        secrets.emplace_back(ConnectionController::influxSecretKind(profile), m_secret->text());
    if (!m_kafkaPassword->text().isEmpty())
        secrets.emplace_back(SecretKind::KafkaPassword, m_kafkaPassword->text());
    m_save->setEnabled(false);
    setStatus(tr("Saving…"), false);
    m_controller.saveProfile(profile, m_editing, secrets, [this, name = profile.name](const QString &problem) {
        m_save->setEnabled(true);
        if (!problem.isEmpty()) {
            setStatus(tr("Not saved: %1").arg(problem), true); // the form keeps what was typed
            return;
        }
        m_editing = name;
        m_secret->clear();
        m_kafkaPassword->clear();
        reloadList(name);
        setStatus(tr("Saved \"%1\".").arg(name), false);
    });
}

void ProfileDialog::newFromTemplate(const ConnectionProfile &profile)
{
    ConnectionProfile copy = profile;
    QString name = copy.name;
    for (int i = 2; m_controller.profiles().find(name); ++i)
        name = QStringLiteral("%1 (%2)").arg(copy.name).arg(i);
    copy.name = name;
    m_list->clearSelection();
    showProfile(copy, true);
    m_name->setFocus();
    m_name->selectAll();
    setStatus(tr("New profile: edit it and press Save."), false);
}

void ProfileDialog::importEfdAuth()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import lsst-efd-client credentials"), QString(),
                                                      tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(tr("Cannot read %1: %2").arg(path, file.errorString()), true);
        return;
    }
    auto imported = sasquatch::importEfdAuth(file.readAll(), path);
    if (!imported) {
        setStatus(imported.error(), true);
        return;
    }
    auto remaining = std::make_shared<int>(int(imported->size()));
    auto errors = std::make_shared<QStringList>();
    for (const auto &entry : imported.value()) {
        std::vector<std::pair<SecretKind, QString>> secrets;
        if (!entry.password.isEmpty())
            secrets.emplace_back(SecretKind::InfluxPassword, entry.password);
        const QString previous = m_controller.profiles().find(entry.profile.name) ? entry.profile.name : QString();
        m_controller.saveProfile(entry.profile, previous, secrets, [this, remaining, errors, path, name = entry.profile.name](const QString &problem) {
            if (!problem.isEmpty())
                errors->append(QStringLiteral("%1: %2").arg(name, problem));
            if (--*remaining == 0) {
                reloadList(name);
                setStatus(errors->isEmpty() ? tr("Imported the profiles of %1.").arg(path)
                                            : errors->join(u'\n'),
                          !errors->isEmpty());
            }
        });
    }
}

void ProfileDialog::deleteCurrent()
{
    if (m_editing.isEmpty())
        return;
    if (QMessageBox::question(this, tr("Delete profile"), tr("Delete the profile \"%1\" and its stored secrets?").arg(m_editing))
        != QMessageBox::Yes)
        return;
    m_controller.removeProfile(m_editing);
    reloadList(QString());
}

void ProfileDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #ff8a80;") : QString());
}

} // namespace sasquatch
