// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"

#include <QByteArray>
#include <vector>

namespace sasquatch {

/// One profile read from an lsst-efd-client credentials file, with its password (which the
/// caller must put in a SecretStore, never in the profile).
struct ImportedProfile
{
    ConnectionProfile profile;
    QString password;
};

/// Reads lsst-efd-client's EFDAUTH JSON: `{label: {url, database, username, password,
/// schema_registry}}`. Entries in the Segwarides shape (`host`, `port`, `path` instead of `url`)
/// are accepted too. Every problem names the label it belongs to; `source` names the file.
Outcome<std::vector<ImportedProfile>> importEfdAuth(const QByteArray &json, const QString &source);

} // namespace sasquatch
