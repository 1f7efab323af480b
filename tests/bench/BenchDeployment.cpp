#include "BenchDeployment.h"

#include "crypto/EntryEnvelope.h"
#include "protocol/Base64Url.h"

#include "support/DemoDeployment.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QThread>

#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace credvault::bench {

QString startDemo(test::DemoDeployment &demo, const QString &dir, const QByteArray &keyserverSections)
{
    if (QString e = demo.make(dir + u"/demo"_s); !e.isEmpty())
        return e;
    if (!keyserverSections.isEmpty())
        demo.append(u"keyserver.conf"_s, keyserverSections);
    demo.keyserver().logToFile(dir + u"/keyserver.log"_s);
    demo.vault().logToFile(dir + u"/vault.log"_s);
    if (QString e = demo.startKeyserver(); !e.isEmpty())
        return e;
    return demo.startVault();
}

QString writeSealedEntries(test::DemoDeployment &demo, const QByteArray &token, const QUuid &account,
                           const crypto::X25519PublicKey &accountKey, int count,
                           const std::function<SecureBuffer(int)> &plaintextOf, int connections)
{
    const quint16 port = demo.vault().port(u"api"_s);
    const QString ca = demo.pki(u"root.pem"_s);
    const QString accountText = QString::fromLatin1(canonicalUuid(account));
    const QByteArray headers = "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n";
    auto errors = std::vector<QString>(std::size_t(connections));
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < connections; ++t) {
        // Thread t writes entries t, t + connections, t + 2 * connections …
        threads.emplace_back(QThread::create([&, t] {
            QString &error = errors[std::size_t(t)];
            test::HttpsConnection conn;
            if (!conn.open(port, ca)) {
                error = u"cannot connect to the vault server: "_s + conn.error();
                return;
            }
            for (int i = t; i < count; i += connections) {
                const QUuid id = QUuid::createUuid();
                const Result<QByteArray> envelope = EntryEnvelope::seal(accountKey, account, id, plaintextOf(i).view());
                if (!envelope) {
                    error = envelope.error().message;
                    return;
                }
                const QJsonObject body{{u"id"_s, QString::fromLatin1(canonicalUuid(id))},
                                       {u"account_id"_s, accountText},
                                       {u"envelope"_s, QString::fromLatin1(toBase64Url(*envelope))}};
                const test::HttpReply r =
                    conn.request("POST", "/v1/entries", QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
                if (r.status != 201) {
                    error = u"entry %1 refused: %2 %3"_s.arg(i).arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
                    return;
                }
            }
        }));
        threads.back()->start();
    }
    for (auto &t : threads)
        t->wait();
    for (const QString &e : errors) {
        if (!e.isEmpty())
            return e;
    }
    return {};
}

} // namespace credvault::bench
