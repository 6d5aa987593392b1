// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui/annotations/AnnotationsDock.h"

#include "core/annotations/AnnotationService.h"
#include "gui/annotations/AnnotationController.h"
#include "gui/annotations/AnnotationListPanel.h"
#include "gui/annotations/AnnotationOverlay.h"
#include "gui/annotations/AnnotationsPanel.h"
#include "gui/app/ConnectionController.h"
#include "gui/plots/PlotWorkspace.h"

#include <QMainWindow>
#include <QPointer>
#include <QSettings>
#include <QTimer>

namespace sasquatch {

AnnotationsDock::AnnotationsDock(ConnectionController &connection, PlotWorkspace &plots,
                                 std::shared_ptr<HttpTransport> transport, QWidget *parent)
    : QDockWidget(tr("Annotations"), parent), m_connection(connection), m_plots(plots), m_transport(std::move(transport)),
      m_service(std::make_unique<AnnotationService>())
{
    setObjectName(QStringLiteral("annotationsDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    m_panel = new AnnotationsPanel(*m_service, AnnotationPresetStore(), this);
    setWidget(m_panel);
    m_overlay = new AnnotationOverlay(*m_panel->controller(), m_plots, this);

    AnnotationListPanel *list = m_panel->list();
    connect(&m_plots, &PlotWorkspace::viewChanged, list, [list](qint64 start, qint64 stop) { list->setViewRange(start, stop); });
    connect(list, &AnnotationListPanel::jumpRequested, &m_plots,
            [this](qint64 start, qint64 stop) { m_plots.setView(TimeView{start, stop}, true); });
    connect(m_overlay, &AnnotationOverlay::newAnnotationRequested, this, [this](const Annotation &a) {
        show();
        raise();
        m_panel->editNew(a);
    });
    connect(m_overlay, &AnnotationOverlay::annotationClicked, this, [this](const Annotation &a) {
        show();
        raise();
        m_panel->list()->select(a.id);
    });
    // Annotations written elsewhere (Chronograf, a colleague, the command line) appear when the
    // plots load data again, and at least every half minute.
    connect(&m_plots, &PlotWorkspace::contentChanged, list, &AnnotationListPanel::reload);
    auto *poll = new QTimer(this);
    poll->setInterval(30'000);
    connect(poll, &QTimer::timeout, this, [this] {
        if (!m_service->hasStore() || !isVisible())
            return;
        m_panel->list()->reload();
        m_overlay->reload();
    });
    poll->start();
    connect(&m_connection, &ConnectionController::activeProfileChanged, this, &AnnotationsDock::onActiveProfile);
    if (!m_connection.activeProfile().isEmpty())
        onActiveProfile(m_connection.activeProfile());
    if (m_plots.view().spanNs() > 0)
        list->setViewRange(m_plots.view().startNs, m_plots.view().stopNs);

    // The first time only (later the window restores where the user put it): share the
    // right-hand dock area as a tab in front, rather than a sliver under the other docks.
    QTimer::singleShot(0, this, [this] {
        auto *window = qobject_cast<QMainWindow *>(parentWidget());
        QSettings settings;
        if (!window || settings.value(QStringLiteral("annotations/placed")).toBool())
            return;
        settings.setValue(QStringLiteral("annotations/placed"), true);
        for (QDockWidget *other : window->findChildren<QDockWidget *>()) {
            if (other != this && !other->isFloating() && other->isVisible()
                && window->dockWidgetArea(other) == Qt::RightDockWidgetArea) {
                window->tabifyDockWidget(other, this);
                break;
            }
        }
        show();
        raise();
    });
}

AnnotationsDock::~AnnotationsDock()
{
    // The overlay unregisters from the plots, and the panel lets go of the service, before the
    // service (a member, destroyed before the children would be) is gone.
    delete m_overlay;
    m_overlay = nullptr;
    delete m_panel;
    m_panel = nullptr;
}

void AnnotationsDock::onActiveProfile(const QString &name)
{
    const ConnectionProfile *found = m_connection.profiles().find(name);
    if (!found) {
        m_service->setStore(nullptr);
        return;
    }
    const ConnectionProfile profile = *found;
    QPointer<AnnotationsDock> self(this);
    m_connection.readSecret(name, ConnectionController::influxSecretKind(profile), [this, self, profile](const QString &secret) {
        if (self && m_connection.activeProfile() == profile.name) // not another profile meanwhile
            m_service->connectTo(profile, secret, m_transport);
    });
}

} // namespace sasquatch
