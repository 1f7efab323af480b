// Fuzz target: the vault server's routes with fuzzed requests and JSON bodies (the
// format is in FuzzServer.h). A real VaultServer runs in the process on a temporary
// SQLCipher database; its routes are called directly, as HttpsServer would call them. Its
// keyserver is configured at https://127.0.0.1:1, where nothing listens: the relays get
// their "keyserver unavailable" answer at once, without a network.
//
// Placeholders: $ACCOUNT (a customer account with its key id), $USER and $PASSWORD (its
// sign-in), $TOKEN (signed in as that customer), $STAFF_TOKEN (signed in as sam, an
// admin), $ENTRY and $REVISION (a live entry of the account), $ENVELOPE (a sealed entry
// for the account's key), $NEW_ID (a fresh UUID). After every input the harness puts
// these back as they were (through its own connection to the database).
//
// Sign-in hashes passwords with Argon2id at 64 MiB and three passes, a tenth of a second
// each: far too slow for a fuzzer. This target alone replaces libargon2's encoder with
// one at the smallest cost (argon2id_hash_encoded below); verification is libargon2's
// own and reads the cost from the stored hash, so every path of the server runs as it is.

#include "FuzzServer.h"
#include "FuzzSupport.h"

#include "auth/Password.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"
#include "store/Queries.h"
#include "store/vault/SqlCipherVaultStore.h"
#include "vault/VaultServer.h"
#include "vault/VaultService.h"
#include "vault/VaultSettings.h"

#include <argon2.h>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

extern "C" int argon2id_hash_encoded(const uint32_t, const uint32_t, const uint32_t, const void *pwd,
                                     const size_t pwdlen, const void *salt, const size_t saltlen, const size_t hashlen,
                                     char *encoded, const size_t encodedlen)
{
    return argon2_hash(1, 8, 1, pwd, pwdlen, salt, saltlen, nullptr, hashlen, encoded, encodedlen, Argon2_id,
                       ARGON2_VERSION_NUMBER);
}

namespace {

const QByteArray kConfig = R"(
[server]
threads = 1
[database]
path = vault.db
key_file = db.key
[keyserver]
url = https://127.0.0.1:1
ca = pki/root.pem
certificate = pki/vault-chain.pem
private_key = pki/vault.key
timeout = 2s
)" + fuzz::listenerSection("api", "127.0.0.1", 0);

const QByteArray kPassword = "correct horse battery staple";
constexpr int kInputsPerAccount = 2000; // then a new customer, so lists and audits stay short

QByteArray tokenHash(const QByteArray &token)
{
    return crypto::bytesView(crypto::sha256({token})).toByteArray();
}

class Harness {
public:
    Harness() : m_config(fuzz::loadConfig(u"vault.conf"_s, kConfig, vault::serviceSpec())), m_server(m_config)
    {
        const Result<vault::VaultSettings> settings = vault::VaultSettings::read(m_config);
        fuzz::check(settings.ok(), "the vault settings load");
        Result<std::unique_ptr<vault::VaultServer>> vs = vault::VaultServer::create(m_config, *settings);
        fuzz::check(vs.ok(), "the vault server starts");
        m_vault = std::move(*vs);
        m_vault->registerRoutes(m_server);
        Result<std::unique_ptr<SqlCipherVaultStore>> st =
            SqlCipherVaultStore::open(m_config.databasePath, m_config.loadDatabaseKey().value());
        fuzz::check(st.ok(), "the harness's connection opens");
        m_store = std::move(*st);
        m_passwordHash = auth::Password::hash(kPassword).value();
        m_keyId = crypto::bytesView(keyIdOf(fuzz::accountKey().publicKey())).toByteArray();
        User sam;
        sam.id = QUuid::createUuid();
        sam.kind = UserKind::Staff;
        sam.username = u"sam"_s;
        sam.displayName = u"Sam Admin"_s;
        sam.role = u"admin"_s;
        sam.passwordHash = m_passwordHash;
        fuzz::check(m_store->createStaff(sam, u"system"_s).ok(), "sam is made");
        m_sam = sam.id;
    }

    Response call(const fuzz::TextRequest &r) { return fuzz::dispatch(m_server, r, {}); }

    // Puts the customer, the sign-ins and the entry back as the seeds expect.
    void restore()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (++m_inputs % kInputsPerAccount == 1)
            newCustomer();
        Result<std::optional<User>> alice = m_store->user(m_alice);
        fuzz::check(alice.ok() && alice->has_value(), "read the customer");
        if ((*alice)->passwordHash != m_passwordHash)
            fuzz::check(m_store->setPasswordHash(m_alice, m_passwordHash, u"system"_s).ok(), "reset the password");
        if ((*alice)->failedLogins != 0 || (*alice)->lockedUntil.isValid())
            fuzz::check(m_store->recordLoginSuccess(m_alice).ok(), "clear the lock");
        for (auto [user, token] : {std::pair{m_alice, &m_token}, std::pair{m_sam, &m_staffToken}}) {
            Result<std::optional<Token>> t =
                token->isEmpty() ? Result<std::optional<Token>>(std::nullopt) : m_store->token(tokenHash(*token));
            fuzz::check(t.ok(), "read a token");
            if (*t && (*t)->userId == user)
                continue;
            *token = QByteArray(32, '\0');
            crypto::randomBytes(reinterpret_cast<unsigned char *>(token->data()), 32);
            fuzz::check(m_store->addToken({tokenHash(*token), user, now, now.addDays(1)}).ok(), "add a token");
        }
        Result<std::optional<Entry>> e = m_store->entry(m_entry);
        fuzz::check(e.ok(), "read the entry");
        if (!*e || (*e)->deleted) {
            Entry n;
            n.id = QUuid::createUuid();
            n.accountId = m_account;
            n.keyId = m_keyId;
            n.envelope = m_envelope;
            n.createdBy = u"system"_s;
            Result<Entry> made = m_store->createEntry(n);
            fuzz::check(made.ok(), "make the entry");
            m_entry = n.id;
            m_revision = made->revision;
        } else {
            m_revision = (*e)->revision;
        }
    }

    fuzz::Placeholders placeholders() const
    {
        return {{"$ACCOUNT", uuidText(m_account).toLatin1()},
                {"$USER", m_username.toLatin1()},
                {"$PASSWORD", kPassword},
                {"$STAFF_TOKEN", toBase64Url(m_staffToken)},
                {"$TOKEN", toBase64Url(m_token)},
                {"$ENTRY", uuidText(m_entry).toLatin1()},
                {"$REVISION", QByteArray::number(m_revision)},
                {"$ENVELOPE", toBase64Url(m_envelope)},
                {"$NEW_ID", uuidText(QUuid::createUuid()).toLatin1()}};
    }

private:
    void newCustomer()
    {
        ++m_customers;
        m_username = m_customers == 1 ? u"alice"_s : u"alice%1"_s.arg(m_customers);
        Account a;
        a.id = QUuid::createUuid();
        a.displayName = u"Alice Example"_s;
        a.email = u"alice@example.net"_s;
        User u;
        u.id = QUuid::createUuid();
        u.kind = UserKind::Customer;
        u.username = m_username;
        u.displayName = u"Alice"_s;
        u.accountId = a.id;
        u.passwordHash = m_passwordHash;
        fuzz::check(m_store->createCustomer(a, u, u"system"_s).ok(), "a customer is made");
        fuzz::check(m_store->setAccountKeyId(a.id, m_keyId, u"system"_s).ok(), "its key id");
        m_account = a.id;
        m_alice = u.id;
        m_token.clear();
        m_entry = QUuid();
        m_envelope =
            EntryEnvelope::seal(fuzz::accountKey().publicKey(), a.id, fuzz::entryId(), R"({"title":"web1"})").value();
    }

    ServiceConfig m_config;
    HttpsServer m_server;
    std::unique_ptr<vault::VaultServer> m_vault;
    std::unique_ptr<SqlCipherVaultStore> m_store;
    QString m_passwordHash;
    QByteArray m_keyId;
    QUuid m_sam;
    qint64 m_inputs = 0;
    int m_customers = 0;
    QString m_username;
    QUuid m_account, m_alice, m_entry;
    qint64 m_revision = 0;
    QByteArray m_token, m_staffToken, m_envelope;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    return fuzz::runServerTarget<Harness>(data, size);
}
