// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/QueryPanel.h"

#include "core/query/QueryBuilder.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/QueryTab.h"
#include "gui/query/ResultsView.h"

#include <QAction>
#include <QPainter>
#include <QTabBar>
#include <QToolButton>

namespace sasquatch {

namespace {


QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(2, 2, 8, 8));
    return QIcon(pixmap);
}

} // namespace

QueryPanel::QueryPanel(QWidget *topicPage, std::shared_ptr<HttpTransport> transport, QWidget *parent)
    : QTabWidget(parent), m_transport(std::move(transport))
{
    setDocumentMode(true);
    setMovable(true);
    setTabsClosable(true);
    addTab(topicPage, tr("Topic"));
    setTabToolTip(0, tr("Details of the topic selected in the tree"));
    // The topic page is part of the window, not a document: it has no close button.
    tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);

    m_newTab = new QAction(tr("&New query tab"), this);
    m_newTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_newTab->setShortcutContext(Qt::WindowShortcut);
    connect(m_newTab, &QAction::triggered, this, [this] { newQueryTab(); });
    m_closeTab = new QAction(tr("&Close query tab"), this);
    m_closeTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));
    m_closeTab->setShortcutContext(Qt::WindowShortcut);
    connect(m_closeTab, &QAction::triggered, this, [this] { closeQueryTab(currentIndex()); });
    addAction(m_newTab);
    addAction(m_closeTab);

    auto *plus = new QToolButton;
    plus->setDefaultAction(m_newTab);
    plus->setText(QStringLiteral("+"));
    plus->setToolTip(tr("New query tab (Ctrl+T)"));
    plus->setAutoRaise(true);
    setCornerWidget(plus, Qt::TopRightCorner);

    connect(this, &QTabWidget::tabCloseRequested, this, &QueryPanel::closeQueryTab);
    connect(this, &QTabWidget::currentChanged, this, [this] {
        m_closeTab->setEnabled(currentQueryTab() != nullptr);
        Q_EMIT resultsWidthChanged(resultsPixelWidth());
    });
    m_closeTab->setEnabled(false);
}

QueryTab *QueryPanel::newQueryTab(const QString &text, std::optional<QueryLanguage> language)
{
    auto *tab = new QueryTab(m_transport);
    tab->setLanguage(language.value_or(m_defaultLanguage));
    tab->setSchema(m_schema);
    if (!m_bucket.isEmpty())
        tab->setDefaultBucket(m_bucket);
    if (m_connection)
        tab->setConnection(m_connection->first, m_connection->second);
    if (!text.isEmpty())
        tab->setText(text);
    decorate(tab);
    const QString title = tr("Query %1").arg(++m_counter);
    const int index = addTab(tab, title);
    tabBar()->setTabData(index, title);
    setCurrentIndex(index);
    tab->setFocus();
    return tab;
}

void QueryPanel::decorate(QueryTab *tab)
{
    connect(tab, &QueryTab::runFinished, this, [this, tab](const QueryRunRecord &run) {
        const int index = indexOfTab(tab);
        if (index >= 0)
            setTabIcon(index, run.end == RunEnd::Failed ? dotIcon(QColor(0xfc, 0x81, 0x81)) : QIcon());
        Q_EMIT runFinished(run);
    });
    connect(tab, &QueryTab::runStarted, this, [this, tab] {
        const int index = indexOfTab(tab);
        if (index >= 0)
            setTabIcon(index, dotIcon(QColor(0xf6, 0xad, 0x55)));
    });
    connect(tab, &QueryTab::titleChanged, this, [this, tab](const QString &title) {
        const int index = indexOfTab(tab);
        if (index < 0)
            return;
        const QString base = tabBar()->tabData(index).toString();
        setTabText(index, title.isEmpty() ? base : title);
        setTabToolTip(index, title.isEmpty() ? QString() : base + QStringLiteral(": ") + title);
    });
    connect(tab, &QueryTab::sendToPlotRequested, this, &QueryPanel::sendToPlotRequested);
    connect(tab->resultsView(), &ResultsView::viewportWidthChanged, this, [this, tab] {
        if (currentQueryTab() == tab)
            Q_EMIT resultsWidthChanged(tab->resultsPixelWidth());
    });
}

int QueryPanel::indexOfTab(const QueryTab *tab) const
{
    for (int i = 0; i < count(); ++i)
        if (widget(i) == tab)
            return i;
    return -1;
}

QueryTab *QueryPanel::currentQueryTab() const
{
    return qobject_cast<QueryTab *>(currentWidget());
}

QueryTab *QueryPanel::queryTabForLoading()
{
    if (QueryTab *tab = currentQueryTab())
        return tab;
    return newQueryTab();
}

QList<QueryTab *> QueryPanel::queryTabs() const
{
    QList<QueryTab *> tabs;
    for (int i = 0; i < count(); ++i)
        if (auto *tab = qobject_cast<QueryTab *>(widget(i)))
            tabs << tab;
    return tabs;
}

void QueryPanel::closeQueryTab(int index)
{
    auto *tab = qobject_cast<QueryTab *>(widget(index));
    if (!tab)
        return; // the Topic page stays
    tab->cancel();
    removeTab(index);
    tab->deleteLater();
}

void QueryPanel::showTopicPage()
{
    for (int i = 0; i < count(); ++i)
        if (!qobject_cast<QueryTab *>(widget(i)))
            setCurrentIndex(i);
}

void QueryPanel::setConnection(const ConnectionProfile &profile, const QString &secret)
{
    m_connection.emplace(profile, secret);
    for (QueryTab *tab : queryTabs())
        tab->setConnection(profile, secret);
}

void QueryPanel::setSchema(const SchemaSnapshot &schema)
{
    m_schema = schema;
    for (QueryTab *tab : queryTabs())
        tab->setSchema(schema);
}

void QueryPanel::setDefaultBucket(const QString &bucket)
{
    m_bucket = bucket;
    for (QueryTab *tab : queryTabs())
        tab->setDefaultBucket(bucket);
}

void QueryPanel::setDefaultLanguage(QueryLanguage language)
{
    m_defaultLanguage = language;
}

int QueryPanel::resultsPixelWidth() const
{
    if (const QueryTab *tab = currentQueryTab())
        return tab->resultsPixelWidth();
    // No query tab shown: a new one will be about as wide as this panel.
    return width() > 100 ? width() - 60 : QueryBuilder::kDefaultPixelWidth;
}

} // namespace sasquatch
