# SPDX-License-Identifier: GPL-3.0-or-later
# Workspace: the plot workspace document (panels, series, axes, range, queries, cursors) and its JSON form.
