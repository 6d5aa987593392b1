// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/annotations/AnnotationStoreFactory.h"

#include "core/annotations/ChronografAnnotationStore.h"
#include "core/annotations/V2AnnotationStore.h"
#include "core/influx/InfluxClient.h"

namespace sasquatch {

Outcome<std::shared_ptr<AnnotationStore>> makeAnnotationStore(const ConnectionProfile &profile, const QString &secret,
                                                              std::shared_ptr<HttpTransport> transport,
                                                              const CancelToken &cancel)
{
    InfluxClient influx(profile, secret, transport);
    auto flavour = influx.flavour(cancel);
    if (!flavour)
        return flavour.failure();
    std::shared_ptr<AnnotationStore> store;
    if (flavour.value() == ApiFlavour::V2)
        store = std::make_shared<V2AnnotationStore>(profile, secret, std::move(transport));
    else
        store = std::make_shared<ChronografAnnotationStore>(profile, secret, std::move(transport));
    return store;
}

} // namespace sasquatch
