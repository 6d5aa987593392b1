// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace sasquatch {

/// The two query languages Sasquatch's InfluxDB servers accept.
enum class QueryLanguage { Flux, InfluxQl };

/// "Flux" or "InfluxQL", for menus and messages.
QString queryLanguageName(QueryLanguage language);
/// The line-comment marker: "//" in Flux, "--" in InfluxQL.
QString lineCommentPrefix(QueryLanguage language);

} // namespace sasquatch
