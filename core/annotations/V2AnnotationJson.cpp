// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/V2AnnotationJson.h"

#include "core/time/TimeText.h"

namespace sasquatch {

namespace {

const char *const kColorSticker = "color";

QString str(const nlohmann::json &o, const char *key)
{
    const auto it = o.find(key);
    return it != o.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

std::string utf8(const QString &s)
{
    return s.toStdString();
}

qsizetype characters(const QString &s)
{
    return s.toUcs4().size();
}

} // namespace

QString V2AnnotationJson::summaryOf(const QString &text)
{
    QString line = text.trimmed().section(u'\n', 0, 0).trimmed();
    const QList<uint> ucs4 = line.toUcs4();
    if (ucs4.size() > kMaxSummaryChars)
        line = QString::fromUcs4(reinterpret_cast<const char32_t *>(ucs4.constData()), kMaxSummaryChars - 1)
             + QChar(0x2026);
    return line;
}

Outcome<nlohmann::json> V2AnnotationJson::toCreate(const Annotation &a, const QString &defaultStream)
{
    if (characters(a.text) > kMaxMessageChars)
        return Failure{QStringLiteral("The text has %1 characters; InfluxDB 2.x keeps at most %2.")
                           .arg(characters(a.text))
                           .arg(kMaxMessageChars)};
    nlohmann::json body = nlohmann::json::object();
    body["stream"] = utf8(a.stream.isEmpty() ? defaultStream : a.stream);
    const QString summary = summaryOf(a.text);
    body["summary"] = utf8(summary);
    if (a.text.trimmed() != summary)
        body["message"] = utf8(a.text);
    nlohmann::json stickers = nlohmann::json::object();
    for (auto it = a.tags.cbegin(); it != a.tags.cend(); ++it)
        stickers[utf8(it.key())] = utf8(it.value());
    if (!a.color.isEmpty())
        stickers[kColorSticker] = utf8(a.color);
    body["stickers"] = stickers;
    body["startTime"] = utf8(formatTimeText(a.startNs, TimeScale::Utc, TimePrecision::Auto));
    body["endTime"] = utf8(formatTimeText(a.endNs, TimeScale::Utc, TimePrecision::Auto));
    return body;
}

Outcome<Annotation> V2AnnotationJson::fromEvent(const nlohmann::json &event, const QString &stream)
{
    if (!event.is_object())
        return Failure{QStringLiteral("An annotation in the answer is not a JSON object.")};
    Annotation a;
    a.id = str(event, "id");
    if (a.id.isEmpty())
        return Failure{QStringLiteral("An annotation in the answer has no id.")};
    a.stream = str(event, "stream");
    if (a.stream.isEmpty())
        a.stream = stream;
    const QString summary = str(event, "summary");
    const QString message = str(event, "message");
    // Our own writes put the whole text in the message; one edited elsewhere may have a
    // summary the message does not repeat, and then both are shown.
    if (message.isEmpty())
        a.text = summary;
    else if (message.trimmed().startsWith(summary))
        a.text = message;
    else
        a.text = summary + QStringLiteral("\n\n") + message;
    if (const auto stickers = event.find("stickers"); stickers != event.end() && stickers->is_object()) {
        for (const auto &[key, value] : stickers->items()) {
            if (!value.is_string())
                continue;
            const QString k = QString::fromStdString(key), v = QString::fromStdString(value.get<std::string>());
            if (key == kColorSticker)
                a.color = v;
            else
                a.tags.insert(k, v);
        }
    }
    const QString end = str(event, "endTime");
    QString start = str(event, "startTime");
    if (start.isEmpty())
        start = end; // the API's rule: no start time means a point at the end time
    auto endNs = parseTimeText(end);
    auto startNs = parseTimeText(start);
    if (!endNs || !startNs)
        return Failure{QStringLiteral("Annotation %1: unreadable time \"%2\": %3")
                           .arg(a.id, endNs ? start : end, endNs ? startNs.error() : endNs.error())};
    a.startNs = startNs.value();
    a.endNs = endNs.value();
    return a;
}

Outcome<std::vector<Annotation>> V2AnnotationJson::fromList(const nlohmann::json &list)
{
    if (!list.is_array())
        return Failure{QStringLiteral("The annotation list is not a JSON array of streams.")};
    std::vector<Annotation> out;
    for (const auto &group : list) {
        if (!group.is_object())
            return Failure{QStringLiteral("A stream in the annotation list is not a JSON object.")};
        const QString stream = str(group, "stream");
        const auto annotations = group.find("annotations");
        if (annotations == group.end() || annotations->is_null())
            continue;
        if (!annotations->is_array())
            return Failure{QStringLiteral("Stream \"%1\": \"annotations\" is not an array.").arg(stream)};
        for (const auto &event : *annotations) {
            auto a = fromEvent(event, stream);
            if (!a)
                return Failure{QStringLiteral("Stream \"%1\": %2").arg(stream, a.error())};
            out.push_back(std::move(a).value());
        }
    }
    return out;
}

} // namespace sasquatch
