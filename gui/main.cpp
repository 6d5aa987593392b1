// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/app/Application.h"

int main(int argc, char **argv)
{
    return sasquatch::runApplication(argc, argv);
}
