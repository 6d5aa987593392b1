// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryLanguage.h"

#include <QFrame>

class QButtonGroup;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace sasquatch {

class TimeRangePicker;

/// The bar above a query tab's editor: language (Flux | InfluxQL), the InfluxQL database,
/// the time range, the progress of a run (text and a busy bar) and the Run / Cancel button.
/// Draws only; the tab decides what the buttons do.
class QueryToolBar : public QFrame
{
    Q_OBJECT
public:
    explicit QueryToolBar(QWidget *parent = nullptr);

    void setLanguage(QueryLanguage language);
    QueryLanguage language() const;
    QComboBox *bucketBox() const { return m_bucket; }
    TimeRangePicker *timeRangePicker() const { return m_range; }
    QPushButton *runButton() const { return m_run; }

    /// Run (teal) or Cancel (red).
    void setRunning(bool running);
    /// Shows or hides the progress text and busy bar.
    void setProgressVisible(bool visible);
    bool isProgressVisible() const;
    void setProgressText(const QString &text);

Q_SIGNALS:
    /// A language button was clicked (not setLanguage()).
    void languageClicked(sasquatch::QueryLanguage language);
    /// The user picked a database in the box.
    void bucketChosen();
    void runClicked();
    void cancelClicked();

private:
    QButtonGroup *m_languages = nullptr;
    QLabel *m_bucketLabel = nullptr;
    QComboBox *m_bucket = nullptr;
    TimeRangePicker *m_range = nullptr;
    QLabel *m_progress = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_run = nullptr;
    bool m_running = false;
};

} // namespace sasquatch
