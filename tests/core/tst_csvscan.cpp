// SPDX-License-Identifier: GPL-3.0-or-later
// csvscan: the inline compare of a row's frame (sameBytes) against memcmp for every length up
// to 80 bytes and a difference at every position, and the special-byte scan against a plain loop.
#include "core/parse/CsvScan.h"

#include <QTest>

#include <cstring>
#include <string>

using namespace sasquatch;

class tst_CsvScan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameBytesAsMemcmp()
    {
        std::string a, b;
        for (std::size_t n = 0; n <= 80; ++n) {
            a.assign(n + 32, 'x'); // room after the text: a load must not reach past n, but may exist
            for (std::size_t i = 0; i < a.size(); ++i)
                a[i] = char('a' + (i * 7 + n) % 26);
            b = a;
            QVERIFY2(csvscan::sameBytes(a.data(), b.data(), n), qPrintable(QString::number(n)));
            for (std::size_t at = 0; at < n; ++at) {
                b = a;
                b[at] = char(b[at] ^ 0x20);
                QVERIFY2(!csvscan::sameBytes(a.data(), b.data(), n),
                         qPrintable(QStringLiteral("n %1, difference at %2").arg(n).arg(at)));
            }
            // A difference just past the text does not count.
            b = a;
            b[n] = char(b[n] ^ 0x20);
            QVERIFY2(csvscan::sameBytes(a.data(), b.data(), n), qPrintable(QString::number(n)));
        }
    }

    void specialBytesMarksCommasLineFeedsQuotes()
    {
        const std::string text = "a,\"b\"\nc,d\re\"f,,g\n\nhijkl,mnop";
        for (std::size_t at = 0; at + std::size_t(csvscan::kBlock) <= text.size(); ++at) {
            std::uint32_t expected = 0;
            for (std::size_t i = 0; i < std::size_t(csvscan::kBlock); ++i) {
                const char c = text[at + i];
                if (c == ',' || c == '\n' || c == '"')
                    expected |= std::uint32_t{1} << i;
            }
            QCOMPARE(csvscan::specialBytes(text.data() + at), expected);
        }
    }
};

QTEST_GUILESS_MAIN(tst_CsvScan)
#include "tst_csvscan.moc"
