// Fuzz target: the code box of DESIGN.md §3 (CodeBox), as the keyserver opens it on
// redemption. The input is a box for the fixed account and session key; it is opened
// with the redemption key and, when it opens, its contents are read as a normalized code
// (UnlockCode::fromNormalized), exactly as POST /v1/unlock-sessions does.

#include "FuzzSupport.h"

#include "crypto/CodeBox.h"
#include "crypto/UnlockCode.h"

using namespace credvault;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    const QByteArrayView box(reinterpret_cast<const char *>(data), qsizetype(size));
    const crypto::X25519PublicKey &session = fuzz::sessionKey().publicKey();

    const Result<SecureBuffer> code = CodeBox::open(fuzz::redeemKey(), fuzz::accountId(), session, box);
    if (!code)
        return 0;
    // Bound to the account and session key: the same box for anything else stays shut.
    fuzz::check(!CodeBox::open(fuzz::redeemKey(), fuzz::entryId(), session, box), "a box for another account");
    fuzz::check(!CodeBox::open(fuzz::redeemKey(), fuzz::accountId(), fuzz::accountKey().publicKey(), box),
                "a box for another session key");
    const Result<UnlockCode> normalized = UnlockCode::fromNormalized(code->view());
    if (normalized) {
        const Result<QByteArray> again =
            CodeBox::seal(fuzz::redeemKey().publicKey(), fuzz::accountId(), session, normalized->normalized());
        fuzz::check(again.ok(), "a normalized code seals");
        const Result<SecureBuffer> reopened = CodeBox::open(fuzz::redeemKey(), fuzz::accountId(), session, *again);
        fuzz::check(reopened && reopened->view() == code->view(), "a sealed code opens to itself");
    }
    return 0;
}
