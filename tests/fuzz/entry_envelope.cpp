// Fuzz target: the entry envelope of DESIGN.md §3 (EntryEnvelope). The input is an
// envelope; it is parsed, opened with the account's private key (credvault-cli open) and
// with the shared secret the keyserver would decapsulate (the apps), and read as a padded
// plaintext. Whatever the bytes, each step answers or refuses; what opens one way opens
// the other way to the same plaintext, and padding round-trips.

#include "FuzzSupport.h"

#include "crypto/EntryEnvelope.h"
#include "crypto/Hpke.h"

using namespace credvault;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QUuid account = fuzz::accountId();
    const QUuid entry = fuzz::entryId();

    const Result<EntryEnvelope::Parts> parts = EntryEnvelope::parse(bytes);
    if (parts) {
        fuzz::check(parts->version == EntryEnvelope::kVersion1, "a parsed envelope is version 1");
        fuzz::check(std::size_t(parts->ciphertext.size()) + EntryEnvelope::kHeaderSize == size,
                    "the ciphertext is what follows the header");
    }

    const Result<SecureBuffer> opened = EntryEnvelope::open(fuzz::accountKey(), account, entry, bytes);
    fuzz::check(!opened || parts.ok(), "an envelope that opens parses");

    if (parts) {
        const Result<SecureBuffer> shared = hpke::decap(parts->enc, fuzz::accountKey());
        if (shared) {
            const Result<SecureBuffer> viaSecret = EntryEnvelope::openWithSharedSecret(
                shared->view(), keyIdOf(fuzz::accountKey().publicKey()), account, entry, bytes);
            fuzz::check(viaSecret.ok() == opened.ok(), "both ways of opening agree");
            if (viaSecret)
                fuzz::check(viaSecret->view() == opened->view(), "both ways give the same plaintext");
        }
        // Another entry's ids never open it.
        fuzz::check(!EntryEnvelope::open(fuzz::accountKey(), entry, account, bytes), "a moved envelope stays shut");
    }

    if (opened) {
        const SecureBuffer again = EntryEnvelope::pad(opened->view());
        fuzz::check(again.size() + EntryEnvelope::kHeaderSize + hpke::kTagSize == size,
                    "the plaintext pads to the envelope's size");
    }

    // The bytes as a padded plaintext: a valid padding removes to a prefix that pads back.
    const SecureBuffer padded = SecureBuffer::copyOf(bytes);
    if (const Result<std::size_t> n = EntryEnvelope::unpaddedSize(padded); n) {
        fuzz::check(*n < size, "unpadding shrinks");
        fuzz::check(EntryEnvelope::pad(bytes.first(qsizetype(*n))).view() == padded.view(),
                    "unpadding then padding gives the input back");
    }
    return 0;
}
