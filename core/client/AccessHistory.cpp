#include "client/AccessHistory.h"

#include "crypto/DecapBox.h"
#include "protocol/Base64Url.h"

#include <QtCore/QHash>
#include <QtCore/QJsonArray>
#include <QtCore/QSettings>

using namespace Qt::Literals::StringLiterals;

namespace credvault::client {

namespace {

Unexpected<ApiError> refusal(const QString &code, const QString &message)
{
    return Unexpected<ApiError>(ApiError{0, code, message, {}});
}

std::optional<QByteArray> hash32(const QJsonValue &v)
{
    const QString text = v.toString();
    if (text.size() != 64)
        return std::nullopt;
    const QByteArray raw = QByteArray::fromHex(text.toLatin1());
    if (raw.size() != 32 || QString::fromLatin1(raw.toHex()) != text.toLower())
        return std::nullopt;
    return raw;
}

QString group(const QUuid &account)
{
    return u"history/"_s + account.toString(QUuid::WithoutBraces);
}

} // namespace

Result<AccessHistory, ApiError> parseAccessHistory(const QJsonObject &answer, const AuditKeyPublic &auditKey)
{
    const QJsonObject head = answer.value(u"head"_s).toObject();
    const std::optional<QByteArray> headHash = hash32(head.value(u"hash"_s));
    const qint64 count = head.value(u"count"_s).toInteger(-1);
    const Result<QByteArray> signature = fromBase64Url(head.value(u"signature"_s).toString().toLatin1());
    if (!answer.value(u"items"_s).isArray() || !headHash || count < 0 || !signature)
        return refusal(u"bad_history"_s, u"the access history is malformed"_s);
    if (!verifyAuditHead(auditKey, count, *headHash, *signature))
        return refusal(u"bad_signature"_s,
                       u"the access history is not signed by the keyserver's audit key: it cannot be trusted"_s);

    AccessHistory out;
    out.head.count = count;
    out.head.hash = *headHash;
    QHash<QString, qsizetype> bySession; // short session id -> index in `unlocks` (oldest first for now)
    qint64 previous = 0;
    for (const QJsonValue &v : answer.value(u"items"_s).toArray()) {
        const QJsonObject o = v.toObject();
        AccessEvent e;
        e.seq = o.value(u"seq"_s).toInteger(0);
        e.at = QDateTime::fromString(o.value(u"at"_s).toString(), Qt::ISODate);
        e.actor = o.value(u"actor"_s).toString();
        e.action = o.value(u"action"_s).toString();
        e.details = o.value(u"details"_s).toObject();
        const std::optional<QByteArray> h = hash32(o.value(u"hash"_s));
        // Rows come in chain order and none can be newer than the signed head.
        if (e.seq <= previous || e.seq > count || !e.at.isValid() || e.action.isEmpty() || !h)
            return refusal(u"bad_history"_s, u"the access history is malformed"_s);
        e.hash = *h;
        previous = e.seq;

        const QString session = e.details.value(u"session"_s).toString();
        if (e.action == u"unlock"_s || e.action == u"staff_unlock"_s) {
            UnlockRecord u;
            u.session = session;
            u.seq = e.seq;
            u.byStaff = e.action == u"staff_unlock"_s;
            u.engineer = e.details.value(u"engineer"_s).toString();
            u.reason = e.details.value(u"reason"_s).toString();
            u.ticket = e.details.value(u"ticket"_s).toString();
            u.startedAt = e.at;
            u.expiresAt = QDateTime::fromString(e.details.value(u"expires_at"_s).toString(), Qt::ISODate);
            if (!u.expiresAt.isValid())
                u.expiresAt = e.at;
            if (!session.isEmpty())
                bySession.insert(session, out.unlocks.size());
            out.unlocks.append(u);
        } else if (const auto found = bySession.constFind(session); found != bySession.cend() && !session.isEmpty()) {
            UnlockRecord &u = out.unlocks[*found];
            if (e.action == u"decapsulated"_s) {
                // As the keyserver writes it: 0 ≤ failed ≤ count ≤ one batch. Anything else
                // is not its row (and would overflow the sum).
                const qint64 count = e.details.value(u"count"_s).toInteger(0);
                const qint64 failed = e.details.value(u"failed"_s).toInteger(0);
                if (count < 0 || count > qint64(DecapBox::kMaxEncs) || failed < 0 || failed > count)
                    return refusal(u"bad_history"_s, u"the access history is malformed"_s);
                u.entriesOpened += count - failed;
            } else if (e.action == u"locked"_s && !u.lockedAt.isValid() && e.at < u.expiresAt)
                u.lockedAt = e.at;
        }
        out.events.append(std::move(e));
    }
    if (!out.events.isEmpty()) {
        out.head.ownSeq = out.events.constLast().seq;
        out.head.ownHash = out.events.constLast().hash;
        if (out.head.ownSeq == count && out.head.ownHash != out.head.hash)
            return refusal(u"bad_history"_s, u"the access history's newest row does not match its signed head"_s);
    }
    std::reverse(out.unlocks.begin(), out.unlocks.end());
    return out;
}

HeadCheck compareHeads(const std::optional<SeenHead> &last, const AccessHistory &now)
{
    if (!last)
        return HeadCheck::FirstLook;
    if (now.head.count < last->count)
        return HeadCheck::Shrank;
    if (now.head.count == last->count && now.head.hash != last->hash)
        return HeadCheck::Forked;
    if (last->ownSeq > 0) {
        const auto row = std::find_if(now.events.cbegin(), now.events.cend(),
                                      [&](const AccessEvent &e) { return e.seq == last->ownSeq; });
        if (row == now.events.cend())
            return HeadCheck::Shrank;
        if (row->hash != last->ownHash)
            return HeadCheck::Forked;
    }
    return HeadCheck::Continues;
}

std::optional<SeenHead> HeadPins::lastSeen(const QUuid &account) const
{
    const QSettings s(m_file, QSettings::IniFormat);
    const QString g = group(account);
    if (!s.contains(g + u"/count"_s))
        return std::nullopt;
    SeenHead h;
    h.count = s.value(g + u"/count"_s).toLongLong();
    h.hash = QByteArray::fromHex(s.value(g + u"/hash"_s).toString().toLatin1());
    h.ownSeq = s.value(g + u"/own_seq"_s).toLongLong();
    h.ownHash = QByteArray::fromHex(s.value(g + u"/own_hash"_s).toString().toLatin1());
    return h;
}

Result<void> HeadPins::remember(const QUuid &account, const SeenHead &head)
{
    QSettings s(m_file, QSettings::IniFormat);
    const QString g = group(account);
    s.setValue(g + u"/count"_s, head.count);
    s.setValue(g + u"/hash"_s, QString::fromLatin1(head.hash.toHex()));
    s.setValue(g + u"/own_seq"_s, head.ownSeq);
    s.setValue(g + u"/own_hash"_s, QString::fromLatin1(head.ownHash.toHex()));
    s.sync();
    if (s.status() != QSettings::NoError)
        return fail(ErrorKind::Io, u"cannot write the access-history heads to %1"_s.arg(m_file));
    return {};
}

qint64 HeadPins::staffNoticeSeq(const QUuid &account) const
{
    return QSettings(m_file, QSettings::IniFormat).value(group(account) + u"/staff_notice_seq"_s, 0).toLongLong();
}

Result<void> HeadPins::setStaffNoticeSeq(const QUuid &account, qint64 seq)
{
    QSettings s(m_file, QSettings::IniFormat);
    s.setValue(group(account) + u"/staff_notice_seq"_s, seq);
    s.sync();
    if (s.status() != QSettings::NoError)
        return fail(ErrorKind::Io, u"cannot write the access-history heads to %1"_s.arg(m_file));
    return {};
}

} // namespace credvault::client
