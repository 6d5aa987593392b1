// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationFilter.h"
#include "core/util/Outcome.h"

#include <QString>

#include <vector>

namespace sasquatch {

/// A named annotation filter the list offers in its preset menu.
struct AnnotationPreset
{
    QString name;
    AnnotationFilter filter; ///< tags and text (a preset does not pin a time range)
    bool operator==(const AnnotationPreset &) const = default;
};

/// What the annotation list keeps between sessions: its saved filters and the filter last in
/// its boxes.
struct AnnotationPresetFile
{
    std::vector<AnnotationPreset> presets;
    AnnotationFilter current;
    bool operator==(const AnnotationPresetFile &) const = default;
};

/// The annotation list's saved filters, as JSON beside the connection profiles
/// (`<config>/sasquatch-browser/annotation-filters.json`):
/// `{"version":1,"filters":[{"name":"M1M3","tags":{"csc":"MTM1M3"},"text":""}],
///   "current":{"tags":{},"text":""}}`.
/// Written through a temporary file renamed into place, so a crash never leaves half a file.
class AnnotationPresetStore
{
public:
    /// `filePath` empty = the default location.
    explicit AnnotationPresetStore(QString filePath = {});

    static QString defaultPath();
    const QString &filePath() const { return m_path; }

    /// The presets and the last filter; empty (and no error) when the file does not exist yet.
    /// Errors name the file.
    Outcome<AnnotationPresetFile> load() const;
    Outcome<Done> save(const AnnotationPresetFile &file) const;

private:
    QString m_path;
};

} // namespace sasquatch
