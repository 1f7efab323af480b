// PassphraseBox: round trip, wrong passphrase, every line altered, hostile parameters
// refused before any work, truncation and other kinds of file.
#include "crypto/PassphraseBox.h"

#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::crypto;
using namespace Qt::Literals::StringLiterals;

class TestPassphraseBox : public QObject {
    Q_OBJECT
private:
    const QByteArray m_secret = QByteArray(32, '\x5a');
    const QByteArray m_pass = "a long enough passphrase";
    QByteArray m_text;

private Q_SLOTS:
    void initTestCase() { m_text = PassphraseBox::seal(m_secret, m_pass, "master-key", "00112233").value(); }

    void roundTrip()
    {
        Result<PassphraseBoxContent> c = PassphraseBox::open(m_text, m_pass, "master-key");
        QVERIFY(c.ok());
        QCOMPARE(c->secret.view(), QByteArrayView(m_secret));
        QCOMPARE(c->id, QByteArray("00112233"));
        QVERIFY(!m_text.contains(m_secret));
        // Each seal has its own salt and nonce.
        QVERIFY(PassphraseBox::seal(m_secret, m_pass, "master-key", "00112233").value() != m_text);
    }

    void weakPassphraseRefused()
    {
        QCOMPARE(PassphraseBox::seal(m_secret, "short", "master-key", "x").error().code, u"weak_passphrase"_s);
    }

    void wrongPassphrase()
    {
        QCOMPARE(PassphraseBox::open(m_text, "a long enough passphrasE", "master-key").error().code,
                 u"wrong_passphrase"_s);
    }

    void everyLineIsBound_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("id") << QByteArray("id: 00112233") << QByteArray("id: 00112234");
        QTest::newRow("time cost") << QByteArray("t=3") << QByteArray("t=4");
        QTest::newRow("memory") << QByteArray("m=65536") << QByteArray("m=65537");
    }

    void everyLineIsBound()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QByteArray altered = m_text;
        altered.replace(from, to);
        QVERIFY(altered != m_text);
        QCOMPARE(PassphraseBox::open(altered, m_pass, "master-key").error().code, u"wrong_passphrase"_s);
    }

    void malformedFilesAreNotBackups_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("kind");
        QByteArray hostile = m_text;
        hostile.replace("m=65536", "m=99999999"); // would cost 100 GB: refused before Argon2 runs
        QByteArray weak = m_text;
        weak.replace("t=3", "t=1");
        QByteArray unknown = m_text;
        unknown.replace(",p=1", ",x=1");
        QTest::newRow("empty") << QByteArray() << QByteArray("master-key");
        QTest::newRow("truncated") << m_text.left(m_text.size() / 2) << QByteArray("master-key");
        QTest::newRow("other kind") << m_text << QByteArray("database-key");
        QTest::newRow("hostile memory") << hostile << QByteArray("master-key");
        QTest::newRow("weaker than ours") << weak << QByteArray("master-key");
        QTest::newRow("unknown parameter") << unknown << QByteArray("master-key");
        QTest::newRow("garbage") << QByteArray(5000, 'x') << QByteArray("master-key");
    }

    void malformedFilesAreNotBackups()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, kind);
        QCOMPARE(PassphraseBox::open(text, m_pass, kind).error().code, u"not_a_backup"_s);
    }

    void truncatedSealIsWrong()
    {
        QByteArray cut = m_text.trimmed();
        cut.chop(4);
        QVERIFY(!PassphraseBox::open(cut, m_pass, "master-key").ok());
    }
};

QTEST_GUILESS_MAIN(TestPassphraseBox)
#include "TestPassphraseBox.moc"
