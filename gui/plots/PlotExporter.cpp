// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/plots/PlotExporter.h"

#include "gui/plots/PlotPanel.h"

#include <QFileInfo>
#include <QPageSize>
#include <QPdfWriter>

namespace sasquatch {

namespace {

QSize stackedSize(const std::vector<PlotPanel *> &panels)
{
    QSize size;
    for (const PlotPanel *p : panels)
        size = QSize(std::max(size.width(), p->width()), size.height() + p->height());
    return size;
}

} // namespace

QImage PlotExporter::image(const std::vector<PlotPanel *> &panels)
{
    const QSize size = stackedSize(panels);
    if (size.isEmpty())
        return {};
    const double ratio = panels.front()->devicePixelRatioF();
    QImage out(size * ratio, QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(ratio);
    out.fill(panels.front()->palette().color(QPalette::Window));
    QPainter painter(&out);
    int y = 0;
    for (PlotPanel *p : panels) {
        painter.drawPixmap(0, y, p->toPixmap(p->width(), p->height(), ratio));
        y += p->height();
    }
    return out;
}

Outcome<Done> PlotExporter::savePng(const std::vector<PlotPanel *> &panels, const QString &path)
{
    const QImage picture = image(panels);
    if (picture.isNull())
        return Failure{tr("There is nothing to export: add a panel first.")};
    if (!picture.save(path, "PNG"))
        return Failure{tr("Could not write %1.").arg(path)};
    return Done{};
}

Outcome<Done> PlotExporter::savePdf(const std::vector<PlotPanel *> &panels, const QString &path)
{
    const QSize size = stackedSize(panels);
    if (size.isEmpty())
        return Failure{tr("There is nothing to export: add a panel first.")};
    QPdfWriter writer(path);
    writer.setCreator(QStringLiteral("Sasquatch Browser"));
    writer.setTitle(QFileInfo(path).completeBaseName());
    // One point per screen pixel: the page is the panels' size.
    writer.setResolution(72);
    writer.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    QCPPainter painter;
    if (!painter.begin(&writer))
        return Failure{tr("Could not write %1.").arg(path)};
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.fillRect(QRect(QPoint(), size), panels.front()->palette().color(QPalette::Window));
    int y = 0;
    for (PlotPanel *p : panels) {
        painter.save();
        painter.translate(0, y);
        p->toPainter(&painter, p->width(), p->height());
        painter.restore();
        y += p->height();
    }
    if (!painter.end())
        return Failure{tr("Could not write %1.").arg(path)};
    return Done{};
}

} // namespace sasquatch
