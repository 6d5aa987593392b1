// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/influx/InfluxTypes.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sasquatch {

/// Asks for a new bucket: a 1.x database and optional retention policy, or a 2.x bucket.
/// Validates as the user types; the caller sends spec() to the server.
class CreateBucketDialog : public QDialog
{
    Q_OBJECT
public:
    CreateBucketDialog(ApiFlavour flavour, const QStringList &databases, QWidget *parent = nullptr);

    BucketSpec spec() const;
    /// Shows a server error under the form and keeps the dialog open with what was typed.
    void showError(const QString &message);

private:
    void validate();

    ApiFlavour m_flavour;
    QComboBox *m_database = nullptr;
    QLineEdit *m_policy = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_retention = nullptr;
    QLineEdit *m_shard = nullptr;
    QCheckBox *m_default = nullptr;
    QLabel *m_problems = nullptr;
    QPushButton *m_ok = nullptr;
};

} // namespace sasquatch
