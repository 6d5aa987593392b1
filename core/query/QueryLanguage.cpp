// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryLanguage.h"

namespace sasquatch {

QString queryLanguageName(QueryLanguage language)
{
    return language == QueryLanguage::Flux ? QStringLiteral("Flux") : QStringLiteral("InfluxQL");
}

QString lineCommentPrefix(QueryLanguage language)
{
    return language == QueryLanguage::Flux ? QStringLiteral("//") : QStringLiteral("--");
}

} // namespace sasquatch
