# SPDX-License-Identifier: GPL-3.0-or-later
# Kafka: librdkafka consumer/producer, Confluent framing, Schema Registry, Avro decoding.
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/AvroDecodePlan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AvroDecodePlan.h
  ${CMAKE_CURRENT_LIST_DIR}/AvroReferenceDecoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AvroReferenceDecoder.h
  ${CMAKE_CURRENT_LIST_DIR}/AvroSchema.cpp
  ${CMAKE_CURRENT_LIST_DIR}/AvroSchema.h
  ${CMAKE_CURRENT_LIST_DIR}/ConfluentFrame.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ConfluentFrame.h
  ${CMAKE_CURRENT_LIST_DIR}/DecodedBatch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DecodedBatch.h
  ${CMAKE_CURRENT_LIST_DIR}/JsonMessageDecoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/JsonMessageDecoder.h
  ${CMAKE_CURRENT_LIST_DIR}/KafkaConsumer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KafkaConsumer.h
  ${CMAKE_CURRENT_LIST_DIR}/KafkaConsumerConfig.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KafkaConsumerConfig.h
  ${CMAKE_CURRENT_LIST_DIR}/KafkaStartPosition.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KafkaStartPosition.h
  ${CMAKE_CURRENT_LIST_DIR}/KafkaTail.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KafkaTail.h
  ${CMAKE_CURRENT_LIST_DIR}/KafkaTopicStats.cpp
  ${CMAKE_CURRENT_LIST_DIR}/KafkaTopicStats.h
  ${CMAKE_CURRENT_LIST_DIR}/MemorySchemaSource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MemorySchemaSource.h
  ${CMAKE_CURRENT_LIST_DIR}/MessageDecoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MessageDecoder.h
  ${CMAKE_CURRENT_LIST_DIR}/MessageLayout.cpp
  ${CMAKE_CURRENT_LIST_DIR}/MessageLayout.h
  ${CMAKE_CURRENT_LIST_DIR}/SchemaRegistryClient.cpp
  ${CMAKE_CURRENT_LIST_DIR}/SchemaRegistryClient.h
  ${CMAKE_CURRENT_LIST_DIR}/SchemaSource.h
  ${CMAKE_CURRENT_LIST_DIR}/TopicSchemaService.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TopicSchemaService.h
)
target_link_libraries(sasquatch_core PRIVATE PkgConfig::RDKAFKA PkgConfig::AVRO)
