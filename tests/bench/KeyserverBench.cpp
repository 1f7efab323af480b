#include "KeyserverBench.h"

#include "BenchUtil.h"
#include "CryptoBench.h"

#include "crypto/CodeBox.h"
#include "crypto/DecapBox.h"
#include "crypto/EntryEnvelope.h"
#include "crypto/KeyFile.h"
#include "crypto/Primitives.h"
#include "crypto/UnlockCode.h"
#include "protocol/Base64Url.h"
#include "store/KeySource.h"

#include "support/KeyserverFixture.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QUuid>

#include <openssl/crypto.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <latch>
#include <memory>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace credvault::bench {

namespace {

constexpr int kBatch = 1000;
constexpr int kClients = 2;
constexpr int kReplyTimeoutMs = 60000;

bool fail(const QString &what)
{
    (void)std::fprintf(stderr, "credvault-bench keyserver: %s\n", qPrintable(what));
    return false;
}

using test::json;
using test::object;

QString describe(const test::HttpReply &r)
{
    return r.status == 0 ? u"no answer"_s : u"%1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
}

// An unlock session for a fresh account, opened the way an app does it, and a batch of
// valid encs sealed to that account.
struct Unlocked {
    QUuid account = QUuid::createUuid();
    crypto::X25519PublicKey accountKey{};
    crypto::X25519PrivateKey sessionKey = crypto::X25519PrivateKey::generate();
    QByteArray sessionId;
    QByteArray request; // the whole HTTP request for one batch, reused for every call
    QByteArray allEncs; // the batch's encs, concatenated (the DecapBox aad's input)
    QUuid firstEntry;
    QByteArray firstEnvelope;
};

bool unlock(test::KeyserverFixture &ks, Unlocked &u)
{
    const QByteArray accountPath = "/v1/accounts/" + canonicalUuid(u.account);
    test::HttpReply r = ks.call(u"services"_s, "PUT", accountPath, json({{u"email"_s, u"bench@example.com"_s}}));
    if (r.status != 201)
        return fail(u"PUT /v1/accounts/{id}: "_s + describe(r));
    const Result<QByteArray> pub = fromBase64Url(object(r).value(u"public_key"_s).toString().toLatin1());
    if (!pub || !crypto::x25519PublicKeyFrom(*pub))
        return fail(u"the account's public key is malformed"_s);
    u.accountKey = crypto::x25519PublicKeyFrom(*pub).value();

    r = ks.call(u"services"_s, "POST", accountPath + "/unlock-codes");
    if (r.status != 200)
        return fail(u"POST /v1/accounts/{id}/unlock-codes: "_s + describe(r));
    test::Outbox outbox(ks.path(u"outbox"_s));
    const QList<QByteArray> mails = outbox.waitFor(2); // "vault created", then the code
    const QString code = mails.isEmpty() ? QString() : test::unlockCodeIn(mails.last());
    Result<UnlockCode> parsed = UnlockCode::parse(code);
    if (!parsed)
        return fail(u"no unlock code arrived in the outbox"_s);
    Result<QByteArray> box =
        CodeBox::seal(ks.redeemPublic(), u.account, u.sessionKey.publicKey(), parsed->normalized());
    if (!box)
        return fail(box.error().message);
    r = ks.call(u"public"_s, "POST", "/v1/unlock-sessions",
                json({{u"account_id"_s, QString::fromLatin1(canonicalUuid(u.account))},
                      {u"code_box"_s, QString::fromLatin1(toBase64Url(*box))},
                      {u"session_public_key"_s,
                       QString::fromLatin1(toBase64Url(crypto::bytesView(u.sessionKey.publicKey())))}}));
    if (r.status != 201)
        return fail(u"POST /v1/unlock-sessions: "_s + describe(r));
    u.sessionId = object(r).value(u"session_id"_s).toString().toLatin1();

    // kBatch valid encs, made once: entries sealed to the account's key, as an app would.
    QJsonArray encs;
    const QByteArray plaintext = "{\"title\":\"bench\"}";
    for (int i = 0; i < kBatch; ++i) {
        const QUuid entry = QUuid::createUuid();
        Result<QByteArray> envelope = EntryEnvelope::seal(u.accountKey, u.account, entry, plaintext);
        if (!envelope)
            return fail(envelope.error().message);
        const QByteArray enc = envelope->mid(1 + EntryEnvelope::kKeyIdSize, 32);
        u.allEncs += enc;
        encs.append(QString::fromLatin1(toBase64Url(enc)));
        if (i == 0) {
            u.firstEntry = entry;
            u.firstEnvelope = *envelope;
        }
    }
    const QByteArray body = json({{u"encs"_s, encs}});
    u.request = "POST /v1/unlock-session/decapsulate HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: application/json\r\nAuthorization: Session " +
                u.sessionId + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return true;
}

// The first answer must be real work: a box for our session key that opens to secrets
// which open our entry.
bool checkAnswer(const Unlocked &u, const test::HttpReply &r)
{
    if (r.status != 200)
        return fail(u"POST /v1/unlock-session/decapsulate: "_s + describe(r));
    const QJsonObject o = object(r);
    if (!o.value(u"failed"_s).toArray().isEmpty())
        return fail(u"the keyserver reports failed encs for valid ones"_s);
    Result<QByteArray> sealed = fromBase64Url(o.value(u"sealed"_s).toString().toLatin1());
    if (!sealed)
        return fail(u"'sealed' is not base64url"_s);
    Result<SecureBuffer> secrets = DecapBox::open(u.sessionKey, u.allEncs, *sealed);
    if (!secrets)
        return fail(u"the decapsulation box does not open: "_s + secrets.error().message);
    if (secrets->size() != std::size_t(kBatch) * 32)
        return fail(u"the decapsulation box holds %1 bytes"_s.arg(secrets->size()));
    Result<SecureBuffer> entry = EntryEnvelope::openWithSharedSecret(
        secrets->view().sliced(0, 32), keyIdOf(u.accountKey), u.account, u.firstEntry, u.firstEnvelope);
    if (!entry)
        return fail(u"the first entry does not open with its decapsulated secret"_s);
    return true;
}

struct ClientResult {
    unsigned long long ok = 0;    // 200 answers
    unsigned long long other = 0; // any other status
    std::chrono::steady_clock::time_point finished;
    QString error;
};

struct HttpsTotals {
    unsigned long long encs = 0;   // decapsulated in 200 answers
    unsigned long long non200 = 0; // answers with another status, not counted
    double seconds = 0;
};

// kClients clients, each on a thread and a keep-alive TLS connection of its own, post the
// batch back to back for `seconds`; adds what they got done to `totals`.
bool decapsulateOverHttps(const test::KeyserverFixture &ks, const Unlocked &u, double seconds, HttpsTotals &totals)
{
    std::vector<ClientResult> results(kClients);
    std::latch ready(kClients);
    std::latch go(1);
    std::atomic<bool> stop{false};
    std::vector<std::unique_ptr<QThread>> threads;
    const quint16 port = ks.port(u"public"_s);
    const QString ca = ks.pki(u"root.pem"_s);
    for (int i = 0; i < kClients; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            ClientResult &res = results[std::size_t(i)];
            test::HttpsConnection conn;
            bool connected = conn.open(port, ca);
            if (!connected) {
                res.error = u"cannot connect: "_s + conn.error();
            } else {
                // One warm-up call on this connection, outside the clock.
                conn.send(u.request);
                const test::HttpReply r = conn.read(kReplyTimeoutMs);
                if (r.status != 200) {
                    res.error = u"warm-up: "_s + describe(r);
                    connected = false;
                }
            }
            ready.count_down();
            go.wait();
            while (connected && !stop.load(std::memory_order_relaxed)) {
                conn.send(u.request);
                const test::HttpReply r = conn.read(kReplyTimeoutMs);
                if (r.status == 200) {
                    ++res.ok;
                } else if (r.status == 0) {
                    res.error = u"the connection closed or timed out after %1 answers"_s.arg(res.ok + res.other);
                    break;
                } else {
                    ++res.other;
                }
            }
            res.finished = std::chrono::steady_clock::now();
        }));
        threads.back()->start();
    }
    ready.wait();
    const auto start = std::chrono::steady_clock::now();
    go.count_down();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop.store(true);
    for (auto &t : threads)
        t->wait();
    auto end = start;
    for (const ClientResult &r : results) {
        if (!r.error.isEmpty())
            return fail(r.error);
        totals.encs += r.ok * kBatch;
        totals.non200 += r.other;
        end = std::max(end, r.finished);
    }
    // Until the last answer: the calls in flight when the time was up are counted too.
    totals.seconds += std::chrono::duration<double>(end - start).count();
    return true;
}

} // namespace

int runKeyserverBench(double seconds)
{
    // The real credvault-keyserver on loopback, its log in a file nobody needs to read
    // while the clients run; everything in a temporary folder removed at the end.
    QTemporaryDir dir;
    test::KeyserverFixture ks;
    QString problem = dir.isValid() ? ks.prepare(dir.path()) : u"cannot create a temporary folder"_s;
    if (problem.isEmpty()) {
        ks.logToFile(dir.filePath(u"keyserver.log"_s));
        ks.writeConfig({});
        problem = ks.start();
    }
    if (!problem.isEmpty()) {
        fail(u"cannot start credvault-keyserver (build it and credvault-cli in the same preset): "_s + problem);
        return 1;
    }
    Unlocked u;
    if (!unlock(ks, u))
        return 1;
    {
        test::HttpsConnection conn;
        if (!conn.open(ks.port(u"public"_s), ks.pki(u"root.pem"_s))) {
            fail(u"cannot connect to the public listener: "_s + conn.error());
            return 1;
        }
        conn.send(u.request);
        if (!checkAnswer(u, conn.read(kReplyTimeoutMs)))
            return 1;
    }

    // The two figures in alternating slices of about a second, so that a change in the
    // machine's load between them does not skew the ratio.
    const int slices = std::max(1, int(seconds + 0.5));
    const double slice = seconds / slices;
    std::printf("# credvault-bench keyserver: %.1f s per figure in %d slices, batches of %d encs, %d clients on "
                "keep-alive TLS connections, %d cores, OpenSSL %s\n",
                seconds, slices, kBatch, kClients, QThread::idealThreadCount(),
                OpenSSL_version(OPENSSL_VERSION_STRING));
    const crypto::X25519PrivateKey key = crypto::X25519PrivateKey::generate();
    double x25519 = 0;
    HttpsTotals totals;
    for (int i = 0; i < slices; ++i) {
        x25519 += opsPerSecond([&] { return makeX25519DeriveWorker(key); }, 2, slice) / slices;
        if (!decapsulateOverHttps(ks, u, slice, totals))
            return 1;
    }
    if (totals.non200 > 0)
        std::printf("# %llu answers other than 200 were not counted\n", totals.non200);
    const double https = double(totals.encs) / totals.seconds;
    print("decap_https_per_s", https);
    print("x25519_derive_per_s_t2", x25519);
    print("ratio_decap_https_vs_x25519", https / x25519);
    if (!ks.stop()) {
        ks.collectLog();
        fail(u"credvault-keyserver did not stop cleanly:\n"_s + QString::fromUtf8(ks.log().right(2000)));
        return 1;
    }
    return 0;
}

} // namespace credvault::bench
