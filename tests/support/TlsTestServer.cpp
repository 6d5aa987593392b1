// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/TlsTestServer.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace sasquatch::test {

namespace {

// Hands over raw descriptors, so that no QTcpSocket owns (and later closes) them.
class DescriptorServer : public QTcpServer
{
public:
    std::vector<qintptr> pending;

protected:
    void incomingConnection(qintptr descriptor) override { pending.push_back(descriptor); }
};

} // namespace

struct TlsTestServer::Impl
{
    QTemporaryDir dir;
    QSslCertificate cert;
    QSslKey key;
    std::thread thread;
    std::atomic<bool> stop{false};
    std::atomic<int> served{0};
    std::atomic<int> failed{0};
    std::atomic<int> port{0};
    std::mutex mutex;
    QByteArray response = "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\ntls-ok";

    void serve(std::atomic<int> &ready);
};

TlsTestServer::TlsTestServer() : m_impl(std::make_unique<Impl>()) {}

TlsTestServer::~TlsTestServer()
{
    m_impl->stop = true;
    if (m_impl->thread.joinable())
        m_impl->thread.join();
}

Outcome<Done> TlsTestServer::start()
{
    Impl &d = *m_impl;
    if (d.thread.joinable())
        return Failure{QStringLiteral("the TLS test server is already running")};
    if (!QSslSocket::supportsSsl())
        return Failure{QStringLiteral("Qt has no TLS backend here")};
    if (!d.dir.isValid())
        return Failure{QStringLiteral("no temporary directory: %1").arg(d.dir.errorString())};
    QProcess openssl;
    openssl.setWorkingDirectory(d.dir.path());
    openssl.start(QStringLiteral("openssl"),
                  {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out", "cert.pem",
                   "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"});
    if (!openssl.waitForStarted(5000))
        return Failure{QStringLiteral("the openssl tool did not start: %1").arg(openssl.errorString())};
    if (!openssl.waitForFinished(60'000) || openssl.exitCode() != 0)
        return Failure{QStringLiteral("openssl req failed: %1").arg(QString::fromLocal8Bit(openssl.readAllStandardError()))};
    QFile certFile(d.dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(d.dir.filePath(QStringLiteral("key.pem")));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
        return Failure{QStringLiteral("cannot read the certificate files openssl wrote")};
    d.cert = QSslCertificate(&certFile, QSsl::Pem);
    d.key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem);
    if (d.cert.isNull() || d.key.isNull())
        return Failure{QStringLiteral("Qt cannot load the certificate or key openssl wrote")};

    std::atomic<int> ready{-1};
    d.thread = std::thread([&d, &ready] { d.serve(ready); });
    while (ready < 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    if (ready == 0)
        return Failure{QStringLiteral("cannot listen on 127.0.0.1")};
    return Done{};
}

void TlsTestServer::Impl::serve(std::atomic<int> &ready)
{
    DescriptorServer server;
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        ready = 0;
        return;
    }
    port = server.serverPort();
    ready = 1; // `ready` lives in start()'s frame: not touched after this
    while (!stop) {
        if (server.pending.empty() && !server.waitForNewConnection(50))
            continue;
        if (server.pending.empty())
            continue;
        const qintptr descriptor = server.pending.front();
        server.pending.erase(server.pending.begin());
        QSslSocket tls;
        if (!tls.setSocketDescriptor(descriptor))
            continue;
        tls.setLocalCertificate(cert);
        tls.setPrivateKey(key);
        tls.startServerEncryption();
        if (!tls.waitForEncrypted(3000)) {
            ++failed;
            continue;
        }
        // The request may already sit decrypted in the buffer: read that before waiting.
        QByteArray request = tls.readAll();
        while (!request.contains("\r\n\r\n") && tls.waitForReadyRead(3000))
            request += tls.readAll();
        QByteArray reply;
        {
            std::lock_guard lock(mutex);
            reply = response;
        }
        tls.write(reply);
        tls.waitForBytesWritten(3000);
        tls.disconnectFromHost();
        if (tls.state() != QAbstractSocket::UnconnectedState)
            tls.waitForDisconnected(1000);
        ++served;
    }
}

quint16 TlsTestServer::port() const
{
    return static_cast<quint16>(m_impl->port.load());
}

QString TlsTestServer::url(const QString &path, const QString &host) const
{
    return QStringLiteral("https://%1:%2%3").arg(host).arg(port()).arg(path);
}

QString TlsTestServer::caFile() const
{
    return m_impl->dir.filePath(QStringLiteral("cert.pem"));
}

void TlsTestServer::setResponse(const QByteArray &rawResponse)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->response = rawResponse;
}

int TlsTestServer::served() const
{
    return m_impl->served;
}

int TlsTestServer::failedHandshakes() const
{
    return m_impl->failed;
}

} // namespace sasquatch::test
