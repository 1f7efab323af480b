#pragma once

// The keyserver's own configuration sections (after [server], [database] and its three
// [listener.*] sections, which ServiceConfig reads):
//
//   [keys]
//   master_key_file = master.key      ; or master_key_env = VARIABLE (64 hex characters)
//   redeem_key = redeem.pem           ; X25519, PKCS#8 PEM: opens the apps' code boxes
//   audit_key = audit.pem             ; Ed25519, PKCS#8 PEM: signs audit heads
//   [codes]                 ; durations: a number and s, m, h or d
//   lifetime = 60m          max_failures = 5     block = 15m
//   max_per_window = 3      window = 15m
//   precompute = 10m        ; how long the shared secrets computed while a code is on its
//                           ; way are kept for its unlock (at most the code's lifetime); 0s = off
//   [sessions]
//   code = 60m              staff = 30m
//   [email]
//   change_delay = 24h
//   [mail]
//   from = keys@example.net
//   maildir = outbox        ; the development default: a Maildir outbox, or:
//   smtp_host = mail.example.net   smtp_port = 587   smtp_tls = starttls|implicit
//   smtp_user = credvault   smtp_password_file = smtp.pass   smtp_ca = ca.pem
//   timeout = 10s           ; one delivery, connecting included

#include "common/Result.h"
#include "service/ServiceConfig.h"

#include <QtCore/QString>

#include <optional>

namespace credvault::keyserver {

struct KeyserverSettings {
    QString masterKeyFile;
    QString masterKeyEnv;
    QString redeemKeyFile;
    QString auditKeyFile;

    // Durations in seconds.
    qint64 codeLifetime = 60 * 60;
    int maxFailures = 5;
    qint64 block = 15 * 60;
    int maxCodesPerWindow = 3;
    qint64 codeWindow = 15 * 60;
    qint64 precompute = 10 * 60; // 0: no decapsulation before a code is redeemed (DecapCache)
    qint64 codeSession = 60 * 60;
    qint64 staffSession = 30 * 60;
    qint64 emailChangeDelay = 24 * 60 * 60;

    QString mailFrom;
    QString maildir;  // set: Maildir outbox
    QString smtpHost; // set: SMTP
    int smtpPort = 587;
    bool smtpImplicitTls = false;
    QString smtpUser;
    QString smtpPasswordFile;
    QString smtpCa;
    qint64 mailTimeout = 10; // seconds for one SMTP delivery: below the vault server's 15 s per call

    /// Reads the sections above from an already loaded configuration; errors name the
    /// file, line and key.
    static Result<KeyserverSettings> read(const ServiceConfig &config);
    /// The sections and keys the keyserver accepts, for ServiceSpec::extraSections.
    static QMap<QString, QStringList> sections();
};

} // namespace credvault::keyserver
