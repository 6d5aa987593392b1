// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/Outcome.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace sasquatch::test {

/// A loopback HTTPS endpoint with a throwaway self-signed certificate, for testing TLS
/// options (verification, extra CA files) without any network. The certificate is made by
/// the openssl tool (installed with ca-certificates) for "localhost" and 127.0.0.1.
/// Answers every request with one fixed response and closes the connection.
class TlsTestServer
{
public:
    TlsTestServer();
    ~TlsTestServer();
    TlsTestServer(const TlsTestServer &) = delete;
    TlsTestServer &operator=(const TlsTestServer &) = delete;

    /// Makes the certificate and starts listening on 127.0.0.1. Fails with a message when
    /// Qt has no TLS backend or the openssl tool is missing.
    Outcome<Done> start();
    quint16 port() const;
    /// "https://<host>:<port><path>"
    QString url(const QString &path, const QString &host = QStringLiteral("localhost")) const;
    /// PEM file of the self-signed certificate: the CA a client must trust.
    QString caFile() const;
    /// The raw HTTP/1.1 response sent to every client (default: 200 with body "tls-ok").
    void setResponse(const QByteArray &rawResponse);
    /// Clients that completed a handshake and got the response.
    int served() const;
    /// Clients that gave up during the handshake (e.g. rejecting the certificate).
    int failedHandshakes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace sasquatch::test
