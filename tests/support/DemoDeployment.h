#pragma once

// A real local deployment for tests and benchmarks, made by `credvault-cli init-demo`:
// its configs (which a test may amend before starting), the demo sign-ins of
// demo-credentials.txt, the keyserver and the vault server as real processes, and HTTPS
// calls to the vault server's `api` (with a bearer token) and to the keyserver's
// listeners (with the certificate each expects). Free of QtTest.

#include "support/Executables.h"
#include "support/HttpsClient.h"
#include "support/ServerProcess.h"
#include "support/TempDir.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QHash>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

namespace credvault::test {

struct DemoUser {
    QString role; // customer or staff
    QString username;
    QString password;
    QString accountId; // empty for staff
};

class DemoDeployment {
public:
    /// Runs init-demo in `dir` (which must not exist or be empty); an error text, or empty.
    QString make(const QString &dir)
    {
        m_dir = dir;
        const RunResult r =
            run(binary(QStringLiteral("credvault-cli")), {QStringLiteral("init-demo"), QStringLiteral("--dir"), dir});
        if (r.exitCode != 0)
            return QString::fromUtf8(r.err);
        QFile f(path(QStringLiteral("demo-credentials.txt")));
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("no demo-credentials.txt");
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (line.startsWith('#') || parts.size() != 4)
                continue;
            const DemoUser u{QString::fromLatin1(parts[0]), QString::fromLatin1(parts[1]),
                             QString::fromLatin1(parts[2]),
                             parts[3] == "-" ? QString() : QString::fromLatin1(parts[3])};
            m_users.insert(u.username, u);
            rememberSecret(u.password.toUtf8());
        }
        (void)keyMaterial(); // noted for the suite's scan of the logs
        return m_users.size() == 3 ? QString() : QStringLiteral("demo-credentials.txt does not list three users");
    }

    /// make(), then both servers started; an error text, or empty.
    QString makeAndStart(const QString &dir)
    {
        QString e = make(dir);
        if (e.isEmpty())
            e = startKeyserver();
        if (e.isEmpty())
            e = startVault();
        return e;
    }

    /// Appends sections to one of the configuration files.
    void append(const QString &file, const QByteArray &text)
    {
        QFile f(path(file));
        f.open(QIODevice::Append);
        f.write("\n" + text);
    }
    /// Replaces text in one of the configuration files; false if `from` is not there.
    bool replace(const QString &file, const QByteArray &from, const QByteArray &to)
    {
        QFile f(path(file));
        if (!f.open(QIODevice::ReadOnly))
            return false;
        QByteArray text = f.readAll();
        f.close();
        if (!text.contains(from))
            return false;
        text.replace(from, to);
        f.open(QIODevice::WriteOnly | QIODevice::Truncate);
        f.write(text);
        return true;
    }

    QString startKeyserver()
    {
        return m_keyserver.start(binary(QStringLiteral("credvault-keyserver")), path(QStringLiteral("keyserver.conf")),
                                 3);
    }
    QString startVault(const QString &config = QStringLiteral("server.conf"))
    {
        return m_vault.start(binary(QStringLiteral("credvault-server")), path(config), 1);
    }
    ServerProcess &keyserver() { return m_keyserver; }
    ServerProcess &vault() { return m_vault; }

    /// One request to the vault server's api on a new connection.
    HttpReply api(const QByteArray &method, const QByteArray &urlPath, const QByteArray &body = {},
                  const QString &token = {})
    {
        HttpsConnection conn;
        if (!conn.open(m_vault.port(QStringLiteral("api")), pki(QStringLiteral("root.pem"))))
            return {};
        const QByteArray headers = token.isEmpty()
                                       ? QByteArray()
                                       : "Authorization: Bearer " + token.toLatin1() + "\r\n" +
                                             (body.isEmpty() ? QByteArray() : "Content-Type: application/json\r\n");
        return conn.request(method, urlPath, body, headers);
    }

    /// One request to a keyserver listener: `public` without a certificate, `services`
    /// as the vault server, `staff` as sam.
    HttpReply keyserverCall(const QString &listener, const QByteArray &method, const QByteArray &urlPath,
                            const QByteArray &body = {}, const QByteArray &headers = {})
    {
        QString cert;
        if (listener == QStringLiteral("services"))
            cert = QStringLiteral("vault");
        if (listener == QStringLiteral("staff"))
            cert = QStringLiteral("sam");
        HttpsConnection conn;
        if (!conn.open(m_keyserver.port(listener), pki(QStringLiteral("root.pem")),
                       cert.isEmpty() ? QString() : pki(cert + QStringLiteral(".pem")),
                       cert.isEmpty() ? QString() : pki(cert + QStringLiteral(".key"))))
            return {};
        return conn.request(method, urlPath, body, headers);
    }

    /// Signs in; the token, or empty.
    QString login(const QString &username, const QString &password = {})
    {
        const HttpReply r = api("POST", "/v1/login",
                                QJsonDocument(QJsonObject{{QStringLiteral("username"), username},
                                                          {QStringLiteral("password"),
                                                           password.isEmpty() ? user(username).password : password}})
                                    .toJson(QJsonDocument::Compact));
        const QString token = r.status == 200
                                  ? QJsonDocument::fromJson(r.body).object().value(QStringLiteral("token")).toString()
                                  : QString();
        rememberSecret(token.toLatin1());
        return token;
    }

    DemoUser user(const QString &username) const { return m_users.value(username); }
    QString path(const QString &f) const { return m_dir + u'/' + f; }
    QString pki(const QString &f) const { return m_dir + QStringLiteral("/pki/") + f; }

    /// Every private key and database key of the deployment, as its file holds it.
    QList<QByteArray> keyMaterial() const
    {
        QStringList files;
        for (const char *f : {"keys/keyserver-db.key", "keys/master.key", "keys/redeem.pem", "keys/audit.pem",
                              "keys/vault-db.key", "pki/root.key", "pki/keyserver.key", "pki/vault-server.key",
                              "pki/vault.key", "pki/sam.key", "pki/sam.p12.pass"})
            files << path(QString::fromLatin1(f));
        return keyMaterialOf(files);
    }

private:
    QString m_dir;
    QHash<QString, DemoUser> m_users;
    ServerProcess m_keyserver;
    ServerProcess m_vault;
};

} // namespace credvault::test
