// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace sasquatch {

class ConnectionController;

/// Create, edit, import and delete connection profiles. Passwords and tokens typed here go
/// to the secret store, never to the profiles file; a stored secret is never read back into
/// the form, only replaced.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ProfileDialog(ConnectionController &controller, QWidget *parent = nullptr);

    void selectProfile(const QString &name);

private:
    void buildForm();
    void reloadList(const QString &select);
    void showProfile(const ConnectionProfile &profile, bool isNew);
    ConnectionProfile formProfile() const;
    void saveCurrent();
    void newFromTemplate(const ConnectionProfile &profile);
    void importEfdAuth();
    void deleteCurrent();
    void setStatus(const QString &text, bool error);
    void updateApiFields();

    ConnectionController &m_controller;
    QString m_editing; ///< name of the profile in the form when it was loaded; empty for new
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QComboBox *m_api = nullptr;
    QLineEdit *m_database = nullptr;
    QLineEdit *m_org = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_secret = nullptr;
    QLabel *m_secretLabel = nullptr;
    QCheckBox *m_verifyTls = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_kafkaBootstrap = nullptr;
    QLineEdit *m_kafkaUser = nullptr;
    QLineEdit *m_kafkaPassword = nullptr;
    QLineEdit *m_kafkaCa = nullptr;
    QCheckBox *m_kafkaTls = nullptr;
    QLineEdit *m_schemaRegistry = nullptr;
    QLineEdit *m_restProxy = nullptr;
    QLineEdit *m_bridge = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace sasquatch
