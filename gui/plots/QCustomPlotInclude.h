// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// qcustomplot.h uses the Qt keywords signals/slots/emit/foreach that QT_NO_KEYWORDS (set
// project-wide) removes: include it only through this header, which maps them for the
// duration of the include and takes them away again.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
