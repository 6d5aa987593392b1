# SPDX-License-Identifier: GPL-3.0-or-later
# Annotations: model and stores (Chronograf measurement on 1.x, /api/v2private on 2.x).
target_sources(sasquatch_core PRIVATE
  annotations/Annotation.h annotations/Annotation.cpp
  annotations/AnnotationFilter.h annotations/AnnotationFilter.cpp
  annotations/TagListText.h annotations/TagListText.cpp
  annotations/AnnotationPresetStore.h annotations/AnnotationPresetStore.cpp
  annotations/AnnotationStore.h
  annotations/ChronografFormat.h annotations/ChronografFormat.cpp
  annotations/ChronografAnnotationStore.h annotations/ChronografAnnotationStore.cpp
  annotations/V2AnnotationJson.h annotations/V2AnnotationJson.cpp
  annotations/V2AnnotationStore.h annotations/V2AnnotationStore.cpp
  annotations/AnnotationStoreFactory.h annotations/AnnotationStoreFactory.cpp
  annotations/AnnotationService.h annotations/AnnotationService.cpp
)
