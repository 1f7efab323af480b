#include "crypto/PasswordGenerator.h"

#include <QtCore/QByteArray>

#include <sys/random.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace credvault::crypto {

namespace {

constexpr char kLower[] = "abcdefghijklmnopqrstuvwxyz";
constexpr char kUpper[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr char kDigits[] = "0123456789";
constexpr char kSymbols[] = "!#$%&()*+,-./:;<=>?@[]^_{|}~";
constexpr char kLookAlikes[] = "0Oo1lI|";
constexpr char kConsonants[] = "bcdfghjkmnprstvwxz"; // 18, no l (looks like 1) and no q/y
constexpr char kVowels[] = "aeiu";                   // 4, no o (looks like 0)

quint32 randomWord()
{
    quint32 v = 0;
    auto *p = reinterpret_cast<unsigned char *>(&v);
    std::size_t got = 0;
    while (got < sizeof v) {
        const ssize_t n = getrandom(p + got, sizeof v - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            std::abort(); // no randomness: never make a weak password instead
        }
        got += std::size_t(n);
    }
    return v;
}

QByteArray without(QByteArray chars, bool avoidLookAlikes)
{
    if (avoidLookAlikes) {
        for (const char c : QByteArrayView(kLookAlikes))
            chars.replace(c, QByteArray());
    }
    return chars;
}

QList<QByteArray> classesOf(const PasswordOptions &o)
{
    QList<QByteArray> classes;
    if (o.lower)
        classes << without(kLower, o.avoidLookAlikes);
    if (o.upper)
        classes << without(kUpper, o.avoidLookAlikes);
    if (o.digits)
        classes << without(kDigits, o.avoidLookAlikes);
    if (o.symbols)
        classes << without(kSymbols, o.avoidLookAlikes);
    return classes;
}

Result<void> check(const PasswordOptions &o)
{
    if (o.length < PasswordOptions::kMinLength || o.length > PasswordOptions::kMaxLength)
        return fail(
            ErrorKind::InvalidInput,
            u"a password has %1 to %2 characters"_s.arg(PasswordOptions::kMinLength).arg(PasswordOptions::kMaxLength));
    if (!o.pronounceable && !o.lower && !o.upper && !o.digits && !o.symbols)
        return fail(ErrorKind::InvalidInput, u"choose at least one kind of character"_s);
    return {};
}

} // namespace

quint32 PasswordGenerator::uniform(quint32 bound)
{
    // Rejection sampling: draws above the largest multiple of `bound` are thrown away.
    const quint32 limit = quint32(0xffffffffu - (0xffffffffu % bound + 1) % bound);
    for (;;) {
        const quint32 v = randomWord();
        if (v <= limit)
            return v % bound;
    }
}

QByteArray PasswordGenerator::alphabet(const PasswordOptions &options)
{
    QByteArray all;
    for (const QByteArray &c : classesOf(options))
        all += c;
    return all;
}

double PasswordGenerator::entropy(const PasswordOptions &o)
{
    if (!check(o))
        return 0;
    if (o.pronounceable) {
        // Syllables of consonant + vowel; then one letter (at most a consonant's worth)
        // becomes one of 8 digits at one of `length` places, and another a capital.
        const double consonant = std::log2(double(sizeof kConsonants - 1));
        const double vowel = std::log2(double(sizeof kVowels - 1));
        const double letters = (o.length + 1) / 2 * consonant + o.length / 2 * vowel;
        return letters - consonant + std::log2(8.0) + std::log2(double(o.length));
    }
    return o.length * std::log2(double(alphabet(o).size()));
}

Result<SecureBuffer> PasswordGenerator::generate(const PasswordOptions &o)
{
    if (Result<void> r = check(o); !r)
        return fail(r.error());
    std::vector<char> out(std::size_t(o.length), '\0');
    if (o.pronounceable) {
        for (int i = 0; i < o.length; ++i) {
            const char *set = i % 2 == 0 ? kConsonants : kVowels;
            const quint32 n = quint32(i % 2 == 0 ? sizeof kConsonants - 1 : sizeof kVowels - 1);
            out[std::size_t(i)] = set[uniform(n)];
        }
        // A digit in one place, a capital letter in another (so sites that ask for them take it).
        const quint32 digitAt = uniform(quint32(o.length));
        out[digitAt] = kDigits[2 + uniform(8)]; // 2..9: no 0 or 1
        quint32 capitalAt = uniform(quint32(o.length - 1));
        if (capitalAt >= digitAt)
            ++capitalAt;
        out[capitalAt] = char(out[capitalAt] - 'a' + 'A');
    } else {
        const QList<QByteArray> classes = classesOf(o);
        const QByteArray all = alphabet(o);
        for (char &c : out)
            c = all[qsizetype(uniform(quint32(all.size())))];
        // At least one of each class: the first classes.size() places of a random
        // permutation get one character of each class.
        std::vector<int> places(out.size());
        for (std::size_t i = 0; i < places.size(); ++i)
            places[i] = int(i);
        for (std::size_t i = places.size() - 1; i > 0; --i)
            std::swap(places[i], places[uniform(quint32(i + 1))]);
        for (qsizetype k = 0; k < classes.size(); ++k)
            out[std::size_t(places[std::size_t(k)])] = classes[k][qsizetype(uniform(quint32(classes[k].size())))];
    }
    SecureBuffer result = SecureBuffer::copyOf(QByteArrayView(out.data(), qsizetype(out.size())));
    std::fill(out.begin(), out.end(), '\0');
    return result;
}

} // namespace credvault::crypto
