#pragma once

// ServiceConfig: what both servers read from their INI file before they serve — the
// listeners with their certificates and client-certificate rule, the database and where
// its key comes from, the worker threads. Each server says which listeners it has
// (ServiceSpec); anything missing, unknown, malformed or unreadable is refused with the
// file, section, key and line, before a socket is opened.
//
//     [server]
//     threads = 2                      ; optional; default: one per core
//     idle_timeout = 10                ; optional; seconds (handshake, idle, read)
//     max_connections = 512            ; optional
//     [database]
//     path = /var/lib/credvault/keyserver.db
//     key_file = /etc/credvault/keyserver-db.key   ; or: key_env = VARIABLE
//     [listener.public]
//     address = 127.0.0.1
//     port = 8443                      ; 0 picks a free port
//     certificate = keyserver-chain.pem
//     private_key = keyserver.key
//     [listener.services]
//     ...
//     client_ca = services-ca.pem      ; listeners that require a client certificate
//     crl = services-ca.crl
//
// Relative paths are taken from the configuration file's folder.

#include "common/IniFile.h"

#include "common/Result.h"
#include "store/KeySource.h"

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QString>
#include <QtNetwork/QHostAddress>

#include <functional>
#include <memory>

namespace credvault {

enum class ClientCertRule {
    None,    // anyone may connect (the rest of the request authenticates)
    Service, // a certificate from the services CA with clientAuth: the vault server
    Staff,   // a certificate from the staff CA with clientAuth and a staff role
};
QString clientCertRuleName(ClientCertRule rule);

struct ListenerSpec {
    QString name;
    ClientCertRule rule = ClientCertRule::None;
};

struct ServiceSpec {
    QString executable;  // e.g. credvault-keyserver
    QString description; // one line for --help
    QList<ListenerSpec> listeners;
    /// Further sections the server reads itself, with the keys each may hold.
    QMap<QString, QStringList> extraSections;
    /// Checks those sections (run by --check-config and before serving).
    std::function<Result<void>(const struct ServiceConfig &)> check;
};

struct ListenerConfig {
    QString name;
    ClientCertRule rule = ClientCertRule::None;
    QHostAddress address;
    quint16 port = 0;
    QString certificate; // PEM: the server certificate followed by its chain
    QString privateKey;
    QString clientCa; // only when rule != None
    QString crl;      // only when rule != None
};

struct ServiceConfig {
    QString path;
    int threads = 0; // 0: one per core
    int idleTimeoutSeconds = 10;
    int maxConnections = 512;
    QString databasePath;
    QString databaseKeyFile; // exactly one of these two is set
    QString databaseKeyEnv;
    QList<ListenerConfig> listeners;
    IniFile ini; // for the server's own sections

    static Result<ServiceConfig> load(const QString &path, const ServiceSpec &spec);

    /// Where the database key comes from: key_file or key_env.
    std::unique_ptr<store::KeySource> databaseKeySource() const;
    /// The database key itself; a Config error "database key: …" when it cannot be had.
    Result<SecureBuffer> loadDatabaseKey() const;
};

} // namespace credvault
