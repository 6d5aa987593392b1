// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/cli/AnnotationsCommand.h"

#include "core/annotations/AnnotationStoreFactory.h"
#include "core/cli/CliOutput.h"
#include "core/cli/CommandLine.h"
#include "core/cli/ConnectionOptions.h"
#include "core/http/CurlTransport.h"
#include "core/time/TimeText.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

namespace sasquatch {

namespace {

const QString kCommand = QStringLiteral("annotations");

const QCommandLineOption kStart(QStringLiteral("start"),
                                QStringLiteral("Start time: RFC 3339 UTC (2026-11-23T03:12:00Z) or the same with \" TAI\"."),
                                QStringLiteral("T"));
const QCommandLineOption kEnd(QStringLiteral("end"), QStringLiteral("End time, same forms as --start."), QStringLiteral("T"));
const QCommandLineOption kText(QStringLiteral("text"), QStringLiteral("The annotation's text."), QStringLiteral("TEXT"));
const QCommandLineOption kTag(QStringLiteral("tag"), QStringLiteral("A tag key=value; repeat for more."),
                              QStringLiteral("k=v"));
const QCommandLineOption kColor(QStringLiteral("color"), QStringLiteral("Colour as #rrggbb."), QStringLiteral("C"));
const QCommandLineOption kFormat(QStringLiteral("format"), QStringLiteral("list output: text (default) or json."),
                                 QStringLiteral("text|json"), QStringLiteral("text"));

QString topHelp()
{
    return QStringLiteral(
        "Usage: sasquatch-browser annotations ACTION [options]\n\n"
        "Annotations as Chronograf keeps them on InfluxDB 1.x (database chronograf, measurement\n"
        "annotations) or through the InfluxDB 2.x annotations API, chosen by the server's version.\n\n"
        "Actions:\n"
        "  add --start T [--end T] --text TEXT [--tag k=v]... [--color #rrggbb]\n"
        "                     create one (a point without --end, a range with it); prints its id\n"
        "  list [--start T] [--end T] [--tag k=v]... [--format text|json]\n"
        "                     those overlapping the range that carry every tag, by start time\n"
        "  edit ID [--text TEXT] [--tag k=v]... [--color #rrggbb]\n"
        "                     change one: --tag k=v sets a tag, --tag k= removes it\n"
        "  delete ID          delete one\n\n"
        "Times are RFC 3339 in UTC (2026-11-23T03:12:00Z, fractions allowed) or the same with a\n"
        "\" TAI\" suffix (2026-11-23T03:12:37 TAI). Every action takes the connection flags\n"
        "(--profile NAME or --influx-url URL ...; see 'sasquatch-browser topics --help'); on 2.x also --org.\n\n"
        "list --format text: one annotation per line, tab-separated: id, start, end, colour, tags\n"
        "(k=v joined by commas), text (line breaks written as \\n). Times RFC 3339 UTC.\n"
        "list --format json: [{\"id\",\"start\",\"end\",\"text\",\"tags\":{...},\"color\"}], times RFC 3339 UTC.\n\n"
        "Examples:\n"
        "  sasquatch-browser annotations add --profile summit --start '2026-11-23T03:12:37 TAI' \\\n"
        "      --text 'M1M3 fault' --tag csc=MTM1M3 --color '#e5533d'\n"
        "  sasquatch-browser annotations list --profile summit --start 2026-11-23T00:00:00Z --tag csc=MTM1M3 --format json\n");
}

Outcome<std::int64_t> parseTime(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    auto ns = parseTimeText(parser.value(option), TimeScale::Utc);
    if (!ns)
        return Failure{QStringLiteral("--%1 \"%2\": %3").arg(option.names().first(), parser.value(option), ns.error())};
    return ns;
}

/// --tag values in order; an empty value means "remove" (edit) and is refused elsewhere.
Outcome<std::vector<std::pair<QString, QString>>> parseTags(const QCommandLineParser &parser)
{
    std::vector<std::pair<QString, QString>> tags;
    for (const QString &t : parser.values(kTag)) {
        const auto kv = Annotation::splitTag(t);
        if (!kv)
            return Failure{QStringLiteral("--tag \"%1\" is not of the form key=value.").arg(t)};
        tags.push_back(*kv);
    }
    return tags;
}

QString oneLine(QString text)
{
    return text.replace(u'\\', QStringLiteral("\\\\")).replace(u'\n', QStringLiteral("\\n")).replace(u'\t', QStringLiteral("\\t"));
}

QString utc(std::int64_t ns)
{
    return formatTimeText(ns, TimeScale::Utc, TimePrecision::Auto);
}

QByteArray listOutput(const std::vector<Annotation> &annotations, bool json)
{
    if (json) {
        QJsonArray array;
        for (const Annotation &a : annotations) {
            QJsonObject tags;
            for (auto it = a.tags.cbegin(); it != a.tags.cend(); ++it)
                tags.insert(it.key(), it.value());
            array.append(QJsonObject{{QStringLiteral("id"), a.id},
                                     {QStringLiteral("start"), utc(a.startNs)},
                                     {QStringLiteral("end"), utc(a.endNs)},
                                     {QStringLiteral("text"), a.text},
                                     {QStringLiteral("tags"), tags},
                                     {QStringLiteral("color"), a.color}});
        }
        return QJsonDocument(array).toJson(QJsonDocument::Indented);
    }
    QByteArray out;
    for (const Annotation &a : annotations) {
        QStringList tags;
        for (auto it = a.tags.cbegin(); it != a.tags.cend(); ++it)
            tags << it.key() + u'=' + it.value();
        out += QStringList{a.id, utc(a.startNs), utc(a.endNs), a.color, tags.join(u','), oneLine(a.text)}
                   .join(u'\t')
                   .toUtf8()
             + '\n';
    }
    return out;
}

/// Gives the store once the arguments are known to be right, so that a usage error never
/// waits for the network.
using StoreProvider = std::function<Outcome<std::shared_ptr<AnnotationStore>>()>;

int runAction(const QString &action, QCommandLineParser &parser, const CliOutput &io, const StoreProvider &storeProvider)
{
    const auto usage = [&](const QString &text) { return io.usageError(text, kCommand + u' ' + action); };
    const CancelToken cancel = CliOutput::cancelOnInterrupt();
    const QStringList positional = parser.positionalArguments();
    auto tags = parseTags(parser);
    if (!tags)
        return usage(tags.error());
    std::shared_ptr<AnnotationStore> store;
    int connectCode = kExitOk;
    const auto connect = [&]() -> bool {
        auto made = storeProvider();
        if (!made) {
            connectCode = made.failure().httpStatus == kExitUsage ? usage(made.error()) : io.failure(made.error());
            return false;
        }
        store = std::move(made).value();
        return true;
    };

    if (action == u"add") {
        if (!positional.isEmpty())
            return usage(QStringLiteral("Unexpected argument \"%1\".").arg(positional.first()));
        if (!parser.isSet(kStart) || !parser.isSet(kText))
            return usage(QStringLiteral("add needs --start T and --text TEXT."));
        Annotation a;
        auto start = parseTime(parser, kStart);
        if (!start)
            return usage(start.error());
        a.startNs = a.endNs = start.value();
        if (parser.isSet(kEnd)) {
            auto end = parseTime(parser, kEnd);
            if (!end)
                return usage(end.error());
            a.endNs = end.value();
        }
        a.text = parser.value(kText);
        a.color = parser.value(kColor);
        for (const auto &[k, v] : tags.value())
            a.tags.insert(k, v);
        if (const QStringList problems = a.validate(); !problems.isEmpty())
            return usage(problems.join(u' '));
        if (!connect())
            return connectCode;
        auto created = store->create(a, cancel);
        if (!created)
            return io.failure(created.error());
        io.out(created->id + u'\n');
        return kExitOk;
    }

    if (action == u"list") {
        if (!positional.isEmpty())
            return usage(QStringLiteral("Unexpected argument \"%1\".").arg(positional.first()));
        const QString format = parser.value(kFormat);
        if (format != u"text" && format != u"json")
            return usage(QStringLiteral("--format must be text or json, not \"%1\".").arg(format));
        AnnotationFilter filter;
        for (const auto *option : {&kStart, &kEnd}) {
            if (!parser.isSet(*option))
                continue;
            auto t = parseTime(parser, *option);
            if (!t)
                return usage(t.error());
            (option == &kStart ? filter.startNs : filter.endNs) = t.value();
        }
        if (filter.startNs && filter.endNs && *filter.endNs < *filter.startNs)
            return usage(QStringLiteral("--end is before --start."));
        for (const auto &[k, v] : tags.value()) {
            if (v.isEmpty())
                return usage(QStringLiteral("--tag %1= has no value.").arg(k));
            filter.tags.insert(k, v);
        }
        if (!connect())
            return connectCode;
        auto listed = store->list(filter, cancel);
        if (!listed)
            return io.failure(listed.error());
        const QByteArray bytes = listOutput(listed.value(), format == u"json");
        io.outBytes(bytes.constData(), std::size_t(bytes.size()));
        return kExitOk;
    }

    // edit and delete take exactly one id.
    if (positional.size() != 1)
        return usage(positional.isEmpty() ? QStringLiteral("Give the annotation's id.")
                                          : QStringLiteral("Give one id, not %1 arguments.").arg(positional.size()));
    const QString id = positional.first();
    if (action == u"delete") {
        if (!connect())
            return connectCode;
        auto removed = store->remove(id, cancel);
        return removed ? kExitOk : io.failure(removed.error());
    }
    // edit
    if (!parser.isSet(kText) && !parser.isSet(kTag) && !parser.isSet(kColor))
        return usage(QStringLiteral("Say what to change: --text, --tag or --color."));
    if (!connect())
        return connectCode;
    auto current = store->find(id, cancel);
    if (!current)
        return io.failure(current.error());
    Annotation a = current.value();
    if (parser.isSet(kText))
        a.text = parser.value(kText);
    if (parser.isSet(kColor))
        a.color = parser.value(kColor);
    for (const auto &[k, v] : tags.value()) {
        if (v.isEmpty())
            a.tags.remove(k);
        else
            a.tags.insert(k, v);
    }
    if (const QStringList problems = a.validate(); !problems.isEmpty())
        return usage(problems.join(u' '));
    auto updated = store->update(a, cancel);
    return updated ? kExitOk : io.failure(updated.error());
}

/// Parses `args` for the action; a null store means "resolve from the connection flags".
int runImpl(const QStringList &args, std::FILE *out, std::FILE *err, std::shared_ptr<AnnotationStore> store)
{
    CliOutput io(out, err);
    const QString action = args.value(1);
    if (action.isEmpty())
        return io.usageError(QStringLiteral("Give an action: add, list, edit or delete."), kCommand);
    if (action == u"--help" || action == u"-h" || action == u"help") {
        io.out(topHelp());
        return kExitOk;
    }
    static const QStringList actions{QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("edit"),
                                     QStringLiteral("delete")};
    if (!actions.contains(action))
        return io.usageError(QStringLiteral("Unknown action \"%1\": use add, list, edit or delete.").arg(action), kCommand);

    QCommandLineParser parser;
    parser.setApplicationDescription(topHelp().section(u'\n', 2, 3));
    parser.addHelpOption();
    ConnectionOptions connection;
    connection.addTo(parser);
    if (action == u"add")
        parser.addOptions({kStart, kEnd, kText, kTag, kColor});
    else if (action == u"list")
        parser.addOptions({kStart, kEnd, kTag, kFormat});
    else if (action == u"edit")
        parser.addOptions({kText, kTag, kColor});
    if (action == u"edit" || action == u"delete")
        parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The annotation's id."));
    QStringList rest = args;
    rest.removeAt(1);
    if (!parser.parse(rest))
        return io.usageError(parser.errorText(), kCommand + u' ' + action);
    if (parser.isSet(QStringLiteral("help"))) {
        io.out(CliOutput::helpText(parser.helpText(), kCommand + u' ' + action));
        return kExitOk;
    }
    const StoreProvider provider = [&]() -> Outcome<std::shared_ptr<AnnotationStore>> {
        if (store)
            return store;
        auto resolved = connection.resolve(parser);
        if (!resolved)
            return resolved.failure(); // httpStatus says usage or runtime
        auto made = makeAnnotationStore(resolved->profile, resolved->secret, std::make_shared<CurlTransport>(),
                                        CliOutput::cancelOnInterrupt());
        if (!made)
            return Failure{made.error(), kExitFailure};
        return made;
    };
    return runAction(action, parser, io, provider);
}

} // namespace

int AnnotationsCommand::run(const QStringList &args, std::FILE *out, std::FILE *err)
{
    return runImpl(args, out, err, nullptr);
}

int AnnotationsCommand::runWithStore(const QStringList &args, std::FILE *out, std::FILE *err,
                                     std::shared_ptr<AnnotationStore> store)
{
    return runImpl(args, out, err, std::move(store));
}

} // namespace sasquatch
