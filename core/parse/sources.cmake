# SPDX-License-Identifier: GPL-3.0-or-later
# Keep this list Qt-free and dependency-free: tests/fuzz compiles it with clang and sanitizers
# (SASQUATCH_PARSE_SOURCES is what the fuzz harnesses link).
set(SASQUATCH_PARSE_SOURCES
  ${CMAKE_CURRENT_LIST_DIR}/AnnotatedCsvFramedRows.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AnnotatedCsvParser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CsvRecordReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DecimalToDouble.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlJsonParser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlServerText.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxQlTableBuilder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JsonNumber.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JsonTokenizer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ParseError.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ResultColumn.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ResultTable.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ResultTableCollector.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Rfc3339.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ValueText.cpp
  CACHE INTERNAL "core/parse sources (Qt-free)")
target_sources(sasquatch_core PRIVATE ${SASQUATCH_PARSE_SOURCES})
