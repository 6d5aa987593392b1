// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/catalog/NaturalOrder.h"

namespace sasquatch {

namespace {

bool isDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

char16_t foldCase(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return (u >= u'A' && u <= u'Z') ? char16_t(u + 32) : u;
    return c.toCaseFolded().unicode();
}

} // namespace

int naturalCompare(QStringView a, QStringView b)
{
    qsizetype i = 0;
    qsizetype j = 0;
    const qsizetype na = a.size();
    const qsizetype nb = b.size();
    while (i < na && j < nb) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Compare the digit runs by value: skip leading zeros, then longer is larger,
            // then the first differing digit decides.
            qsizetype ia = i;
            qsizetype jb = j;
            while (ia < na && a[ia] == u'0')
                ++ia;
            while (jb < nb && b[jb] == u'0')
                ++jb;
            qsizetype ea = ia;
            qsizetype eb = jb;
            while (ea < na && isDigit(a[ea]))
                ++ea;
            while (eb < nb && isDigit(b[eb]))
                ++eb;
            if (ea - ia != eb - jb)
                return (ea - ia) < (eb - jb) ? -1 : 1;
            for (qsizetype k = 0; k < ea - ia; ++k) {
                if (a[ia + k] != b[jb + k])
                    return a[ia + k].unicode() < b[jb + k].unicode() ? -1 : 1;
            }
            i = ea;
            j = eb;
            continue;
        }
        const char16_t ca = foldCase(a[i]);
        const char16_t cb = foldCase(b[j]);
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < na)
        return 1;
    if (j < nb)
        return -1;
    // Equal under the natural order: fall back to code units so that distinct names never tie.
    const int raw = a.compare(b, Qt::CaseSensitive);
    return raw < 0 ? -1 : (raw > 0 ? 1 : 0);
}

} // namespace sasquatch
