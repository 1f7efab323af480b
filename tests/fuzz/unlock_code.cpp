// Fuzz target: unlock-code parsing (UnlockCode). The first byte says how the rest is
// read: as UTF-8 text (what a person types), as UTF-16 code units (surrogates and all),
// or as the normalized form a code box carries. A code the tolerant parser accepts is
// 12 characters of the alphabet, its display form parses back to it, and the strict
// parser accepts exactly those 12 characters.

#include "FuzzSupport.h"

#include "crypto/UnlockCode.h"

#include <QtCore/QString>

#include <cstring>

using namespace credvault;

namespace {

void checkCode(const UnlockCode &code)
{
    const SecureBuffer &n = code.normalized();
    fuzz::check(n.size() == UnlockCode::kLength, "a code has 12 characters");
    for (unsigned char c : n.span())
        fuzz::check(c != 0 && std::strchr(UnlockCode::kAlphabet, c) != nullptr, "a code is in the alphabet");
    const Result<UnlockCode> strict = UnlockCode::fromNormalized(n.view());
    fuzz::check(strict && strict->normalized().view() == n.view(), "the normalized form is strict");
    const SecureBuffer shown = code.displayForm();
    const Result<UnlockCode> again = UnlockCode::parse(QString::fromLatin1(shown.view()));
    fuzz::check(again && again->normalized().view() == n.view(), "the display form parses back");
    const SecureBuffer pepper = SecureBuffer::copyOf("fuzz pepper");
    fuzz::check(UnlockCode::hashesEqual(code.storageHash(pepper, fuzz::accountId()),
                                        crypto::bytesView(again->storageHash(pepper, fuzz::accountId()))),
                "the same code hashes the same");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::Input in(data, size);
    const std::uint8_t mode = in.byte();
    const QByteArrayView bytes = in.rest();
    switch (mode % 3) {
    case 0: {
        const Result<UnlockCode> code = UnlockCode::parse(QString::fromUtf8(bytes));
        if (code)
            checkCode(*code);
        break;
    }
    case 1: {
        QString units(bytes.size() / 2, Qt::Uninitialized);
        std::memcpy(units.data(), bytes.data(), std::size_t(units.size()) * 2);
        const Result<UnlockCode> code = UnlockCode::parse(units);
        if (code)
            checkCode(*code);
        break;
    }
    default: {
        const Result<UnlockCode> strict = UnlockCode::fromNormalized(bytes);
        if (strict) {
            checkCode(*strict);
            const Result<UnlockCode> tolerant = UnlockCode::parse(QString::fromLatin1(bytes));
            fuzz::check(tolerant && tolerant->normalized().view() == strict->normalized().view(),
                        "what the strict parser takes, the tolerant one takes the same");
        }
        break;
    }
    }
    return 0;
}
