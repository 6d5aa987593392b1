// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/PlotWorkspaceFiles.h"

#include "core/workspace/PlotDocumentJson.h"
#include "gui/plots/PlotWorkspace.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSaveFile>
#include <QSettings>

namespace sasquatch {

namespace {

const QString kRecentKey = QStringLiteral("plots/recent");
const QString kLastKey = QStringLiteral("plots/last");

QString fileFilter()
{
    return PlotWorkspaceFiles::tr("Plot workspaces (*.sqws);;All files (*)");
}

} // namespace

PlotWorkspaceFiles::PlotWorkspaceFiles(PlotWorkspace &plots, QWidget *dialogParent)
    : QObject(&plots), m_plots(plots), m_dialogParent(dialogParent)
{
}

void PlotWorkspaceFiles::populateFileMenu(QMenu *menu)
{
    menu->addAction(tr("&Open workspace…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_dialogParent, tr("Open plot workspace"), m_path, fileFilter());
        if (!path.isEmpty())
            open(path);
    });
    m_recentMenu = menu->addMenu(tr("Open &recent workspace"));
    rebuildRecentMenu();
    menu->addAction(tr("&Save workspace"), QKeySequence::Save, this, [this] {
        QString path = m_path;
        if (path.isEmpty())
            path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save plot workspace"), QStringLiteral("plots.sqws"), fileFilter());
        if (!path.isEmpty())
            save(path);
    });
    menu->addAction(tr("Save workspace &as…"), QKeySequence::SaveAs, this, [this] {
        const QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save plot workspace"),
                                                          m_path.isEmpty() ? QStringLiteral("plots.sqws") : m_path, fileFilter());
        if (!path.isEmpty())
            save(path);
    });
}

bool PlotWorkspaceFiles::open(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Could not open %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    const Outcome<PlotDocument> document = PlotDocumentJson::read(file.readAll(), path);
    if (!document.ok()) {
        Q_EMIT message(document.error(), true);
        return false;
    }
    m_plots.applyDocument(document.value());
    m_path = path;
    remember(path);
    Q_EMIT message(tr("Opened %1.").arg(QFileInfo(path).fileName()), false);
    return true;
}

bool PlotWorkspaceFiles::save(const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(PlotDocumentJson::write(m_plots.document())) < 0 || !file.commit()) {
        Q_EMIT message(tr("Could not save %1: %2").arg(path, file.errorString()), true);
        return false;
    }
    m_path = path;
    remember(path);
    Q_EMIT message(tr("Saved %1.").arg(QFileInfo(path).fileName()), false);
    return true;
}

void PlotWorkspaceFiles::restoreLast()
{
    const QString last = QSettings().value(kLastKey).toString();
    if (!last.isEmpty() && QFileInfo::exists(last))
        open(last);
}

QStringList PlotWorkspaceFiles::recent() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void PlotWorkspaceFiles::remember(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recent();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings settings;
    settings.setValue(kRecentKey, list);
    settings.setValue(kLastKey, absolute);
    rebuildRecentMenu();
}

void PlotWorkspaceFiles::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList list = recent();
    for (const QString &path : list)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { open(path); })->setToolTip(path);
    m_recentMenu->setEnabled(!list.isEmpty());
}

} // namespace sasquatch
