// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QStringView>

namespace sasquatch {

/// Flux's reserved words (Flux language specification, "Keywords").
const QStringList &fluxKeywords();
/// InfluxQL's reserved words (InfluxQL specification, "Keywords"), upper case, plus the
/// operators and literals spelled as words: AND, OR, TRUE, FALSE.
const QStringList &influxQlKeywords();

bool isFluxKeyword(QStringView word);
/// Case-insensitive, as InfluxQL is.
bool isInfluxQlKeyword(QStringView word);

/// Flux's boolean literals (identifiers bound in universe, shown as constants).
bool isFluxConstant(QStringView word);

} // namespace sasquatch
