# SPDX-License-Identifier: GPL-3.0-or-later
# Ingest: metric-file readers (lsst.verify job, metric records, CSV, line protocol) and uploaders.
