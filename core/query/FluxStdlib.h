// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace sasquatch {

enum class FluxParameterRole {
    Required,
    Optional,
    Pipe, ///< `<-tables`: filled by the `|>` before the call
};

/// One parameter of a Flux function.
struct FluxParameter
{
    QString name;
    QString type;         ///< as the documentation writes it: `duration`, `[string]`, `(r: record) => bool`
    QString defaultValue; ///< the documented default (`"_value"`, `1s`, `now()`), empty when none
    FluxParameterRole role = FluxParameterRole::Required;

    /// `every: duration`, `createEmpty: bool = true`, `?columns: [string]`, `<-tables: stream`.
    QString text() const;
};

enum class FluxSymbolKind { Function, Constant };

/// A function or constant of the Flux standard library.
struct FluxSymbol
{
    QString package; ///< import path (`influxdata/influxdb/schema`); empty for universe
    QString name;
    FluxSymbolKind kind = FluxSymbolKind::Function;
    QList<FluxParameter> parameters; ///< in documentation order
    QString type;                    ///< a function's result type, a constant's type
    QString doc;                     ///< one line

    bool takesPipe() const;
    const FluxParameter *parameter(QStringView name) const;
    /// The parameters a call must name (the pipe excluded), in order.
    QList<const FluxParameter *> requiredParameters() const;
    /// For a function, without the pipe parameter: `aggregateWindow(every: duration, fn: (column:
    /// string, tables: stream) => stream, …, createEmpty: bool = true) => stream`; for a constant
    /// `pi: float`.
    QString signature() const;
    /// `schema.measurements` (package members under the package's default alias), `mean`.
    QString qualifiedName() const;
};

/// The Flux standard library as the editor knows it: universe plus the packages Sasquatch
/// users import (influxdata/influxdb/schema, influxdata/influxdb/v1, influxdata/influxdb,
/// strings, math, date, experimental, experimental/aggregate, array, join, regexp, timezone,
/// interpolate, types, runtime, csv, json, system). Signatures follow docs.influxdata.com/flux/v0.
/// Immutable after construction; instance() is safe from any thread.
class FluxStdlib
{
public:
    static const FluxStdlib &instance();

    const QList<FluxSymbol> &symbols() const { return m_symbols; }
    /// Import paths, sorted (universe, which needs no import, excluded).
    QStringList packagePaths() const;
    /// One line about a package, empty for an unknown path.
    QString packageDoc(QStringView path) const;
    /// The functions and constants of a package (`""` for universe), sorted by name.
    QList<const FluxSymbol *> members(QStringView packagePath) const;
    const FluxSymbol *find(QStringView packagePath, QStringView name) const;
    /// Declarations of the built-in tables that failed to parse (empty unless a table has a typo).
    const QStringList &errors() const { return m_errors; }

    /// The identifier an `import "path"` binds: the last path element.
    static QString defaultAlias(QStringView packagePath);

    /// Parses a declaration of the tables' small notation:
    ///   `name(<-tables: stream, every: duration, ?offset: duration, column: string = "_value") => stream`
    ///   `name: type` (a constant)
    /// `<-` marks the pipe parameter, `?` an optional one without a documented default, `= x` an
    /// optional one with default x. nullopt and `*error` set when the text does not follow it.
    static std::optional<FluxSymbol> parseDeclaration(QStringView package, QStringView declaration, QStringView doc,
                                                      QString *error = nullptr);

private:
    FluxStdlib();

    QList<FluxSymbol> m_symbols;
    QList<std::pair<QString, QString>> m_packages; ///< path, doc
    QStringList m_errors;
};

} // namespace sasquatch
