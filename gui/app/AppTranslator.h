// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

namespace sasquatch {

/// The program's translator. tr() in a class of namespace sasquatch asks for the context
/// "sasquatch::ClassName", while lupdate (Qt 6.4) files the strings under "ClassName"; this
/// translator tries the exact context first and then the class name without its namespaces.
class AppTranslator : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr,
                      int n = -1) const override;
};

} // namespace sasquatch
