#include "common/ConfigReader.h"
#include "common/IniFile.h"

#include "support/TempDir.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <limits>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

class TestIniFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsValues()
    {
        const QByteArray text = "; comment\n"
                                "# another\n"
                                "[database]\n"
                                "path = /var/lib/credvault/x.db   ; trailing comment\n"
                                "key_file=\"/etc/credvault/a key;with semicolon\"\n"
                                "\r\n"
                                "[listener.public]\r\n"
                                "  address = 127.0.0.1\r\n"
                                "escaped = \"a \\\"quoted\\\" \\\\ word\"\n"
                                "empty =\n";
        const Result<IniFile> ini = IniFile::parse(text, u"test.conf"_s);
        QVERIFY2(ini.ok(), ini.ok() ? "" : qPrintable(ini.error().message));
        QCOMPARE(ini->sections(), QStringList({u"database"_s, u"listener.public"_s}));
        QCOMPARE(ini->find(u"database"_s, u"path"_s)->value, u"/var/lib/credvault/x.db"_s);
        QCOMPARE(ini->find(u"database"_s, u"path"_s)->line, 4);
        QCOMPARE(ini->find(u"database"_s, u"key_file"_s)->value, u"/etc/credvault/a key;with semicolon"_s);
        QCOMPARE(ini->find(u"listener.public"_s, u"address"_s)->value, u"127.0.0.1"_s);
        QCOMPARE(ini->find(u"listener.public"_s, u"escaped"_s)->value, u"a \"quoted\" \\ word"_s);
        QCOMPARE(ini->find(u"listener.public"_s, u"empty"_s)->value, QString());
        QCOMPARE(ini->find(u"database"_s, u"address"_s), nullptr);
        QCOMPARE(ini->entries(u"listener.public"_s).size(), 3);
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::addRow("no equals") << QByteArray("[a]\njust words\n")
                                   << u"test.conf: line 2: expected 'key = value' or '[section]'"_s;
        QTest::addRow("key before section")
            << QByteArray("port = 1\n") << u"line 1: 'port' comes before any [section]"_s;
        QTest::addRow("open section") << QByteArray("[a\n") << u"line 1: a section header must end with ']'"_s;
        QTest::addRow("bad section") << QByteArray("[a b]\n") << u"line 1: 'a b' is not a valid section name"_s;
        QTest::addRow("empty section") << QByteArray("[]\n") << u"line 1: '' is not a valid section name"_s;
        QTest::addRow("twice") << QByteArray("[a]\nx=1\nx=2\n") << u"line 3: 'x' is set twice in [a]"_s;
        QTest::addRow("section twice") << QByteArray("[a]\n[b]\n[a]\n") << u"line 3: section [a] appears twice"_s;
        QTest::addRow("bad key") << QByteArray("[a]\nx y = 1\n") << u"line 2: 'x y' is not a valid key"_s;
        QTest::addRow("empty key") << QByteArray("[a]\n= 1\n") << u"line 2: '' is not a valid key"_s;
        QTest::addRow("unclosed quote") << QByteArray("[a]\nx = \"abc\n")
                                        << u"line 2: a quoted value has no closing quote"_s;
        QTest::addRow("text after quote")
            << QByteArray("[a]\nx = \"abc\" d\n") << u"line 2: text after a quoted value"_s;
        QTest::addRow("bad escape") << QByteArray("[a]\nx = \"\\q\"\n") << u"line 2: unknown escape \\q"_s;
        QTest::addRow("nul") << QByteArray("[a]\nx = 1\0\n", 10) << u"contains NUL bytes"_s;
        QTest::addRow("not utf-8") << QByteArray("[a]\nx = \xff\xfe\n") << u"not valid UTF-8"_s;
    }
    void refuses()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const Result<IniFile> ini = IniFile::parse(text, u"test.conf"_s);
        QVERIFY(!ini.ok());
        QCOMPARE(ini.error().kind, ErrorKind::Config);
        QVERIFY2(ini.error().message.contains(expected), qPrintable(ini.error().message));
        QVERIFY2(ini.error().message.startsWith(u"test.conf: "_s), qPrintable(ini.error().message));
    }

    void refusesFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Result<IniFile> missing = IniFile::load(dir.filePath(u"nope.conf"_s));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.endsWith(u"nope.conf: no such file"_s));

        const QString big = test::writeFile(dir.path(), u"big.conf"_s, QByteArray(1024 * 1024 + 1, ';'));
        const Result<IniFile> tooBig = IniFile::load(big);
        QVERIFY(!tooBig.ok());
        QVERIFY(tooBig.error().message.contains(u"larger than 1 MiB"_s));

        if (geteuid() != 0) { // root reads anything
            const QString locked = test::writeFile(dir.path(), u"locked.conf"_s, "[a]\n", {});
            const Result<IniFile> unreadable = IniFile::load(locked);
            QVERIFY(!unreadable.ok());
            QVERIFY(unreadable.error().message.contains(u"cannot read"_s));
        }
    }

    void parsesDurations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("seconds"); // -1: refused
        QTest::addRow("seconds") << u"90s"_s << qint64(90);
        QTest::addRow("minutes") << u" 15m "_s << qint64(900);
        QTest::addRow("hours") << u"24h"_s << qint64(86400);
        QTest::addRow("days") << u"7d"_s << qint64(604800);
        QTest::addRow("no unit") << u"90"_s << qint64(-1);
        QTest::addRow("negative") << u"-1s"_s << qint64(-1);
        QTest::addRow("unknown unit") << u"3w"_s << qint64(-1);
        // Found by fuzzing (tests/fuzz/regressions/config): this overflowed, undefined behaviour.
        QTest::addRow("past qint64") << u"999999999999999999d"_s << qint64(-1);
        QTest::addRow("largest") << u"9223372036854775807s"_s << std::numeric_limits<qint64>::max();
    }
    void parsesDurations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, seconds);
        const std::optional<qint64> d = parseDuration(text);
        if (seconds < 0)
            QVERIFY2(!d, qPrintable(text));
        else
            QCOMPARE(d.value_or(-1), seconds);
    }
};

QTEST_GUILESS_MAIN(TestIniFile)
#include "TestIniFile.moc"
