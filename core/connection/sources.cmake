# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  connection/ConnectionProfile.h connection/ConnectionProfile.cpp
  connection/ProfileTemplates.h connection/ProfileTemplates.cpp
  connection/EfdAuthImport.h connection/EfdAuthImport.cpp
  connection/ProfileStore.h connection/ProfileStore.cpp
  connection/SecretStore.h
  connection/KeychainSecretStore.h connection/KeychainSecretStore.cpp
  connection/MemorySecretStore.h connection/MemorySecretStore.cpp
  connection/FileSecretStore.h connection/FileSecretStore.cpp
)
