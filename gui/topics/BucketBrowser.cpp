// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/topics/BucketBrowser.h"

#include "core/time/Durations.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sasquatch {

namespace {
constexpr int kBucketIndexRole = Qt::UserRole + 1;
}

BucketBrowser::BucketBrowser(QWidget *parent) : QWidget(parent)
{
    auto *title = new QLabel(tr("Buckets"));
    title->setStyleSheet(QStringLiteral("font-weight: 600;"));
    auto *create = new QToolButton;
    create->setText(tr("New…"));
    create->setToolTip(tr("Create a database / retention policy (1.x) or a bucket (2.x)"));
    auto *refresh = new QToolButton;
    refresh->setText(tr("Refresh"));
    m_showSystem = new QToolButton;
    m_showSystem->setText(tr("System"));
    m_showSystem->setCheckable(true);
    m_showSystem->setToolTip(tr("Show InfluxDB's own databases and buckets (_internal, _monitoring, _tasks)"));
    connect(create, &QToolButton::clicked, this, &BucketBrowser::createRequested);
    connect(refresh, &QToolButton::clicked, this, &BucketBrowser::refreshRequested);
    connect(m_showSystem, &QToolButton::toggled, this, [this] { setBuckets(m_buckets, m_flavour); });

    m_tree = new QTreeWidget;
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Name"), tr("Retention"), tr("Shard group")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Buckets"));
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] { emitCurrent(); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch();
    bar->addWidget(m_showSystem);
    bar->addWidget(refresh);
    bar->addWidget(create);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tree);
}

void BucketBrowser::clear()
{
    m_buckets.clear();
    m_tree->clear();
}

void BucketBrowser::setBuckets(const std::vector<BucketInfo> &buckets, ApiFlavour flavour)
{
    const QString previous = m_tree->currentItem() ? m_tree->currentItem()->data(0, Qt::UserRole).toString() : QString();
    m_buckets = buckets;
    m_flavour = flavour;
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> databases;
    for (int i = 0; i < int(buckets.size()); ++i) {
        const BucketInfo &b = buckets[i];
        if (b.isSystem && !m_showSystem->isChecked())
            continue;
        auto *item = new QTreeWidgetItem;
        item->setData(0, Qt::UserRole, b.name);
        item->setData(0, kBucketIndexRole, i);
        item->setText(1, formatDurationSeconds(b.retentionSeconds));
        item->setText(2, b.shardGroupSeconds ? formatDurationSeconds(b.shardGroupSeconds) : tr("default"));
        if (flavour == ApiFlavour::V2 || b.database.isEmpty()) {
            item->setText(0, b.name);
            item->setToolTip(0, b.description.isEmpty() ? b.name : b.description);
            m_tree->addTopLevelItem(item);
            continue;
        }
        QTreeWidgetItem *&db = databases[b.database];
        if (!db) {
            db = new QTreeWidgetItem(QStringList{b.database});
            db->setData(0, Qt::UserRole, b.database);
            db->setData(0, kBucketIndexRole, -1);
            m_tree->addTopLevelItem(db);
        }
        item->setText(0, b.isDefault ? tr("%1 (default)").arg(b.retentionPolicy) : b.retentionPolicy);
        item->setToolTip(0, tr("%1 — replication %2").arg(b.name).arg(b.replication));
        db->addChild(item);
        if (b.isDefault) {
            // The database row stands for its default policy.
            db->setData(0, kBucketIndexRole, i);
            db->setText(1, item->text(1));
            db->setText(2, item->text(2));
        }
    }
    m_tree->expandAll();
    if (!previous.isEmpty())
        select(previous);
}

bool BucketBrowser::select(const QString &name)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, Qt::UserRole).toString() == name && (*it)->data(0, kBucketIndexRole).toInt() >= 0) {
            m_tree->setCurrentItem(*it);
            return true;
        }
    }
    return false;
}

QStringList BucketBrowser::databases() const
{
    QStringList names;
    for (const auto &b : m_buckets)
        if (!b.database.isEmpty() && !names.contains(b.database))
            names << b.database;
    return names;
}

void BucketBrowser::emitCurrent()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item)
        return;
    const int index = item->data(0, kBucketIndexRole).toInt();
    if (index >= 0 && index < int(m_buckets.size()))
        Q_EMIT bucketActivated(m_buckets[index]);
}

} // namespace sasquatch
