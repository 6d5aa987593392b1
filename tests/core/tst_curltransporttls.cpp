// SPDX-License-Identifier: GPL-3.0-or-later
// CurlTransport over TLS: production Sasquatch is https only, so the certificate options
// (verifyTls, caFile) are checked against a loopback TLS server with a self-signed
// certificate made by the openssl tool at test time.
#include "core/http/CurlTransport.h"

#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace sasquatch;

namespace {

// Hands over raw descriptors, so that no QTcpSocket owns (and later closes) them.
class DescriptorServer : public QTcpServer
{
public:
    std::vector<qintptr> pending;

protected:
    void incomingConnection(qintptr descriptor) override { pending.push_back(descriptor); }
};

// Serves "200 tls-ok" to every client that completes a handshake; counts them.
class TinyTlsServer
{
public:
    bool start(const QSslCertificate &cert, const QSslKey &key)
    {
        m_cert = cert;
        m_key = key;
        std::atomic<int> port{-1};
        m_thread = std::thread([this, &port] {
            DescriptorServer server;
            if (!server.listen(QHostAddress::LocalHost, 0)) {
                port = 0;
                return;
            }
            port = server.serverPort();
            while (!m_stop) {
                if (server.pending.empty() && !server.waitForNewConnection(50))
                    continue;
                if (server.pending.empty())
                    continue;
                const qintptr descriptor = server.pending.front();
                server.pending.erase(server.pending.begin());
                QSslSocket tls;
                if (!tls.setSocketDescriptor(descriptor))
                    continue;
                tls.setLocalCertificate(m_cert);
                tls.setPrivateKey(m_key);
                tls.startServerEncryption();
                if (!tls.waitForEncrypted(3000)) {
                    ++m_failedHandshakes;
                    continue;
                }
                // The request may already sit decrypted in the buffer: read that before waiting.
                QByteArray request = tls.readAll();
                while (!request.contains("\r\n\r\n") && tls.waitForReadyRead(3000))
                    request += tls.readAll();
                tls.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\ntls-ok");
                tls.waitForBytesWritten(3000);
                tls.disconnectFromHost();
                if (tls.state() != QAbstractSocket::UnconnectedState)
                    tls.waitForDisconnected(1000);
                ++m_served;
            }
        });
        while (port < 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        m_port = port;
        return m_port > 0;
    }
    ~TinyTlsServer()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    int port() const { return m_port; }
    int served() const { return m_served; }
    int failedHandshakes() const { return m_failedHandshakes; }

private:
    QSslCertificate m_cert;
    QSslKey m_key;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_served{0};
    std::atomic<int> m_failedHandshakes{0};
    int m_port = 0;
};

} // namespace

class tst_CurlTransportTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void verifiesWithGivenCa();
    void rejectsUnknownCertificate();
    void skipsVerificationWhenAsked();
    void reportsMissingCaFile();

private:
    HttpRequest request(const QString &host) const;

    QTemporaryDir m_dir;
    std::unique_ptr<TinyTlsServer> m_server;
    CurlTransport m_transport;
};

void tst_CurlTransportTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("Qt has no TLS backend here");
    QVERIFY(m_dir.isValid());
    QProcess openssl;
    openssl.setWorkingDirectory(m_dir.path());
    openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                              "cert.pem", "-days", "2", "-subj", "/CN=localhost", "-addext",
                              "subjectAltName=DNS:localhost,IP:127.0.0.1"});
    if (!openssl.waitForStarted(5000))
        QSKIP("the openssl tool is not installed (it comes with ca-certificates)");
    QVERIFY(openssl.waitForFinished(30'000));
    QVERIFY2(openssl.exitCode() == 0, openssl.readAllStandardError().constData());
    QFile certFile(m_dir.filePath("cert.pem"));
    QFile keyFile(m_dir.filePath("key.pem"));
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    const QSslCertificate cert(&certFile, QSsl::Pem);
    const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
    QVERIFY(!cert.isNull() && !key.isNull());
    m_server = std::make_unique<TinyTlsServer>();
    QVERIFY(m_server->start(cert, key));
}

HttpRequest tst_CurlTransportTls::request(const QString &host) const
{
    HttpRequest r;
    r.url = QStringLiteral("https://%1:%2/ping").arg(host).arg(m_server->port());
    r.connectTimeout = std::chrono::milliseconds(5000);
    r.totalTimeout = std::chrono::milliseconds(10'000);
    return r;
}

void tst_CurlTransportTls::verifiesWithGivenCa()
{
    HttpRequest r = request("localhost");
    r.caFile = m_dir.filePath("cert.pem");
    const int before = m_server->served();
    const HttpResult result = m_transport.perform(r);
    QVERIFY2(result.succeeded(), qPrintable(result.transportError));
    QCOMPARE(result.response.body, QByteArray("tls-ok"));
    QTRY_COMPARE(m_server->served(), before + 1); // the server counts after it hung up
    // The certificate names 127.0.0.1 as well, so the address verifies too.
    r.url = request("127.0.0.1").url;
    QVERIFY(m_transport.perform(r).succeeded());
}

void tst_CurlTransportTls::rejectsUnknownCertificate()
{
    const HttpResult result = m_transport.perform(request("localhost"));
    QCOMPARE(result.errorKind, HttpErrorKind::Transport);
    QCOMPARE(result.response.status, 0);
    QVERIFY2(result.transportError.contains("certificate", Qt::CaseInsensitive), qPrintable(result.transportError));
}

void tst_CurlTransportTls::skipsVerificationWhenAsked()
{
    HttpRequest r = request("localhost");
    r.verifyTls = false;
    const HttpResult result = m_transport.perform(r);
    QVERIFY2(result.succeeded(), qPrintable(result.transportError));
    QCOMPARE(result.response.body, QByteArray("tls-ok"));
}

void tst_CurlTransportTls::reportsMissingCaFile()
{
    HttpRequest r = request("localhost");
    r.caFile = m_dir.filePath("no-such-ca.pem");
    const HttpResult result = m_transport.perform(r);
    QCOMPARE(result.errorKind, HttpErrorKind::Transport);
    QVERIFY(!result.transportError.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CurlTransportTls)
#include "tst_curltransporttls.moc"
