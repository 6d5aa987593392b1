# SPDX-License-Identifier: GPL-3.0-or-later
# Ingest: metric-file readers (lsst.verify job, metric records, CSV, line protocol) and uploaders.
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/AvroRecordSchema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/CsvMetricReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HttpProduceUploader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxUploader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/IngestFormat.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JsonMetricReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JsonNode.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KafkaUploader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LineProtocolParser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LineProtocolReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LineProtocolWriter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MetricFileReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MetricValue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ReadOptions.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TextLineReader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TimeCell.cpp
  ${CMAKE_CURRENT_LIST_DIR}/UploadLedger.cpp
  ${CMAKE_CURRENT_LIST_DIR}/UploadPlan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/UploadReport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Uploader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/UploaderFactory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/Utf8Validator.cpp
)
