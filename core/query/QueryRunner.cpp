// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/query/QueryRunner.h"

#include "core/http/HttpFailure.h"
#include "core/http/UrlBuilder.h"
#include "core/parse/AnnotatedCsvParser.h"
#include "core/parse/InfluxQlJsonParser.h"
#include "core/query/BodyPipe.h"
#include "core/query/InfluxQlStatements.h"

#include <QScopeGuard>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <thread>

namespace sasquatch {

namespace {

using Clock = std::chrono::steady_clock;

// Statement text in messages: enough to recognise it, not a whole page.
constexpr qsizetype kStatementChars = 120;
// Texts longer than this go in a POST body: proxies in front of InfluxDB limit URL length.
constexpr qsizetype kMaxGetQueryChars = 4000;

// Pieces small enough that the budget is checked often, large enough to cost nothing.
constexpr std::uint64_t kBudgetSlices = 16;
constexpr std::size_t kMinPieceRows = 1024;
constexpr std::size_t kMinPieceBytes = std::size_t{256} << 10;

enum class Stop : std::uint8_t { None, Budget, Consumer };

/// Between a parser and the caller's sink: counts, enforces the budget, turns InfluxQL
/// statement errors into QueryStatementErrors, and remembers why the transfer should stop.
class Relay final : public InfluxQlResultSink
{
public:
    Relay(QueryResultSink &out, const QueryBudget &budget, QStringList statements)
        : m_out(out), m_budget(budget), m_statements(std::move(statements))
    {
    }

    void tableReady(ResultTable &&table) override
    {
        if (m_stop != Stop::None)
            return;
        const std::uint64_t rows = m_rows + table.rowCount();
        const std::uint64_t memory = m_memory + table.memoryBytes();
        if (m_budget.exceededBy(rows, memory)) {
            m_stop = Stop::Budget;
            return;
        }
        const bool continuation = table.isContinuation();
        if (auto taken = m_out.tableReady(std::move(table)); !taken) {
            m_stop = Stop::Consumer;
            m_consumerFailure = taken.failure();
            return;
        }
        m_rows = rows;
        m_memory = memory;
        ++m_pieces;
        if (!continuation)
            ++m_tables;
    }

    void parseFailed(const ParseError &) override {} // the parser keeps it in error()

    void statementFailed(const InfluxQlStatementError &error) override
    {
        QueryStatementError e;
        e.statementId = int(error.statementId);
        // influxd stops at the first failed statement and reports the rest "not executed",
        // numbering them from the failed one's id (query/executor.go), one too low.
        if (!m_errors.empty() && e.statementId <= m_errors.back().statementId)
            e.statementId = m_errors.back().statementId + 1;
        if (e.statementId >= 0 && e.statementId < m_statements.size()) {
            e.statement = m_statements.at(e.statementId).simplified();
            if (e.statement.size() > kStatementChars)
                e.statement = e.statement.left(kStatementChars - 1) + QChar(0x2026);
        }
        e.message = QString::fromStdString(error.message);
        m_errors.push_back(e);
        if (m_stop == Stop::None)
            m_out.statementFailed(e);
    }

    void stopForBudget() { m_stop = Stop::Budget; }
    Stop stop() const { return m_stop; }
    const Failure &consumerFailure() const { return m_consumerFailure; }

    void fill(QuerySummary &summary) const
    {
        summary.rows = m_rows;
        summary.tables = m_tables;
        summary.pieces = m_pieces;
        summary.memoryBytes = m_memory;
        summary.statementErrors = m_errors;
    }

private:
    QueryResultSink &m_out;
    QueryBudget m_budget;
    QStringList m_statements;
    Stop m_stop = Stop::None;
    Failure m_consumerFailure;
    std::uint64_t m_rows = 0;
    std::uint64_t m_memory = 0;
    std::uint64_t m_tables = 0;
    std::uint64_t m_pieces = 0;
    std::vector<QueryStatementError> m_errors;
};

QString languageName(QueryLanguage language)
{
    return language == QueryLanguage::Flux ? QStringLiteral("Flux") : QStringLiteral("InfluxQL");
}

/// A 404 that says only "no such path": no server message at all, or Go's router text
/// (`404 page not found`, influxd 1.6 without /api/v2/query). A 404 of the query service
/// itself carries its reason (2.x: `{"code":"not found","message":"... could not find bucket"}`)
/// and must not be blamed on a missing Flux.
bool isRouterNotFound(const HttpResponse &response, const QString &server)
{
    if (server.isEmpty())
        return true;
    if (response.header("content-type").toLower().contains("json"))
        return false;
    const QString text = server.toLower();
    return text == QLatin1String("404 page not found") || text == QLatin1String("not found")
           || text == QLatin1String("404 not found");
}

/// The message for an HTTP error status: the server's words first, then what to do.
QString httpErrorMessage(const HttpResult &result, QueryLanguage language)
{
    const int status = result.response.status;
    QString reason = QString::fromLatin1(result.response.reason).trimmed();
    if (reason.isEmpty())
        reason = HttpFailure::standardReason(status);
    QString message = QStringLiteral("InfluxDB refused the %1 query (HTTP %2%3)")
                          .arg(languageName(language))
                          .arg(status)
                          .arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason);
    const QString server = HttpFailure::serverMessage(result.response);
    if (!server.isEmpty() && server.compare(reason, Qt::CaseInsensitive) != 0)
        message += QStringLiteral(": ") + server;
    if (status == 401)
        message += QStringLiteral(". Check the user name and password, or the token.");
    else if (status == 403 && !server.contains(QStringLiteral("flux-enabled"), Qt::CaseInsensitive))
        message += QStringLiteral(". The credentials lack permission for this.");
    else if (status == 404 && language == QueryLanguage::Flux && isRouterNotFound(result.response, server))
        message += QStringLiteral(". This server does not offer Flux: InfluxDB 1.x needs version 1.8 or newer "
                                  "with flux-enabled = true; use InfluxQL otherwise.");
    else if (status == 413)
        message += QStringLiteral(". The query text is too long for the server.");
    return message;
}

QString parseErrorMessage(const ParseError &error, QueryLanguage language)
{
    if (error.kind == ParseErrorKind::ServerError) {
        QString text = QStringLiteral("The %1 query failed: %2").arg(languageName(language), QString::fromStdString(error.message));
        if (!error.reference.empty())
            text += QStringLiteral(" (reference %1)").arg(QString::fromStdString(error.reference));
        return text;
    }
    return QStringLiteral("The server's answer is not a readable %1 result (%2): %3")
        .arg(languageName(language),
             language == QueryLanguage::Flux ? QStringLiteral("annotated CSV") : QStringLiteral("InfluxQL JSON"),
             QString::fromStdString(error.describe()));
}

/// The request as shown in messages: no query string (it holds the whole query text).
HttpRequest withoutQueryString(HttpRequest request)
{
    if (const qsizetype q = request.url.indexOf(u'?'); q >= 0)
        request.url.truncate(q);
    return request;
}

template <class Parser>
void sizePieces(Parser &parser, const QueryBudget &budget)
{
    if (budget.maxPoints != 0)
        parser.setMaxRowsPerPiece(std::clamp<std::size_t>(std::size_t(budget.maxPoints / kBudgetSlices), kMinPieceRows,
                                                          Parser::kDefaultMaxRowsPerPiece));
    if (budget.maxBytes != 0)
        parser.setMaxPieceBytes(std::clamp<std::size_t>(std::size_t(budget.maxBytes / kBudgetSlices), kMinPieceBytes,
                                                        Parser::kDefaultMaxPieceBytes));
}

/// Sends `request`, feeds the body to `parser` while it arrives and says how it all ended.
template <class Parser>
void transfer(HttpTransport &transport, const HttpRequest &request, Parser &parser, Relay &relay,
              const QueryRequest &query, QueryResultSink &sink, const CancelToken &cancel, Clock::time_point start,
              QuerySummary &summary)
{
    // Received on a helper thread and parsed on this one (so the sink is still called on the
    // thread that runs the query): libcurl's receive path and the parser then use two cores at
    // once. Handed over in blocks of up to 512 KiB (BodyPipe), not per libcurl callback (16 KiB),
    // it measured ~12 % faster end to end on bench_queryflux and bench_queryinfluxql. The
    // helper ends before this function does, whatever happens here.
    BodyPipe pipe;
    HttpResult result;
    std::thread receiver([&] {
        const BodySink body = [&](const char *data, std::size_t size) {
            return !cancel.isCancelled() && pipe.write(data, size);
        };
        result = transport.perform(request, body, {}, cancel);
        pipe.close();
    });
    const auto joinReceiver = qScopeGuard([&] {
        pipe.stop();
        if (receiver.joinable())
            receiver.join();
    });

    std::uint64_t bytes = 0;
    for (std::string block; pipe.read(block);) {
        if (cancel.isCancelled())
            break;
        bytes += block.size();
        const bool parsed = parser.feed(block.data(), block.size());
        sink.progressed(QueryProgress{bytes, parser.rowsParsed(),
                                      std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start)});
        if (!parsed || relay.stop() != Stop::None)
            break;
        // Points are checked while a piece is still filling, so that a budget far below one
        // piece still stops the transfer early.
        if (query.budget.maxPoints != 0 && parser.rowsParsed() > query.budget.maxPoints) {
            relay.stopForBudget();
            break;
        }
    }
    pipe.stop(); // the transfer ends at the receiver's next write, if it is still going
    receiver.join();
    summary.bytes = bytes;
    summary.failure.httpStatus = result.response.status;

    if (cancel.isCancelled() || result.errorKind == HttpErrorKind::Cancelled) {
        summary.status = QueryStatus::Cancelled;
        summary.failure.cancelled = true;
        summary.failure.message = QStringLiteral("The query was cancelled.");
    } else if (relay.stop() == Stop::Budget) {
        summary.status = QueryStatus::BudgetExceeded;
    } else if (relay.stop() == Stop::Consumer) {
        summary.status = QueryStatus::Failed;
        summary.failure.message = relay.consumerFailure().message;
    } else if (parser.failed()) {
        summary.status = QueryStatus::Failed;
        summary.failure.message = parseErrorMessage(*parser.error(), query.language);
    } else if (result.errorKind != HttpErrorKind::None) {
        summary.status = QueryStatus::Failed;
        summary.failure.message = HttpFailure::from(withoutQueryString(request), result).message;
    } else if (result.response.status >= 400) {
        summary.status = QueryStatus::Failed;
        summary.failure.message = httpErrorMessage(result, query.language);
    } else if (result.response.status < 200 || result.response.status >= 300) {
        summary.status = QueryStatus::Failed;
        summary.failure.message = HttpFailure::from(withoutQueryString(request), result).message;
    } else if (!parser.finish()) {
        // The end of the body can still complete or break the last record.
        summary.status = relay.stop() == Stop::Budget ? QueryStatus::BudgetExceeded : QueryStatus::Failed;
        if (summary.status == QueryStatus::Failed)
            summary.failure.message = parseErrorMessage(*parser.error(), query.language);
    } else if (relay.stop() != Stop::None) {
        // finish() emitted the last pieces, and one of them crossed the budget or was refused.
        summary.status = relay.stop() == Stop::Budget ? QueryStatus::BudgetExceeded : QueryStatus::Failed;
        if (summary.status == QueryStatus::Failed)
            summary.failure.message = relay.consumerFailure().message;
    }
    relay.fill(summary);
    if (summary.status == QueryStatus::BudgetExceeded)
        summary.failure.message = query.budget.exceededMessage(query.language, summary.rows);
    if (summary.status == QueryStatus::Completed)
        summary.failure.httpStatus = 0;
}

} // namespace

QueryRunner::QueryRunner(ConnectionProfile profile, QString secret, std::shared_ptr<HttpTransport> transport)
    : m_profile(std::move(profile)),
      m_secret(std::move(secret)),
      m_transport(std::move(transport)),
      m_client(m_profile, m_secret, m_transport)
{
    if (m_profile.api != ApiFlavour::Auto)
        m_flavour = m_profile.api;
}

HttpRequest QueryRunner::fluxRequest(const QueryRequest &query) const
{
    std::vector<std::pair<QString, QString>> items;
    if (!m_profile.org.isEmpty())
        items.emplace_back(QStringLiteral("org"), m_profile.org);
    HttpRequest request = m_client.makeRequest(HttpMethod::Post, QStringLiteral("/api/v2/query"), items);
    std::erase_if(request.headers, [](const auto &h) { return h.first.compare("Accept", Qt::CaseInsensitive) == 0; });
    request.headers.emplace_back("Accept", "application/csv");
    request.headers.emplace_back("Content-Type", "application/json");
    // Without the annotations the columns come back untyped (InfluxDB API reference).
    const nlohmann::json body{{"query", query.text.toStdString()},
                              {"type", "flux"},
                              {"dialect",
                               {{"annotations", {"datatype", "group", "default"}},
                                {"header", true},
                                {"delimiter", ","}}}};
    request.body = QByteArray::fromStdString(body.dump());
    if (m_flavour != ApiFlavour::V2 && !m_profile.username.isEmpty()) {
        // InfluxDB 1.8+ authenticates its 2.x-compatible endpoints with `Token user:password`.
        request.headers.emplace_back("Authorization", "Token " + (m_profile.username + u':' + m_secret).toUtf8());
        request.username.clear();
        request.password.clear();
    }
    return request;
}

HttpRequest QueryRunner::influxQlRequest(const QueryRequest &query) const
{
    std::vector<std::pair<QString, QString>> items;
    const QString database = query.database.isEmpty() ? m_profile.database : query.database;
    if (!database.isEmpty())
        items.emplace_back(QStringLiteral("db"), database);
    if (!query.retentionPolicy.isEmpty())
        items.emplace_back(QStringLiteral("rp"), query.retentionPolicy);
    items.emplace_back(QStringLiteral("epoch"), QStringLiteral("ns"));
    items.emplace_back(QStringLiteral("chunked"), QStringLiteral("true"));
    if (query.chunkSize > 0)
        items.emplace_back(QStringLiteral("chunk_size"), QString::number(query.chunkSize));
    const bool post = InfluxQlStatements::writes(query.text) || query.text.size() > kMaxGetQueryChars;
    if (!post) {
        items.emplace_back(QStringLiteral("q"), query.text);
        return m_client.makeRequest(HttpMethod::Get, QStringLiteral("/query"), items);
    }
    // InfluxDB 1.x runs writing statements only from a POST; the text goes in the form body.
    HttpRequest request = m_client.makeRequest(HttpMethod::Post, QStringLiteral("/query"), items);
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    request.body = "q=" + UrlBuilder::encodeComponent(query.text).toUtf8();
    return request;
}

QuerySummary QueryRunner::run(const QueryRequest &query, QueryResultSink &sink, const CancelToken &cancel)
{
    const auto start = Clock::now();
    QuerySummary summary;
    const auto finish = [&]() -> QuerySummary {
        summary.elapsed = Clock::now() - start;
        return summary;
    };
    const auto fail = [&](const Failure &failure) {
        summary.status = failure.cancelled ? QueryStatus::Cancelled : QueryStatus::Failed;
        summary.failure = failure;
        return finish();
    };

    if (query.text.trimmed().isEmpty())
        return fail(Failure{QStringLiteral("The query is empty.")});
    if (auto base = UrlBuilder::fromBase(m_profile.influxUrl); !base)
        return fail(Failure{QStringLiteral("Profile \"%1\": %2").arg(m_profile.name, base.error())});
    if (!m_flavour) {
        auto flavour = m_client.flavour(cancel);
        if (!flavour)
            return fail(flavour.failure());
        m_flavour = flavour.value();
    }

    if (query.language == QueryLanguage::Flux) {
        Relay relay(sink, query.budget, {});
        AnnotatedCsvParser parser(relay);
        sizePieces(parser, query.budget);
        transfer(*m_transport, fluxRequest(query), parser, relay, query, sink, cancel, start, summary);
    } else {
        Relay relay(sink, query.budget, InfluxQlStatements::split(query.text));
        InfluxQlJsonParser parser(relay);
        for (const auto &[column, type] : query.columnTypes)
            parser.setColumnType(column, type);
        sizePieces(parser, query.budget);
        transfer(*m_transport, influxQlRequest(query), parser, relay, query, sink, cancel, start, summary);
    }
    return finish();
}

} // namespace sasquatch
