// SPDX-License-Identifier: GPL-3.0-or-later
// CurlTransport over TLS: production Sasquatch is https only, so the certificate options
// (verifyTls, caFile) are checked against a loopback TLS server with a throwaway
// self-signed certificate.
#include "core/http/CurlTransport.h"
#include "tests/support/TlsTestServer.h"

#include <QTest>

using namespace sasquatch;
using sasquatch::test::TlsTestServer;

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

    TlsTestServer m_server;
    CurlTransport m_transport;
};

void tst_CurlTransportTls::initTestCase()
{
    const auto started = m_server.start();
    QVERIFY2(started.ok(), qPrintable(started.error()));
}

HttpRequest tst_CurlTransportTls::request(const QString &host) const
{
    HttpRequest r;
    r.url = m_server.url("/ping", host);
    r.connectTimeout = std::chrono::milliseconds(5000);
    r.totalTimeout = std::chrono::milliseconds(10'000);
    return r;
}

void tst_CurlTransportTls::verifiesWithGivenCa()
{
    HttpRequest r = request("localhost");
    r.caFile = m_server.caFile();
    const int before = m_server.served();
    const HttpResult result = m_transport.perform(r);
    QVERIFY2(result.succeeded(), qPrintable(result.transportError));
    QCOMPARE(result.response.body, QByteArray("tls-ok"));
    QTRY_COMPARE(m_server.served(), before + 1); // the server counts after it hung up
    // The certificate names 127.0.0.1 as well, so the address verifies too.
    r.url = request("127.0.0.1").url;
    QVERIFY(m_transport.perform(r).succeeded());
}

void tst_CurlTransportTls::rejectsUnknownCertificate()
{
    const int before = m_server.failedHandshakes();
    const HttpResult result = m_transport.perform(request("localhost"));
    QCOMPARE(result.errorKind, HttpErrorKind::Transport);
    QCOMPARE(result.response.status, 0);
    QVERIFY2(result.transportError.contains("certificate", Qt::CaseInsensitive), qPrintable(result.transportError));
    QTRY_COMPARE(m_server.failedHandshakes(), before + 1);
}

void tst_CurlTransportTls::skipsVerificationWhenAsked()
{
    HttpRequest r = request("localhost");
    r.verifyTls = false;
    m_server.setResponse("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
    const HttpResult result = m_transport.perform(r);
    QVERIFY2(result.succeeded(), qPrintable(result.transportError));
    QCOMPARE(result.response.status, 204);
}

void tst_CurlTransportTls::reportsMissingCaFile()
{
    HttpRequest r = request("localhost");
    r.caFile = m_server.caFile() + ".missing";
    const HttpResult result = m_transport.perform(r);
    QCOMPARE(result.errorKind, HttpErrorKind::Transport);
    QVERIFY(!result.transportError.isEmpty());
}

QTEST_GUILESS_MAIN(tst_CurlTransportTls)
#include "tst_curltransporttls.moc"
