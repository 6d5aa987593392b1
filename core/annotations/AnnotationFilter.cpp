// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/AnnotationFilter.h"

#include <algorithm>
#include <tuple>

namespace sasquatch {

bool AnnotationFilter::matches(const Annotation &a) const
{
    if (startNs && a.endNs < *startNs)
        return false;
    if (endNs && a.startNs > *endNs)
        return false;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        const auto found = a.tags.constFind(it.key());
        if (found == a.tags.cend() || found.value() != it.value())
            return false;
    }
    return text.isEmpty() || a.text.contains(text, Qt::CaseInsensitive);
}

void AnnotationFilter::apply(std::vector<Annotation> &annotations) const
{
    annotations.erase(std::remove_if(annotations.begin(), annotations.end(),
                                     [this](const Annotation &a) { return !matches(a); }),
                      annotations.end());
}

QJsonObject AnnotationFilter::toJson() const
{
    QJsonObject tagObject;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        tagObject.insert(it.key(), it.value());
    QJsonObject json;
    json.insert(QStringLiteral("tags"), tagObject);
    json.insert(QStringLiteral("text"), text);
    return json;
}

AnnotationFilter AnnotationFilter::fromJson(const QJsonObject &json)
{
    AnnotationFilter filter;
    const QJsonObject tagObject = json.value(QStringLiteral("tags")).toObject();
    for (auto it = tagObject.begin(); it != tagObject.end(); ++it)
        if (it.value().isString())
            filter.tags.insert(it.key(), it.value().toString());
    filter.text = json.value(QStringLiteral("text")).toString();
    return filter;
}

void sortAnnotations(std::vector<Annotation> &annotations)
{
    std::sort(annotations.begin(), annotations.end(), [](const Annotation &a, const Annotation &b) {
        return std::tie(a.startNs, a.endNs, a.id) < std::tie(b.startNs, b.endNs, b.id);
    });
}

} // namespace sasquatch
