// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/dialogs/SecretStorageDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace sasquatch {

SecretStorageDialog::SecretStorageDialog(const QString &reason, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Where should passwords and tokens be kept?"));
    auto *intro = new QLabel(tr("<b>No system keyring is available.</b><br>%1<br><br>"
                                "Sasquatch Browser never writes secrets into its settings. Choose:")
                                 .arg(reason.toHtmlEscaped()));
    intro->setWordWrap(true);
    m_session = new QRadioButton(tr("Keep them for this session only (ask again after a restart)"));
    m_file = new QRadioButton(tr("Keep them in a file that only I can read (permissions 600):"));
    m_session->setChecked(true);
    m_path = new QLineEdit(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                           + QStringLiteral("/sasquatch-browser/secrets.json"));
    m_path->setEnabled(false);
    auto *browse = new QPushButton(tr("Choose…"));
    browse->setEnabled(false);
    connect(m_file, &QRadioButton::toggled, m_path, &QWidget::setEnabled);
    connect(m_file, &QRadioButton::toggled, browse, &QWidget::setEnabled);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Secrets file"), m_path->text());
        if (!path.isEmpty())
            m_path->setText(path);
    });
    auto *fileRow = new QHBoxLayout;
    fileRow->addSpacing(24);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(browse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_session);
    layout->addWidget(m_file);
    layout->addLayout(fileRow);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

SecretStorageMode SecretStorageDialog::mode() const
{
    return m_file->isChecked() && !m_path->text().trimmed().isEmpty() ? SecretStorageMode::File
                                                                       : SecretStorageMode::SessionOnly;
}

QString SecretStorageDialog::filePath() const
{
    return m_path->text().trimmed();
}

} // namespace sasquatch
