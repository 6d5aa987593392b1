// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/HistoryPanel.h"

#include "gui/query/HistoryItemDelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

enum ItemRole {
    TextRole = Qt::UserRole + 1,
    LanguageRole,
    NameRole,
};

QString firstLine(const QString &text)
{
    for (const QString &line : text.split(u'\n')) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            return trimmed;
    }
    return {};
}

/// One line of a query for a list: its lines joined, blanks collapsed, so a Flux pipeline reads
/// `from(bucket: "efd/autogen") |> range(start: -1h) |> …`.
QString oneLine(const QString &text)
{
    return text.simplified();
}

QColor statusColor(HistoryStatus status)
{
    switch (status) {
    case HistoryStatus::Ok: return QColor(0x68, 0xd3, 0x91);
    case HistoryStatus::Error: return QColor(0xfc, 0x81, 0x81);
    case HistoryStatus::Cancelled: return QColor(0xa0, 0xae, 0xc0);
    }
    return {};
}

QString durationText(std::int64_t ms)
{
    if (ms < 1000)
        return QObject::tr("%1 ms").arg(ms);
    return QObject::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', ms < 10'000 ? 2 : 1);
}

QListWidget *makeList(const QString &name)
{
    auto *list = new QListWidget;
    list->setItemDelegate(new HistoryItemDelegate(list));
    list->setUniformItemSizes(true);
    list->setAlternatingRowColors(true);
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    list->setAccessibleName(name);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return list;
}

} // namespace

HistoryPanel::HistoryPanel(QueryHistory &history, QWidget *parent) : QWidget(parent), m_history(history)
{
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search queries — every word must match"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search history"));

    m_historyList = makeList(tr("Query history"));
    m_savedList = makeList(tr("Saved queries"));
    m_empty = new QLabel;
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: palette(placeholder-text); padding: 16px;"));

    m_saveCurrent = new QPushButton(tr("Save current…"));
    m_saveCurrent->setToolTip(tr("Save the current tab's query under a name"));
    m_rename = new QPushButton(tr("Rename…"));
    m_delete = new QPushButton(tr("Delete"));
    auto *savedPage = new QWidget;
    auto *savedLayout = new QVBoxLayout(savedPage);
    savedLayout->setContentsMargins(0, 0, 0, 0);
    savedLayout->addWidget(m_savedList, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_saveCurrent);
    buttons->addStretch();
    buttons->addWidget(m_rename);
    buttons->addWidget(m_delete);
    savedLayout->addLayout(buttons);

    m_tabs = new QTabWidget;
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_historyList, tr("History"));
    m_tabs->addTab(savedPage, tr("Saved"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_search);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_empty);

    connect(m_search, &QLineEdit::textChanged, this, &HistoryPanel::refresh);
    connect(m_tabs, &QTabWidget::currentChanged, this, &HistoryPanel::refresh);
    for (QListWidget *list : {m_historyList, m_savedList}) {
        connect(list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) { activate(item, OpenIn::CurrentTab); });
        connect(list, &QListWidget::currentItemChanged, this, &HistoryPanel::updateButtons);
    }
    connect(m_historyList, &QWidget::customContextMenuRequested, this, &HistoryPanel::showHistoryMenu);
    connect(m_savedList, &QWidget::customContextMenuRequested, this, &HistoryPanel::showSavedMenu);
    connect(m_saveCurrent, &QPushButton::clicked, this, &HistoryPanel::saveCurrentRequested);
    connect(m_rename, &QPushButton::clicked, this, &HistoryPanel::renameCurrentSaved);
    connect(m_delete, &QPushButton::clicked, this, &HistoryPanel::deleteCurrentSaved);
    refresh();
}

void HistoryPanel::setProfile(const QString &profile)
{
    m_profile = profile;
    refresh();
}

void HistoryPanel::record(const HistoryEntry &entry)
{
    m_history.record(m_profile, entry);
    persist();
    refresh();
}

void HistoryPanel::record(const QueryRunRecord &run)
{
    HistoryEntry entry;
    entry.text = run.text;
    entry.language = run.language;
    entry.ranAt = run.startedAt.toUTC();
    entry.durationMs = run.durationMs;
    entry.rowCount = run.rows;
    entry.status = run.end == RunEnd::Completed ? HistoryStatus::Ok
                   : run.end == RunEnd::Failed  ? HistoryStatus::Error
                                                : HistoryStatus::Cancelled;
    entry.error = run.error;
    record(entry);
}

Outcome<Done> HistoryPanel::saveQuery(const QString &name, QueryLanguage language, const QString &text,
                                      ExistingName existing)
{
    auto added = m_history.addSaved(SavedQuery{name, language, text}, existing);
    if (added) {
        persist();
        refresh();
    }
    return added;
}

void HistoryPanel::promptSaveQuery(const QString &text, QueryLanguage language, const QString &suggestion)
{
    if (text.trimmed().isEmpty()) {
        Q_EMIT notice(tr("There is no query to save."), true);
        return;
    }
    QString name = suggestion;
    for (;;) {
        bool ok = false;
        name = QInputDialog::getText(this, tr("Save query"), tr("Name:"), QLineEdit::Normal, name, &ok);
        if (!ok)
            return;
        ExistingName existing = ExistingName::Refuse;
        if (const SavedQuery *old = m_history.findSaved(name.trimmed())) {
            const auto answer = QMessageBox::question(this, tr("Save query"),
                                                      tr("A saved query is called “%1”. Replace it?").arg(old->name));
            if (answer != QMessageBox::Yes)
                continue;
            existing = ExistingName::Replace;
        }
        const auto saved = saveQuery(name, language, text, existing);
        if (saved) {
            showSaved();
            Q_EMIT notice(tr("Saved “%1”.").arg(name.trimmed()), false);
            return;
        }
        QMessageBox::warning(this, tr("Save query"), saved.error());
    }
}

Outcome<Done> HistoryPanel::renameSaved(const QString &oldName, const QString &newName)
{
    auto renamed = m_history.renameSaved(oldName, newName);
    if (renamed) {
        persist();
        refresh();
    }
    return renamed;
}

bool HistoryPanel::deleteSaved(const QString &name)
{
    if (!m_history.removeSaved(name))
        return false;
    persist();
    refresh();
    return true;
}

void HistoryPanel::setFilterText(const QString &text)
{
    m_search->setText(text);
}

void HistoryPanel::showSaved()
{
    m_tabs->setCurrentIndex(1);
}

void HistoryPanel::showHistory()
{
    m_tabs->setCurrentIndex(0);
}

void HistoryPanel::refresh()
{
    const QString words = m_search->text();
    const QLocale locale;

    const QString selectedText = m_historyList->currentItem() ? m_historyList->currentItem()->data(TextRole).toString() : QString();
    m_historyList->clear();
    for (const HistoryEntry &e : m_history.search(m_profile, words)) {
        auto *item = new QListWidgetItem(m_historyList);
        item->setData(TextRole, e.text);
        item->setData(LanguageRole, int(e.language));
        item->setData(HistoryItemDelegate::TitleRole, oneLine(e.text));
        item->setData(HistoryItemDelegate::StatusColorRole, statusColor(e.status));
        QStringList facts{queryLanguageName(e.language), e.ranAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
                          durationText(e.durationMs)};
        if (e.status == HistoryStatus::Error)
            facts << tr("error: %1").arg(firstLine(e.error));
        else if (e.status == HistoryStatus::Cancelled)
            facts << (e.rowCount == 1 ? tr("cancelled after 1 row")
                                      : tr("cancelled after %1 rows").arg(locale.toString(qlonglong(e.rowCount))));
        else
            facts << (e.rowCount == 1 ? tr("1 row") : tr("%1 rows").arg(locale.toString(qlonglong(e.rowCount))));
        item->setData(HistoryItemDelegate::DetailRole, facts.join(QStringLiteral(" · ")));
        item->setToolTip(e.status == HistoryStatus::Error ? e.text + QStringLiteral("\n\n") + e.error : e.text);
        if (e.text == selectedText)
            m_historyList->setCurrentItem(item);
    }

    const QString selectedName = m_savedList->currentItem() ? m_savedList->currentItem()->data(NameRole).toString() : QString();
    m_savedList->clear();
    for (const SavedQuery &q : m_history.searchSaved(words)) {
        auto *item = new QListWidgetItem(m_savedList);
        item->setData(TextRole, q.text);
        item->setData(LanguageRole, int(q.language));
        item->setData(NameRole, q.name);
        item->setData(HistoryItemDelegate::TitleRole, q.name);
        item->setData(HistoryItemDelegate::DetailRole, QString(queryLanguageName(q.language) + QStringLiteral(" · ") + oneLine(q.text)));
        item->setToolTip(q.text);
        if (q.name == selectedName)
            m_savedList->setCurrentItem(item);
    }

    const bool historyShown = m_tabs->currentIndex() == 0;
    const int shown = historyShown ? m_historyList->count() : m_savedList->count();
    QString empty;
    if (shown == 0) {
        if (!words.trimmed().isEmpty())
            empty = tr("Nothing matches “%1”.").arg(words.trimmed());
        else if (historyShown)
            empty = tr("Queries you run appear here, newest first.");
        else
            empty = tr("No saved queries yet. “Save current…” keeps the current tab's query under a name.");
    }
    m_empty->setText(empty);
    m_empty->setVisible(!empty.isEmpty());
    m_tabs->setTabText(0, tr("History (%1)").arg(m_history.entries(m_profile).size()));
    m_tabs->setTabText(1, tr("Saved (%1)").arg(m_history.savedQueries().size()));
    updateButtons();
}

void HistoryPanel::persist()
{
    const auto saved = m_history.save();
    if (!saved)
        Q_EMIT notice(tr("The query history could not be saved: %1").arg(saved.error()), true);
}

void HistoryPanel::activate(QListWidgetItem *item, OpenIn where)
{
    if (!item)
        return;
    Q_EMIT queryActivated(item->data(TextRole).toString(), QueryLanguage(item->data(LanguageRole).toInt()), where);
}

void HistoryPanel::showHistoryMenu(const QPoint &at)
{
    QListWidgetItem *item = m_historyList->itemAt(at);
    if (!item)
        return;
    const QString text = item->data(TextRole).toString();
    const auto language = QueryLanguage(item->data(LanguageRole).toInt());
    QMenu menu(this);
    menu.addAction(tr("Open in current tab"), this, [this, item] { activate(item, OpenIn::CurrentTab); });
    menu.addAction(tr("Open in new tab"), this, [this, item] { activate(item, OpenIn::NewTab); });
    menu.addAction(tr("Copy query"), this, [text] { QApplication::clipboard()->setText(text); });
    menu.addAction(tr("Save as…"), this, [this, text, language] { promptSaveQuery(text, language); });
    menu.addSeparator();
    menu.addAction(tr("Remove from history"), this, [this, text, language] {
        const auto &entries = m_history.entries(m_profile);
        const QString key = QueryHistory::normalizedText(text);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].language == language && QueryHistory::normalizedText(entries[i].text) == key) {
                m_history.removeEntry(m_profile, i);
                persist();
                refresh();
                return;
            }
        }
    });
    menu.exec(m_historyList->viewport()->mapToGlobal(at));
}

void HistoryPanel::showSavedMenu(const QPoint &at)
{
    QListWidgetItem *item = m_savedList->itemAt(at);
    if (!item)
        return;
    m_savedList->setCurrentItem(item);
    const QString text = item->data(TextRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Open in current tab"), this, [this, item] { activate(item, OpenIn::CurrentTab); });
    menu.addAction(tr("Open in new tab"), this, [this, item] { activate(item, OpenIn::NewTab); });
    menu.addAction(tr("Copy query"), this, [text] { QApplication::clipboard()->setText(text); });
    menu.addSeparator();
    menu.addAction(tr("Rename…"), this, &HistoryPanel::renameCurrentSaved);
    menu.addAction(tr("Delete"), this, &HistoryPanel::deleteCurrentSaved);
    menu.exec(m_savedList->viewport()->mapToGlobal(at));
}

void HistoryPanel::renameCurrentSaved()
{
    QListWidgetItem *item = m_savedList->currentItem();
    if (!item)
        return;
    const QString oldName = item->data(NameRole).toString();
    bool ok = false;
    const QString newName = QInputDialog::getText(this, tr("Rename saved query"), tr("New name:"), QLineEdit::Normal, oldName, &ok);
    if (!ok || newName == oldName)
        return;
    const auto renamed = renameSaved(oldName, newName);
    if (!renamed)
        QMessageBox::warning(this, tr("Rename saved query"), renamed.error());
}

void HistoryPanel::deleteCurrentSaved()
{
    QListWidgetItem *item = m_savedList->currentItem();
    if (!item)
        return;
    const QString name = item->data(NameRole).toString();
    if (QMessageBox::question(this, tr("Delete saved query"), tr("Delete the saved query “%1”?").arg(name))
        == QMessageBox::Yes)
        deleteSaved(name);
}

void HistoryPanel::updateButtons()
{
    const bool selected = m_savedList->currentItem() != nullptr;
    m_rename->setEnabled(selected);
    m_delete->setEnabled(selected);
}

} // namespace sasquatch
