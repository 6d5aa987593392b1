// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QWidget;

namespace sasquatch {

class PlotWorkspace;

/// Saving and opening plot workspaces (`.sqws`, PlotDocumentJson): Save/Save as/Open in the
/// File menu, a list of recent files (QSettings "plots/recent", newest first, at most
/// kMaxRecent), and the last workspace saved or opened restored at start (restoreLast()).
/// Files are written atomically (QSaveFile); a file that cannot be read leaves the workspace
/// as it is and says why (path, line and column, or the place in the document).
class PlotWorkspaceFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRecent = 8;

    PlotWorkspaceFiles(PlotWorkspace &plots, QWidget *dialogParent);

    /// Adds Open, Save, Save as and Recent to `menu`.
    void populateFileMenu(QMenu *menu);
    /// Opens `path`; false (and message()) when it cannot be read.
    bool open(const QString &path);
    bool save(const QString &path);
    /// Opens the last workspace of the previous session, if any and it still exists.
    void restoreLast();
    QString currentPath() const { return m_path; }
    QStringList recent() const;

Q_SIGNALS:
    void message(const QString &text, bool error);

private:
    void remember(const QString &path);
    void rebuildRecentMenu();

    PlotWorkspace &m_plots;
    QWidget *m_dialogParent;
    QString m_path;
    QMenu *m_recentMenu = nullptr;
};

} // namespace sasquatch
