// Fuzz target: PKCS#12 import, as the support app reads a staff certificate
// (StaffIdentity::load, over crypto::readPkcs12). The input is a passphrase length byte,
// the passphrase, then the file. Whatever the file, the answer is a staff identity or
// one of the documented refusals.

#include "FuzzSupport.h"

#include "client/StaffIdentity.h"
#include "crypto/Pkcs12.h"

#include <QtCore/QDateTime>

using namespace credvault;
using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::Input in(data, size);
    const QByteArrayView passphrase = in.shortPart();
    const QByteArrayView file = in.rest();

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
    return 0;
}
