// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/Application.h"

#include <QApplication>
#include <QMainWindow>

namespace sasquatch {

int runApplication(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow w;
    w.show();
    return app.exec();
}

} // namespace sasquatch
