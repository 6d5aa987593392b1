# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  series/ColumnBuffer.h
  series/DecimatedColumn.h
  series/LiveFieldSpec.h series/LiveFieldSpec.cpp
  series/LiveSeam.h series/LiveSeam.cpp
  series/LiveSession.h series/LiveSession.cpp
  series/Decimation.h series/Decimation.cpp
  series/MinMaxPyramid.h series/MinMaxPyramid.cpp
  series/Moments.h
  series/PixelGrid.h series/PixelGrid.cpp
  series/RangeStats.h
  series/Retention.h
  series/SampleBatch.h series/SampleBatch.cpp
  series/SamplePoint.h
  series/SeriesBatchCollector.h series/SeriesBatchCollector.cpp
  series/SeriesGroup.h series/SeriesGroup.cpp
  series/SeriesId.h
  series/SeriesKey.h series/SeriesKey.cpp
  series/SeriesMemory.h
  series/SeriesStore.h series/SeriesStore.cpp
)
