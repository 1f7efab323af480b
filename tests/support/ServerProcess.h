#pragma once

// One real server process for tests and benchmarks (credvault-keyserver or
// credvault-server): started on a configuration, its "listening on https://HOST:PORT
// (NAME)" lines read into a port per listener, its log collected (from a pipe or a
// file), stopped with SIGTERM. Free of QtTest so credvault-bench can use it.

#include "support/SecretScan.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QProcess>
#include <QtCore/QStringList>

#include <csignal>

#include <sys/prctl.h>

namespace credvault::test {

class ServerProcess {
public:
    ~ServerProcess() { stop(); }

    /// Starts `binary --config config` and waits for `listeners` listening lines; an
    /// error text (with the log), or empty.
    QString start(const QString &binary, const QString &config, int listeners)
    {
        m_ports.clear();
        m_name = QStringLiteral("%1-%2-%3")
                     .arg(QFileInfo(binary).fileName())
                     .arg(QCoreApplication::applicationPid())
                     .arg(quintptr(this), 0, 16);
        // A test that crashes takes its servers with it.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        if (m_launcher.isEmpty())
            m_process.start(binary, {QStringLiteral("--config"), config});
        else
            m_process.start(m_launcher.first(),
                            m_launcher.mid(1) + QStringList{binary, QStringLiteral("--config"), config});
        if (!m_process.waitForStarted())
            return m_process.errorString();
        QByteArray out;
        while (out.count('\n') < listeners && m_process.waitForReadyRead(15000))
            out += m_process.readAllStandardOutput();
        const QByteArray prefix = "listening on https://127.0.0.1:";
        for (const QByteArray &line : out.trimmed().split('\n')) {
            if (!line.startsWith(prefix))
                continue;
            const QByteArray name = line.mid(line.lastIndexOf('(') + 1).chopped(1);
            const qsizetype from = prefix.size();
            m_ports.insert(QString::fromLatin1(name), quint16(line.mid(from, line.indexOf(' ', from) - from).toUInt()));
        }
        if (m_ports.size() != listeners) {
            m_process.waitForFinished(2000);
            collectLog();
            return QString::fromUtf8(out + m_log);
        }
        return {};
    }

    /// SIGTERM and wait; true if it ended cleanly with exit code 0.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        sendSignal(SIGTERM);
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
            return false;
        }
        collectLog();
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    /// The running server's process id (0 when not running).
    qint64 pid() const { return m_process.state() == QProcess::Running ? m_process.processId() : 0; }

    /// Never kill(0, …): with no process that would signal the whole process group.
    bool sendSignal(int sig)
    {
        const qint64 pid = m_process.processId();
        return pid > 0 && m_process.state() == QProcess::Running && ::kill(pid_t(pid), sig) == 0;
    }

    /// Starts the server through `launcher` (a program and its first arguments, given the
    /// server's command line after them): a wrapper that sets up the server's world.
    void setLauncher(const QStringList &launcher) { m_launcher = launcher; }

    /// Sends the log to a file instead of a pipe (before start()): for long runs in which
    /// nobody reads the pipe, which would fill and stall the server.
    void logToFile(const QString &file)
    {
        m_logFile = file;
        m_process.setStandardErrorFile(file, QIODevice::Append);
    }

    void collectLog()
    {
        if (m_logFile.isEmpty()) {
            m_log += m_process.readAllStandardError();
        } else {
            QFile f(m_logFile);
            if (f.open(QIODevice::ReadOnly))
                m_log = f.readAll();
        }
        keepLog(m_name, m_log); // for the suite's scan for secrets
    }

    /// The first of `secrets` found in the log (collected now), shortened, or empty.
    QByteArray leakIn(const QList<QByteArray> &secrets)
    {
        collectLog();
        for (const QByteArray &s : secrets) {
            if (!s.isEmpty() && m_log.contains(s))
                return s.left(4) + "…";
        }
        return {};
    }

    quint16 port(const QString &listener) const { return m_ports.value(listener); }
    const QByteArray &log() const { return m_log; }
    QProcess &process() { return m_process; }
    bool running() const { return m_process.state() == QProcess::Running; }

private:
    QStringList m_launcher;
    QString m_name;
    QString m_logFile;
    QProcess m_process;
    QHash<QString, quint16> m_ports;
    QByteArray m_log;
};

/// The lines of a file that hold key material (hex keys, the base64 of PEM keys), for
/// scanning logs: none of these may ever reach one.
inline QList<QByteArray> keyMaterialOf(const QStringList &files)
{
    QList<QByteArray> out;
    for (const QString &f : files) {
        QFile file(f);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.trimmed().isEmpty() && !line.startsWith("-----")) {
                out.append(line.trimmed());
                rememberSecret(line);
            }
        }
    }
    return out;
}

} // namespace credvault::test
