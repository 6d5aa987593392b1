# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  influx/InfluxTypes.h
  influx/QueryEscape.h influx/QueryEscape.cpp
  influx/InfluxQlResponse.h influx/InfluxQlResponse.cpp
  influx/InfluxClient.h influx/InfluxClient.cpp influx/InfluxSchemaQueries.cpp influx/InfluxFluxSchema.cpp
  influx/CatalogService.h influx/CatalogService.cpp
)
