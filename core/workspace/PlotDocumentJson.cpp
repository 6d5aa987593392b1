// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/workspace/PlotDocumentJson.h"

#include "core/time/TimeText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <array>
#include <utility>

namespace sasquatch {

namespace {

const QString kFormat = QStringLiteral("sasquatch-plot-workspace");

template <class E, std::size_t N>
QString wordOf(E value, const std::array<std::pair<E, const char *>, N> &words)
{
    for (const auto &[v, w] : words)
        if (v == value)
            return QString::fromLatin1(w);
    return QString::fromLatin1(words.front().second);
}

constexpr std::array<std::pair<PlotLineStyle, const char *>, 4> kStyles{{
    {PlotLineStyle::Solid, "solid"},
    {PlotLineStyle::Dashed, "dashed"},
    {PlotLineStyle::Dotted, "dotted"},
    {PlotLineStyle::Steps, "steps"},
}};
constexpr std::array<std::pair<PlotAxisSide, const char *>, 2> kSides{{
    {PlotAxisSide::Left, "left"},
    {PlotAxisSide::Right, "right"},
}};
constexpr std::array<std::pair<SampleLookup, const char *>, 3> kLookups{{
    {SampleLookup::Nearest, "nearest"},
    {SampleLookup::Previous, "previous"},
    {SampleLookup::Next, "next"},
}};
constexpr std::array<std::pair<TimeScale, const char *>, 2> kScales{{
    {TimeScale::Utc, "UTC"},
    {TimeScale::Tai, "TAI"},
}};
constexpr std::array<std::pair<QueryLanguage, const char *>, 2> kLanguages{{
    {QueryLanguage::InfluxQl, "influxql"},
    {QueryLanguage::Flux, "flux"},
}};

QString timeText(std::int64_t ns)
{
    return formatTimeText(ns, TimeScale::Utc, TimePrecision::Auto);
}

QJsonObject axisJson(const PlotAxisSpec &a)
{
    return QJsonObject{{QStringLiteral("side"), wordOf(a.side, kSides)},
                       {QStringLiteral("unit"), a.unit},
                       {QStringLiteral("label"), a.label},
                       {QStringLiteral("auto"), a.autoRange},
                       {QStringLiteral("min"), a.min},
                       {QStringLiteral("max"), a.max}};
}

QJsonObject seriesJson(const PlotSeriesSpec &s)
{
    QJsonObject tags;
    for (const TagFilter &t : s.tags)
        tags.insert(t.key, t.value);
    QJsonObject o{{QStringLiteral("bucket"), s.bucket},
                  {QStringLiteral("measurement"), s.measurement},
                  {QStringLiteral("field"), s.field},
                  {QStringLiteral("tags"), tags},
                  {QStringLiteral("unit"), s.unit},
                  {QStringLiteral("color"), s.color},
                  {QStringLiteral("style"), wordOf(s.style, kStyles)},
                  {QStringLiteral("visible"), s.visible},
                  {QStringLiteral("axis"), s.axis}};
    if (!s.query.isEmpty()) {
        o.insert(QStringLiteral("query"), s.query);
        o.insert(QStringLiteral("language"), wordOf(s.language, kLanguages));
    }
    return o;
}

bool isEmpty(const AnnotationPresetFile &f)
{
    return f.presets.empty() && f.current.tags.isEmpty() && f.current.text.isEmpty();
}

QJsonObject annotationFiltersJson(const AnnotationPresetFile &f)
{
    QJsonArray presets;
    for (const AnnotationPreset &p : f.presets) {
        QJsonObject o = p.filter.toJson();
        o.insert(QStringLiteral("name"), p.name);
        presets.append(o);
    }
    return QJsonObject{{QStringLiteral("presets"), presets}, {QStringLiteral("current"), f.current.toJson()}};
}

// Reading: each helper records the first error with the path where it happened.
class Reader
{
public:
    explicit Reader(QString source) : m_source(std::move(source)) {}

    bool failed() const { return !m_error.isEmpty(); }
    Failure failure() const
    {
        return Failure{m_source.isEmpty() ? m_error : m_source + QStringLiteral(": ") + m_error};
    }
    void fail(const QString &path, const QString &what)
    {
        if (m_error.isEmpty())
            m_error = path + QStringLiteral(": ") + what;
    }

    QJsonValue member(const QJsonObject &o, const QString &path, const char *key, QJsonValue::Type type, bool required = true)
    {
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined()) {
            if (required)
                fail(path, QStringLiteral("\"%1\" is missing").arg(QLatin1String(key)));
            return v;
        }
        if (v.type() != type)
            fail(path + u'.' + QLatin1String(key), QStringLiteral("has the wrong type"));
        return v;
    }
    QString string(const QJsonObject &o, const QString &path, const char *key, bool required = true)
    {
        return member(o, path, key, QJsonValue::String, required).toString();
    }
    bool boolean(const QJsonObject &o, const QString &path, const char *key, bool fallback)
    {
        return member(o, path, key, QJsonValue::Bool).toBool(fallback);
    }
    double number(const QJsonObject &o, const QString &path, const char *key)
    {
        return member(o, path, key, QJsonValue::Double).toDouble();
    }
    template <class E, std::size_t N>
    E word(const QJsonObject &o, const QString &path, const char *key, const std::array<std::pair<E, const char *>, N> &words,
           bool required = true)
    {
        const QString text = string(o, path, key, required);
        if (text.isEmpty() && !required)
            return words.front().first;
        for (const auto &[v, w] : words)
            if (text == QLatin1String(w))
                return v;
        QStringList allowed;
        for (const auto &[v, w] : words)
            allowed << QString::fromLatin1(w);
        fail(path + u'.' + QLatin1String(key),
             QStringLiteral("\"%1\" is not one of %2").arg(text, allowed.join(QStringLiteral(", "))));
        return words.front().first;
    }
    std::int64_t time(const QJsonObject &o, const QString &path, const char *key)
    {
        const QString text = string(o, path, key);
        if (failed())
            return 0;
        const Outcome<std::int64_t> t = parseTimeText(text);
        if (!t.ok())
            fail(path + u'.' + QLatin1String(key), t.error());
        return t.ok() ? t.value() : 0;
    }

private:
    QString m_source;
    QString m_error;
};

PlotAxisSpec readAxis(Reader &r, const QJsonObject &o, const QString &path)
{
    PlotAxisSpec a;
    a.side = r.word(o, path, "side", kSides);
    a.unit = r.string(o, path, "unit");
    a.label = r.string(o, path, "label");
    a.autoRange = r.boolean(o, path, "auto", true);
    a.min = r.number(o, path, "min");
    a.max = r.number(o, path, "max");
    return a;
}

PlotSeriesSpec readSeries(Reader &r, const QJsonObject &o, const QString &path, int axisCount)
{
    PlotSeriesSpec s;
    s.bucket = r.string(o, path, "bucket");
    s.measurement = r.string(o, path, "measurement");
    s.field = r.string(o, path, "field");
    if (!r.failed() && s.field.isEmpty())
        r.fail(path + QStringLiteral(".field"), QStringLiteral("is empty"));
    const QJsonObject tags = r.member(o, path, "tags", QJsonValue::Object).toObject();
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        if (!it.value().isString())
            r.fail(path + QStringLiteral(".tags.") + it.key(), QStringLiteral("is not a string"));
        s.tags.push_back({it.key(), it.value().toString()});
    }
    s.unit = r.string(o, path, "unit");
    s.color = r.string(o, path, "color");
    s.style = r.word(o, path, "style", kStyles);
    s.visible = r.boolean(o, path, "visible", true);
    const double axis = r.number(o, path, "axis");
    s.axis = static_cast<int>(axis);
    if (!r.failed() && (axis != s.axis || s.axis < 0 || s.axis >= axisCount))
        r.fail(path + QStringLiteral(".axis"), QStringLiteral("%1 is not an axis of the panel (0..%2)").arg(axis).arg(axisCount - 1));
    s.query = r.string(o, path, "query", false);
    if (!s.query.isEmpty())
        s.language = r.word(o, path, "language", kLanguages);
    return s;
}

// Tags and text only, as the list keeps them (a time range is never saved with a filter).
AnnotationFilter readFilter(Reader &r, const QJsonObject &o, const QString &path)
{
    AnnotationFilter f;
    const QJsonObject tags = r.member(o, path, "tags", QJsonValue::Object).toObject();
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        if (!it.value().isString())
            r.fail(path + QStringLiteral(".tags.") + it.key(), QStringLiteral("is not a string"));
        f.tags.insert(it.key(), it.value().toString());
    }
    f.text = r.string(o, path, "text");
    return f;
}

AnnotationPresetFile readAnnotationFilters(Reader &r, const QJsonObject &o, const QString &path)
{
    AnnotationPresetFile f;
    const QJsonArray presets = r.member(o, path, "presets", QJsonValue::Array).toArray();
    for (int i = 0; i < presets.size() && !r.failed(); ++i) {
        const QString at = path + QStringLiteral(".presets[%1]").arg(i);
        if (!presets[i].isObject()) {
            r.fail(at, QStringLiteral("is not an object"));
            break;
        }
        AnnotationPreset preset;
        preset.name = r.string(presets[i].toObject(), at, "name");
        if (!r.failed() && preset.name.trimmed().isEmpty())
            r.fail(at + QStringLiteral(".name"), QStringLiteral("is empty"));
        preset.filter = readFilter(r, presets[i].toObject(), at);
        f.presets.push_back(std::move(preset));
    }
    const QJsonObject current = r.member(o, path, "current", QJsonValue::Object).toObject();
    if (!r.failed())
        f.current = readFilter(r, current, path + QStringLiteral(".current"));
    return f;
}

} // namespace

QByteArray PlotDocumentJson::write(const PlotDocument &document)
{
    QJsonArray panels;
    for (const PlotPanelSpec &p : document.panels) {
        QJsonArray axes;
        for (const PlotAxisSpec &a : p.axes)
            axes.append(axisJson(a));
        QJsonArray series;
        for (const PlotSeriesSpec &s : p.series)
            series.append(seriesJson(s));
        panels.append(QJsonObject{{QStringLiteral("axes"), axes},
                                  {QStringLiteral("series"), series},
                                  {QStringLiteral("height"), p.heightWeight}});
    }
    const PlotCursorSpec &c = document.cursors;
    const QJsonObject cursors{{QStringLiteral("lookup"), wordOf(c.lookup, kLookups)},
                              {QStringLiteral("ab"), c.abVisible},
                              {QStringLiteral("a"), timeText(c.aNs)},
                              {QStringLiteral("b"), timeText(c.bNs)}};
    // QJsonObject keeps its keys sorted, which is what makes the output stable.
    QJsonObject root{{QStringLiteral("format"), kFormat},
                     {QStringLiteral("version"), PlotDocument::kVersion},
                     {QStringLiteral("range"), document.range.toString()},
                     {QStringLiteral("scale"), wordOf(document.scale, kScales)},
                     {QStringLiteral("panels"), panels},
                     {QStringLiteral("cursors"), cursors}};
    // Only when there is something to keep, so that older workspaces are written back unchanged.
    if (!isEmpty(document.annotationFilters))
        root.insert(QStringLiteral("annotationFilters"), annotationFiltersJson(document.annotationFilters));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Outcome<PlotDocument> PlotDocumentJson::read(const QByteArray &json, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QString prefix = source.isEmpty() ? QString() : source + u':';
    if (error.error != QJsonParseError::NoError) {
        const QByteArray before = json.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - (before.lastIndexOf('\n') + 1)) + 1;
        return Failure{QStringLiteral("%1%2:%3: %4").arg(prefix).arg(line).arg(column).arg(error.errorString())};
    }
    if (!doc.isObject())
        return Failure{prefix + QStringLiteral("1:1: a workspace is a JSON object")};
    const QJsonObject root = doc.object();
    Reader r(source);
    if (r.string(root, QStringLiteral("workspace"), "format") != kFormat && !r.failed())
        r.fail(QStringLiteral("workspace.format"), QStringLiteral("is not \"%1\"").arg(kFormat));
    const double version = r.number(root, QStringLiteral("workspace"), "version");
    if (!r.failed() && (version < 1 || version > PlotDocument::kVersion))
        r.fail(QStringLiteral("workspace.version"),
               QStringLiteral("%1 is not supported (this version reads 1 to %2)").arg(version).arg(PlotDocument::kVersion));
    PlotDocument d;
    const QString rangeText = r.string(root, QStringLiteral("workspace"), "range");
    if (!r.failed()) {
        const Outcome<TimeRange> range = TimeRange::fromString(rangeText);
        if (range.ok())
            d.range = range.value();
        else
            r.fail(QStringLiteral("range"), range.error());
    }
    d.scale = r.word(root, QStringLiteral("workspace"), "scale", kScales);
    const QJsonArray panels = r.member(root, QStringLiteral("workspace"), "panels", QJsonValue::Array).toArray();
    for (int p = 0; p < panels.size() && !r.failed(); ++p) {
        const QString path = QStringLiteral("panels[%1]").arg(p);
        if (!panels[p].isObject()) {
            r.fail(path, QStringLiteral("is not an object"));
            break;
        }
        const QJsonObject po = panels[p].toObject();
        PlotPanelSpec panel;
        panel.heightWeight = static_cast<int>(r.number(po, path, "height"));
        const QJsonArray axes = r.member(po, path, "axes", QJsonValue::Array).toArray();
        for (int a = 0; a < axes.size(); ++a)
            panel.axes.push_back(readAxis(r, axes[a].toObject(), path + QStringLiteral(".axes[%1]").arg(a)));
        const QJsonArray series = r.member(po, path, "series", QJsonValue::Array).toArray();
        for (int s = 0; s < series.size(); ++s)
            panel.series.push_back(readSeries(r, series[s].toObject(), path + QStringLiteral(".series[%1]").arg(s),
                                              int(panel.axes.size())));
        d.panels.push_back(std::move(panel));
    }
    const QJsonObject cursors = r.member(root, QStringLiteral("workspace"), "cursors", QJsonValue::Object).toObject();
    if (!r.failed()) {
        d.cursors.lookup = r.word(cursors, QStringLiteral("cursors"), "lookup", kLookups);
        d.cursors.abVisible = r.boolean(cursors, QStringLiteral("cursors"), "ab", false);
        d.cursors.aNs = r.time(cursors, QStringLiteral("cursors"), "a");
        d.cursors.bNs = r.time(cursors, QStringLiteral("cursors"), "b");
    }
    const QJsonValue filters = r.member(root, QStringLiteral("workspace"), "annotationFilters", QJsonValue::Object, false);
    if (filters.isObject() && !r.failed())
        d.annotationFilters = readAnnotationFilters(r, filters.toObject(), QStringLiteral("annotationFilters"));
    if (r.failed())
        return r.failure();
    return d;
}

} // namespace sasquatch
