// Fuzz target: the audit chain as the apps check it (client::parseAccessHistory: the
// signed head, the rows, the unlock sessions folded out of them; compareHeads; the
// support app's parseVaultAudit, mergeAudits and CSV). The first byte's low bit says
// whether the head is taken as it comes (its signature must hold, as from a relay) or
// signed again with the audit key first (as if the keyserver had sent exactly these
// rows), so the rows are reached even when the head was changed; the rest is the JSON
// answer.

#include "FuzzSupport.h"

#include "client/AccessHistory.h"
#include "client/AccountAudit.h"
#include "protocol/Base64Url.h"

#include <QtCore/QJsonDocument>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

void signHead(QJsonObject &answer)
{
    QJsonObject head = answer.value(u"head"_s).toObject();
    const QByteArray hash = QByteArray::fromHex(head.value(u"hash"_s).toString().toLatin1());
    const qint64 count = head.value(u"count"_s).toInteger(-1);
    if (hash.size() != 32 || count < 0)
        return;
    const Result<QByteArray> sig = fuzz::auditSigner().signHead(count, hash);
    fuzz::check(sig.ok(), "signHead");
    head.insert(u"signature"_s, QString::fromLatin1(toBase64Url(*sig)));
    answer.insert(u"head"_s, head);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::setUp();
    fuzz::Input in(data, size);
    const bool resign = in.byte() & 1;
    QJsonObject answer = QJsonDocument::fromJson(in.rest().toByteArray()).object();
    if (resign)
        signHead(answer);

    const Result<AccessHistory, ApiError> history = parseAccessHistory(answer, fuzz::auditSigner().publicKey());
    QList<AccessEvent> events;
    if (history) {
        events = history->events;
        fuzz::check(history->head.count >= 0 && history->head.hash.size() == 32, "a checked head");
        for (qsizetype i = 0; i < events.size(); ++i) {
            fuzz::check(events[i].seq >= 1 && events[i].seq <= history->head.count, "rows within the head");
            fuzz::check(i == 0 || events[i - 1].seq < events[i].seq, "rows in chain order");
        }
        for (const UnlockRecord &u : history->unlocks) {
            fuzz::check(u.entriesOpened >= 0, "entries opened is a count");
            (void)u.isOpenAt(QDateTime::currentDateTimeUtc());
            (void)u.endsAt();
        }
        fuzz::check(compareHeads(std::nullopt, *history) == HeadCheck::FirstLook, "nothing seen is a first look");
        fuzz::check(compareHeads(history->head, *history) == HeadCheck::Continues, "the same head continues");
        SeenHead longer = history->head;
        longer.count += 1;
        fuzz::check(compareHeads(longer, *history) == HeadCheck::Shrank, "a longer head seen means it shrank");
    } else {
        fuzz::check(history.error().code == u"bad_history"_s || history.error().code == u"bad_signature"_s,
                    "a refusal is bad_history or bad_signature");
    }

    const Result<QList<AuditLine>, ApiError> vault = parseVaultAudit(answer);
    const QList<AuditLine> merged = mergeAudits(events, vault ? *vault : QList<AuditLine>());
    for (qsizetype i = 1; i < merged.size(); ++i)
        fuzz::check(!(merged[i].at < merged[i - 1].at), "merged by time");
    const QByteArray csv = auditCsv(merged);
    fuzz::check(csv.count("\r\n") >= merged.size() + 1, "a CSV line per event");
    return 0;
}
