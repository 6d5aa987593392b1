// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace sasquatch {

void applyTheme(QApplication &app, ThemeKind kind)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p;
    if (kind == ThemeKind::Dark) {
        const QColor window(0x1f, 0x24, 0x2b), base(0x16, 0x1a, 0x20), alt(0x1c, 0x21, 0x28),
            text(0xd8, 0xde, 0xe6), dim(0x7d, 0x88, 0x96), accent(0x3f, 0xb6, 0xa8), button(0x2a, 0x31, 0x3a);
        p.setColor(QPalette::Window, window);
        p.setColor(QPalette::WindowText, text);
        p.setColor(QPalette::Base, base);
        p.setColor(QPalette::AlternateBase, alt);
        p.setColor(QPalette::ToolTipBase, QColor(0x2e, 0x36, 0x40));
        p.setColor(QPalette::ToolTipText, text);
        p.setColor(QPalette::PlaceholderText, dim);
        p.setColor(QPalette::Text, text);
        p.setColor(QPalette::Button, button);
        p.setColor(QPalette::ButtonText, text);
        p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        p.setColor(QPalette::Highlight, QColor(0x2b, 0x6c, 0x8f));
        p.setColor(QPalette::HighlightedText, Qt::white);
        p.setColor(QPalette::Link, accent);
        p.setColor(QPalette::Mid, QColor(0x3a, 0x42, 0x4d));
        p.setColor(QPalette::Dark, QColor(0x12, 0x15, 0x1a));
        p.setColor(QPalette::Light, QColor(0x3c, 0x45, 0x51));
        for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
            p.setColor(QPalette::Disabled, role, dim);
    } else {
        p = app.style()->standardPalette();
        p.setColor(QPalette::Highlight, QColor(0x2b, 0x6c, 0x8f));
    }
    app.setPalette(p);
    app.setStyleSheet(QStringLiteral(
        "QToolBar { border: none; spacing: 6px; padding: 4px; }"
        "QDockWidget::title { padding: 6px; font-weight: 600; }"
        "QTreeView, QTableView { border: 1px solid palette(mid); }"
        "QHeaderView::section { padding: 4px 6px; border: none; border-right: 1px solid palette(mid);"
        "  background: palette(button); }"
        "QLineEdit { padding: 4px 6px; border: 1px solid palette(mid); border-radius: 4px; background: palette(base); }"
        "QLineEdit:focus { border-color: palette(highlight); }"
        "QStatusBar QLabel { padding: 0 6px; }"));
}

} // namespace sasquatch
