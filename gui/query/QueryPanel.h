// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/parse/ResultTable.h"
#include "core/query/QueryLanguage.h"
#include "core/query/SchemaSnapshot.h"
#include "gui/query/QueryRunRecord.h"

#include <QTabWidget>

#include <memory>
#include <optional>
#include <vector>

class QAction;

namespace sasquatch {

class HttpTransport;
class QueryTab;

/// The central work area: the topic details as the first tab ("Topic", never closed), then any
/// number of query tabs, each with its own language, editor and results (QueryTab). New tab:
/// Ctrl+T or the + button; close: Ctrl+W or the tab's ×. New tabs get the connection, the
/// completion schema and the default bucket the panel was last given.
class QueryPanel : public QTabWidget
{
    Q_OBJECT
public:
    /// `topicPage` becomes the first tab; `transport` is shared by every query tab.
    QueryPanel(QWidget *topicPage, std::shared_ptr<HttpTransport> transport, QWidget *parent = nullptr);

    /// Opens a query tab (in `language`, or the default language) with `text`, and shows it.
    QueryTab *newQueryTab(const QString &text = {}, std::optional<QueryLanguage> language = std::nullopt);
    /// The shown query tab, or nullptr while the Topic tab is shown.
    QueryTab *currentQueryTab() const;
    /// The shown query tab, or a new one when the Topic tab is shown.
    QueryTab *queryTabForLoading();
    QList<QueryTab *> queryTabs() const;
    void closeQueryTab(int index);
    void showTopicPage();

    void setConnection(const ConnectionProfile &profile, const QString &secret);
    void setSchema(const SchemaSnapshot &schema);
    void setDefaultBucket(const QString &bucket);
    /// The language of new tabs (InfluxQL on 1.x servers, Flux on 2.x).
    void setDefaultLanguage(QueryLanguage language);
    QueryLanguage defaultLanguage() const { return m_defaultLanguage; }
    /// The results width of the shown query tab, or of a new one (for the aggregation window).
    int resultsPixelWidth() const;

    QAction *newTabAction() const { return m_newTab; }
    QAction *closeTabAction() const { return m_closeTab; }

Q_SIGNALS:
    void runFinished(const sasquatch::QueryRunRecord &run);
    /// resultsPixelWidth() changed: another tab was shown or the shown one was resized.
    void resultsWidthChanged(int pixels);
    /// A tab's "Send to plot" (see QueryTab::sendToPlotRequested).
    void sendToPlotRequested(const std::vector<sasquatch::ResultTable> &tables, const QString &query);

private:
    void decorate(QueryTab *tab);
    int indexOfTab(const QueryTab *tab) const;

    std::shared_ptr<HttpTransport> m_transport;
    std::optional<std::pair<ConnectionProfile, QString>> m_connection;
    SchemaSnapshot m_schema;
    QString m_bucket;
    QueryLanguage m_defaultLanguage = QueryLanguage::Flux;
    int m_counter = 0;
    QAction *m_newTab = nullptr;
    QAction *m_closeTab = nullptr;
};

} // namespace sasquatch
