// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

#include <memory>

namespace sasquatch {

class AnnotationOverlay;
class AnnotationService;
class AnnotationsPanel;
class ConnectionController;
class HttpTransport;
class PlotWorkspace;

/// The annotations dock, wired so that MainWindow only creates it: the store follows the
/// active profile (Chronograf's measurement on 1.x, the 2.x API), the list follows the plots'
/// visible range and jumps them to an annotation, and the overlay draws annotations on every
/// plot panel and sends clicks and Shift+drags to the editor as new annotations.
class AnnotationsDock : public QDockWidget
{
    Q_OBJECT
public:
    AnnotationsDock(ConnectionController &connection, PlotWorkspace &plots, std::shared_ptr<HttpTransport> transport,
                    QWidget *parent = nullptr);
    ~AnnotationsDock() override;

    AnnotationService &service() const { return *m_service; }
    AnnotationsPanel *panel() const { return m_panel; }
    AnnotationOverlay *overlay() const { return m_overlay; }

private:
    void onActiveProfile(const QString &name);

    ConnectionController &m_connection;
    PlotWorkspace &m_plots;
    std::shared_ptr<HttpTransport> m_transport;
    std::unique_ptr<AnnotationService> m_service;
    AnnotationsPanel *m_panel = nullptr;
    AnnotationOverlay *m_overlay = nullptr;
};

} // namespace sasquatch
