#pragma once

// RequestDialog: the shape of the apps' dialogs that send one request (sign in, unlock,
// …): their fields, then a message line for progress and refusals, then OK (with its own
// text) and Cancel. OK calls submit(); while a request is on its way OK is disabled and
// the message says so, so the window stays responsive and nothing is sent twice. A
// dialog whose request cannot be called back (a staff unlock mails the customer) holds
// open while working: Cancel and Esc do nothing until the answer, and only the window
// can end it (abandon()).

#include <QtWidgets/QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace credvault::ui {

class RequestDialog : public QDialog {
    Q_OBJECT
public:
    /// The message shown (empty when none).
    QString message() const;
    bool isWorking() const { return m_working; }
    /// Closes the dialog even while working (the window signs out, the tab goes).
    void abandon();
    void done(int result) override;

protected:
    explicit RequestDialog(QWidget *parent = nullptr);
    /// Adds the message line and the buttons below the fields in `layout`.
    void addMessageAndButtons(QVBoxLayout *layout, const QString &okText);
    void showMessage(const QString &text);
    void hideMessage();
    /// OK disabled and `text` shown while working.
    void setWorking(bool working, const QString &text = {});
    /// While working, Cancel and Esc do nothing (default: they close the dialog).
    void setHoldOpenWhileWorking(bool hold) { m_holdOpen = hold; }
    QPushButton *okButton() const;
    QPushButton *cancelButton() const;
    virtual void submit() = 0;

private:
    QLabel *m_message = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_working = false;
    bool m_holdOpen = false;
};

} // namespace credvault::ui
