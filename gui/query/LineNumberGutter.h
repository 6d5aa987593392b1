// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QWidget>

namespace sasquatch {

class CodeEditor;

/// The strip left of the code editor: line numbers (the current one brighter) and a red
/// marker on lines with errors, whose messages show as tooltips.
class LineNumberGutter : public QWidget
{
    Q_OBJECT
public:
    explicit LineNumberGutter(CodeEditor *editor);

    /// Width for the current line count (grows with the number of digits).
    int preferredWidth() const;
    QSize sizeHint() const override;

    /// Error messages by 0-based block number.
    void setMarkers(QMap<int, QString> markers);
    const QMap<int, QString> &markers() const { return m_markers; }
    /// The 0-based block number drawn at widget coordinate y, -1 below the last line.
    int lineAt(int y) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    CodeEditor *m_editor;
    QMap<int, QString> m_markers;
};

} // namespace sasquatch
