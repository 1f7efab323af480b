#pragma once

// An unlock session opened the way the app opens one, but with raw HTTPS calls, for tests
// and benchmarks that drive the keyserver themselves: a code mailed to the account's owner
// through the vault server, redeemed at the keyserver with a fresh session key.

#include "client/ClientConfig.h"
#include "crypto/CodeBox.h"
#include "crypto/UnlockCode.h"
#include "crypto/X25519.h"
#include "protocol/Base64Url.h"

#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QJsonArray>

namespace credvault::test {

/// The session id (base64url), or a text starting "error: " saying what failed.
inline QByteArray openUnlockSession(DemoDeployment &d, const QString &token, const QUuid &account, Outbox &outbox)
{
    if (const HttpReply r = d.api("POST", "/v1/unlock-code-request", {}, token); r.status != 200)
        return "error: code request: " + r.body;
    const QList<QByteArray> mails = outbox.waitFor(1);
    if (mails.isEmpty())
        return "error: no code mail";
    const Result<UnlockCode> code = UnlockCode::parse(unlockCodeIn(mails.last()));
    if (!code)
        return "error: no code in the mail";
    const Result<client::ClientConfig> config = client::ClientConfig::load(d.path(QStringLiteral("client.conf")));
    if (!config)
        return "error: client.conf";
    const crypto::X25519PrivateKey session = crypto::X25519PrivateKey::generate();
    const QByteArray box = CodeBox::seal(config->redeemKey, account, session.publicKey(), code->normalized()).value();
    const HttpReply r = d.keyserverCall(
        QStringLiteral("public"), "POST", "/v1/unlock-sessions",
        json({{QStringLiteral("account_id"), account.toString(QUuid::WithoutBraces)},
              {QStringLiteral("code_box"), QString::fromLatin1(toBase64Url(box))},
              {QStringLiteral("session_public_key"),
               QString::fromLatin1(toBase64Url(crypto::bytesView(session.publicKey()).toByteArray()))}}),
        "Content-Type: application/json\r\n");
    if (r.status != 200 && r.status != 201)
        return "error: redemption: " + r.body;
    const QByteArray id = object(r).value(QStringLiteral("session_id")).toString().toLatin1();
    rememberSecret(id);
    return id;
}

/// A decapsulation request body for `count` fresh encs.
inline QByteArray decapsulationBody(int count)
{
    QJsonArray encs;
    for (int i = 0; i < count; ++i)
        encs.append(QString::fromLatin1(
            toBase64Url(crypto::bytesView(crypto::X25519PrivateKey::generate().publicKey()).toByteArray())));
    return json({{QStringLiteral("encs"), encs}});
}

} // namespace credvault::test
