// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/query/QueryBuilderPanel.h"

#include "core/time/DurationLiteral.h"
#include "gui/query/CodeEditor.h"
#include "gui/query/TimeRangePicker.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

/// Checkable buttons side by side, one of them checked: a segmented control.
QWidget *segmented(QButtonGroup *group, const std::vector<std::pair<QString, int>> &choices, const QString &name)
{
    auto *box = new QWidget;
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    for (const auto &[label, id] : choices) {
        auto *button = new QPushButton(label);
        button->setCheckable(true);
        button->setMinimumWidth(84);
        button->setAccessibleName(name + QStringLiteral(": ") + label);
        group->addButton(button, id);
        row->addWidget(button);
    }
    row->addStretch();
    group->buttons().constFirst()->setChecked(true);
    return box;
}

QLabel *dimLabel(const QString &text = {})
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    return label;
}

} // namespace

QueryBuilderPanel::QueryBuilderPanel(QWidget *parent) : QWidget(parent)
{
    setAccessibleName(tr("Query builder"));
    m_topic = new QLabel;
    m_topic->setWordWrap(true);
    m_topic->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_topic->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_fields = dimLabel();
    m_fields->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_languageGroup = new QButtonGroup(this);
    QWidget *language = segmented(m_languageGroup,
                                  {{queryLanguageName(QueryLanguage::Flux), int(QueryLanguage::Flux)},
                                   {queryLanguageName(QueryLanguage::InfluxQl), int(QueryLanguage::InfluxQl)}},
                                  tr("Language"));
    m_modeGroup = new QButtonGroup(this);
    QWidget *mode = segmented(m_modeGroup, {{tr("Aggregated"), int(QueryMode::Aggregated)}, {tr("Raw"), int(QueryMode::Raw)}},
                              tr("Mode"));
    m_modeGroup->button(int(QueryMode::Aggregated))->setToolTip(tr("One value per time window, the window sized to the view"));
    m_modeGroup->button(int(QueryMode::Raw))->setToolTip(tr("Every point in the range (can be millions)"));

    m_function = new QComboBox;
    m_function->setAccessibleName(tr("Aggregate function"));
    for (const AggregateFunction f : kAggregateFunctions)
        m_function->addItem(aggregateFunctionName(f), int(f));
    m_window = dimLabel();

    m_tagKey = new QComboBox;
    m_tagKey->setAccessibleName(tr("Tag"));
    m_tagKey->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tagValue = new QLineEdit;
    m_tagValue->setPlaceholderText(tr("value, or 1, 2 for either"));
    m_tagValue->setAccessibleName(tr("Tag value"));
    auto *tagRow = new QHBoxLayout;
    tagRow->setContentsMargins(0, 0, 0, 0);
    tagRow->addWidget(m_tagKey);
    tagRow->addWidget(new QLabel(QStringLiteral("=")));
    tagRow->addWidget(m_tagValue, 1);

    m_range = new TimeRangePicker;

    auto *form = m_form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(8);
    form->addRow(tr("Language"), language);
    form->addRow(tr("Time range"), m_range);
    form->addRow(tr("Values"), mode);
    form->addRow(tr("Function"), m_function);
    form->addRow(QString(), m_window);
    form->addRow(tr("Where tag"), tagRow);
    m_tagRow = form->rowCount() - 1;

    m_preview = new CodeEditor;
    m_preview->setReadOnly(true);
    m_preview->setAccessibleName(tr("Generated query"));
    m_preview->setMinimumHeight(120);
    m_preview->setLineWrapMode(QPlainTextEdit::WidgetWidth); // InfluxQL comes as one long line
    m_preview->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_preview->setPlaceholderText(tr("The query appears here as you choose."));
    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #f6ad55;"));

    m_newTab = new QPushButton(tr("Open in new tab"));
    m_newTab->setToolTip(tr("Generate the query into a new query tab and run it"));
    m_newTab->setDefault(true);
    m_replace = new QPushButton(tr("Replace current"));
    m_replace->setToolTip(tr("Replace the current query tab's text with the generated query and run it"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_replace);
    buttons->addWidget(m_newTab);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 10);
    layout->setSpacing(8);
    layout->addWidget(m_topic);
    layout->addWidget(m_fields);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_preview, 1);
    layout->addLayout(buttons);

    connect(m_languageGroup, &QButtonGroup::idClicked, this, &QueryBuilderPanel::refresh);
    connect(m_modeGroup, &QButtonGroup::idClicked, this, &QueryBuilderPanel::refresh);
    connect(m_function, &QComboBox::currentIndexChanged, this, &QueryBuilderPanel::refresh);
    connect(m_tagKey, &QComboBox::currentIndexChanged, this, &QueryBuilderPanel::refresh);
    connect(m_tagValue, &QLineEdit::textChanged, this, &QueryBuilderPanel::refresh);
    connect(m_range, &TimeRangePicker::rangeChanged, this, &QueryBuilderPanel::refresh);
    connect(m_newTab, &QPushButton::clicked, this, [this] { generateInto(BuildTarget::NewTab); });
    connect(m_replace, &QPushButton::clicked, this, [this] { generateInto(BuildTarget::CurrentTab); });
    setSelection({});
}

void QueryBuilderPanel::setSelection(const TopicFieldSelection &selection)
{
    const bool sameTags = selection.tagKeys == m_selection.tagKeys;
    m_selection = selection;
    if (m_selection.topic.isEmpty()) {
        m_topic->setText(tr("No topic selected"));
        m_fields->setText(tr("Select a topic (all its fields) or fields in the topic tree; Ctrl+click adds more."));
    } else {
        m_topic->setText(m_selection.topic);
        QString fields = m_selection.allFields ? tr("All fields")
                         : m_selection.labels.isEmpty()
                             ? tr("No field selected: select fields of this topic, or the topic for all of them.")
                             : (m_selection.fields.size() == 1 ? tr("1 field: %1")
                                                                : tr("%L1 fields: %2").arg(qlonglong(m_selection.fields.size())))
                                   .arg(m_selection.labels.join(QStringLiteral(", ")));
        if (m_selection.otherTopicRows > 0)
            fields += u'\n' + tr("Rows selected in other topics are left out: a query reads one topic.");
        m_fields->setText(fields);
    }
    if (!sameTags) {
        const QString previous = m_tagKey->currentText();
        const QSignalBlocker block(m_tagKey);
        m_tagKey->clear();
        m_tagKey->addItem(tr("(none)"), QString());
        for (const QString &tag : m_selection.tagKeys)
            m_tagKey->addItem(tag, tag);
        const int again = m_tagKey->findData(previous);
        m_tagKey->setCurrentIndex(again < 0 ? 0 : again);
    }
    // Most topics have no tags; the row appears for those that do (salIndex of indexed CSCs).
    m_form->setRowVisible(m_tagRow, !m_selection.tagKeys.isEmpty());
    refresh();
}

void QueryBuilderPanel::setBucket(const QString &bucket)
{
    m_bucket = bucket;
    refresh();
}

void QueryBuilderPanel::setLanguage(QueryLanguage language)
{
    m_languageGroup->button(int(language))->setChecked(true);
    refresh();
}

QueryLanguage QueryBuilderPanel::language() const
{
    return QueryLanguage(m_languageGroup->checkedId());
}

void QueryBuilderPanel::setMode(QueryMode mode)
{
    m_modeGroup->button(int(mode))->setChecked(true);
    refresh();
}

QueryMode QueryBuilderPanel::mode() const
{
    return QueryMode(m_modeGroup->checkedId());
}

void QueryBuilderPanel::setFunction(AggregateFunction function)
{
    m_function->setCurrentIndex(m_function->findData(int(function)));
}

void QueryBuilderPanel::setPixelWidth(int pixels)
{
    if (pixels == m_pixelWidth)
        return;
    m_pixelWidth = pixels;
    refresh();
}

void QueryBuilderPanel::setTagFilter(const QString &key, const QString &values)
{
    const int index = m_tagKey->findData(key);
    m_tagKey->setCurrentIndex(index < 0 ? 0 : index);
    m_tagValue->setText(values);
}

QueryBuilder QueryBuilderPanel::builder() const
{
    QuerySelection selection;
    selection.setBucket(m_bucket);
    selection.measurement = m_selection.topic;
    if (!m_selection.allFields)
        selection.fields = m_selection.fields;
    const QString tag = m_tagKey->currentData().toString();
    if (!tag.isEmpty()) {
        for (const QString &value : m_tagValue->text().split(u',', Qt::SkipEmptyParts))
            if (!value.trimmed().isEmpty())
                selection.tagFilters.push_back(TagFilter{tag, value.trimmed()});
    }
    QueryBuilder builder(std::move(selection), m_range->range());
    builder.setMode(mode());
    builder.setFunction(AggregateFunction(m_function->currentData().toInt()));
    builder.setPixelWidth(m_pixelWidth);
    return builder;
}

Outcome<QString> QueryBuilderPanel::generate() const
{
    if (m_selection.topic.isEmpty())
        return Failure{tr("Select a topic or some of its fields in the topic tree.")};
    if (m_selection.isEmpty())
        return Failure{tr("Select fields of %1, or the topic itself for all of its fields.").arg(m_selection.topic)};
    if (m_bucket.isEmpty())
        return Failure{tr("Choose a bucket first.")};
    return builder().build(language());
}

QString QueryBuilderPanel::previewText() const
{
    return m_preview->toPlainText();
}

bool QueryBuilderPanel::generateInto(BuildTarget target)
{
    const Outcome<QString> text = generate();
    if (!text)
        return false;
    Q_EMIT queryGenerated(builder(), language(), target);
    return true;
}

void QueryBuilderPanel::refresh()
{
    const bool aggregated = mode() == QueryMode::Aggregated;
    m_function->setEnabled(aggregated);
    const QueryBuilder b = builder();
    m_window->setText(aggregated ? tr("Window %1: about one value per pixel across %L2 px of %3")
                                       .arg(durationLiteral(b.windowNs()))
                                       .arg(m_pixelWidth)
                                       .arg(durationLiteral(m_range->range().durationNs()))
                                 : tr("Every point in the range"));
    m_window->setVisible(true);
    const QString tag = m_tagKey->currentData().toString();
    m_tagValue->setEnabled(!tag.isEmpty());

    const Outcome<QString> text = generate();
    m_preview->setLanguage(language());
    m_preview->setPlainText(text ? *text : QString());
    m_preview->setEnabled(text.ok());
    m_problem->setText(text ? QString() : text.error());
    m_problem->setVisible(!text);
    m_newTab->setEnabled(text.ok());
    m_replace->setEnabled(text.ok());
}

} // namespace sasquatch
