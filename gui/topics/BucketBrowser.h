// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/influx/InfluxTypes.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;
class QToolButton;

namespace sasquatch {

/// The buckets of the connected server: 1.x databases with their retention policies
/// (`efd › autogen`), or 2.x buckets, with retention, shard group duration and default flag.
class BucketBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit BucketBrowser(QWidget *parent = nullptr);

    void setBuckets(const std::vector<BucketInfo> &buckets, ApiFlavour flavour);
    void clear();
    /// Selects `name` (db/rp or bucket), or the default policy of `database` when name is a
    /// database. Returns false when there is no such bucket.
    bool select(const QString &name);
    const std::vector<BucketInfo> &buckets() const { return m_buckets; }
    QStringList databases() const;

Q_SIGNALS:
    void bucketActivated(const sasquatch::BucketInfo &bucket);
    void createRequested();
    void refreshRequested();

private:
    void emitCurrent();

    QTreeWidget *m_tree = nullptr;
    QToolButton *m_showSystem = nullptr;
    std::vector<BucketInfo> m_buckets;
    ApiFlavour m_flavour = ApiFlavour::V1;
};

} // namespace sasquatch
