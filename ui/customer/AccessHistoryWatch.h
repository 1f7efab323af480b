#pragma once

// AccessHistoryWatch: the customer app's eye on the keyserver's audit of the account.
// After each sign-in, every few minutes while signed in, and whenever the person opens
// the access history it fetches the history through the vault server, checks the signed
// head with the pinned audit key and against the head this computer saw last
// (client::compareHeads), and:
//   - warns (a message box) when the history shrank, forked or is not signed by the key
//     in client.conf — the remembered head is then kept, so the warning stays;
//   - tells the person once, the first time it sees it, of every support engineer's
//     unlock (who, reason, ticket, when);
//   - otherwise remembers the new head.

#include "client/AccessHistory.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>

class QWidget;

namespace credvault::client {
class VaultApi;
}

namespace credvault::ui {

class AccessHistoryDialog;

class AccessHistoryWatch : public QObject {
    Q_OBJECT
public:
    static constexpr int kRecheckMs = 5 * 60 * 1000;

    /// `window`: the parent of the message boxes and the dialog. `pinsFile`: where heads
    /// are remembered.
    AccessHistoryWatch(QWidget *window, const QString &pinsFile);

    /// Starts watching `account` through `vault` (after the key check), checking at once.
    void start(client::VaultApi *vault, const QUuid &account, const AuditKeyPublic &auditKey, bool openDialog = false);
    bool isWatching() const { return m_vault != nullptr; }
    /// Stops (sign-out): pending answers are dropped and open boxes closed.
    void stop();
    /// Fetches and checks the history; `openDialog`: then shows it.
    void check(bool openDialog = false);

    client::HeadPins &pins() { return m_pins; }
    AccessHistoryDialog *dialog() const { return m_dialog; }

Q_SIGNALS:
    /// A check ended: the result of the head comparison, or the error's code.
    void checked(const QString &outcome);

private:
    void onHistory(const client::AccessHistory &history);
    void showBox(const QString &name, int icon, const QString &title, const QString &text);

    QWidget *m_window;
    client::HeadPins m_pins;
    client::VaultApi *m_vault = nullptr;
    QUuid m_account;
    AuditKeyPublic m_auditKey{};
    quint64 m_generation = 0; // bumped by start and stop: late answers are dropped
    QTimer m_timer;
    QPointer<AccessHistoryDialog> m_dialog;
    QList<QPointer<QWidget>> m_boxes;
    bool m_openDialog = false;
};

} // namespace credvault::ui
