// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <span>

// The raw tables behind FluxStdlib, in the notation FluxStdlib::parseDeclaration() reads.
namespace sasquatch::fluxdata {

struct SymbolEntry
{
    const char *package; ///< import path, "" for universe
    const char *declaration;
    const char *doc;
};

struct PackageEntry
{
    const char *path;
    const char *doc;
};

std::span<const SymbolEntry> universeEntries();
std::span<const SymbolEntry> packageEntries();
std::span<const PackageEntry> packageDocs();

} // namespace sasquatch::fluxdata
