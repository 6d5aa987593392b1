// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QMap>
#include <QString>

namespace sasquatch {

/// Tags as a person types them in one box: `csc=MTM1M3, shift=night` (commas or semicolons
/// between pairs, blanks around them ignored, a value may contain '='). Used by the
/// annotation editor and the list's tag filter.
class TagListText
{
public:
    /// The tags, or a Failure naming the piece that is not key=value or a key given twice.
    static Outcome<QMap<QString, QString>> parse(const QString &text);
    /// "k=v, k=v", keys sorted; parse() reads it back when no key or value holds ',' or ';'.
    static QString format(const QMap<QString, QString> &tags);
};

} // namespace sasquatch
