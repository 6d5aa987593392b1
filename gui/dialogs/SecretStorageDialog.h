// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ProfileStore.h"

#include <QDialog>

class QLineEdit;
class QRadioButton;

namespace sasquatch {

/// Shown when no keyring service answers: the user chooses to keep secrets for this session
/// only, or in an explicit file readable by them alone. Nothing is written in plain settings.
class SecretStorageDialog : public QDialog
{
    Q_OBJECT
public:
    SecretStorageDialog(const QString &reason, QWidget *parent = nullptr);

    SecretStorageMode mode() const;
    QString filePath() const;

private:
    QRadioButton *m_session = nullptr;
    QRadioButton *m_file = nullptr;
    QLineEdit *m_path = nullptr;
};

} // namespace sasquatch
