// Ed25519 signatures of the audit head, interoperable with the openssl CLI both ways.
#include "crypto/AuditSignature.h"

#include "support/Executables.h"
#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestAuditSignature : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void signsAndVerifies()
    {
        const AuditSigner s = AuditSigner::generate();
        const QByteArray hash(32, 'h');
        Result<QByteArray> sig = s.signHead(42, hash);
        QVERIFY(sig.ok());
        QCOMPARE(sig->size(), 64);
        QVERIFY(verifyAuditHead(s.publicKey(), 42, hash, *sig));
        QVERIFY(!verifyAuditHead(s.publicKey(), 41, hash, *sig));                // another count
        QVERIFY(!verifyAuditHead(s.publicKey(), 42, QByteArray(32, 'i'), *sig)); // another hash
        QVERIFY(!verifyAuditHead(AuditSigner::generate().publicKey(), 42, hash, *sig));
        QVERIFY(!verifyAuditHead(s.publicKey(), 42, hash, sig->left(63)));
        QByteArray bad = *sig;
        bad[10] = char(bad[10] ^ 1);
        QVERIFY(!verifyAuditHead(s.publicKey(), 42, hash, bad));
        QCOMPARE(auditHeadMessage(1, hash).left(24), QByteArray("credvault/v1/audit-head") + '\0');
    }

    void interoperatesWithOpenssl()
    {
        QTemporaryDir dir;
        const QString sk = dir.filePath(u"audit.pem"_s);
        QCOMPARE(test::run(u"openssl"_s, {u"genpkey"_s, u"-algorithm"_s, u"ED25519"_s, u"-out"_s, sk}).exitCode, 0);
        QFile f(sk);
        QVERIFY(f.open(QIODevice::ReadOnly));
        Result<AuditSigner> s = AuditSigner::fromPem(f.readAll());
        QVERIFY(s.ok());
        const QByteArray hash(32, 'x');
        const QString msg = test::writeFile(dir.path(), u"msg"_s, auditHeadMessage(7, hash));
        const QString sig = test::writeFile(dir.path(), u"sig"_s, s->signHead(7, hash).value());
        const QString pk = dir.filePath(u"audit.pub"_s);
        QCOMPARE(test::run(u"openssl"_s, {u"pkey"_s, u"-in"_s, sk, u"-pubout"_s, u"-out"_s, pk}).exitCode, 0);
        const test::RunResult v = test::run(u"openssl"_s, {u"pkeyutl"_s, u"-verify"_s, u"-pubin"_s, u"-inkey"_s, pk,
                                                           u"-rawin"_s, u"-in"_s, msg, u"-sigfile"_s, sig});
        QVERIFY2(v.exitCode == 0, v.err.constData());
        // And the other way: openssl signs, we verify.
        const QString sig2 = dir.filePath(u"sig2"_s);
        QCOMPARE(test::run(u"openssl"_s,
                           {u"pkeyutl"_s, u"-sign"_s, u"-inkey"_s, sk, u"-rawin"_s, u"-in"_s, msg, u"-out"_s, sig2})
                     .exitCode,
                 0);
        QFile g(sig2);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QVERIFY(verifyAuditHead(s->publicKey(), 7, hash, g.readAll()));
        // Not an Ed25519 key: refused.
        const QString x = dir.filePath(u"x.pem"_s);
        QCOMPARE(test::run(u"openssl"_s, {u"genpkey"_s, u"-algorithm"_s, u"X25519"_s, u"-out"_s, x}).exitCode, 0);
        QFile h(x);
        QVERIFY(h.open(QIODevice::ReadOnly));
        QCOMPARE(AuditSigner::fromPem(h.readAll()).error().code, u"wrong_key_type"_s);
        // Our PEM reads back.
        QCOMPARE(AuditSigner::fromPem(s->privatePem().view())->publicKey(), s->publicKey());
    }
};

QTEST_GUILESS_MAIN(TestAuditSignature)
#include "TestAuditSignature.moc"
