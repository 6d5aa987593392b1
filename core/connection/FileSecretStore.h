// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/SecretStore.h"

#include <QJsonObject>
#include <QMutex>

namespace sasquatch {

/// Secrets in a file the user chose explicitly, readable by its owner only (mode 600). The
/// store refuses a file that others can read rather than use it silently.
class FileSecretStore final : public SecretStore
{
public:
    explicit FileSecretStore(QString path);

    Outcome<std::optional<QString>> read(const QString &key) override;
    Outcome<Done> write(const QString &key, const QString &value) override;
    Outcome<Done> remove(const QString &key) override;
    QString describe() const override;

private:
    Outcome<QJsonObject> loadLocked() const;
    Outcome<Done> saveLocked(const QJsonObject &values) const;

    QString m_path;
    mutable QMutex m_mutex;
};

} // namespace sasquatch
