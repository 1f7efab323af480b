#pragma once

// Where the tests find the project's executables (CREDVAULT_BIN_DIR, set by CTest) and a
// QProcess runner with a time limit.

#include <QtCore/QDir>
#include <QtCore/QProcess>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QString>

namespace credvault::test {

inline QString binary(const QString &name)
{
    const QString dir = qEnvironmentVariable("CREDVAULT_BIN_DIR");
    if (dir.isEmpty())
        qFatal("CREDVAULT_BIN_DIR is not set: run the tests through ctest");
    return QDir(dir).absoluteFilePath(name);
}

struct RunResult {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

inline RunResult run(const QString &program, const QStringList &args, const QByteArray &input = {},
                     int timeoutMs = 30000, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    RunResult r;
    if (!p.waitForStarted(timeoutMs)) {
        r.err = "failed to start: " + p.errorString().toUtf8();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        r.crashed = true;
        return r;
    }
    r.exitCode = p.exitCode();
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace credvault::test
