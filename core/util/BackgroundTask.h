// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/CancelToken.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <type_traits>

namespace sasquatch {

/// Runs `work(cancel)` on `pool` and hands its result to `done` on `context`'s thread (queued).
/// If `context` is gone by then, the result is dropped. Returns the token that cancels the work.
/// This is how the GUI thread gets blocking core calls (HTTP, keyring) done without waiting.
template <class Work, class Done>
CancelToken runInBackground(QThreadPool *pool, QObject *context, Work work, Done done)
{
    using Result = std::invoke_result_t<Work, const CancelToken &>;
    CancelToken token;
    QPointer<QObject> guard(context);
    pool->start([token, guard, work = std::move(work), done = std::move(done)]() mutable {
        auto result = std::make_shared<Result>(work(token));
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(),
            [guard, result, done = std::move(done)]() mutable {
                if (guard)
                    done(std::move(*result));
            },
            Qt::QueuedConnection);
    });
    return token;
}

} // namespace sasquatch
