// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QApplication;

namespace sasquatch {

enum class ThemeKind { Dark, Light };

/// Fusion with a calm palette: dark by default, easy on eyes adapted to a dark control room.
void applyTheme(QApplication &app, ThemeKind kind);

} // namespace sasquatch
