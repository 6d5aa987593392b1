# SPDX-License-Identifier: GPL-3.0-or-later
# Annotations: model and stores (Chronograf measurement on 1.x, /api/v2private on 2.x).
