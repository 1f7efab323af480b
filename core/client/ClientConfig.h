#pragma once

// ClientConfig: what the desktop apps read from client.conf (support.conf), and nothing
// else decides where they connect or whom they trust (DESIGN.md §10):
//
//   [vault]
//   url = https://vault.example.net:8443
//   ca = root.pem                      ; the only CA trusted for the vault server
//   [keyserver]
//   url = https://keys.example.net:8445   ; the public listener
//   ca = root.pem
//   redeem_key = BASE64URL             ; raw 32-byte X25519 key that opens code boxes
//   audit_key = BASE64URL              ; raw 32-byte Ed25519 key that signs audit heads
//   staff_url = https://keys.example.net:8446   ; support.conf: the staff listener
//   [staff]                             ; support.conf
//   certificate = sam.p12
//
// Read strictly (IniFile): an unknown section or key, a missing one, a malformed URL, an
// unreadable CA or a key of the wrong size is refused with file, line and key.

#include "common/Result.h"
#include "crypto/AuditSignature.h"
#include "crypto/X25519.h"

#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>
#include <QtNetwork/QSslCertificate>

namespace credvault::client {

struct Endpoint {
    QUrl url; // https://HOST:PORT
    QList<QSslCertificate> ca;
};

struct ClientConfig {
    enum class App { Customer, Support };

    QString path;
    Endpoint vault;
    Endpoint keyserver; // the public listener
    crypto::X25519PublicKey redeemKey{};
    AuditKeyPublic auditKey{};
    // Support app only.
    Endpoint keyserverStaff;
    QString staffCertificate; // PKCS#12 file

    static Result<ClientConfig> load(const QString &path, App app = App::Customer);
};

} // namespace credvault::client
