// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QtGlobal>

namespace sasquatch {

/// Free TCP ports on 127.0.0.1 for servers we start ourselves (influxd). The kernel picks
/// the port (bind to port 0); the socket is closed again before the server binds it, so
/// another program may take it in between: callers retry with a fresh port when the server
/// reports "address already in use".
class LoopbackPort
{
public:
    static Outcome<quint16> pickFree();
    /// True when something accepts connections on 127.0.0.1:port.
    static bool isListening(quint16 port);
};

} // namespace sasquatch
