// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/annotations/AnnotationStore.h"
#include "core/connection/ConnectionProfile.h"
#include "core/http/HttpTransport.h"

#include <memory>

namespace sasquatch {

/// The store that goes with a profile's InfluxDB: Chronograf's measurement on 1.x, the
/// /api/v2private API on 2.x. With the profile's API on auto, asks /ping (blocking: call it
/// from a worker thread).
Outcome<std::shared_ptr<AnnotationStore>> makeAnnotationStore(const ConnectionProfile &profile, const QString &secret,
                                                              std::shared_ptr<HttpTransport> transport,
                                                              const CancelToken &cancel = {});

} // namespace sasquatch
