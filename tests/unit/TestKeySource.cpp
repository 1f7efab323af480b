#include "store/KeySource.h"

#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <sys/stat.h>

using namespace credvault;
using namespace credvault::store;
using namespace Qt::Literals::StringLiterals;

class TestKeySource : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void keyFileRoundTrip()
    {
        const SecureBuffer key = generateKey();
        const QString p = m_dir.filePath(u"db.key"_s);
        QVERIFY(writeKeyFile(p, key).ok());
        QCOMPARE(QFile::permissions(p) & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup |
                                          QFileDevice::WriteOther),
                 QFileDevice::Permissions());
        KeyFileSource source(p);
        Result<SecureBuffer> loaded = source.load();
        QVERIFY(loaded.ok());
        QVERIFY(loaded->equals(key));
        QCOMPARE(source.describe(), u"key file "_s + p);
        QVERIFY(!source.describe().contains(QString::fromLatin1(key.view().toByteArray().toHex())));
        // Never overwritten.
        QCOMPARE(writeKeyFile(p, generateKey()).error().kind, ErrorKind::Conflict);
    }

    void keyFileRefusals_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("code");
        const QByteArray good = QByteArray(64, 'a');
        QTest::addRow("group readable") << good << 0640 << u"key_file_mode"_s;
        QTest::addRow("world readable") << good << 0604 << u"key_file_mode"_s;
        QTest::addRow("group writable") << good << 0620 << u"key_file_mode"_s;
        QTest::addRow("short") << QByteArray(63, 'a') << 0600 << u"bad_key"_s;
        QTest::addRow("long") << QByteArray(66, 'a') << 0600 << u"bad_key"_s;
        QTest::addRow("not hex") << QByteArray(63, 'a') + 'g' << 0600 << u"bad_key"_s;
        QTest::addRow("raw bytes") << QByteArray(32, '\x01') << 0600 << u"bad_key"_s;
        QTest::addRow("empty") << QByteArray() << 0600 << u"bad_key"_s;
        QTest::addRow("crlf is fine") << good + "\r\n" << 0600 << QString();
        QTest::addRow("upper-case hex is fine") << QByteArray(64, 'F') << 0600 << QString();
    }
    void keyFileRefusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(int, mode);
        QFETCH(QString, code);
        const QString p =
            m_dir.filePath(u"k-%1"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_')));
        QFile f(p);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
        f.close();
        QVERIFY(::chmod(QFile::encodeName(p).constData(), mode_t(mode)) == 0);
        Result<SecureBuffer> k = KeyFileSource(p).load();
        QCOMPARE(k.ok(), code.isEmpty());
        if (!k.ok()) {
            QCOMPARE(k.error().code, code);
            QVERIFY2(k.error().message.contains(p), qPrintable(k.error().message));
            QVERIFY(!k.error().message.contains(QString::fromLatin1(content)) || content.isEmpty());
        }
    }

    void missingKeyFile()
    {
        Result<SecureBuffer> k = KeyFileSource(m_dir.filePath(u"none.key"_s)).load();
        QCOMPARE(k.error().code, u"key_missing"_s);
    }

    void environment()
    {
        const SecureBuffer key = generateKey();
        const SecureBuffer hex = hexKey(key);
        qputenv("CREDVAULT_TEST_KEY", hex.view().first(64).toByteArray());
        EnvironmentKeySource source(u"CREDVAULT_TEST_KEY"_s);
        QVERIFY(source.load()->equals(key));
        QCOMPARE(source.describe(), u"environment variable CREDVAULT_TEST_KEY"_s);
        qputenv("CREDVAULT_TEST_KEY", "nothex");
        QCOMPARE(source.load().error().code, u"bad_key"_s);
        qunsetenv("CREDVAULT_TEST_KEY");
        QCOMPARE(source.load().error().code, u"key_missing"_s);
    }
};

QTEST_GUILESS_MAIN(TestKeySource)
#include "TestKeySource.moc"
