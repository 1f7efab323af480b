// The support app's client layer against the real servers of an init-demo folder: sam's
// staff certificate read from its PKCS#12 file (and the clear refusals of a wrong
// passphrase, an expired certificate, one that is not a staff certificate, one the
// keyserver does not accept, one revoked while it runs), customer search, a staff unlock
// with reason and ticket that opens alice's entries and mails her the notice, and the
// admin-only unlock e-mail change with its cancel.

#include "client/ClientConfig.h"
#include "client/EntryModel.h"
#include "client/StaffApi.h"
#include "client/StaffIdentity.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"

#include "support/Await.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"
#include "support/OpensslCa.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtNetwork/QNetworkAccessManager>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <csignal>
#include <cstdio>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

using test::await;
using VoidResult = Result<void, ApiError>;

QByteArray fileText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
}

// A PKCS#12 file of a PEM certificate and key, as OpenSSL 3 writes them by default.
bool writePkcs12(const QString &certFile, const QString &keyFile, const char *pass, const QString &out)
{
    FILE *cf = std::fopen(QFile::encodeName(certFile).constData(), "r");
    FILE *kf = std::fopen(QFile::encodeName(keyFile).constData(), "r");
    X509 *cert = cf ? PEM_read_X509(cf, nullptr, nullptr, nullptr) : nullptr;
    EVP_PKEY *key = kf ? PEM_read_PrivateKey(kf, nullptr, nullptr, nullptr) : nullptr;
    if (cf)
        std::fclose(cf);
    if (kf)
        std::fclose(kf);
    PKCS12 *p12 = cert && key ? PKCS12_create(pass, "vault", key, cert, nullptr, 0, 0, 0, 0, 0) : nullptr;
    unsigned char *der = nullptr;
    const int n = p12 ? i2d_PKCS12(p12, &der) : 0;
    QFile f(out);
    const bool ok = n > 0 && f.open(QIODevice::WriteOnly) && f.write(reinterpret_cast<const char *>(der), n) == n;
    OPENSSL_free(der);
    PKCS12_free(p12);
    EVP_PKEY_free(key);
    X509_free(cert);
    return ok;
}

} // namespace

class TestStaffClient : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    QNetworkAccessManager m_network;
    ClientConfig m_config;
    std::unique_ptr<VaultApi> m_vault;
    std::unique_ptr<StaffApi> m_staff;
    std::unique_ptr<test::Outbox> m_outbox;
    QUuid m_alice;

    std::shared_ptr<const StaffIdentity> identity(const QString &name)
    {
        Result<StaffIdentity> id =
            StaffIdentity::load(m_demo.pki(name + u".p12"_s), fileText(m_demo.pki(name + u".p12.pass"_s)));
        if (!id)
            qWarning("%s", qPrintable(id.error().message));
        return id ? std::make_shared<const StaffIdentity>(std::move(*id)) : nullptr;
    }

    void cli(const QStringList &args)
    {
        const test::RunResult r = test::run(test::binary(u"credvault-cli"_s), args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // GET /v1/health on the staff listener with the client certificate PKI/NAME.pem.
    ApiResult healthWith(const QString &name)
    {
        auto id = std::make_shared<ClientIdentity>();
        QFile cert(m_demo.pki(name + u".pem"_s));
        QFile key(m_demo.pki(name + u".key"_s));
        if (!cert.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            return Unexpected(ApiError{0, u"test"_s, u"no "_s + name + u".pem or .key"_s, {}});
        id->certificate = QSslCertificate(cert.readAll(), QSsl::Pem);
        id->key = QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
        id->chain = {id->certificate};
        ApiClient http(m_config.keyserverStaff, &m_network);
        http.setClientIdentity(id);
        const ApiResult r = await<ApiResult>([&](ApiCallback cb) { http.call("GET", u"/v1/health"_s, {}, cb); });
        m_network.clearConnectionCache();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_demo.makeAndStart(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        cli({u"demo-entries"_s, u"--dir"_s, m_demo.path(QString())});
        Result<ClientConfig> config = ClientConfig::load(m_demo.path(u"support.conf"_s), ClientConfig::App::Support);
        QVERIFY2(config.ok(), config ? "" : qPrintable(config.error().message));
        m_config = *config;
        m_outbox = std::make_unique<test::Outbox>(m_demo.path(u"outbox"_s));
        m_outbox->take(); // the vault's creation
        m_vault = std::make_unique<VaultApi>(m_config.vault, &m_network);
        m_staff = std::make_unique<StaffApi>(m_config.keyserverStaff, &m_network);
        m_alice = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
    }

    void theCertificateFileIsReadOrRefusedClearly()
    {
        const QByteArray pass = fileText(m_demo.pki(u"sam.p12.pass"_s));
        Result<StaffIdentity> sam = StaffIdentity::load(m_config.staffCertificate, pass);
        QVERIFY2(sam.ok(), sam ? "" : qPrintable(sam.error().message));
        QCOMPARE(sam->name, u"sam"_s);
        QCOMPARE(sam->role, u"admin"_s);
        QVERIFY(sam->isAdmin());
        QVERIFY(!sam->tls.key.isNull());
        QVERIFY(sam->tls.chain.size() >= 2); // the leaf and the staff CA
        QVERIFY(sam->notAfter > QDateTime::currentDateTimeUtc().addDays(80));

        Result<StaffIdentity> wrong = StaffIdentity::load(m_demo.pki(u"sam.p12"_s), pass + "x");
        QCOMPARE(wrong.error().code, u"wrong_passphrase"_s);
        QVERIFY(wrong.error().message.contains(u"passphrase is not right"_s));

        Result<StaffIdentity> notP12 = StaffIdentity::load(m_demo.pki(u"root.pem"_s), pass);
        QCOMPARE(notP12.error().code, u"not_pkcs12"_s);
        Result<StaffIdentity> missing = StaffIdentity::load(m_demo.pki(u"nobody.p12"_s), pass);
        QCOMPARE(missing.error().code, u"unreadable"_s);

        // Checked against the clock: the day after it ends, and before it begins.
        Result<StaffIdentity> expired = StaffIdentity::load(m_demo.pki(u"sam.p12"_s), pass, sam->notAfter.addDays(1));
        QCOMPARE(expired.error().code, u"certificate_expired"_s);
        QVERIFY2(expired.error().message.contains(sam->notAfter.toString(u"yyyy-MM-dd"_s)),
                 qPrintable(expired.error().message));
        Result<StaffIdentity> early =
            StaffIdentity::load(m_demo.pki(u"sam.p12"_s), pass, QDateTime::currentDateTimeUtc().addDays(-2));
        QCOMPARE(early.error().code, u"certificate_not_yet_valid"_s);
    }

    void aCertificateTheStaffListenerDoesNotAcceptIsRefusedClearly()
    {
        // The vault server's service certificate: a client certificate, but from the
        // services CA, which the staff listener does not trust.
        const ApiResult r = healthWith(u"vault"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"certificate_refused"_s);
        QCOMPARE(r.error().details.value(u"reason"_s).toString(), u"not_accepted"_s);
        QVERIFY(describe(r.error(), u"keyserver"_s).contains(u"not from this deployment's staff CA"_s));

        // No certificate at all: refused too (no certificate was sent, so none is blamed).
        ApiClient none(m_config.keyserverStaff, &m_network);
        const ApiResult n = await<ApiResult>([&](ApiCallback cb) { none.call("GET", u"/v1/health"_s, {}, cb); });
        QVERIFY(!n.ok());
        QCOMPARE(n.error().httpStatus, 0);
        QVERIFY(n.error().code != u"certificate_refused"_s);
        m_network.clearConnectionCache();
        // Through StaffApi without a certificate: refused before anything is sent, and said so.
        StaffApi bare(m_config.keyserverStaff, &m_network);
        const ApiResult b = await<ApiResult>([&](ApiCallback cb) { bare.account(m_alice, cb); });
        QVERIFY(!b.ok());
        QCOMPARE(b.error().code, u"no_certificate"_s);
        QVERIFY(describe(b.error(), u"keyserver"_s).contains(u"no staff certificate is in use"_s));

        // The same service certificate in a PKCS#12 file is refused by the app itself: it
        // has no support or admin role.
        const QString p12 = m_dir.filePath(u"vault.p12"_s);
        QVERIFY(writePkcs12(m_demo.pki(u"vault.pem"_s), m_demo.pki(u"vault.key"_s), "p12-pass", p12));
        Result<StaffIdentity> notStaff = StaffIdentity::load(p12, "p12-pass");
        QVERIFY(!notStaff.ok());
        QCOMPARE(notStaff.error().code, u"not_staff"_s);
    }

    void anExpiredCertificateIsRefusedByTheKeyserver()
    {
        // The app refuses an expired certificate before sending it (above); one sent anyway
        // (a clock that was wrong) is refused by the keyserver, and the app says why.
        const QString failed =
            test::signWithStaffCa(m_demo.pki(QString()), m_dir.path(), u"old-sam"_s,
                                  u"/O=CredVault/OU=support/CN=old-sam"_s, u"20200101000000Z"_s, u"20200201000000Z"_s);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const ApiResult r = healthWith(u"old-sam"_s);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"certificate_refused"_s);
        QCOMPARE(r.error().details.value(u"reason"_s).toString(), u"expired"_s);
        QVERIFY2(describe(r.error(), u"keyserver"_s).contains(u"expired"_s),
                 qPrintable(describe(r.error(), u"keyserver"_s)));
    }

    void staffFindCustomers()
    {
        QVERIFY(await<ApiResult>([&](ApiCallback cb) {
                    m_vault->login(u"sam"_s, m_demo.user(u"sam"_s).password, {}, cb);
                }).ok());
        for (const QString &query :
             {u"ali"_s, u"alice@example"_s, u"Alice Ex"_s, m_alice.toString(QUuid::WithoutBraces)}) {
            const ApiResult r = await<ApiResult>([&](ApiCallback cb) { m_vault->searchAccounts(query, cb); });
            QVERIFY2(r.ok(), qPrintable(query));
            const QJsonArray items = r->value(u"items"_s).toArray();
            QCOMPARE(items.size(), 1);
            QCOMPARE(items.first().toObject().value(u"username"_s).toString(), u"alice"_s);
            QCOMPARE(items.first().toObject().value(u"email"_s).toString(), u"alice@example.com"_s);
        }
        const ApiResult none = await<ApiResult>([&](ApiCallback cb) { m_vault->searchAccounts(u"zzz-nobody"_s, cb); });
        QVERIFY(none.ok());
        QVERIFY(none->value(u"items"_s).toArray().isEmpty());
    }

    void aStaffUnlockOpensTheEntriesAndTellsTheCustomer()
    {
        m_staff->setIdentity(identity(u"sam"_s));
        QVERIFY(m_staff->identity());
        const ApiResult info = await<ApiResult>([&](ApiCallback cb) { m_staff->account(m_alice, cb); });
        QVERIFY2(info.ok(), info ? "" : qPrintable(info.error().message));
        QCOMPARE(info->value(u"unlock_email"_s).toString(), u"alice@example.com"_s);
        QCOMPARE(info->value(u"notice_email"_s).toString(), u"alice@example.com"_s);
        QCOMPARE(info->value(u"unlock_state"_s).toString(), u"email"_s);
        QVERIFY(info->value(u"pending_change"_s).isNull());

        UnlockSession session(m_config.keyserver, m_config.redeemKey, &m_network);
        EntryModel model(*m_vault, session, m_alice);
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!model.busy(), 10000);
        QCOMPARE(model.openCount(), 0);

        // No reason or ticket: nothing is asked.
        const VoidResult bare =
            await<VoidResult>([&](auto cb) { session.openForStaff(m_staff->http(), m_alice, u" "_s, u"T-1"_s, cb); });
        QCOMPARE(bare.error().code, u"bad_request"_s);
        QVERIFY(!session.isUnlocked());

        QSignalSpy opened(&model, &EntryModel::opened);
        const VoidResult r = await<VoidResult>([&](auto cb) {
            session.openForStaff(m_staff->http(), m_alice, u"Customer asked us to fix the mail server"_s, u"T-4711"_s,
                                 cb);
        });
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
        QVERIFY(session.isUnlocked());
        QVERIFY(session.expiresAt() > QDateTime::currentDateTimeUtc().addSecs(25 * 60));
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 15000);
        QCOMPARE(model.openCount(), 5);
        QVERIFY(!model.secret(0).isEmpty());

        const QList<QByteArray> mails = m_outbox->waitFor(1);
        QCOMPARE(mails.size(), 1);
        const QString mail = QString::fromUtf8(mails.first());
        QVERIFY(mail.contains(u"alice@example.com"_s));
        QVERIFY(mail.contains(u"Engineer: sam"_s));
        QVERIFY(mail.contains(u"Customer asked us to fix the mail server"_s));
        QVERIFY(mail.contains(u"T-4711"_s));
        QVERIFY(test::unlockCodeIn(mails.first()).isEmpty()); // never a code

        session.lock();
        QCOMPARE(model.openCount(), 0);
        // The keyserver's audit names the engineer, reason and ticket, and the lock.
        const ApiResult audit = await<ApiResult>([&](ApiCallback cb) { m_staff->audit(m_alice, cb); });
        QVERIFY(audit.ok());
        const QByteArray text = QJsonDocument(*audit).toJson();
        QVERIFY(text.contains("T-4711"));
        QVERIFY(text.contains("\"locked\""));
        // The vault server's audit of the account.
        const ApiResult vaultAudit = await<ApiResult>([&](ApiCallback cb) { m_vault->accountAudit(m_alice, cb); });
        QVERIFY(vaultAudit.ok());
        QVERIFY(!vaultAudit->value(u"items"_s).toArray().isEmpty());
    }

    void theUnlockAddressChangeIsAdminOnlyPendingAndCancellable()
    {
        // A support (not admin) engineer may not.
        cli({u"pki"_s, u"issue"_s, u"--dir"_s, m_demo.pki(QString()), u"--role"_s, u"staff"_s, u"--name"_s, u"sue"_s,
             u"--staff-role"_s, u"support"_s});
        StaffApi sue(m_config.keyserverStaff, &m_network);
        sue.setIdentity(identity(u"sue"_s));
        QVERIFY(sue.identity() && !sue.identity()->isAdmin());
        const ApiResult refused = await<ApiResult>(
            [&](ApiCallback cb) { sue.changeUnlockEmail(m_alice, u"new@example.com"_s, u"called back"_s, cb); });
        QCOMPARE(refused.error().httpStatus, 403);
        QCOMPARE(refused.error().code, u"admin_only"_s);

        m_staff->setIdentity(identity(u"sam"_s));
        const ApiResult changed = await<ApiResult>([&](ApiCallback cb) {
            m_staff->changeUnlockEmail(m_alice, u"alice.new@example.com"_s,
                                       u"called the customer back on the number on file"_s, cb);
        });
        QVERIFY2(changed.ok(), changed ? "" : qPrintable(changed.error().message));
        const QJsonObject pending = changed->value(u"pending_change"_s).toObject();
        QCOMPARE(pending.value(u"unlock_email"_s).toString(), u"alice.new@example.com"_s);
        const QDateTime effective = QDateTime::fromString(pending.value(u"effective_at"_s).toString(), Qt::ISODate);
        QVERIFY(effective > QDateTime::currentDateTimeUtc().addSecs(23 * 3600)); // the default delay: 24 h
        const ApiResult info = await<ApiResult>([&](ApiCallback cb) { m_staff->account(m_alice, cb); });
        QCOMPARE(info->value(u"unlock_email"_s).toString(), u"alice@example.com"_s); // not yet
        QCOMPARE(info->value(u"pending_change"_s).toObject().value(u"unlock_email"_s).toString(),
                 u"alice.new@example.com"_s);
        m_outbox->waitFor(2); // old and new address told

        const ApiResult cancelled =
            await<ApiResult>([&](ApiCallback cb) { m_staff->cancelUnlockEmailChange(m_alice, cb); });
        QVERIFY(cancelled.ok());
        const ApiResult after = await<ApiResult>([&](ApiCallback cb) { m_staff->account(m_alice, cb); });
        QVERIFY(after->value(u"pending_change"_s).isNull());
        const ApiResult again =
            await<ApiResult>([&](ApiCallback cb) { m_staff->cancelUnlockEmailChange(m_alice, cb); });
        QCOMPARE(again.error().code, u"no_pending_change"_s);

        // Write-only (no address) is a pending change too.
        const ApiResult off = await<ApiResult>([&](ApiCallback cb) {
            m_staff->changeUnlockEmail(m_alice, std::nullopt, u"customer asked in writing"_s, cb);
        });
        QVERIFY(off.ok());
        QVERIFY(off->value(u"pending_change"_s).toObject().value(u"unlock_email"_s).isNull());
        QVERIFY(await<ApiResult>([&](ApiCallback cb) { m_staff->cancelUnlockEmailChange(m_alice, cb); }).ok());
    }

    void aCertificateRevokedWhileTheKeyserverRunsIsRefused()
    {
        cli({u"pki"_s, u"revoke"_s, u"--dir"_s, m_demo.pki(QString()), u"--cert"_s, m_demo.pki(u"sue.pem"_s)});
        QVERIFY(m_demo.keyserver().sendSignal(SIGHUP));
        StaffApi sue(m_config.keyserverStaff, &m_network);
        sue.setIdentity(identity(u"sue"_s));
        ApiError last;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_network.clearConnectionCache();
                const ApiResult r = await<ApiResult>([&](ApiCallback cb) { sue.check(cb); });
                last = r ? ApiError{} : r.error();
                return !r && r.error().code == u"certificate_refused"_s;
            }(),
            10000);
        QCOMPARE(last.details.value(u"reason"_s).toString(), u"revoked"_s);
        QVERIFY(describe(last, u"keyserver"_s).contains(u"has been revoked"_s));
        // sam is unaffected.
        m_staff->setIdentity(identity(u"sam"_s));
        QVERIFY(await<ApiResult>([&](ApiCallback cb) { m_staff->check(cb); }).ok());
    }
};

QTEST_GUILESS_MAIN(TestStaffClient)
#include "TestStaffClient.moc"
