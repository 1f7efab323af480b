#include "FuzzSupport.h"

#include "crypto/KeyFile.h"
#include "pki/DeploymentPki.h"
#include "store/KeySource.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace credvault::fuzz {

namespace {

crypto::X25519PrivateKey keyFromByte(unsigned char first)
{
    QByteArray raw(32, '\0');
    for (int i = 0; i < raw.size(); ++i)
        raw[i] = char(first + i);
    return crypto::X25519PrivateKey::fromRaw(raw).value();
}

void dropMessage(QtMsgType, const QMessageLogContext &, const QString &)
{}

} // namespace

const crypto::X25519PrivateKey &accountKey()
{
    static const crypto::X25519PrivateKey key = keyFromByte(0x10);
    return key;
}

const crypto::X25519PrivateKey &redeemKey()
{
    static const crypto::X25519PrivateKey key = keyFromByte(0x40);
    return key;
}

const crypto::X25519PrivateKey &sessionKey()
{
    static const crypto::X25519PrivateKey key = keyFromByte(0x70);
    return key;
}

QByteArray auditKeyPem()
{
    return "-----BEGIN PRIVATE KEY-----\n"
           "MC4CAQAwBQYDK2VwBCIEINcKr5R702z0h6JUo6HlrGZazjAIo085loUvlvO60wI5\n"
           "-----END PRIVATE KEY-----\n";
}

const AuditSigner &auditSigner()
{
    static const AuditSigner signer = AuditSigner::fromPem(auditKeyPem()).value();
    return signer;
}

QUuid accountId()
{
    return QUuid(u"5b0c5d4e-8a7f-4f0e-9d4c-1a2b3c4d5e6f"_s);
}

QUuid entryId()
{
    return QUuid(u"0f8fad5b-d9cb-469f-a165-70867728950e"_s);
}

QString tempDir()
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        const QFileInfo shm(u"/dev/shm"_s);
        const QString base = shm.isDir() && shm.isWritable() ? shm.filePath() : QDir::tempPath();
        auto d = std::make_unique<QTemporaryDir>(base + u"/credvault-fuzz.XXXXXX"_s);
        if (!d->isValid())
            std::abort();
        return d;
    }();
    return dir->path();
}

QString writeTempFile(const QString &name, QByteArrayView bytes, bool ownerOnly)
{
    const QString path = tempDir() + u'/' + name;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes.data(), bytes.size()) != bytes.size())
        std::abort();
    if (ownerOnly)
        f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

QString deployment()
{
    static const QString dir = [] {
        const QString d = tempDir();
        pki::DeploymentPki pki(d + u"/pki"_s);
        QDir().mkpath(d + u"/pki"_s);
        check(pki.init().ok(), "pki init");
        check(pki.issue({pki::Role::Server, u"ks"_s, {u"IP:127.0.0.1"_s}, {}, 0}).ok(), "pki server");
        check(pki.issue({pki::Role::Service, u"vault"_s, {}, {}, 0}).ok(), "pki service");
        check(pki.issue({pki::Role::Staff, u"sam"_s, {}, u"admin"_s, 0}).ok(), "pki staff admin");
        check(pki.issue({pki::Role::Staff, u"sue"_s, {}, u"support"_s, 0}).ok(), "pki staff support");
        check(store::writeKeyFile(d + u"/db.key"_s, store::generateKey()).ok(), "db key");
        check(store::writeKeyFile(d + u"/master.key"_s, store::generateKey()).ok(), "master key");
        writeTempFile(u"redeem.pem"_s, KeyFile::privatePem(redeemKey()).view(), true);
        writeTempFile(u"audit.pem"_s, auditKeyPem(), true);
        QDir().mkpath(d + u"/outbox"_s);
        return d;
    }();
    return dir;
}

QByteArray keyserverFileSections()
{
    return "[database]\npath = keyserver.db\nkey_file = db.key\n[keys]\nmaster_key_file = master.key\n"
           "redeem_key = redeem.pem\naudit_key = audit.pem\n";
}

QByteArray listenerSection(QByteArrayView name, QByteArrayView address, int port, QByteArrayView clientCa)
{
    QByteArray out = "[listener." + name.toByteArray() + "]\naddress = " + address.toByteArray() +
                     "\nport = " + QByteArray::number(port) +
                     "\ncertificate = pki/ks-chain.pem\nprivate_key = pki/ks.key\n";
    if (!clientCa.isEmpty())
        out += "client_ca = pki/" + clientCa.toByteArray() + ".pem\ncrl = pki/" + clientCa.toByteArray() + ".crl\n";
    return out;
}

void setUp()
{
    static const bool done = [] {
        qInstallMessageHandler(dropMessage);
        return true;
    }();
    (void)done;
}

void check(bool ok, const char *what)
{
    if (ok)
        return;
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

std::uint8_t Input::byte()
{
    return m_pos < m_size ? std::uint8_t(m_data[m_pos++]) : 0;
}

QByteArrayView Input::take(std::size_t n)
{
    const std::size_t k = std::min(n, m_size - std::min(m_pos, m_size));
    const QByteArrayView out(m_data + m_pos, qsizetype(k));
    m_pos += k;
    return out;
}

QByteArrayView Input::line()
{
    std::size_t end = m_pos;
    while (end < m_size && m_data[end] != '\n')
        ++end;
    const QByteArrayView out(m_data + m_pos, qsizetype(end - m_pos));
    m_pos = std::min(end + 1, m_size);
    return out;
}

QByteArrayView Input::rest()
{
    return take(m_size);
}

} // namespace credvault::fuzz
