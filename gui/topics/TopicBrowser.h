// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"
#include "core/catalog/TopicSearchIndex.h"
#include "core/influx/InfluxTypes.h"
#include "core/util/CancelToken.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTimer;
class QTreeView;

namespace sasquatch {

class TopicTreeModel;

/// The topic tree of one bucket with its fuzzy filter. Searches run on a worker thread over an
/// immutable index, so typing never waits; only the newest answer is applied.
class TopicBrowser : public QWidget
{
    Q_OBJECT
public:
    explicit TopicBrowser(QWidget *parent = nullptr);
    ~TopicBrowser() override;

    TopicTreeModel &model() { return *m_model; }
    QTreeView *view() const { return m_view; }

    void clear();
    void setTopics(const QStringList &topics);
    void setAllFields(const std::vector<MeasurementFields> &all);
    void setTopicFields(const QString &topic, const std::vector<FieldKey> &fields, const QStringList &tags);
    void setTopicFieldsFailed(const QString &topic, const QString &message);
    void setFilterText(const QString &text);
    QString filterText() const;
    /// True while the search index is being rebuilt after new topics or fields.
    bool isIndexing() const;
    /// Expands the tree down to `topic` and selects it.
    void revealTopic(const QString &topic);
    void focusFilter();

Q_SIGNALS:
    void fieldsRequested(const QString &topic);
    void topicSelected(const QString &topic);
    void fieldSelected(const QString &topic, const QString &field);
    void searchFinished(int hits, qint64 elapsed_us);

private:
    void rebuildIndex();
    void startSearch();
    void applyResult(const SearchResult &result);
    void updateSummary();
    void onCurrentChanged();

    TopicTreeModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_debounce = nullptr;
    std::shared_ptr<const TopicSearchIndex> m_index;
    CancelToken m_searchCancel;
    quint64 m_searchSerial = 0;
    quint64 m_indexSerial = 0;
    quint64 m_indexedSerial = 0;
    int m_lastHits = -1;
};

} // namespace sasquatch
