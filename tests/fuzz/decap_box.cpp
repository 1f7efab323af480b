// Fuzz target: remote decapsulation of DESIGN.md §3 (DecapBox), both halves. The input
// is a 2-byte length, that many bytes of concatenated encs, then a box. The keyserver's
// half decapsulates the encs with the account key (any 32 bytes: low-order points must be
// listed as failed with zero secrets); the app's half opens the box for those encs with
// the session key. A batch the keyserver makes always opens to the same secrets.

#include "FuzzSupport.h"

#include "crypto/DecapBox.h"
#include "crypto/Hpke.h"

#include <algorithm>

using namespace credvault;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::Input in(data, size);
    const std::size_t encsSize = std::size_t(in.byte()) << 8 | in.byte();
    const QByteArrayView encs = in.take(encsSize);
    const QByteArrayView box = in.rest();

    const Result<std::size_t> count = DecapBox::countEncs(encs);
    const Result<DecapBox::Batch> batch = DecapBox::decapsulate(fuzz::accountKey(), encs);
    fuzz::check(batch.ok() == count.ok(), "decapsulate accepts what countEncs accepts");
    if (batch) {
        fuzz::check(batch->secrets.size() == *count * hpke::kSecretSize, "one secret per enc");
        for (int i : batch->failed) {
            fuzz::check(i >= 0 && std::size_t(i) < *count, "a failed index is an enc's");
            const auto secret = batch->secrets.span().subspan(std::size_t(i) * hpke::kSecretSize, hpke::kSecretSize);
            fuzz::check(std::all_of(secret.begin(), secret.end(), [](unsigned char b) { return b == 0; }),
                        "a failed enc's secret is zero");
        }
        const Result<QByteArray> sealed = DecapBox::seal(fuzz::sessionKey().publicKey(), encs, batch->secrets);
        fuzz::check(sealed.ok(), "a batch seals");
        const Result<SecureBuffer> opened = DecapBox::open(fuzz::sessionKey(), encs, *sealed);
        fuzz::check(opened && opened->view() == batch->secrets.view(), "a sealed batch opens to its secrets");
    }

    const Result<SecureBuffer> secrets = DecapBox::open(fuzz::sessionKey(), encs, box);
    if (secrets) {
        fuzz::check(count && secrets->size() == *count * hpke::kSecretSize, "an opened box has a secret per enc");
        fuzz::check(!DecapBox::open(fuzz::accountKey(), encs, box), "another session key does not open it");
    }
    return 0;
}
