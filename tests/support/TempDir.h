#pragma once

// Small helpers shared by tests: files written into a QTemporaryDir, with a mode.

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QString>

namespace credvault::test {

inline QString writeFile(const QString &dir, const QString &name, const QByteArray &content,
                         QFileDevice::Permissions perms = QFileDevice::ReadOwner | QFileDevice::WriteOwner)
{
    const QString path = QDir(dir).absoluteFilePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write(content);
    f.close();
    f.setPermissions(perms);
    return path;
}

} // namespace credvault::test
