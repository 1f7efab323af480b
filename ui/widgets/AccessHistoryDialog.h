#pragma once

// AccessHistoryDialog: who opened the vault, as the keyserver's signed audit tells
// (client::AccessHistory). The first tab lists the unlocks, newest first: by the customer
// with a code, or by a named support engineer with reason and ticket — those rows stand
// out — with when, until when and how many entries were decrypted. The second lists every
// event of the account. A warning heads the dialog when the history does not continue
// the one this app saw before (it shrank or forked).

#include "client/AccessHistory.h"

#include <QtWidgets/QDialog>

class QLabel;
class QStandardItemModel;
class QTableView;

namespace credvault::ui {

class AccessHistoryDialog : public QDialog {
    Q_OBJECT
public:
    explicit AccessHistoryDialog(QWidget *parent = nullptr);

    void setHistory(const client::AccessHistory &history, client::HeadCheck check, const QDateTime &now);

    QTableView *unlockTable() const { return m_unlocks; }
    QTableView *eventTable() const { return m_events; }
    QString warningText() const;

    /// The warning for a history that does not continue the one seen; empty when it does.
    static QString headWarning(client::HeadCheck check);
    /// An event in words ("Unlocked with a code", "A support engineer unlocked: …").
    static QString describe(const client::AccessEvent &event);

private:
    QLabel *m_warning = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_unlocks = nullptr;
    QTableView *m_events = nullptr;
    QStandardItemModel *m_unlockModel = nullptr;
    QStandardItemModel *m_eventModel = nullptr;
};

} // namespace credvault::ui
