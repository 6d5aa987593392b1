# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalog.h
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogDatabases.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecParser.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecParser.h
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecs.h
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecsAuxTel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecsCameras.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecsMainTelescope.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecsMainTelescopeSupport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoCatalogSpecsObservatory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoTypes.h
  ${CMAKE_CURRENT_LIST_DIR}/InfluxdConfig.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxdConfig.h
  ${CMAKE_CURRENT_LIST_DIR}/InfluxdProcess.cpp
  ${CMAKE_CURRENT_LIST_DIR}/InfluxdProcess.h
  ${CMAKE_CURRENT_LIST_DIR}/LoopbackPort.cpp
  ${CMAKE_CURRENT_LIST_DIR}/LoopbackPort.h
)
