// Fuzz target: the keyserver's routes with fuzzed requests and JSON bodies (the format is
// in FuzzServer.h). A real Keyserver runs in the process on a temporary SQLCipher
// database, with a Maildir outbox; its routes are called directly, as HttpsServer would
// call them after TLS and parsing, with the peer each listener would have verified.
//
// Placeholders: $ACCOUNT (an account with its keypair, an unlock address, a live code),
// $OTHER (an id with no account), $SESSION (an open unlock session of it), $SESSION_KEY
// (that session's public key), $CODE_BOX (the live code sealed for $ACCOUNT and
// $SESSION_KEY), $ENC (an enc made for the account's public key). After every input the
// harness puts these back as they were (through its own connection to the database), so
// the requests of one input see each other's effects but inputs do not.

#include "FuzzServer.h"
#include "FuzzSupport.h"

#include "crypto/CodeBox.h"
#include "crypto/Hpke.h"
#include "crypto/Primitives.h"
#include "crypto/UnlockCode.h"
#include "keyserver/Keyserver.h"
#include "keyserver/KeyserverService.h"
#include "keyserver/KeyserverSettings.h"
#include "protocol/Base64Url.h"
#include "store/KeySource.h"
#include "store/Queries.h"
#include "store/keyserver/SqlCipherKeyserverStore.h"

#include <QtCore/QDir>
#include <QtCore/QJsonObject>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

namespace {

const QByteArray kConfig = "\n[server]\nthreads = 1\n" + fuzz::keyserverFileSections() + R"([codes]
max_per_window = 100
window = 1s
[mail]
from = keys@example.net
maildir = outbox
)" + fuzz::listenerSection("public", "127.0.0.1", 0) +
                           fuzz::listenerSection("services", "127.0.0.1", 0, "services-ca") +
                           fuzz::listenerSection("staff", "127.0.0.1", 0, "staff-ca");

const QString kEmail = u"alice@example.net"_s;
constexpr int kInputsPerAccount = 2000; // then a new account, so its audit stays short

QByteArray b64(QByteArrayView bytes)
{
    return toBase64Url(bytes);
}

QByteArray sessionHash(const QByteArray &id)
{
    return crypto::bytesView(crypto::sha256({id})).toByteArray();
}

class Harness {
public:
    Harness()
        : m_config(fuzz::loadConfig(u"keyserver.conf"_s, kConfig, keyserver::serviceSpec())),
          m_server(m_config),
          m_code(UnlockCode::parse(u"7K3M-9QXR-2F4T"_s).value())
    {
        const keyserver::KeyserverSettings settings = keyserver::KeyserverSettings::read(m_config).value();
        Result<std::unique_ptr<keyserver::Keyserver>> ks = keyserver::Keyserver::create(m_config, settings);
        fuzz::check(ks.ok(), "the keyserver starts");
        m_keyserver = std::move(*ks);
        m_keyserver->registerRoutes(m_server);
        Result<std::unique_ptr<SqlCipherKeyserverStore>> st =
            SqlCipherKeyserverStore::open(m_config.databasePath, m_config.loadDatabaseKey().value());
        fuzz::check(st.ok(), "the harness's connection opens");
        m_store = std::move(*st);
        const Result<SecureBuffer> master = KeyFileSource(settings.masterKeyFile).load();
        m_pepper = UnlockCode::pepperFromMasterKey(master.value());
        m_outbox = settings.maildir;
    }

    Response call(const fuzz::TextRequest &r)
    {
        PeerIdentity peer;
        fuzz::TextRequest req = r;
        if (r.listener == u"services"_s) {
            peer = {ClientCertRule::Service, u"vault"_s, {}};
        } else if (r.listener == u"staff"_s) {
            peer = {ClientCertRule::Staff, u"sam"_s, u"admin"_s};
        } else if (r.listener == u"staff-support"_s) {
            peer = {ClientCertRule::Staff, u"sue"_s, u"support"_s};
            req.listener = u"staff"_s;
        }
        return fuzz::dispatch(m_server, req, peer);
    }

    // Puts the account, its session, live code and limits back as the seeds expect.
    void restore()
    {
        if (++m_inputs % kInputsPerAccount == 1)
            m_account = QUuid::createUuid();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString accountText = uuidText(m_account);
        Result<std::optional<KeyserverAccount>> a = m_store->account(m_account);
        Result<std::optional<WrappedKey>> k = m_store->key(m_account);
        fuzz::check(a.ok() && k.ok(), "read the account");
        if (!*a || !*k || (*a)->pending || (*a)->unlockEmail != kEmail || (*a)->noticeEmail != kEmail) {
            if (*a)
                fuzz::check(m_store->deleteAccount(m_account, u"system"_s).ok(), "delete the account");
            fuzz::TextRequest put{u"services"_s, "PUT", "/v1/accounts/" + accountText.toLatin1(), {}, {}};
            put.body = "{\"email\":\"" + kEmail.toLatin1() + "\"}";
            fuzz::check(call(put).status == 201, "the account is made");
            k = m_store->key(m_account);
            fuzz::check(k.ok() && k->has_value(), "its key is there");
            const Result<hpke::Encapsulation> e = hpke::encap(crypto::x25519PublicKeyFrom((*k)->publicKey).value());
            m_enc = b64(crypto::bytesView(e->enc));
            m_codeBox = b64(CodeBox::seal(fuzz::redeemKey().publicKey(), m_account, fuzz::sessionKey().publicKey(),
                                          m_code.normalized())
                                .value());
            m_sessionId.clear();
        }
        Result<std::optional<UnlockSessionRecord>> s = m_sessionId.isEmpty()
                                                           ? Result<std::optional<UnlockSessionRecord>>(std::nullopt)
                                                           : m_store->session(sessionHash(m_sessionId));
        fuzz::check(s.ok(), "read the session");
        if (!*s || (*s)->endedAt.isValid() || (*s)->accountId != m_account) {
            m_sessionId = QByteArray(32, '\0');
            crypto::randomBytes(reinterpret_cast<unsigned char *>(m_sessionId.data()), 32);
            const UnlockSessionRecord r{sessionHash(m_sessionId),
                                        m_account,
                                        crypto::bytesView(fuzz::sessionKey().publicKey()).toByteArray(),
                                        SessionKind::Code,
                                        u"public"_s,
                                        {},
                                        {},
                                        now,
                                        now.addDays(1),
                                        {}};
            fuzz::check(m_store->addSession(r, {u"public"_s, u"unlock"_s, accountText, {}}).ok(), "add a session");
        }
        Result<CodeLimits> limits = m_store->limits(m_account);
        fuzz::check(limits.ok(), "read the limits");
        if (limits->failures != 0 || limits->blockedUntil.isValid())
            fuzz::check(m_store->setLimits(m_account, {}).ok(), "clear the limits");
        const QByteArray hash = crypto::bytesView(m_code.storageHash(m_pepper, m_account)).toByteArray();
        Result<std::optional<LiveCode>> code = m_store->code(m_account);
        fuzz::check(code.ok(), "read the code");
        if (!*code || (*code)->hash != hash || (*code)->expiresAt <= now.addSecs(60))
            fuzz::check(m_store
                            ->putCode({m_account, hash, now, now.addSecs(3600), u"system"_s},
                                      {u"system"_s, u"code_issued"_s, accountText, {}})
                            .ok(),
                        "put the code");
        if (m_inputs % 256 == 0) {
            for (const QString &sub : {u"/new"_s, u"/tmp"_s, u"/cur"_s}) {
                QDir d(m_outbox + sub);
                for (const QString &f : d.entryList(QDir::Files))
                    d.remove(f);
            }
        }
    }

    fuzz::Placeholders placeholders() const
    {
        return {{"$ACCOUNT", uuidText(m_account).toLatin1()},
                {"$OTHER", "3f0e8d2c-7b6a-4c5d-9e8f-0a1b2c3d4e5f"},
                {"$SESSION_KEY", b64(crypto::bytesView(fuzz::sessionKey().publicKey()))},
                {"$SESSION", b64(m_sessionId)},
                {"$CODE_BOX", m_codeBox},
                {"$ENC", m_enc}};
    }

private:
    ServiceConfig m_config;
    HttpsServer m_server;
    std::unique_ptr<keyserver::Keyserver> m_keyserver;
    std::unique_ptr<SqlCipherKeyserverStore> m_store;
    UnlockCode m_code;
    SecureBuffer m_pepper;
    QString m_outbox;
    qint64 m_inputs = 0;
    QUuid m_account;
    QByteArray m_sessionId, m_enc, m_codeBox;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return fuzz::runServerTarget<Harness>(data, size);
}
