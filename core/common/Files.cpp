#include "common/Files.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace credvault {

namespace {

Result<qint64> openForRead(QFile &f, const QString &path, qint64 maxBytes)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        return fail(ErrorKind::NotFound, u"%1: no such file"_s.arg(path));
    if (!fi.isFile())
        return fail(ErrorKind::InvalidInput, u"%1: not a file"_s.arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Io, u"%1: cannot read: %2"_s.arg(path, f.errorString()));
    if (f.size() > maxBytes)
        return fail(ErrorKind::InvalidInput, u"%1: larger than %2 bytes"_s.arg(path).arg(maxBytes));
    return f.size();
}

} // namespace

Result<SecureBuffer> readSecretFile(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    Result<qint64> size = openForRead(f, path, maxBytes);
    if (!size)
        return fail(size.error());
    SecureBuffer out{static_cast<std::size_t>(*size)};
    if (*size > 0 && f.read(reinterpret_cast<char *>(out.data()), *size) != *size)
        return fail(ErrorKind::Io, u"%1: cannot read: %2"_s.arg(path, f.errorString()));
    return out;
}

Result<QByteArray> readSmallFile(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    Result<qint64> size = openForRead(f, path, maxBytes);
    if (!size)
        return fail(size.error());
    QByteArray out = f.readAll();
    if (out.size() != *size)
        return fail(ErrorKind::Io, u"%1: cannot read: %2"_s.arg(path, f.errorString()));
    return out;
}

Result<void> writeFileAtomically(const QString &path, QByteArrayView bytes, QFileDevice::Permissions mode,
                                 Overwrite overwrite)
{
    if (overwrite == Overwrite::Refuse && QFileInfo::exists(path))
        return fail(ErrorKind::Conflict, u"%1 already exists; not overwriting it"_s.arg(path));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Io, u"%1: cannot write: %2"_s.arg(path, f.errorString()));
    // The temporary file gets its mode before the first byte lands in it.
    if (!f.setPermissions(mode))
        return fail(ErrorKind::Io, u"%1: cannot set permissions"_s.arg(path));
    if (f.write(bytes.data(), bytes.size()) != bytes.size() || !f.commit())
        return fail(ErrorKind::Io, u"%1: cannot write: %2"_s.arg(path, f.errorString()));
    return {};
}

} // namespace credvault
