// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/topics/TopicDetailsPanel.h"

#include "core/catalog/FieldGrouping.h"
#include "core/catalog/TopicName.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sasquatch {

namespace {

QString badge(const QString &text, const QString &color)
{
    return QStringLiteral("<span style='background:%2; color:#0b1622; padding:2px 6px;'>&nbsp;%1&nbsp;</span>&nbsp; ")
        .arg(text.toHtmlEscaped(), color);
}

QString kindColor(TopicKind kind)
{
    switch (kind) {
    case TopicKind::Telemetry: return QStringLiteral("#4fd1c5");
    case TopicKind::Event: return QStringLiteral("#f6e05e");
    case TopicKind::Command: return QStringLiteral("#90cdf4");
    case TopicKind::Ackcmd: return QStringLiteral("#b794f4");
    case TopicKind::Other: break;
    }
    return QStringLiteral("#cbd5e0");
}

} // namespace

TopicDetailsPanel::TopicDetailsPanel(QWidget *parent) : QWidget(parent)
{
    m_title = new QLabel;
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_badges = new QLabel;
    m_badges->setTextFormat(Qt::RichText);
    m_hint = new QLabel;
    m_hint->setWordWrap(true);
    m_hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    m_fieldFilter = new QLineEdit;
    m_fieldFilter->setPlaceholderText(tr("Filter these fields"));
    m_fieldFilter->setClearButtonEnabled(true);
    m_fields = new QTableWidget(0, 4);
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Type"), tr("Unit"), tr("Description")});
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_fields->horizontalHeader()->resizeSection(0, 320);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_fields->setAlternatingRowColors(true);
    m_fields->setShowGrid(false);
    m_tags = new QLabel;
    m_tags->setWordWrap(true);
    connect(m_fieldFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int r = 0; r < m_fields->rowCount(); ++r)
            m_fields->setRowHidden(r, !m_fields->item(r, 0)->text().contains(text, Qt::CaseInsensitive));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_badges);
    layout->addWidget(m_hint);
    layout->addWidget(m_fieldFilter);
    layout->addWidget(m_fields, 1);
    layout->addWidget(m_tags);
    showWelcome(QString());
}

void TopicDetailsPanel::showWelcome(const QString &serverText)
{
    m_topic.clear();
    m_title->setText(tr("Sasquatch Browser"));
    m_badges->setText(serverText.toHtmlEscaped());
    m_hint->setText(tr("Choose a bucket, then find a topic: type a few letters of its CSC and name in the filter "
                       "(“m1m3 fad” finds MTM1M3 forceActuatorData, “zforce” the zForce array). Ctrl+F jumps to the filter."));
    m_fieldFilter->hide();
    m_fields->hide();
    m_tags->clear();
}

void TopicDetailsPanel::showTopic(const QString &topic, const std::vector<FieldInfo> &fields, const QStringList &tags,
                                  bool loaded)
{
    const bool sameTopic = topic == m_topic;
    m_topic = topic;
    const TopicName name(topic);
    m_title->setText(name.shortName());
    m_title->setToolTip(topic);
    QString badges = badge(topicKindName(name.kind()), kindColor(name.kind()));
    if (!name.csc().isEmpty())
        badges += badge(name.csc(), QStringLiteral("#cbd5e0"));
    if (name.isReplica())
        badges += badge(tr("replica of %1").arg(name.replicaSource()), QStringLiteral("#fbb6ce"));
    badges += QStringLiteral("<code>%1</code>").arg(topic.toHtmlEscaped());
    m_badges->setText(badges);
    m_fieldFilter->show();
    m_fields->show();
    if (!sameTopic)
        m_fieldFilter->clear();

    const std::vector<GroupedField> grouped = FieldGrouping::group(fields);
    m_fields->setRowCount(0);
    m_fields->setRowCount(int(grouped.size()));
    int row = 0;
    for (const GroupedField &g : grouped) {
        const QString label = g.isArray() ? QStringLiteral("%1[%2]").arg(g.name).arg(g.elements.size()) : g.name;
        const QString type = g.isArray() ? QStringLiteral("%1[%2]").arg(fieldTypeName(g.type)).arg(g.elements.size())
                                         : fieldTypeName(g.type);
        auto *nameItem = new QTableWidgetItem(label);
        nameItem->setData(Qt::UserRole, g.name);
        if (g.isPrivate)
            nameItem->setForeground(palette().color(QPalette::PlaceholderText));
        m_fields->setItem(row, 0, nameItem);
        m_fields->setItem(row, 1, new QTableWidgetItem(type));
        m_fields->setItem(row, 2, new QTableWidgetItem(g.unit));
        m_fields->setItem(row, 3, new QTableWidgetItem(g.description));
        if (!m_fieldFilter->text().isEmpty())
            m_fields->setRowHidden(row, !label.contains(m_fieldFilter->text(), Qt::CaseInsensitive));
        ++row;
    }
    // InfluxDB knows no units or descriptions; the columns appear once a schema supplies them.
    const bool anyUnit = std::any_of(grouped.begin(), grouped.end(), [](const GroupedField &g) { return !g.unit.isEmpty(); });
    const bool anyDescription =
        std::any_of(grouped.begin(), grouped.end(), [](const GroupedField &g) { return !g.description.isEmpty(); });
    m_fields->setColumnHidden(2, !anyUnit);
    m_fields->setColumnHidden(3, !anyDescription);
    m_fields->horizontalHeader()->setStretchLastSection(false);
    const int stretch = anyDescription ? 3 : anyUnit ? 2 : 1;
    for (int c = 1; c < 4; ++c)
        m_fields->horizontalHeader()->setSectionResizeMode(c, c == stretch ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    if (!loaded)
        m_hint->setText(tr("Loading fields…"));
    else
        m_hint->setText(tr("%n field(s)", nullptr, int(fields.size()))
                        + (grouped.size() != fields.size() ? tr(", %n entries with arrays collapsed", nullptr, int(grouped.size())) : QString()));
    m_tags->setText(tags.isEmpty() ? QString() : tr("Tags: %1").arg(tags.join(QStringLiteral(", "))));
}

void TopicDetailsPanel::highlightField(const QString &field)
{
    for (int r = 0; r < m_fields->rowCount(); ++r) {
        const QString key = m_fields->item(r, 0)->data(Qt::UserRole).toString();
        QStringView base;
        int index = 0;
        const bool element = FieldGrouping::splitIndexedName(field, &base, &index) && base == key;
        if (key == field || element) {
            m_fields->selectRow(r);
            m_fields->scrollToItem(m_fields->item(r, 0));
            return;
        }
    }
}

} // namespace sasquatch
