# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/CurlTransport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GzipCodec.cpp
  ${CMAKE_CURRENT_LIST_DIR}/GzipEncoder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HttpDispatcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/HttpFailure.cpp
  ${CMAKE_CURRENT_LIST_DIR}/RetryPolicy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/RetryingTransport.cpp
  ${CMAKE_CURRENT_LIST_DIR}/UrlBuilder.cpp
)
