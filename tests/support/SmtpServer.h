#pragma once

// Starts tests/support/smtp_server.py (Debian's aiosmtpd: STARTTLS, AUTH, a Maildir) for
// the duration of a test, and reads what it delivered.

#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QString>

namespace credvault::test {

class SmtpServer {
public:
    ~SmtpServer() { stop(); }

    bool start(const QString &maildir, const QString &certChain, const QString &key, const QString &user,
               const QString &password)
    {
        m_maildir = maildir;
        const QString script =
            qEnvironmentVariable("CREDVAULT_SOURCE_DIR") + QStringLiteral("/tests/support/smtp_server.py");
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        {script, QStringLiteral("--maildir"), maildir, QStringLiteral("--cert"), certChain,
                         QStringLiteral("--key"), key, QStringLiteral("--user"), user, QStringLiteral("--password"),
                         password});
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
        for (const QString &f : dir.entryList(QDir::Files, QDir::Time | QDir::Reversed)) {
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
