// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/AppTranslator.h"

#include <cstring>

namespace sasquatch {

QString AppTranslator::translate(const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    QString text = QTranslator::translate(context, sourceText, disambiguation, n);
    if (!text.isNull() || context == nullptr)
        return text;
    const char *scope = std::strrchr(context, ':');
    if (scope == nullptr || scope == context || scope[-1] != ':')
        return text;
    return QTranslator::translate(scope + 1, sourceText, disambiguation, n);
}

} // namespace sasquatch
