#pragma once

// OpenSslPtr: std::unique_ptr for OpenSSL's objects, each freed with its own function.

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace credvault::crypto {

template<typename T, void (*Free)(T *)> struct OpenSslDeleter {
    void operator()(T *p) const { Free(p); }
};
template<typename T, void (*Free)(T *)> using OpenSslPtr = std::unique_ptr<T, OpenSslDeleter<T, Free>>;

using PkeyPtr = OpenSslPtr<EVP_PKEY, EVP_PKEY_free>;
using X509Ptr = OpenSslPtr<X509, X509_free>;
using BioPtr = OpenSslPtr<BIO, BIO_free_all>;

} // namespace credvault::crypto
