#pragma once

// A real credvault-keyserver for tests and benchmarks: a deployment PKI made with
// credvault-cli (server "ks"; service "vault"; staff "sam" (admin) and "sue" (support)),
// redemption, audit, database and master keys, a keyserver.conf with the sections the
// caller adds, the process started, its "listening on" lines read, and HTTPS calls with
// the certificate each listener expects. Free of QtTest so credvault-bench can use it.

#include "crypto/AuditSignature.h"
#include "crypto/KeyFile.h"
#include "store/KeySource.h"

#include "support/Executables.h"
#include "support/HttpsClient.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

#include <QtCore/QHash>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QThread>

#include <csignal>

namespace credvault::test {

inline QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

inline QJsonObject object(const HttpReply &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

inline QString errorCode(const HttpReply &r)
{
    return object(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

inline QJsonObject errorDetails(const HttpReply &r)
{
    return object(r).value(QStringLiteral("error")).toObject().value(QStringLiteral("details")).toObject();
}

// The keyserver's Maildir outbox: each call hands out the messages delivered since the last.
class Outbox {
public:
    explicit Outbox(QString dir) : m_dir(std::move(dir)) {}

    QList<QByteArray> take()
    {
        QList<QByteArray> out;
        QStringList names = QDir(m_dir + QStringLiteral("/new")).entryList(QDir::Files, QDir::Name);
        for (const QString &n : std::as_const(names)) {
            if (m_seen.contains(n))
                continue;
            QFile f(m_dir + QStringLiteral("/new/") + n);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            m_seen.insert(n);
            out.append(f.readAll());
        }
        return out;
    }

    /// Waits until at least `count` new messages arrived; returns them all.
    QList<QByteArray> waitFor(int count)
    {
        QList<QByteArray> got;
        for (int i = 0; i < 100 && got.size() < count; ++i) {
            got += take();
            if (got.size() < count)
                QThread::msleep(50);
        }
        return got;
    }

private:
    QString m_dir;
    QSet<QString> m_seen;
};

/// The unlock code (XXXX-XXXX-XXXX) a code mail holds on a line of its own, or empty.
/// (Anywhere else in the mail the pattern can match inside the vault's id, a UUID whose
/// groups happen to be all digits.)
inline QString unlockCodeIn(const QByteArray &mail)
{
    const QString code =
        QRegularExpression(QStringLiteral("(?m)^[ \\t]*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})[ \\t]*\\r?$"))
            .match(QString::fromUtf8(mail))
            .captured(1);
    // Noted for the suite's scan of the logs, as mailed and as typed without dashes.
    rememberSecret(code.toLatin1());
    rememberSecret(QString(code).remove(u'-').toLatin1());
    return code;
}

/// True if code-shaped text appears anywhere in `mail` outside a UUID.
/// The code mailed for a code request the keyserver answered with `r`: the one in the next
/// mail to arrive in the outbox (waiting up to 5 s); empty, with a warning, when refused.
inline QString codeMailedFor(const HttpReply &r, Outbox &outbox)
{
    if (r.status != 200) {
        qWarning("code: %d %s", r.status, r.body.constData());
        return {};
    }
    const QList<QByteArray> mails = outbox.waitFor(1);
    return mails.isEmpty() ? QString() : unlockCodeIn(mails.last());
}

/// What the keyserver logs once it has computed the secrets of a vault's `n` entries while
/// its code travelled (DecapCache).
inline QByteArray precomputedLogLine(const QUuid &vault, qint64 n)
{
    return "precomputed " + QByteArray::number(n) + " shared secrets for vault " +
           vault.toString(QUuid::WithoutBraces).toLatin1();
}

inline bool holdsCodeShapedText(const QByteArray &mail)
{
    return QRegularExpression(QStringLiteral("(?<![0-9A-Za-z-])[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}(?![0-9A-Za-z-])"))
        .match(QString::fromUtf8(mail))
        .hasMatch();
}

class KeyserverFixture {
public:
    ~KeyserverFixture() { stop(); }

    /// Makes the PKI and keys in `dir`; an error text, or empty on success.
    QString prepare(const QString &dir)
    {
        m_dir = dir;
        m_pki = dir + QStringLiteral("/pki");
        const auto cli = [](const QStringList &args) -> QString {
            const RunResult r = run(binary(QStringLiteral("credvault-cli")), args);
            return r.exitCode == 0 ? QString() : QString::fromUtf8(r.err);
        };
        const QString P = m_pki;
        const QString role = QStringLiteral("--role");
        const QString name = QStringLiteral("--name");
        const QList<QStringList> steps{
            {QStringLiteral("pki"), QStringLiteral("init"), QStringLiteral("--dir"), P},
            {QStringLiteral("pki"), QStringLiteral("issue"), QStringLiteral("--dir"), P, role, QStringLiteral("server"),
             name, QStringLiteral("ks"), QStringLiteral("--san"), QStringLiteral("IP:127.0.0.1")},
            {QStringLiteral("pki"), QStringLiteral("issue"), QStringLiteral("--dir"), P, role,
             QStringLiteral("service"), name, QStringLiteral("vault")},
            {QStringLiteral("pki"), QStringLiteral("issue"), QStringLiteral("--dir"), P, role, QStringLiteral("staff"),
             name, QStringLiteral("sam"), QStringLiteral("--staff-role"), QStringLiteral("admin")},
            {QStringLiteral("pki"), QStringLiteral("issue"), QStringLiteral("--dir"), P, role, QStringLiteral("staff"),
             name, QStringLiteral("sue"), QStringLiteral("--staff-role"), QStringLiteral("support")},
            {QStringLiteral("keygen"), QStringLiteral("--out"), path(QStringLiteral("redeem.pem")),
             QStringLiteral("--public-out"), path(QStringLiteral("redeem.pub"))},
        };
        for (const QStringList &step : steps) {
            if (QString e = cli(step); !e.isEmpty())
                return e;
        }
        if (run(QStringLiteral("openssl"),
                {QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("ED25519"),
                 QStringLiteral("-out"), path(QStringLiteral("audit.pem"))})
                .exitCode != 0)
            return QStringLiteral("openssl genpkey failed");
        QFile::setPermissions(path(QStringLiteral("audit.pem")), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        Result<crypto::X25519PublicKey> redeem = KeyFile::loadPublic(path(QStringLiteral("redeem.pub")));
        QFile auditPem(path(QStringLiteral("audit.pem")));
        if (!redeem || !auditPem.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read the redemption or audit key");
        m_redeemPublic = *redeem;
        Result<AuditSigner> signer = AuditSigner::fromPem(auditPem.readAll());
        if (!signer)
            return signer.error().message;
        m_auditPublic = signer->publicKey();
        if (!store::writeKeyFile(path(QStringLiteral("db.key")), store::generateKey()).ok() ||
            !store::writeKeyFile(path(QStringLiteral("master.key")), store::generateKey()).ok())
            return QStringLiteral("cannot write the database or master key");
        return {};
    }

    /// Writes keyserver.conf: database, keys, the three listeners, and `sections`
    /// ([codes], [sessions], [email], [mail] …; without a [mail] section, a Maildir outbox).
    QString writeConfig(const QByteArray &sections)
    {
        QByteArray conf = "[database]\npath = keyserver.db\nkey_file = db.key\n"
                          "[keys]\nmaster_key_file = master.key\nredeem_key = redeem.pem\naudit_key = audit.pem\n";
        conf += sections;
        if (!sections.contains("[mail]"))
            conf += "[mail]\nfrom = keys@example.net\nmaildir = outbox\n";
        for (const char *l : {"public", "services", "staff"}) {
            conf += "[listener." + QByteArray(l) +
                    "]\naddress = 127.0.0.1\nport = 0\ncertificate = pki/ks-chain.pem\nprivate_key = pki/ks.key\n";
            if (qstrcmp(l, "services") == 0)
                conf += "client_ca = pki/services-ca.pem\ncrl = pki/services-ca.crl\n";
            if (qstrcmp(l, "staff") == 0)
                conf += "client_ca = pki/staff-ca.pem\ncrl = pki/staff-ca.crl\n";
        }
        m_config = writeFile(m_dir, QStringLiteral("keyserver.conf"), conf);
        return m_config;
    }

    /// Starts the keyserver on the config written last; an error text, or empty.
    QString start()
    {
        (void)keyMaterial(); // noted for the suite's scan of the logs
        return m_server.start(binary(QStringLiteral("credvault-keyserver")), m_config, 3);
    }
    /// SIGTERM and wait; true if it ended cleanly with exit code 0.
    bool stop() { return m_server.stop(); }
    bool sendSignal(int sig) { return m_server.sendSignal(sig); }

    /// One request on a new connection. `cert`: a PKI name ("vault", "sam", "sue", …),
    /// "-" for none; empty for the listener's usual one (services: vault, staff: sam).
    HttpReply call(const QString &listener, const QByteArray &method, const QByteArray &path,
                   const QByteArray &body = {}, const QByteArray &headers = {}, const QString &cert = {})
    {
        QString c = cert;
        if (c.isEmpty())
            c = listener == QStringLiteral("services") ? QStringLiteral("vault")
                : listener == QStringLiteral("staff")  ? QStringLiteral("sam")
                                                       : QString();
        if (c == QStringLiteral("-"))
            c.clear();
        HttpsConnection conn;
        if (!conn.open(m_server.port(listener), pki(QStringLiteral("root.pem")),
                       c.isEmpty() ? QString() : pki(c + QStringLiteral(".pem")),
                       c.isEmpty() ? QString() : pki(c + QStringLiteral(".key"))))
            return {};
        return conn.request(method, path, body, headers);
    }

    /// Sends the keyserver's log to a file instead of a pipe (before start()).
    void logToFile(const QString &file) { m_server.logToFile(file); }
    void collectLog() { m_server.collectLog(); }

    /// Every private key of the deployment as its file holds it: none of these may ever
    /// reach a log.
    QList<QByteArray> keyMaterial() const
    {
        return keyMaterialOf({path(QStringLiteral("db.key")), path(QStringLiteral("master.key")),
                              path(QStringLiteral("redeem.pem")), path(QStringLiteral("audit.pem")),
                              pki(QStringLiteral("ks.key")), pki(QStringLiteral("root.key"))});
    }

    /// The first of `secrets` and keyMaterial() found in the log, or empty.
    QByteArray leakIn(const QStringList &secrets) const
    {
        QList<QByteArray> all = keyMaterial();
        for (const QString &s : secrets)
            all.append(s.toLatin1());
        for (const QByteArray &s : std::as_const(all)) {
            if (!s.isEmpty() && log().contains(s))
                return s.left(4) + "…";
        }
        return {};
    }

    QString path(const QString &f) const { return m_dir + u'/' + f; }
    QString pki(const QString &f) const { return m_pki + u'/' + f; }
    quint16 port(const QString &listener) const { return m_server.port(listener); }
    const QByteArray &log() const { return m_server.log(); }
    QProcess &process() { return m_server.process(); }
    const crypto::X25519PublicKey &redeemPublic() const { return m_redeemPublic; }
    const AuditKeyPublic &auditPublic() const { return m_auditPublic; }

private:
    QString m_dir;
    QString m_pki;
    QString m_config;
    ServerProcess m_server;
    crypto::X25519PublicKey m_redeemPublic{};
    AuditKeyPublic m_auditPublic{};
};

} // namespace credvault::test
