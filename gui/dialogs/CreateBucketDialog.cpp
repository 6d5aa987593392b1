// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/dialogs/CreateBucketDialog.h"

#include "core/time/Durations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

/// "" or "INF" = forever, else a duration such as 30d, 168h, 1w.
std::optional<std::int64_t> durationSeconds(const QString &text)
{
    if (text.trimmed().isEmpty())
        return 0;
    const auto ns = parseDurationNs(text);
    if (!ns)
        return std::nullopt;
    return *ns / 1'000'000'000;
}

} // namespace

CreateBucketDialog::CreateBucketDialog(ApiFlavour flavour, const QStringList &databases, QWidget *parent)
    : QDialog(parent), m_flavour(flavour)
{
    setWindowTitle(flavour == ApiFlavour::V2 ? tr("Create bucket") : tr("Create database / retention policy"));
    auto *form = new QFormLayout;
    m_retention = new QLineEdit;
    m_retention->setPlaceholderText(tr("empty or INF = keep forever; e.g. 30d, 168h, 1w"));
    m_shard = new QLineEdit;
    m_shard->setPlaceholderText(tr("empty = server default; e.g. 1d"));
    if (flavour == ApiFlavour::V2) {
        m_name = new QLineEdit;
        m_description = new QLineEdit;
        form->addRow(tr("Bucket name"), m_name);
        form->addRow(tr("Description"), m_description);
        form->addRow(tr("Retention"), m_retention);
        form->addRow(tr("Shard group duration"), m_shard);
        connect(m_name, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    } else {
        m_database = new QComboBox;
        m_database->setEditable(true);
        m_database->addItems(databases);
        m_database->setCurrentText(QString());
        m_database->lineEdit()->setPlaceholderText(tr("new or existing database"));
        m_policy = new QLineEdit;
        m_policy->setPlaceholderText(tr("empty = only the database (with autogen)"));
        m_default = new QCheckBox(tr("Make it the database's default policy"));
        form->addRow(tr("Database"), m_database);
        form->addRow(tr("Retention policy"), m_policy);
        form->addRow(tr("Duration"), m_retention);
        form->addRow(tr("Shard group duration"), m_shard);
        form->addRow(QString(), m_default);
        connect(m_database, &QComboBox::currentTextChanged, this, &CreateBucketDialog::validate);
        connect(m_policy, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    }
    connect(m_retention, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);
    connect(m_shard, &QLineEdit::textChanged, this, &CreateBucketDialog::validate);

    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #ff8a80;"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
    validate();
}

BucketSpec CreateBucketDialog::spec() const
{
    BucketSpec s;
    s.retentionSeconds = durationSeconds(m_retention->text()).value_or(-1);
    s.shardGroupSeconds = durationSeconds(m_shard->text()).value_or(-1);
    if (m_flavour == ApiFlavour::V2) {
        s.name = m_name->text();
        s.description = m_description->text();
    } else {
        s.database = m_database->currentText();
        s.retentionPolicy = m_policy->text();
        s.makeDefault = m_default->isChecked();
    }
    return s;
}

void CreateBucketDialog::validate()
{
    QStringList problems;
    if (!durationSeconds(m_retention->text()))
        problems << tr("The retention is not a duration (try 30d, 168h or INF).");
    if (!durationSeconds(m_shard->text()))
        problems << tr("The shard group duration is not a duration (try 1d).");
    if (problems.isEmpty())
        problems = spec().validate(m_flavour);
    m_problems->setText(problems.join(u'\n'));
    m_ok->setEnabled(problems.isEmpty());
}

void CreateBucketDialog::showError(const QString &message)
{
    m_problems->setText(message);
}

} // namespace sasquatch
