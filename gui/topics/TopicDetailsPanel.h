// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/catalog/FieldInfo.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace sasquatch {

/// What a topic is: its name, kind, CSC, replica source, fields (arrays collapsed, with type,
/// unit and description where known) and tag keys.
class TopicDetailsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TopicDetailsPanel(QWidget *parent = nullptr);

    /// `fields` empty and `loaded` false shows "loading".
    void showTopic(const QString &topic, const std::vector<FieldInfo> &fields, const QStringList &tags, bool loaded);
    void highlightField(const QString &field);
    void showWelcome(const QString &serverText);
    QString topic() const { return m_topic; }

private:
    QString m_topic;
    QLabel *m_title = nullptr;
    QLabel *m_badges = nullptr;
    QLineEdit *m_fieldFilter = nullptr;
    QTableWidget *m_fields = nullptr;
    QLabel *m_tags = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace sasquatch
