// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/topics/TopicBrowser.h"

#include "core/catalog/TopicTreeModel.h"
#include "gui/topics/MatchHighlightDelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace sasquatch {

namespace {
constexpr int kMaxHits = 2000;       // enough for any tree a person reads
constexpr int kAutoExpandRows = 400; // expanding more than this costs more than it shows
constexpr int kAutoExpandTopics = 3;
} // namespace

TopicBrowser::TopicBrowser(QWidget *parent) : QWidget(parent), m_model(new TopicTreeModel(this))
{
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter topics and fields — e.g. “m1m3 fad”, “zforce”"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Topic filter"));
    m_summary = new QLabel;
    m_summary->setStyleSheet(QStringLiteral("color: palette(placeholder-text); font-size: 11px;"));

    m_view = new QTreeView;
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setItemDelegateForColumn(TopicTreeModel::NameColumn, new MatchHighlightDelegate(m_view));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(TopicTreeModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(TopicTreeModel::TypeColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(TopicTreeModel::CountColumn, QHeaderView::Interactive);
    m_view->header()->resizeSection(TopicTreeModel::TypeColumn, 96);
    m_view->header()->resizeSection(TopicTreeModel::CountColumn, 56);
    m_view->setDragEnabled(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAccessibleName(tr("Topics"));

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(40); // coalesce bursts of keystrokes; a search itself takes a few ms
    connect(m_filter, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &TopicBrowser::startSearch);
    connect(m_model, &TopicTreeModel::fieldsRequested, this, &TopicBrowser::fieldsRequested);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TopicBrowser::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TopicBrowser::updateSummary);
    // A failed field (or tag key) load is retried when the user opens the topic again or
    // double-clicks the error row (the model does not retry on its own, so a failing server is
    // not hammered); retryFields() does nothing for a topic that did not fail.
    auto retry = [this](const QModelIndex &index) {
        const QString topic = index.data(TopicTreeModel::TopicRole).toString();
        if (!topic.isEmpty())
            m_model->retryFields(topic);
    };
    connect(m_view, &QTreeView::expanded, this, retry);
    connect(m_view, &QTreeView::doubleClicked, this, retry);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    m_index = std::make_shared<const TopicSearchIndex>();
}

TopicBrowser::~TopicBrowser()
{
    m_searchCancel.cancel();
}

void TopicBrowser::clear()
{
    m_model->clear();
    rebuildIndex();
}

void TopicBrowser::setTopics(const QStringList &topics)
{
    m_model->setTopics(topics);
    rebuildIndex();
}

void TopicBrowser::setAllFields(const std::vector<MeasurementFields> &all)
{
    QHash<QString, std::vector<FieldInfo>> byTopic;
    QHash<QString, QStringList> tagsByTopic; // only where the bulk load knew them
    byTopic.reserve(qsizetype(all.size()));
    for (const auto &m : all) {
        std::vector<FieldInfo> fields;
        fields.reserve(m.fields.size());
        for (const auto &f : m.fields)
            fields.push_back(FieldInfo{f.name, fieldTypeFromInflux(f.type), {}, {}});
        byTopic.insert(m.measurement, std::move(fields));
        if (m.tags)
            tagsByTopic.insert(m.measurement, *m.tags);
    }
    m_model->setAllFields(byTopic, tagsByTopic);
    rebuildIndex();
}

void TopicBrowser::setTopicFields(const QString &topic, const std::vector<FieldKey> &fields, const QStringList &tags)
{
    std::vector<FieldInfo> list;
    list.reserve(fields.size());
    for (const auto &f : fields)
        list.push_back(FieldInfo{f.name, fieldTypeFromInflux(f.type), {}, {}});
    m_model->setTopicFields(topic, std::move(list), tags);
    onCurrentChanged();
}

void TopicBrowser::setTopicFieldsFailed(const QString &topic, const QString &message)
{
    m_model->setTopicFieldsFailed(topic, message);
}

void TopicBrowser::rebuildIndex()
{
    // The snapshot is taken here (implicitly shared strings, cheap); the index is built on a
    // worker so that a 20,000-topic catalog never freezes the window. Until it is ready the
    // previous index keeps answering.
    const quint64 serial = ++m_indexSerial;
    QPointer<TopicBrowser> self(this);
    (void)QtConcurrent::run([topics = m_model->topics(), fields = m_model->knownFields(), serial, self] {
        auto index = std::make_shared<const TopicSearchIndex>(topics, fields);
        QMetaObject::invokeMethod(
            self.data(),
            [self, serial, index] {
                if (!self || serial != self->m_indexSerial)
                    return;
                self->m_index = index;
                self->m_indexedSerial = serial;
                self->updateSummary();
                if (!self->m_filter->text().trimmed().isEmpty())
                    self->startSearch();
            },
            Qt::QueuedConnection);
    });
}

bool TopicBrowser::isIndexing() const
{
    return m_indexedSerial != m_indexSerial;
}

void TopicBrowser::setFilterText(const QString &text)
{
    m_filter->setText(text);
    m_debounce->stop();
    startSearch();
}

QString TopicBrowser::filterText() const
{
    return m_filter->text();
}

void TopicBrowser::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void TopicBrowser::startSearch()
{
    m_searchCancel.cancel();
    const QString query = m_filter->text().trimmed();
    if (query.isEmpty()) {
        m_lastHits = -1;
        m_model->clearSearch();
        return;
    }
    m_searchCancel = CancelToken();
    const quint64 serial = ++m_searchSerial;
    auto index = m_index;
    CancelToken cancel = m_searchCancel;
    QPointer<TopicBrowser> self(this);
    (void)QtConcurrent::run([index, query, cancel, serial, self] {
        SearchResult result = index->search(query, kMaxHits, &cancel);
        if (result.cancelled || !self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, serial, result = std::move(result)] {
                if (self && serial == self->m_searchSerial)
                    self->applyResult(result);
            },
            Qt::QueuedConnection);
    });
}

void TopicBrowser::applyResult(const SearchResult &result)
{
    m_model->applySearch(result);
    m_lastHits = result.totalMatches;
    // Open the matches so the user sees them without clicking through lsst › sal › CSC: every
    // group on the way, and the fields of the best few topics (more would bury the ranking).
    int expanded = 0;
    int topicsOpened = 0;
    std::function<void(const QModelIndex &)> expand = [&](const QModelIndex &parent) {
        const int rows = m_model->rowCount(parent);
        for (int r = 0; r < rows && expanded < kAutoExpandRows; ++r) {
            const QModelIndex child = m_model->index(r, 0, parent);
            const auto type = TopicNodeType(child.data(TopicTreeModel::NodeTypeRole).toInt());
            const bool group = type == TopicNodeType::Group || type == TopicNodeType::ReplicaGroup;
            const bool topic = type == TopicNodeType::Topic && topicsOpened < kAutoExpandTopics
                               && child.data(TopicTreeModel::LoadStateRole).toInt() == int(FieldLoadState::Loaded)
                               && m_model->rowCount(child) > 0 && m_model->rowCount(child) < 40;
            if (group || topic) {
                m_view->expand(child);
                ++expanded;
                if (topic)
                    ++topicsOpened;
                else
                    expand(child);
            }
        }
    };
    expand({});
    if (m_model->rowCount() > 0)
        m_view->scrollToTop();
    // Put the best topic under the cursor, so Enter or a glance at the details pane is enough.
    QModelIndex best = m_model->index(0, 0);
    while (best.isValid() && TopicNodeType(best.data(TopicTreeModel::NodeTypeRole).toInt()) != TopicNodeType::Topic)
        best = m_model->rowCount(best) > 0 ? m_model->index(0, 0, best) : QModelIndex();
    if (best.isValid()) {
        m_view->setCurrentIndex(best);
        m_view->expand(best); // loads its fields if needed
    }
    updateSummary();
    Q_EMIT searchFinished(result.totalMatches, result.elapsed_us);
}

void TopicBrowser::updateSummary()
{
    const QLocale locale;
    QString text = tr("%1 topics").arg(locale.toString(m_model->topicCount()));
    if (m_index && m_index->fieldCount() > 0)
        text += tr(" · %1 fields").arg(locale.toString(qlonglong(m_index->fieldCount())));
    if (m_model->isSearchApplied() && m_lastHits >= 0)
        text += tr(" · %1 matches").arg(locale.toString(m_lastHits));
    m_summary->setText(text);
}

void TopicBrowser::revealTopic(const QString &topic)
{
    const QModelIndex index = m_model->indexOfTopic(topic);
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
}

void TopicBrowser::onCurrentChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const QString topic = current.data(TopicTreeModel::TopicRole).toString();
    if (topic.isEmpty())
        return;
    const auto type = TopicNodeType(current.data(TopicTreeModel::NodeTypeRole).toInt());
    if (type == TopicNodeType::Field || type == TopicNodeType::ArrayField || type == TopicNodeType::ArrayElement)
        Q_EMIT fieldSelected(topic, current.data(TopicTreeModel::FieldRole).toString());
    Q_EMIT topicSelected(topic);
}

} // namespace sasquatch
