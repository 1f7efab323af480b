// The password generator: lengths and classes as asked (at least one of each), nothing
// outside the alphabet, look-alikes left out on request, pronounceable passwords shaped as
// syllables with one digit and one capital, refusals for impossible options, characters
// spread evenly, and the entropy figure.

#include "crypto/PasswordGenerator.h"

#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::crypto;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray make(const PasswordOptions &o)
{
    Result<SecureBuffer> r = PasswordGenerator::generate(o);
    return r ? r->view().toByteArray() : QByteArray();
}

bool anyOf(const QByteArray &text, const char *chars)
{
    for (const char c : text) {
        if (std::strchr(chars, c))
            return true;
    }
    return false;
}

} // namespace

class TestPasswordGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsHaveEveryClass()
    {
        const PasswordOptions o;
        const QByteArray alphabet = PasswordGenerator::alphabet(o);
        QCOMPARE(alphabet.size(), 26 + 26 + 10 + 28);
        QSet<QByteArray> seen;
        for (int i = 0; i < 300; ++i) {
            const QByteArray p = make(o);
            QCOMPARE(p.size(), 20);
            for (const char c : p)
                QVERIFY2(alphabet.contains(c), p.constData());
            QVERIFY(anyOf(p, "abcdefghijklmnopqrstuvwxyz"));
            QVERIFY(anyOf(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
            QVERIFY(anyOf(p, "0123456789"));
            QVERIFY(anyOf(p, "!#$%&()*+,-./:;<=>?@[]^_{|}~"));
            seen.insert(p);
        }
        QCOMPARE(seen.size(), 300); // never the same twice
    }

    void lengthsAndSingleClasses()
    {
        PasswordOptions o;
        o.length = 8;
        QCOMPARE(make(o).size(), 8);
        o.length = 128;
        QCOMPARE(make(o).size(), 128);
        PasswordOptions digits;
        digits.lower = digits.upper = digits.symbols = false;
        for (int i = 0; i < 50; ++i) {
            const QByteArray p = make(digits);
            for (const char c : p)
                QVERIFY(c >= '0' && c <= '9');
        }
    }

    void impossibleOptionsAreRefused()
    {
        PasswordOptions o;
        o.length = 7;
        QVERIFY(!PasswordGenerator::generate(o));
        o.length = 129;
        QVERIFY(!PasswordGenerator::generate(o));
        PasswordOptions none;
        none.lower = none.upper = none.digits = none.symbols = false;
        const Result<SecureBuffer> r = PasswordGenerator::generate(none);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(PasswordGenerator::entropy(none), 0.0);
    }

    void lookAlikesLeftOut()
    {
        PasswordOptions o;
        o.avoidLookAlikes = true;
        o.length = 64;
        for (int i = 0; i < 200; ++i)
            QVERIFY(!anyOf(make(o), "0Oo1lI|"));
    }

    void pronounceableIsSyllables()
    {
        PasswordOptions o;
        o.pronounceable = true;
        o.length = 15;
        const QRegularExpression shape(u"^[bcdfghjkmnprstvwxzaeiuBCDFGHJKMNPRSTVWXZAEIU2-9]{15}$"_s);
        for (int i = 0; i < 200; ++i) {
            const QByteArray p = make(o);
            QVERIFY2(shape.match(QString::fromLatin1(p)).hasMatch(), p.constData());
            int digits = 0;
            int capitals = 0;
            for (qsizetype k = 0; k < p.size(); ++k) {
                const char c = p[k];
                if (c >= '2' && c <= '9') {
                    ++digits;
                    continue;
                }
                if (c >= 'A' && c <= 'Z')
                    ++capitals;
                const bool vowel = std::strchr("aeiuAEIU", c) != nullptr;
                QVERIFY2(vowel == (k % 2 == 1), p.constData()); // consonant, vowel, consonant …
            }
            QCOMPARE(digits, 1);
            QCOMPARE(capitals, 1);
        }
    }

    void charactersAreSpreadEvenly()
    {
        // 20,000 digits: each of the ten within 10 % of 2,000 (a 4.7-sigma band).
        PasswordOptions o;
        o.lower = o.upper = o.symbols = false;
        o.length = 100;
        QHash<char, int> counts;
        for (int i = 0; i < 200; ++i) {
            for (const char c : make(o))
                ++counts[c];
        }
        QCOMPARE(counts.size(), 10);
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() > 1800 && it.value() < 2200, qPrintable(u"%1: %2"_s.arg(it.key()).arg(it.value())));
        // The sampler itself: bounds that do not divide 2^32 evenly stay in range.
        for (quint32 bound : {1u, 3u, 7u, 1000u, 0x80000001u}) {
            for (int i = 0; i < 200; ++i)
                QVERIFY(PasswordGenerator::uniform(bound) < bound);
        }
    }

    void entropyFigures()
    {
        PasswordOptions o; // 20 of 90 characters
        QVERIFY(qAbs(PasswordGenerator::entropy(o) - 20 * std::log2(90.0)) < 1e-9);
        o.pronounceable = true;
        o.length = 16;
        QVERIFY(PasswordGenerator::entropy(o) > 50);
        QVERIFY(PasswordGenerator::entropy(o) < PasswordGenerator::entropy(PasswordOptions{}));
    }
};

QTEST_GUILESS_MAIN(TestPasswordGenerator)
#include "TestPasswordGenerator.moc"
