// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/InfluxFixture.h"

#include <QFile>
#include <QTest>

namespace sasquatch::test {

QString InfluxFixture::stateDir()
{
    return QStringLiteral(SASQUATCH_INFLUXD_STATE_DIR);
}

QString InfluxFixture::url()
{
    const QString path = stateDir() + QStringLiteral("/url");
    QFile file(path);
    QString url;
    if (file.open(QIODevice::ReadOnly))
        url = QString::fromUtf8(file.readAll()).trimmed();
    if (url.startsWith(QStringLiteral("http://")))
        return url;
    const QString message =
        QStringLiteral("the influxd test fixture is not running (%1 is %2). Run integration tests through "
                       "ctest, whose influxd_start fixture starts it, or start it by hand with "
                       "`sasquatch-influxd-fixture start %3` (and stop it with `... stop %3`).")
            .arg(path, file.exists() ? QStringLiteral("not a URL") : QStringLiteral("missing"), stateDir());
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
    return {};
}

} // namespace sasquatch::test
