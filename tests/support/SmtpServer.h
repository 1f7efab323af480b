#pragma once

// Starts tests/support/smtp_server.py (Debian's aiosmtpd: STARTTLS, AUTH, a Maildir) for
// the duration of a test, and reads what it delivered.

#include "support/SecretScan.h"

#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

#include <algorithm>

namespace credvault::test {

class SmtpServer {
public:
    ~SmtpServer() { stop(); }

    bool start(const QString &maildir, const QString &certChain, const QString &key, const QString &user,
               const QString &password, const QStringList &extra = {})
    {
        m_maildir = maildir;
        rememberSecret(password.toUtf8()); // for the suite's scan of the logs
        const QString script =
            qEnvironmentVariable("CREDVAULT_SOURCE_DIR") + QStringLiteral("/tests/support/smtp_server.py");
        const QStringList args{script,    QStringLiteral("--maildir"),  maildir, QStringLiteral("--cert"),
                               certChain, QStringLiteral("--key"),      key,     QStringLiteral("--user"),
                               user,      QStringLiteral("--password"), password};
        m_process.start(QStringLiteral("/usr/bin/python3"), args + extra);
        if (!m_process.waitForStarted(10000))
            return false;
        QByteArray out;
        while (!out.contains('\n') && m_process.waitForReadyRead(15000))
            out += m_process.readAllStandardOutput();
        if (!out.startsWith("listening on "))
            return false;
        m_port = quint16(out.mid(13).trimmed().toUInt());
        return m_port != 0;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished();
        }
    }

    quint16 port() const { return m_port; }

    /// Every delivered message, oldest first.
    QList<QByteArray> messages() const
    {
        QList<QByteArray> out;
        QDir dir(m_maildir + QStringLiteral("/new"));
        // In delivery order: Python's Maildir names files TIME.MusecPpidQcount.host, the
        // count rising with each delivery of the server's one process. (File times are too
        // coarse to order two mails of the same instant.)
        QStringList names = dir.entryList(QDir::Files);
        const auto count = [](const QString &name) {
            const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("Q(\\d+)")).match(name);
            return m.hasMatch() ? m.captured(1).toLongLong() : -1;
        };
        std::sort(names.begin(), names.end(), [&](const QString &a, const QString &b) { return count(a) < count(b); });
        for (const QString &f : std::as_const(names)) {
            QFile file(dir.filePath(f));
            if (file.open(QIODevice::ReadOnly))
                out.append(file.readAll());
        }
        return out;
    }

private:
    QProcess m_process;
    QString m_maildir;
    quint16 m_port = 0;
};

} // namespace credvault::test
