// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/query/QueryBuilder.h"
#include "core/query/QueryLanguage.h"
#include "gui/query/TopicFieldSelection.h"

#include <QWidget>

#include <cstdint>

class QButtonGroup;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace sasquatch {

class CodeEditor;
class TimeRangePicker;

/// Where a generated query goes.
enum class BuildTarget : std::uint8_t { NewTab, CurrentTab };

/// The query builder: the fields selected in the topic tree, a time range, raw or aggregated
/// (with the function), an optional tag condition and the language go to QueryBuilder, whose
/// text is previewed with syntax colours and handed to a query tab. The aggregation window
/// follows the width in pixels of the results (setPixelWidth), one point per pixel.
/// Draws and routes only: every character of the query comes from core/query/QueryBuilder.
class QueryBuilderPanel : public QWidget
{
    Q_OBJECT
public:
    explicit QueryBuilderPanel(QWidget *parent = nullptr);

    /// The rows chosen in the topic tree.
    void setSelection(const TopicFieldSelection &selection);
    const TopicFieldSelection &selection() const { return m_selection; }
    /// The bucket the topics come from (`efd/autogen` on 1.x).
    void setBucket(const QString &bucket);
    QString bucket() const { return m_bucket; }
    void setLanguage(QueryLanguage language);
    QueryLanguage language() const;
    void setMode(QueryMode mode);
    QueryMode mode() const;
    void setFunction(AggregateFunction function);
    void setPixelWidth(int pixels);
    /// Tag condition `key = value` (value may list alternatives: `1, 2`); empty key = none.
    void setTagFilter(const QString &key, const QString &values);
    TimeRangePicker *timeRangePicker() const { return m_range; }

    /// The builder as the controls describe it.
    QueryBuilder builder() const;
    /// The text, or what to change first.
    Outcome<QString> generate() const;
    /// The preview's text (the query, or the reason there is none).
    QString previewText() const;

    /// What generating does (the buttons call it): emits queryGenerated when valid.
    bool generateInto(BuildTarget target);

Q_SIGNALS:
    /// The builder as the controls describe it (valid: it builds) and the language. The
    /// receiver builds the text, so it can build it again for another range or width.
    void queryGenerated(const sasquatch::QueryBuilder &builder, sasquatch::QueryLanguage language,
                        sasquatch::BuildTarget target);

private:
    void refresh();

    TopicFieldSelection m_selection;
    QString m_bucket;
    int m_pixelWidth = QueryBuilder::kDefaultPixelWidth;
    QLabel *m_topic = nullptr;
    QLabel *m_fields = nullptr;
    QButtonGroup *m_languageGroup = nullptr;
    QButtonGroup *m_modeGroup = nullptr;
    QComboBox *m_function = nullptr;
    QLabel *m_window = nullptr;
    QFormLayout *m_form = nullptr;
    int m_tagRow = -1;
    QComboBox *m_tagKey = nullptr;
    QLineEdit *m_tagValue = nullptr;
    TimeRangePicker *m_range = nullptr;
    CodeEditor *m_preview = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_newTab = nullptr;
    QPushButton *m_replace = nullptr;
};

} // namespace sasquatch
