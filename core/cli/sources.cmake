# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(sasquatch_core PRIVATE
  cli/CommandLine.h cli/CommandLine.cpp
  cli/CliOutput.h cli/CliOutput.cpp
  cli/ConnectionOptions.h cli/ConnectionOptions.cpp
  cli/TopicsCommand.h cli/TopicsCommand.cpp
  cli/QueryCommand.h cli/QueryCommand.cpp
  cli/UploadCommand.h cli/UploadCommand.cpp
  cli/TailCommand.h cli/TailCommand.cpp
  cli/TailFormatter.h cli/TailFormatter.cpp
  cli/AnnotationsCommand.h cli/AnnotationsCommand.cpp
)
