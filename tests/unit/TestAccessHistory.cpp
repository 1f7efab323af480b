// client::AccessHistory: the signed head is checked with the pinned audit key, rows are
// read strictly, unlock sessions are folded out of them (staff reason and ticket, lock or
// expiry, entries decrypted), and compareHeads tells a history that continues the one
// seen from one that shrank or forked. HeadPins keeps heads and the staff notice mark.

#include "client/AccessHistory.h"
#include "crypto/Primitives.h"
#include "protocol/Base64Url.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

struct Row {
    QString action;
    QJsonObject details;
    int minute;
};

// A keyserver's answer: rows `ours` at the given chain positions among `count` rows,
// hashed as a chain (the contents only matter for telling rows apart), head signed.
QJsonObject answer(const AuditSigner &signer, const QList<std::pair<qint64, Row>> &ours, qint64 count,
                   const QByteArray &salt = {})
{
    QList<QByteArray> chain;
    QByteArray previous(32, '\0');
    qint64 rows = count; // rows past the head only for answers that claim them
    for (const auto &r : ours)
        rows = qMax(rows, r.first);
    for (qint64 seq = 1; seq <= rows; ++seq) {
        previous = QCryptographicHash::hash(previous + QByteArray::number(seq) + salt, QCryptographicHash::Sha256);
        chain << previous;
    }
    QJsonArray items;
    const QDateTime base(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC);
    for (const auto &[seq, row] : ours)
        items.append(QJsonObject{{u"seq"_s, seq},
                                 {u"at"_s, base.addSecs(row.minute * 60).toString(Qt::ISODate)},
                                 {u"actor"_s, row.action == u"staff_unlock"_s ? u"staff:sam"_s : u"public"_s},
                                 {u"action"_s, row.action},
                                 {u"details"_s, row.details},
                                 {u"hash"_s, QString::fromLatin1(chain[seq - 1].toHex())}});
    const QByteArray head = count ? chain[count - 1] : QByteArray(32, '\0');
    return QJsonObject{
        {u"items"_s, items},
        {u"head"_s,
         QJsonObject{{u"count"_s, count},
                     {u"hash"_s, QString::fromLatin1(head.toHex())},
                     {u"signature"_s, QString::fromLatin1(toBase64Url(signer.signHead(count, head).value()))}}}};
}

QString expiresAt(int minute)
{
    return QDateTime(QDate(2026, 11, 1), QTime(9, 0), Qt::UTC).addSecs(minute * 60).toString(Qt::ISODate);
}

const QList<std::pair<qint64, Row>> kRows{
    {2, {u"code_issued"_s, {}, 0}},
    {3, {u"unlock"_s, {{u"session"_s, u"aa"_s}, {u"kind"_s, u"code"_s}, {u"expires_at"_s, expiresAt(16)}}, 1}},
    {5, {u"decapsulated"_s, {{u"session"_s, u"aa"_s}, {u"count"_s, 12}, {u"failed"_s, 0}}, 2}},
    {6, {u"locked"_s, {{u"session"_s, u"aa"_s}}, 4}},
    {8,
     {u"staff_unlock"_s,
      {{u"session"_s, u"bb"_s},
       {u"kind"_s, u"staff"_s},
       {u"engineer"_s, u"sam"_s},
       {u"reason"_s, u"migration"_s},
       {u"ticket"_s, u"T-42"_s},
       {u"expires_at"_s, expiresAt(40)}},
      10}},
    {9, {u"decapsulated"_s, {{u"session"_s, u"bb"_s}, {u"count"_s, 5}, {u"failed"_s, 1}}, 11}},
    {10, {u"decapsulated"_s, {{u"session"_s, u"bb"_s}, {u"count"_s, 2}, {u"failed"_s, 0}}, 12}},
};

} // namespace

class TestAccessHistory : public QObject {
    Q_OBJECT

    AuditSigner m_signer = AuditSigner::generate();

private Q_SLOTS:
    void unlocksAreFoldedOutOfTheRows()
    {
        Result<AccessHistory, ApiError> h = parseAccessHistory(answer(m_signer, kRows, 12), m_signer.publicKey());
        QVERIFY2(h, qPrintable(h ? QString() : h.error().message));
        QCOMPARE(h->events.size(), 7);
        QCOMPARE(h->unlocks.size(), 2);
        const UnlockRecord &staff = h->unlocks[0]; // newest first
        QVERIFY(staff.byStaff);
        QCOMPARE(staff.engineer, u"sam"_s);
        QCOMPARE(staff.reason, u"migration"_s);
        QCOMPARE(staff.ticket, u"T-42"_s);
        QCOMPARE(staff.entriesOpened, 6); // 5 - 1 failed + 2
        QVERIFY(!staff.lockedAt.isValid());
        QCOMPARE(staff.endsAt(), QDateTime::fromString(expiresAt(40), Qt::ISODate));
        QVERIFY(staff.isOpenAt(QDateTime::fromString(expiresAt(39), Qt::ISODate)));
        QVERIFY(!staff.isOpenAt(QDateTime::fromString(expiresAt(41), Qt::ISODate)));
        const UnlockRecord &own = h->unlocks[1];
        QVERIFY(!own.byStaff);
        QCOMPARE(own.entriesOpened, 12);
        QCOMPARE(own.lockedAt, QDateTime::fromString(expiresAt(4), Qt::ISODate));
        QCOMPARE(own.startedAt.secsTo(own.endsAt()), 180);
        QCOMPARE(h->head.count, 12);
        QCOMPARE(h->head.ownSeq, 10);
    }

    void aHeadNotSignedByThePinnedKeyIsRefused()
    {
        const AuditSigner other = AuditSigner::generate();
        QCOMPARE(parseAccessHistory(answer(other, kRows, 12), m_signer.publicKey()).error().code, u"bad_signature"_s);
        // A signed head with another count than signed.
        QJsonObject a = answer(m_signer, kRows, 12);
        QJsonObject head = a.value(u"head"_s).toObject();
        head.insert(u"count"_s, 11);
        a.insert(u"head"_s, head);
        QCOMPARE(parseAccessHistory(a, m_signer.publicKey()).error().code, u"bad_signature"_s);
    }

    void malformedAnswersAreRefused()
    {
        const auto code = [&](const QJsonObject &a) {
            Result<AccessHistory, ApiError> h = parseAccessHistory(a, m_signer.publicKey());
            return h ? u"parsed"_s : h.error().code;
        };
        // Edits the rows of a good answer.
        const auto withRows = [&](const std::function<void(QJsonArray &)> &edit) {
            QJsonObject a = answer(m_signer, kRows, 12);
            QJsonArray items = a.value(u"items"_s).toArray();
            edit(items);
            a.insert(u"items"_s, items);
            return a;
        };
        QCOMPARE(code({}), u"bad_history"_s);
        QCOMPARE(code(withRows([](QJsonArray &) {})), u"parsed"_s);
        // Rows out of chain order.
        QCOMPARE(code(withRows([](QJsonArray &items) {
                     const QJsonValue first = items.takeAt(0);
                     items.insert(1, first);
                 })),
                 u"bad_history"_s);
        // Rows newer than the signed head (rows 6 and 8 under a head of 5).
        QCOMPARE(code(answer(m_signer, kRows.mid(0, 6), 5)), u"bad_history"_s);
        // A hash that is not 32 bytes of hex; a row without a time.
        QCOMPARE(code(withRows([](QJsonArray &items) {
                     QJsonObject row = items[0].toObject();
                     row.insert(u"hash"_s, u"zz"_s);
                     items[0] = row;
                 })),
                 u"bad_history"_s);
        QCOMPARE(code(withRows([](QJsonArray &items) {
                     QJsonObject row = items[0].toObject();
                     row.remove(u"at"_s);
                     items[0] = row;
                 })),
                 u"bad_history"_s);
        // A decapsulation row with counts no keyserver writes (found by fuzzing: the sum of
        // entries opened overflowed): more than a batch, more failed than counted, negative.
        for (const std::pair<double, double> &counts :
             {std::pair{9.2e18, -9.2e18}, std::pair{20000.0, 0.0}, std::pair{3.0, 4.0}, std::pair{-1.0, 0.0}}) {
            QCOMPARE(code(withRows([counts](QJsonArray &items) {
                         QJsonObject row = items[2].toObject(); // decapsulated, session aa
                         row.insert(u"details"_s, QJsonObject{{u"session"_s, u"aa"_s},
                                                              {u"count"_s, counts.first},
                                                              {u"failed"_s, counts.second}});
                         items[2] = row;
                     })),
                     u"bad_history"_s);
        }
        // The newest row is the head's row, but its hash is not the head's.
        QJsonObject a = answer(m_signer, kRows, 10);
        QJsonArray items = a.value(u"items"_s).toArray();
        QJsonObject last = items.last().toObject();
        last.insert(u"hash"_s, QString(64, u'0'));
        items[items.size() - 1] = last;
        a.insert(u"items"_s, items);
        QCOMPARE(code(a), u"bad_history"_s);
    }

    void aHistoryThatContinuesIsTold()
    {
        const AccessHistory before =
            parseAccessHistory(answer(m_signer, kRows.mid(0, 4), 7), m_signer.publicKey()).value();
        QCOMPARE(compareHeads(std::nullopt, before), HeadCheck::FirstLook);
        QCOMPARE(compareHeads(before.head, before), HeadCheck::Continues);
        const AccessHistory after = parseAccessHistory(answer(m_signer, kRows, 12), m_signer.publicKey()).value();
        QCOMPARE(compareHeads(before.head, after), HeadCheck::Continues);
    }

    void aHistoryThatShrankOrForkedIsTold()
    {
        const AccessHistory seen = parseAccessHistory(answer(m_signer, kRows, 12), m_signer.publicKey()).value();
        // Fewer rows.
        const AccessHistory shorter =
            parseAccessHistory(answer(m_signer, kRows.mid(0, 4), 7), m_signer.publicKey()).value();
        QCOMPARE(compareHeads(seen.head, shorter), HeadCheck::Shrank);
        // As many rows or more, but the newest row seen is gone.
        const AccessHistory without =
            parseAccessHistory(answer(m_signer, kRows.mid(0, 6), 13), m_signer.publicKey()).value();
        QCOMPARE(compareHeads(seen.head, without), HeadCheck::Shrank);
        // The same length, another chain.
        const AccessHistory other = parseAccessHistory(answer(m_signer, kRows, 12, "x"), m_signer.publicKey()).value();
        QCOMPARE(compareHeads(seen.head, other), HeadCheck::Forked);
        // Longer, but the rows seen were rewritten.
        const AccessHistory rewritten =
            parseAccessHistory(answer(m_signer, kRows, 20, "x"), m_signer.publicKey()).value();
        QCOMPARE(compareHeads(seen.head, rewritten), HeadCheck::Forked);
    }

    void pinsRememberHeadsAndTheStaffNotice()
    {
        QTemporaryDir dir;
        HeadPins pins(dir.filePath(u"history.ini"_s));
        const QUuid account = QUuid::createUuid();
        QVERIFY(!pins.lastSeen(account));
        QCOMPARE(pins.staffNoticeSeq(account), 0);
        const AccessHistory h = parseAccessHistory(answer(m_signer, kRows, 12), m_signer.publicKey()).value();
        QVERIFY(pins.remember(account, h.head));
        QVERIFY(pins.setStaffNoticeSeq(account, 8));
        const HeadPins again(dir.filePath(u"history.ini"_s));
        QCOMPARE(again.lastSeen(account), std::optional<SeenHead>(h.head));
        QCOMPARE(again.staffNoticeSeq(account), 8);
        QVERIFY(!again.lastSeen(QUuid::createUuid()));
        // An unwritable file is an error, not silence.
        HeadPins nowhere(u"/proc/credvault-no/history.ini"_s);
        QVERIFY(!nowhere.remember(account, h.head));
    }
};

QTEST_GUILESS_MAIN(TestAccessHistory)
#include "TestAccessHistory.moc"
