# SPDX-License-Identifier: GPL-3.0-or-later
# Kafka: librdkafka consumer/producer, Confluent framing, Schema Registry, Avro decoding.
target_link_libraries(sasquatch_core PRIVATE PkgConfig::RDKAFKA PkgConfig::AVRO)
