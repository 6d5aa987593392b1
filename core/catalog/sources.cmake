# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/FieldDocs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FieldDocs.h
  ${CMAKE_CURRENT_LIST_DIR}/FieldGrouping.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FieldGrouping.h
  ${CMAKE_CURRENT_LIST_DIR}/FieldInfo.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FieldInfo.h
  ${CMAKE_CURRENT_LIST_DIR}/FieldMimeData.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FieldMimeData.h
  ${CMAKE_CURRENT_LIST_DIR}/FuzzyMatcher.cpp
  ${CMAKE_CURRENT_LIST_DIR}/FuzzyMatcher.h
  ${CMAKE_CURRENT_LIST_DIR}/GroupedField.h
  ${CMAKE_CURRENT_LIST_DIR}/NaturalOrder.cpp
  ${CMAKE_CURRENT_LIST_DIR}/NaturalOrder.h
  ${CMAKE_CURRENT_LIST_DIR}/SearchResult.h
  ${CMAKE_CURRENT_LIST_DIR}/TopicName.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TopicName.h
  ${CMAKE_CURRENT_LIST_DIR}/TopicSearchIndex.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TopicSearchIndex.h
  ${CMAKE_CURRENT_LIST_DIR}/TopicNodeType.h
  ${CMAKE_CURRENT_LIST_DIR}/TopicTree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TopicTree.h
  ${CMAKE_CURRENT_LIST_DIR}/TopicTreeFilter.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TopicTreeFilter.h
  ${CMAKE_CURRENT_LIST_DIR}/TopicTreeModel.cpp
  ${CMAKE_CURRENT_LIST_DIR}/TopicTreeModel.h
)
