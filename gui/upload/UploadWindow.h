// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/connection/ConnectionProfile.h"
#include "core/ingest/ReadResult.h"
#include "core/ingest/UploadPlan.h"
#include "core/ingest/UploaderFactory.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace sasquatch {

class HttpTransport;
class UploadLedger;
class UploadPreviewModel;
class UploadSession;
struct UploadProgress;

/// The metric upload window: files dropped or picked are read off the GUI thread (format
/// detected), previewed with invalid cells highlighted and their reasons (tooltip and the
/// problems list), sent to the chosen profile and path with a progress bar, counts and
/// cancel; the final report can be saved. A second Upload retries exactly the failed records.
class UploadWindow : public QWidget
{
    Q_OBJECT
public:
    /// Reads a profile's secret asynchronously (the keyring must not block the GUI).
    using SecretReader = std::function<void(const QString &profile, SecretKind kind, std::function<void(QString)> done)>;

    UploadWindow(std::vector<ConnectionProfile> profiles, SecretReader secrets, std::shared_ptr<HttpTransport> transport,
                 QWidget *parent = nullptr);
    ~UploadWindow() override;

    /// Adds files (as a drop or the file dialog does).
    void addFiles(const QStringList &paths);
    void setProfile(const QString &name);

    // For tests and the screenshot.
    UploadPreviewModel *previewModel() const { return m_model; }
    QListWidget *problemsList() const { return m_problems; }
    QComboBox *pathCombo() const { return m_via; }
    QCheckBox *validOnlyBox() const { return m_validOnly; }
    QPushButton *uploadButton() const { return m_upload; }
    QPushButton *dryRunButton() const { return m_dryRun; }
    QProgressBar *progressBar() const { return m_progress; }
    QPlainTextEdit *reportView() const { return m_report; }
    QLabel *countsLabel() const { return m_counts; }
    bool isBusy() const;
    std::shared_ptr<const UploadLedger> ledger() const;
    /// The report as saved (JSON of every record's fate); empty before any upload.
    QByteArray reportJson() const;

Q_SIGNALS:
    /// Reading done (the preview shows the files).
    void filesReady();
    /// An upload ended (finished, failed or cancelled).
    void uploadFinished();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildUi();
    void pickFiles();
    void replan();
    void showDryRun();
    void startUpload();
    void send(UploadConnection connection, const QString &influxSecret, const QString &kafkaPassword);
    void onProgress(const UploadProgress &progress);
    void onFinished(const QString &target);
    void saveReport();
    void updateButtons();
    void jumpToProblem(int row);
    UploadConnection connection() const;

    std::vector<ConnectionProfile> m_profiles;
    SecretReader m_secrets;
    std::shared_ptr<HttpTransport> m_transport;
    UploadSession *m_session = nullptr;
    std::vector<ReadResult> m_reads;
    std::shared_ptr<UploadPlan> m_plan;
    std::shared_ptr<UploadLedger> m_ledger;
    QString m_lastTarget;
    bool m_lastWasDryRun = false;

    QListWidget *m_files = nullptr;
    QTableView *m_table = nullptr;
    UploadPreviewModel *m_model = nullptr;
    QListWidget *m_problems = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_report = nullptr;
    QComboBox *m_profile = nullptr;
    QComboBox *m_via = nullptr;
    QLineEdit *m_bucket = nullptr;
    QLineEdit *m_namespace = nullptr;
    QLineEdit *m_topic = nullptr;
    QCheckBox *m_validOnly = nullptr;
    QLabel *m_target = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_counts = nullptr;
    QPushButton *m_dryRun = nullptr;
    QPushButton *m_upload = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace sasquatch
