// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/parse/InfluxQlJsonParser.h"

#include <algorithm>
#include <limits>

namespace sasquatch {

using Token = JsonTokenizer::Token;

InfluxQlJsonParser::InfluxQlJsonParser(ResultTableSink &sink) : m_sink(sink), m_builder(sink)
{
    m_builder.setMaxRowsPerPiece(kDefaultMaxRowsPerPiece);
    m_builder.setMaxPieceBytes(kDefaultMaxPieceBytes);
    m_stack.reserve(8);
}

InfluxQlJsonParser::InfluxQlJsonParser(InfluxQlResultSink &sink)
    : InfluxQlJsonParser(static_cast<ResultTableSink &>(sink))
{
    m_statementSink = &sink;
}

void InfluxQlJsonParser::setEpoch(InfluxQlEpoch epoch)
{
    std::int64_t scale = 1;
    switch (epoch) {
    case InfluxQlEpoch::Nanoseconds:
        scale = 1;
        break;
    case InfluxQlEpoch::Microseconds:
        scale = 1'000;
        break;
    case InfluxQlEpoch::Milliseconds:
        scale = 1'000'000;
        break;
    case InfluxQlEpoch::Seconds:
        scale = 1'000'000'000;
        break;
    case InfluxQlEpoch::Minutes:
        scale = 60'000'000'000;
        break;
    case InfluxQlEpoch::Hours:
        scale = 3'600'000'000'000;
        break;
    }
    m_builder.setTimeScale(scale);
}

void InfluxQlJsonParser::reset()
{
    m_tokenizer.reset();
    m_builder.reset();
    m_stack.clear();
    m_context = Context::Between;
    m_skipDepth = 0;
    m_member = Member::Other;
    m_sawDocument = false;
    m_hasTopError = false;
    m_topError.clear();
    m_topErrorLine = 0;
    m_resultIndex = -1;
    m_hasStatementId = false;
    m_statementId = 0;
    m_hasResultError = false;
    m_resultError.clear();
    m_resultLine = 0;
    m_series = {};
    m_tagKey.clear();
    m_seriesPartial = false;
    m_valuesStarted = false;
    m_chunk = nullptr;
    m_chunkSize = 0;
    m_chunkOffset = 0;
    m_textMayFollow = true;
    m_inServerText = false;
    m_serverText.clear();
    m_serverTextLine = 0;
    m_finished = false;
    m_error.reset();
    m_statementErrors.clear();
    m_bytesFed = 0;
}

bool InfluxQlJsonParser::feed(const char *data, std::size_t size)
{
    if (m_error)
        return false;
    if (m_finished) {
        failMalformed("data after the end of the response (feed() after finish())", 0, 0);
        return false;
    }
    m_bytesFed += size;
    if (m_inServerText) {
        takeServerText(data, size);
        return !m_error;
    }
    m_tokenizer.setInput(data, size);
    m_chunk = data;
    m_chunkSize = size;
    m_chunkOffset = m_tokenizer.offset();
    if (m_textMayFollow) {
        lookForServerText();
        if (m_inServerText)
            return !m_error;
    }
    run();
    return !m_error;
}

bool InfluxQlJsonParser::finish()
{
    if (m_error)
        return false;
    if (m_finished)
        return true;
    m_finished = true;
    if (m_inServerText) {
        endServerText(ServerText::Complete); // the body ended inside the line
        return false;
    }
    m_chunk = nullptr; // the last chunk is gone
    m_chunkSize = 0;
    m_chunkOffset = m_tokenizer.offset();
    m_tokenizer.finishInput();
    run();
    if (m_error)
        return false;
    if (!m_sawDocument) {
        failMalformed("empty response: no JSON object", 0, 0);
        return false;
    }
    m_builder.flush();
    return true;
}

void InfluxQlJsonParser::run()
{
    for (;;) {
        // The hot path: a whole row of numbers in `values` at once.
        if (m_context == Context::Values && m_skipDepth == 0 && readNumberRow()) {
            if (m_error)
                return;
            continue;
        }
        const Token token = m_tokenizer.next();
        // The hot path: numbers inside a row of `values`.
        if (token == Token::Number && m_context == Context::Row && m_skipDepth == 0) {
            switch (m_tokenizer.numberKind()) {
            case JsonTokenizer::NumberKind::Double:
                m_builder.addDouble(m_tokenizer.doubleValue(), m_tokenizer.text());
                continue;
            case JsonTokenizer::NumberKind::Int64:
                m_builder.addInt64(m_tokenizer.int64Value(), m_tokenizer.text());
                continue;
            case JsonTokenizer::NumberKind::UInt64:
                m_builder.addUInt64(m_tokenizer.uint64Value(), m_tokenizer.text());
                continue;
            }
        }
        switch (token) {
        case Token::NeedMore:
        case Token::End:
            return;
        case Token::Error:
            failMalformed(m_tokenizer.errorMessage(), m_tokenizer.errorLine(), m_tokenizer.errorColumn());
            return;
        case Token::ObjectEnd:
            handle(token);
            if (m_error)
                return;
            if (m_context == Context::Between) {
                // A document ended: a line of text may come instead of the next one.
                m_textMayFollow = true;
                lookForServerText();
                if (m_error || m_inServerText)
                    return;
            }
            continue;
        default:
            handle(token);
            if (m_error)
                return;
        }
    }
}

void InfluxQlJsonParser::enter(Context context)
{
    m_stack.push_back(m_context);
    m_context = context;
}

void InfluxQlJsonParser::leave()
{
    m_context = m_stack.back();
    m_stack.pop_back();
}

void InfluxQlJsonParser::handle(Token token)
{
    if (m_skipDepth > 0) {
        if (token == Token::ObjectBegin || token == Token::ArrayBegin)
            ++m_skipDepth;
        else if (token == Token::ObjectEnd || token == Token::ArrayEnd)
            --m_skipDepth;
        return;
    }
    switch (m_context) {
    case Context::Row:
        handleRowValue(token);
        return;
    case Context::Values:
        if (token == Token::ArrayBegin) {
            m_rowLine = m_tokenizer.tokenLine();
            m_rowColumn = m_tokenizer.tokenColumn();
            m_builder.beginRow();
            enter(Context::Row);
        } else if (token == Token::ArrayEnd) {
            leave();
        } else {
            failHere("each row of \"values\" must be an array");
        }
        return;
    case Context::Between:
        if (token != Token::ObjectBegin) {
            failHere("expected a JSON object (an InfluxDB /query response)");
            return;
        }
        m_sawDocument = true;
        m_hasTopError = false;
        m_resultIndex = -1;
        m_member = Member::Other;
        enter(Context::Document);
        return;
    case Context::Results:
        if (token == Token::ObjectBegin) {
            ++m_resultIndex;
            m_hasStatementId = false;
            m_hasResultError = false;
            m_resultLine = m_tokenizer.tokenLine();
            m_member = Member::Other;
            enter(Context::Result);
        } else if (token == Token::ArrayEnd) {
            leave();
        } else {
            failHere("each element of \"results\" must be an object");
        }
        return;
    case Context::SeriesList:
        if (token == Token::ObjectBegin) {
            m_series.name.clear();
            m_series.tags.clear();
            m_series.columns.clear();
            m_seriesPartial = false;
            m_valuesStarted = false;
            m_member = Member::Other;
            enter(Context::Series);
        } else if (token == Token::ArrayEnd) {
            leave();
        } else {
            failHere("each element of \"series\" must be an object");
        }
        return;
    case Context::Columns:
        if (token == Token::String)
            m_series.columns.emplace_back(m_tokenizer.text());
        else if (token == Token::ArrayEnd)
            leave();
        else
            failHere("\"columns\" must be an array of strings");
        return;
    case Context::Document:
    case Context::Result:
    case Context::Series:
    case Context::Tags:
        if (token == Token::Key) {
            handleKey(m_tokenizer.text());
            return;
        }
        if (token == Token::ObjectEnd) {
            const Context ending = m_context;
            leave();
            if (ending == Context::Document)
                endDocument();
            else if (ending == Context::Result)
                endResult();
            else if (ending == Context::Series)
                endSeriesObject();
            return;
        }
        handleMemberValue(token);
        return;
    }
}

void InfluxQlJsonParser::handleKey(std::string_view key)
{
    Member member = Member::Other;
    switch (m_context) {
    case Context::Document:
        if (key == "results")
            member = Member::Results;
        else if (key == "error")
            member = Member::Error;
        break;
    case Context::Result:
        if (key == "statement_id")
            member = Member::StatementId;
        else if (key == "series")
            member = Member::Series;
        else if (key == "error")
            member = Member::Error;
        break;
    case Context::Series:
        if (key == "name")
            member = Member::Name;
        else if (key == "tags")
            member = Member::Tags;
        else if (key == "columns")
            member = Member::Columns;
        else if (key == "values")
            member = Member::Values;
        else if (key == "partial")
            member = Member::Partial;
        if (m_valuesStarted && (member == Member::Name || member == Member::Tags || member == Member::Columns)) {
            failHere("series member \"" + std::string(key)
                     + "\" after \"values\" is not supported (InfluxDB writes name, tags and columns first)");
            return;
        }
        break;
    case Context::Tags:
        m_tagKey.assign(key);
        member = Member::TagValue;
        break;
    default:
        break;
    }
    m_member = member;
}

void InfluxQlJsonParser::handleMemberValue(Token token)
{
    const Member member = m_member;
    m_member = Member::Other;
    if (member == Member::Other) {
        // Unknown members (`messages`, result-level `partial`, anything newer) are skipped.
        if (token == Token::ObjectBegin || token == Token::ArrayBegin)
            m_skipDepth = 1;
        return;
    }
    if (token == Token::Null && member != Member::TagValue)
        return; // null = absent
    switch (member) {
    case Member::Other:
        return;
    case Member::Results:
        if (token != Token::ArrayBegin)
            return failHere("\"results\" must be an array");
        enter(Context::Results);
        return;
    case Member::Error:
        if (token != Token::String)
            return failHere("\"error\" must be a string");
        if (m_context == Context::Document) {
            m_hasTopError = true;
            m_topError.assign(m_tokenizer.text());
            m_topErrorLine = m_tokenizer.tokenLine();
        } else {
            m_hasResultError = true;
            m_resultError.assign(m_tokenizer.text());
        }
        return;
    case Member::StatementId:
        if (token != Token::Number || m_tokenizer.numberKind() != JsonTokenizer::NumberKind::Int64)
            return failHere("\"statement_id\" must be an integer");
        m_statementId = m_tokenizer.int64Value();
        m_hasStatementId = true;
        return;
    case Member::Series:
        if (token != Token::ArrayBegin)
            return failHere("\"series\" must be an array");
        enter(Context::SeriesList);
        return;
    case Member::Partial:
        if (token != Token::True && token != Token::False)
            return failHere("\"partial\" must be true or false");
        m_seriesPartial = token == Token::True;
        return;
    case Member::Name:
        if (token != Token::String)
            return failHere("series \"name\" must be a string");
        m_series.name.assign(m_tokenizer.text());
        return;
    case Member::Tags:
        if (token != Token::ObjectBegin)
            return failHere("series \"tags\" must be an object");
        enter(Context::Tags);
        return;
    case Member::Columns:
        if (token != Token::ArrayBegin)
            return failHere("series \"columns\" must be an array of strings");
        m_series.columns.clear();
        enter(Context::Columns);
        return;
    case Member::Values:
        if (token != Token::ArrayBegin)
            return failHere("series \"values\" must be an array of rows");
        beginValues();
        enter(Context::Values);
        return;
    case Member::TagValue:
        if (token == Token::Null)
            m_series.tags.emplace_back(m_tagKey, std::string());
        else if (token == Token::String)
            m_series.tags.emplace_back(m_tagKey, std::string(m_tokenizer.text()));
        else
            failHere("the value of tag \"" + m_tagKey + "\" must be a string");
        return;
    }
}

void InfluxQlJsonParser::handleRowValue(Token token)
{
    switch (token) {
    case Token::Number:
        switch (m_tokenizer.numberKind()) {
        case JsonTokenizer::NumberKind::Int64:
            m_builder.addInt64(m_tokenizer.int64Value(), m_tokenizer.text());
            return;
        case JsonTokenizer::NumberKind::UInt64:
            m_builder.addUInt64(m_tokenizer.uint64Value(), m_tokenizer.text());
            return;
        case JsonTokenizer::NumberKind::Double:
            m_builder.addDouble(m_tokenizer.doubleValue(), m_tokenizer.text());
            return;
        }
        return;
    case Token::String:
        m_builder.addString(m_tokenizer.text());
        return;
    case Token::True:
        m_builder.addBool(true);
        return;
    case Token::False:
        m_builder.addBool(false);
        return;
    case Token::Null:
        m_builder.addNull();
        return;
    case Token::ArrayEnd: {
        std::string message;
        std::size_t column = 0;
        if (!m_builder.endRow(message, column)) {
            std::string name = column < m_series.columns.size() ? m_series.columns[column] : std::string();
            failMalformed(std::move(message), m_rowLine, m_rowColumn, std::move(name));
            return;
        }
        leave();
        return;
    }
    default:
        failHere("a row value must be a number, string, boolean or null");
        return;
    }
}

bool InfluxQlJsonParser::readNumberRow()
{
    const int n = m_tokenizer.readNumberArray(m_rowNumbers.data(), m_rowTexts.data(), kFastRowValues);
    if (n < 0)
        return false;
    if (m_builder.addNumberRow(m_rowNumbers.data(), static_cast<std::size_t>(n)))
        return true;
    m_rowLine = m_tokenizer.tokenLine();
    m_rowColumn = m_tokenizer.tokenColumn();
    m_builder.beginRow();
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) {
        const JsonNumber &number = m_rowNumbers[i];
        switch (number.kind) {
        case JsonNumber::Kind::Int64:
            m_builder.addInt64(number.int64Value, m_rowTexts[i]);
            break;
        case JsonNumber::Kind::UInt64:
            m_builder.addUInt64(number.uint64Value, m_rowTexts[i]);
            break;
        case JsonNumber::Kind::Double:
            m_builder.addDouble(number.doubleValue, m_rowTexts[i]);
            break;
        }
    }
    std::string message;
    std::size_t column = 0;
    if (!m_builder.endRow(message, column)) {
        std::string name = column < m_series.columns.size() ? m_series.columns[column] : std::string();
        failMalformed(std::move(message), m_rowLine, m_rowColumn, std::move(name));
    }
    return true;
}

std::int64_t InfluxQlJsonParser::currentStatementId() const
{
    // InfluxDB writes statement_id first; before 1.2 it did not write it at all, and then the
    // position in `results` is the statement.
    return m_hasStatementId ? m_statementId : std::max<std::int64_t>(m_resultIndex, 0);
}

void InfluxQlJsonParser::beginValues()
{
    m_valuesStarted = true;
    m_series.statementId = currentStatementId();
    m_builder.beginSeries(m_series);
}

void InfluxQlJsonParser::endSeriesObject()
{
    if (!m_valuesStarted) {
        // A series without `values`: an empty table still shows its columns and identity.
        m_series.statementId = currentStatementId();
        m_builder.beginSeries(m_series);
    }
    m_builder.endSeries(m_seriesPartial ? InfluxQlTableBuilder::SeriesEnd::Partial
                                        : InfluxQlTableBuilder::SeriesEnd::Complete);
}

void InfluxQlJsonParser::endResult()
{
    if (m_hasResultError) {
        // The statement is over: its rows go out before its error.
        m_builder.flush();
        statementFailed();
    } else {
        m_builder.flushIfSettled();
    }
}

void InfluxQlJsonParser::statementFailed()
{
    InfluxQlStatementError error;
    error.statementId = currentStatementId();
    error.message = m_resultError;
    error.line = m_resultLine;
    m_statementErrors.push_back(error);
    if (m_statementSink)
        m_statementSink->statementFailed(error);
}

void InfluxQlJsonParser::endDocument()
{
    if (m_hasTopError) {
        m_builder.flush();
        failServer(m_topError, m_topErrorLine);
    } else {
        m_builder.flushIfSettled();
    }
}

void InfluxQlJsonParser::failMalformed(std::string message, std::uint64_t line, std::uint64_t column,
                                       std::string columnName)
{
    if (m_error)
        return;
    m_builder.discard();
    ParseError error;
    error.kind = ParseErrorKind::Malformed;
    error.message = std::move(message);
    error.line = line;
    error.column = static_cast<std::uint32_t>(std::min<std::uint64_t>(column, std::numeric_limits<std::uint32_t>::max()));
    error.columnName = std::move(columnName);
    m_error = std::move(error);
    m_sink.parseFailed(*m_error);
}

void InfluxQlJsonParser::failHere(std::string message)
{
    failMalformed(std::move(message), m_tokenizer.tokenLine(), m_tokenizer.tokenColumn());
}

void InfluxQlJsonParser::failServer(std::string message, std::uint64_t line)
{
    if (m_error)
        return;
    m_builder.discard();
    ParseError error;
    error.kind = ParseErrorKind::ServerError;
    error.message = message.empty() ? std::string("the server reported an error without a message") : std::move(message);
    error.line = line;
    m_error = std::move(error);
    m_sink.parseFailed(*m_error);
}

} // namespace sasquatch
