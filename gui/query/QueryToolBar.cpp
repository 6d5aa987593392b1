// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/QueryToolBar.h"

#include "gui/query/TimeRangePicker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace sasquatch {

QueryToolBar::QueryToolBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("queryToolBar"));
    setStyleSheet(QStringLiteral("#queryToolBar { border-bottom: 1px solid palette(mid); }"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(8, 6, 8, 6);
    row->setSpacing(8);

    m_languages = new QButtonGroup(this);
    auto *languages = new QHBoxLayout;
    languages->setSpacing(0);
    for (const QueryLanguage language : {QueryLanguage::Flux, QueryLanguage::InfluxQl}) {
        auto *button = new QPushButton(queryLanguageName(language));
        button->setCheckable(true);
        button->setMinimumWidth(76);
        button->setAccessibleName(tr("Language: %1").arg(button->text()));
        m_languages->addButton(button, int(language));
        languages->addWidget(button);
    }
    m_languages->button(int(QueryLanguage::Flux))->setChecked(true);
    connect(m_languages, &QButtonGroup::idClicked, this, [this](int id) { Q_EMIT languageClicked(QueryLanguage(id)); });
    row->addLayout(languages);

    m_bucketLabel = new QLabel(tr("Database"));
    m_bucket = new QComboBox;
    m_bucket->setMinimumContentsLength(14);
    m_bucket->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_bucket->setToolTip(tr("The database (and retention policy) InfluxQL reads when FROM does not name one"));
    m_bucket->setAccessibleName(tr("Database"));
    connect(m_bucket, &QComboBox::activated, this, &QueryToolBar::bucketChosen);
    row->addWidget(m_bucketLabel);
    row->addWidget(m_bucket);

    m_range = new TimeRangePicker;
    row->addWidget(m_range);
    row->addStretch(1);

    m_progress = new QLabel;
    m_progress->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_progress->setAccessibleName(tr("Query progress"));
    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setFixedSize(90, 6);
    m_busy->setTextVisible(false);
    row->addWidget(m_progress);
    row->addWidget(m_busy);

    m_run = new QPushButton;
    m_run->setMinimumWidth(104);
    m_run->setAccessibleName(tr("Run or cancel"));
    connect(m_run, &QPushButton::clicked, this, [this] { Q_EMIT m_running ? cancelClicked() : runClicked(); });
    row->addWidget(m_run);
    setRunning(false);
    setProgressVisible(false);
}

void QueryToolBar::setLanguage(QueryLanguage language)
{
    m_languages->button(int(language))->setChecked(true);
    // Flux names its bucket in the text; only InfluxQL needs a default database.
    m_bucketLabel->setVisible(language == QueryLanguage::InfluxQl);
    m_bucket->setVisible(language == QueryLanguage::InfluxQl);
}

QueryLanguage QueryToolBar::language() const
{
    return QueryLanguage(m_languages->checkedId());
}

void QueryToolBar::setRunning(bool running)
{
    m_running = running;
    m_run->setText(running ? tr("■  Cancel") : tr("▶  Run"));
    m_run->setToolTip(running ? tr("Stop the query (Esc)") : tr("Run the query (Ctrl+Enter)"));
    m_run->setStyleSheet(running ? QStringLiteral("QPushButton { background: #7a2e33; color: white; font-weight: 600; "
                                                  "border: 1px solid #a33f46; border-radius: 4px; padding: 5px 12px; }")
                                 : QStringLiteral("QPushButton { background: #22756b; color: white; font-weight: 600; "
                                                  "border: 1px solid #2f9a8d; border-radius: 4px; padding: 5px 12px; }"
                                                  "QPushButton:hover { background: #2a8a7e; }"));
}

void QueryToolBar::setProgressVisible(bool visible)
{
    m_progress->setVisible(visible);
    m_busy->setVisible(visible);
    if (!visible)
        m_progress->clear();
}

bool QueryToolBar::isProgressVisible() const
{
    return !m_progress->isHidden();
}

void QueryToolBar::setProgressText(const QString &text)
{
    m_progress->setText(text);
}

} // namespace sasquatch
