// The apps' entry model against the real servers of an init-demo folder: entries added
// while locked show as sealed rows, open by themselves when the unlock session opens,
// and are wiped on lock; a stale edit is reported with the current revision.

#include "client/AccountKey.h"
#include "client/ClientConfig.h"
#include "client/EntryModel.h"
#include "client/UnlockSession.h"
#include "client/VaultApi.h"
#include "crypto/EntryEnvelope.h"

#include "support/Await.h"
#include "support/DemoDeployment.h"
#include "support/KeyserverFixture.h"

#include <QtCore/QEventLoop>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace credvault;
using namespace credvault::client;
using namespace Qt::Literals::StringLiterals;

namespace {

using test::await;

using VoidResult = Result<void, ApiError>;

EntryFields fieldsNamed(const QString &title)
{
    EntryFields f;
    f.kind = u"server"_s;
    f.title = title;
    f.host = title.toLower() + u".example.net"_s;
    f.port = 22;
    f.username = u"root"_s;
    f.tags = {u"web"_s};
    return f;
}

} // namespace

class TestEntryModel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    test::DemoDeployment m_demo;
    QNetworkAccessManager m_network;
    ClientConfig m_config;
    std::unique_ptr<VaultApi> m_vault;
    std::unique_ptr<UnlockSession> m_session;
    std::unique_ptr<EntryModel> m_model;
    std::unique_ptr<test::Outbox> m_outbox;
    QUuid m_account;
    CheckedKey m_key;

    void refreshed()
    {
        QSignalSpy busy(m_model.get(), &EntryModel::busyChanged);
        m_model->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->busy(), 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString started = m_demo.makeAndStart(m_dir.filePath(u"demo"_s));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        m_config = ClientConfig::load(m_demo.path(u"client.conf"_s)).value();
        m_outbox = std::make_unique<test::Outbox>(m_demo.path(u"outbox"_s));
        m_vault = std::make_unique<VaultApi>(m_config.vault, &m_network);
        QVERIFY(await<ApiResult>([&](ApiCallback cb) {
                    m_vault->login(u"alice"_s, m_demo.user(u"alice"_s).password, {}, cb);
                }).ok());
        m_account = QUuid::fromString(m_demo.user(u"alice"_s).accountId);
        ApiClient keyserver(m_config.keyserver, &m_network);
        KeyPins pins(m_dir.filePath(u"pins.ini"_s));
        const Result<CheckedKey, ApiError> key = await<Result<CheckedKey, ApiError>>(
            [&](auto cb) { checkAccountKey(*m_vault, keyserver, pins.pinned(m_account), m_account, cb); });
        QVERIFY(key.ok());
        m_key = *key;
        m_session = std::make_unique<UnlockSession>(m_config.keyserver, m_config.redeemKey, &m_network);
        m_model = std::make_unique<EntryModel>(*m_vault, *m_session, m_account);
        m_model->setAccountKey(m_key);
    }

    void entriesAddedWhileLockedAreSealedRows()
    {
        refreshed();
        QCOMPARE(m_model->rowCount(), 0);
        for (const QString &title : {u"Web1"_s, u"Web2"_s, u"Mail"_s}) {
            const VoidResult r = await<VoidResult>([&](auto cb) {
                m_model->add(m_key, fieldsNamed(title), SecureBuffer::copyOf("pw-" + title.toUtf8() + "-\"q\"\\"), cb);
            });
            QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 3, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_model->busy(), 10000);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(m_model->data(m_model->index(row, EntryModel::TitleColumn)).toString(), u"Sealed entry"_s);
            QVERIFY(!m_model->fields(row).has_value());
            QVERIFY(m_model->secret(row).isEmpty());
            QCOMPARE(m_model->data(m_model->index(row, 0), EntryModel::UpdatedByRole).toString(), u"customer:alice"_s);
        }
    }

    void unlockingOpensEveryRowAndLockingWipesThem()
    {
        const ApiResult asked = await<ApiResult>([&](ApiCallback cb) { m_vault->requestUnlockCode(cb); });
        QVERIFY(asked.ok());
        const QList<QByteArray> mails = m_outbox->waitFor(2); // the vault's creation, the code
        QVERIFY(!mails.isEmpty());
        const QString code = test::unlockCodeIn(mails.last());
        QVERIFY(!code.isEmpty());
        QSignalSpy opened(m_model.get(), &EntryModel::opened);
        QVERIFY(await<VoidResult>([&](auto cb) { m_session->redeem(m_account, code, cb); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QCOMPARE(opened.first().first().toInt(), 3);
        QCOMPARE(m_model->openCount(), 3);
        QStringList titles;
        for (int row = 0; row < 3; ++row) {
            titles << m_model->data(m_model->index(row, EntryModel::TitleColumn)).toString();
            const QString title = titles.last();
            QCOMPARE(m_model->fields(row)->host, title.toLower() + u".example.net"_s);
            QCOMPARE(m_model->fields(row)->tags, QStringList{u"web"_s});
            QCOMPARE(m_model->secret(row).view(), QByteArrayView("pw-" + title.toUtf8() + "-\"q\"\\"));
        }
        titles.sort();
        QCOMPARE(titles, (QStringList{u"Mail"_s, u"Web1"_s, u"Web2"_s}));

        m_session->lock();
        QCOMPARE(m_model->openCount(), 0);
        for (int row = 0; row < 3; ++row) {
            QCOMPARE(m_model->data(m_model->index(row, EntryModel::TitleColumn)).toString(), u"Sealed entry"_s);
            QVERIFY(m_model->secret(row).isEmpty());
            QVERIFY(!m_model->fields(row).has_value());
        }
    }

    void aStaleEditIsReportedAndTheRowReloaded()
    {
        // Another window (or support) changes the first entry.
        EntryModel other(*m_vault, *m_session, m_account);
        other.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(other.rowCount(), 3, 10000);
        const QUuid id = m_model->data(m_model->index(0, 0), EntryModel::IdRole).toUuid();
        QVERIFY(await<VoidResult>([&](auto cb) {
                    other.update(m_key, id, 1, fieldsNamed(u"Changed"_s), SecureBuffer::copyOf("new"), cb);
                }).ok());
        // This model still holds revision 1 of it.
        QCOMPARE(m_model->data(m_model->index(0, 0), EntryModel::RevisionRole).toLongLong(), 1);
        const VoidResult r = await<VoidResult>(
            [&](auto cb) { m_model->update(m_key, id, 1, fieldsNamed(u"Mine"_s), SecureBuffer::copyOf("mine"), cb); });
        QCOMPARE(r.error().httpStatus, 409);
        QCOMPARE(r.error().code, u"stale_revision"_s);
        QCOMPARE(r.error().details.value(u"current_revision"_s).toInt(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_model->data(m_model->index(m_model->rowOf(id), 0), EntryModel::RevisionRole).toLongLong(), 2, 10000);
        // Written again on the revision now known: the newer version wins, knowingly.
        QVERIFY(await<VoidResult>([&](auto cb) {
                    m_model->update(m_key, id, 2, fieldsNamed(u"Mine"_s), SecureBuffer::copyOf("mine"), cb);
                }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_model->data(m_model->index(m_model->rowOf(id), 0), EntryModel::RevisionRole).toLongLong(), 3, 10000);

        // Delete.
        QVERIFY(await<VoidResult>([&](auto cb) { m_model->remove(m_model->rowOf(id), cb); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 2, 10000);
        QCOMPARE(m_model->rowOf(id), -1);
    }

    void aLargeVaultOpensOnEveryThreadAndCountsWhatDoesNotOpen()
    {
        // 300 more entries (opened in as many slices as the model has threads) and one that
        // is damaged.
        std::vector<SecureBuffer> plaintexts;
        for (int i = 0; i < 300; ++i)
            plaintexts.push_back(EntryModel::plaintextOf(fieldsNamed(u"Bulk %1"_s.arg(i, 3, 10, QChar(u'0'))),
                                                         SecureBuffer::copyOf("bulk-" + QByteArray::number(i))));
        int addedCount = -1;
        const VoidResult added = await<VoidResult>([&](auto cb) {
            m_model->addMany(m_key, std::move(plaintexts), [cb, &addedCount](int n, VoidResult r) mutable {
                addedCount = n;
                cb(std::move(r));
            });
        });
        QVERIFY(added.ok());
        QCOMPARE(addedCount, 300);
        // The vault server takes only envelopes naming the account's key, but cannot tell one
        // sealed for another entry id: such an entry is damaged, and does not open.
        const QUuid foreign = QUuid::createUuid();
        const Result<QByteArray> envelope =
            EntryEnvelope::seal(m_key.publicKey, m_account, QUuid::createUuid(),
                                EntryModel::plaintextOf(fieldsNamed(u"Foreign"_s), SecureBuffer::copyOf("x")).view());
        QVERIFY(envelope.ok());
        QVERIFY(
            await<ApiResult>([&](ApiCallback cb) { m_vault->createEntry(foreign, m_account, *envelope, cb); }).ok());
        refreshed();
        QCOMPARE(m_model->rowCount(), 303);

        const ApiResult asked = await<ApiResult>([&](ApiCallback cb) { m_vault->requestUnlockCode(cb); });
        QVERIFY(asked.ok());
        const QList<QByteArray> mails = m_outbox->waitFor(1); // the new code
        QCOMPARE(mails.size(), 1);
        const QString code = test::unlockCodeIn(mails.last());
        QSignalSpy opened(m_model.get(), &EntryModel::opened);
        QSignalSpy failed(m_model.get(), &EntryModel::failed);
        QVERIFY(await<VoidResult>([&](auto cb) { m_session->redeem(m_account, code, cb); }).ok());
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 20000);
        QCOMPARE(opened.first().first().toInt(), 302);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed.first().first().toString().startsWith(u"1 entr"_s) &&
                     failed.first().first().toString().contains(u"could not be opened"_s),
                 qPrintable(failed.first().first().toString()));
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const std::optional<EntryFields> f = m_model->fields(row);
            const QUuid id = m_model->data(m_model->index(row, 0), EntryModel::IdRole).toUuid();
            QCOMPARE(f.has_value(), id != foreign);
            if (f && f->title.startsWith(u"Bulk "_s))
                QCOMPARE(m_model->secret(row).view(),
                         QByteArrayView("bulk-" + QByteArray::number(f->title.mid(5).toInt())));
        }
        m_session->lock();
        QCOMPARE(m_model->openCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEntryModel)
#include "TestEntryModel.moc"
