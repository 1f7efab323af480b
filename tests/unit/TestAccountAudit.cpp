// The support app's merged account audit: the vault server's answer read strictly, both
// sources merged by time, the details as text, and the CSV (quoting, no formulas).

#include "client/AccountAudit.h"

#include <QtCore/QJsonArray>
#include <QtTest/QTest>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

class TestAccountAudit : public QObject {
    Q_OBJECT

    static QJsonObject vaultItem(qint64 seq, const QString &at, const QString &action, const QJsonObject &details = {})
    {
        return QJsonObject{{u"seq"_s, seq},       {u"at"_s, at},           {u"actor"_s, u"staff:sam"_s},
                           {u"action"_s, action}, {u"details"_s, details}, {u"hash"_s, u"00"_s}};
    }

private Q_SLOTS:
    void theVaultAnswerIsReadStrictly()
    {
        const Result<QList<AuditLine>, ApiError> ok = parseVaultAudit(
            QJsonObject{{u"items"_s, QJsonArray{vaultItem(1, u"2026-11-23T10:00:00.500Z"_s, u"entry_created"_s)}}});
        QVERIFY(ok.ok());
        QCOMPARE(ok->size(), 1);
        QCOMPARE(ok->first().source, AuditLine::Source::VaultServer);
        QCOMPARE(ok->first().at, QDateTime(QDate(2026, 11, 23), QTime(10, 0, 0, 500), Qt::UTC));
        for (const QJsonObject &bad :
             {QJsonObject{}, QJsonObject{{u"items"_s, 3}},
              QJsonObject{{u"items"_s, QJsonArray{vaultItem(1, u"yesterday"_s, u"x"_s)}}},
              QJsonObject{{u"items"_s, QJsonArray{vaultItem(1, u"2026-11-23T10:00:00Z"_s, QString())}}},
              QJsonObject{{u"items"_s, QJsonArray{QJsonValue(u"row"_s)}}}}) {
            const auto r = parseVaultAudit(bad);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, u"bad_audit"_s);
        }
    }

    void bothSourcesAreMergedByTime()
    {
        const QDateTime t0(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        QList<AccessEvent> ks;
        ks.append(AccessEvent{7, t0.addSecs(10), u"staff:sam"_s, u"staff_unlock"_s, {{u"ticket"_s, u"T-1"_s}}, {}});
        ks.append(AccessEvent{8, t0.addSecs(30), u"staff:sam"_s, u"locked"_s, {}, {}});
        QList<AuditLine> vault;
        vault.append(AuditLine{t0, AuditLine::Source::VaultServer, 3, u"customer:a"_s, u"login"_s, {}});
        vault.append(
            AuditLine{t0.addSecs(10), AuditLine::Source::VaultServer, 4, u"staff:sam"_s, u"entry_updated"_s, {}});
        vault.append(AuditLine{t0.addSecs(40), AuditLine::Source::VaultServer, 5, u"staff:sam"_s, u"logout"_s, {}});
        const QList<AuditLine> all = mergeAudits(ks, vault);
        QStringList order;
        for (const AuditLine &l : all)
            order << l.action;
        // At the same time the keyserver's event comes first.
        QCOMPARE(order, (QStringList{u"login"_s, u"staff_unlock"_s, u"entry_updated"_s, u"locked"_s, u"logout"_s}));
        QCOMPARE(all[1].source, AuditLine::Source::Keyserver);
    }

    void detailsReadAsText()
    {
        QCOMPARE(detailsText(QJsonObject{
                     {u"ticket"_s, u"T-1"_s}, {u"count"_s, 5}, {u"ok"_s, true}, {u"email"_s, QJsonValue::Null}}),
                 u"count: 5; email: none; ok: true; ticket: T-1"_s);
        QCOMPARE(detailsText({}), QString());
    }

    void theCsvIsQuotedAndRunsNoFormula()
    {
        const QDateTime t(QDate(2026, 11, 23), QTime(10, 0), Qt::UTC);
        const QList<AuditLine> lines{AuditLine{t,
                                               AuditLine::Source::Keyserver,
                                               1,
                                               u"staff:sam"_s,
                                               u"staff_unlock"_s,
                                               {{u"reason"_s, u"=HYPERLINK(\"x\"), \"quoted\"\nnext"_s}}},
                                     AuditLine{t, AuditLine::Source::VaultServer, 2, u"-actor"_s, u"login"_s, {}}};
        const QByteArray csv = auditCsv(lines);
        const QList<QByteArray> rows = csv.split('\n');
        QCOMPARE(rows.first(), QByteArray("time,source,actor,action,details\r"));
        QVERIFY(csv.contains("2026-11-23T10:00:00.000Z,keyserver,staff:sam,staff_unlock,"
                             "\"reason: =HYPERLINK(\"\"x\"\"), \"\"quoted\"\"\nnext\"\r\n"));
        QVERIFY(csv.contains(",vault server,'-actor,login,\r\n"));
        QVERIFY(csv.endsWith("\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestAccountAudit)
#include "TestAccountAudit.moc"
