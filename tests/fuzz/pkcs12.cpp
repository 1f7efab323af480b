// Fuzz target: PKCS#12 import, as the support app reads a staff certificate
// (StaffIdentity::load, over crypto::readPkcs12). The input is a passphrase length byte,
// the passphrase, then the file. Whatever the file, the answer is a staff identity or
// one of the documented refusals.
//
// A mutated file almost never keeps a valid MAC, and a file whose MAC fails is refused
// before its contents are read: so an input whose MAC fails is also tried with its MAC
// made again for the passphrase, which lets the mutations reach the bags, the key and the
// certificate behind it.

#include "FuzzSupport.h"

#include "client/StaffIdentity.h"
#include "crypto/Pkcs12.h"

#include <QtCore/QDateTime>

#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include <string>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

namespace {

void readAsTheAppDoes(QByteArrayView file, QByteArrayView passphrase)
{
    const Result<crypto::Pkcs12Contents> contents = crypto::readPkcs12(file, passphrase);
    if (contents) {
        fuzz::check(!contents->keyPem.isEmpty() && !contents->certificateDer.isEmpty(), "a key and a certificate");
    }
    // The same file through the support app's door, on a day inside the seeds' validity.
    const QString path = fuzz::writeTempFile(u"staff.p12"_s, file, true);
    const QDateTime now =
        contents && contents->notBefore.isValid() ? contents->notBefore.addSecs(60) : QDateTime::currentDateTimeUtc();
    const Result<client::StaffIdentity> staff = client::StaffIdentity::load(path, passphrase, now);
    if (staff)
        fuzz::check(staff->role == u"support"_s || staff->role == u"admin"_s, "a staff role");
}

// The file with its MAC made again for `passphrase` (one iteration: cheap), or empty when
// it does not parse, has no MAC, or its MAC is right already.
QByteArray withMacRemade(QByteArrayView file, QByteArrayView passphrase)
{
    const auto *p = reinterpret_cast<const unsigned char *>(file.data());
    PKCS12 *p12 = d2i_PKCS12(nullptr, &p, long(file.size()));
    QByteArray out;
    const std::string pass(passphrase.data(), std::size_t(passphrase.size()));
    if (p12 && PKCS12_mac_present(p12) && PKCS12_verify_mac(p12, pass.c_str(), int(pass.size())) != 1 &&
        PKCS12_set_mac(p12, pass.c_str(), int(pass.size()), nullptr, 0, 1, nullptr) == 1) {
        unsigned char *der = nullptr;
        const int n = i2d_PKCS12(p12, &der);
        if (n > 0)
            out = QByteArray(reinterpret_cast<const char *>(der), n);
        OPENSSL_free(der);
    }
    PKCS12_free(p12);
    ERR_clear_error();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::Input in(data, size);
    const QByteArrayView passphrase = in.shortPart();
    const QByteArrayView file = in.rest();
    readAsTheAppDoes(file, passphrase);
    const QByteArray remade = withMacRemade(file, passphrase);
    if (!remade.isEmpty())
        readAsTheAppDoes(remade, passphrase);
    return 0;
}
