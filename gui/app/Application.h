// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sasquatch {

/// Entry point shared by main.cpp: dispatches command-line subcommands (query, tail, upload,
/// topics...) to core/cli without creating a GUI, otherwise starts the main window.
int runApplication(int argc, char **argv);

} // namespace sasquatch
