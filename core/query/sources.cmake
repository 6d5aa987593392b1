# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/BodyPipe.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BodyPipe.h
  ${CMAKE_CURRENT_LIST_DIR}/BracketMatcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/BracketMatcher.h
  ${CMAKE_CURRENT_LIST_DIR}/CompletionEngine.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CompletionEngine.h
  ${CMAKE_CURRENT_LIST_DIR}/CompletionItem.h
  ${CMAKE_CURRENT_LIST_DIR}/CompletionRanker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CompletionRanker.h
  ${CMAKE_CURRENT_LIST_DIR}/CompletionResult.h
  ${CMAKE_CURRENT_LIST_DIR}/FluxCompleter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FluxCompleter.h
  ${CMAKE_CURRENT_LIST_DIR}/FluxCompleterItems.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FluxStdlib.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FluxStdlib.h
  ${CMAKE_CURRENT_LIST_DIR}/FluxStdlibData.h
  ${CMAKE_CURRENT_LIST_DIR}/FluxStdlibPackages.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FluxStdlibUniverse.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FluxTokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FluxTokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlCompleter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlCompleter.h
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlFunctions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlFunctions.h
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlTokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlTokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/LexSupport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LexSupport.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryErrorLocation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryErrorLocation.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryIndenter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryIndenter.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryKeywords.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryKeywords.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryLanguage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryLanguage.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryTokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryTokenizer.h
  ${CMAKE_CURRENT_LIST_DIR}/SchemaSnapshot.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SchemaSnapshot.h
  ${CMAKE_CURRENT_LIST_DIR}/Token.h
)

# Query building, history, result table model and CSV export (query core).
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/AggregateFunction.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AggregateFunction.h
  ${CMAKE_CURRENT_LIST_DIR}/CsvWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CsvWriter.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryBuilder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryBuilder.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryHistory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryHistory.h
  ${CMAKE_CURRENT_LIST_DIR}/QuerySelection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QuerySelection.h
  ${CMAKE_CURRENT_LIST_DIR}/ResultTableModel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ResultTableModel.h
  ${CMAKE_CURRENT_LIST_DIR}/WindowPeriod.cpp
  ${CMAKE_CURRENT_LIST_DIR}/WindowPeriod.h
)

# Query engine: streaming Flux/InfluxQL runner with budget, progress and cancel; GUI facade;
# JSON Lines output (query service).
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlStatements.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlStatements.h
  ${CMAKE_CURRENT_LIST_DIR}/JsonLinesWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JsonLinesWriter.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryBudget.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryBudget.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryResultSink.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryRunner.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryRunner.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryService.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryService.h
  ${CMAKE_CURRENT_LIST_DIR}/QueryTypes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/QueryTypes.h
)

# Dashboard time variables (:dashboardTime:, v.timeRangeStart…) filled in from a query tab's
# time range (query panel).
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/TimeVariables.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TimeVariables.h
)
