#pragma once

// A small blocking HTTPS client for the service tests (QSslSocket): a connection with
// optional client certificate, raw bytes out, one parsed reply in.

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>

namespace credvault::test {

struct HttpReply {
    int status = 0;
    QByteArray head;
    QByteArray body;
};

class HttpsConnection {
public:
    /// Connects and completes the TLS handshake; false if either fails (see error()).
    bool open(quint16 port, const QString &caFile, const QString &certFile = {}, const QString &keyFile = {},
              int timeoutMs = 5000)
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setCaCertificates(QSslCertificate::fromPath(caFile));
        if (!certFile.isEmpty()) {
            c.setLocalCertificate(QSslCertificate::fromPath(certFile).value(0));
            QFile k(keyFile);
            k.open(QIODevice::ReadOnly);
            c.setPrivateKey(QSslKey(k.readAll(), QSsl::Ec));
        }
        m_socket.setSslConfiguration(c);
        m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForEncrypted(timeoutMs))
            return false;
        // TLS 1.3 reports a refused client certificate only after the handshake: one
        // round trip shows whether the server kept the connection.
        return true;
    }
    QString error() const { return m_socket.errorString(); }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
        while (m_socket.bytesToWrite() > 0 && m_socket.waitForBytesWritten(5000)) {
        }
    }

    /// Reads one reply (Content-Length bodies). status 0: the connection closed first.
    HttpReply read(int timeoutMs = 10000)
    {
        HttpReply r;
        QElapsedTimer t;
        t.start();
        while (!m_buffer.contains("\r\n\r\n")) {
            if (!waitForData(timeoutMs - int(t.elapsed())))
                return r;
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        r.head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        r.status = r.head.mid(9, 3).toInt();
        qsizetype length = 0;
        for (const QByteArray &line : r.head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        while (m_buffer.size() < length) {
            if (!waitForData(timeoutMs - int(t.elapsed())))
                break;
        }
        r.body = m_buffer.left(length);
        m_buffer.remove(0, length);
        return r;
    }

    HttpReply request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                      const QByteArray &extraHeaders = {})
    {
        QByteArray req = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
        if (!body.isEmpty() || method == "POST" || method == "PUT")
            req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        req += "\r\n" + body;
        send(req);
        return read();
    }

    /// True when the server closes the connection within the time.
    bool waitClosed(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (m_socket.state() != QAbstractSocket::UnconnectedState && t.elapsed() < timeoutMs) {
            m_socket.waitForReadyRead(100);
            m_buffer += m_socket.readAll();
        }
        return m_socket.state() == QAbstractSocket::UnconnectedState;
    }

    bool hasReplyWaiting()
    {
        m_socket.waitForReadyRead(10);
        m_buffer += m_socket.readAll();
        return !m_buffer.isEmpty();
    }

    QSslSocket &socket() { return m_socket; }

private:
    bool waitForData(int ms)
    {
        if (ms <= 0)
            return false;
        if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(ms))
            return false;
        m_buffer += m_socket.readAll();
        return true;
    }

    QSslSocket m_socket;
    QByteArray m_buffer;
};

} // namespace credvault::test
