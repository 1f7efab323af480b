#pragma once

// EntryEditor: adding or changing one entry, shared by both apps. The kind (server/SSH,
// control panel, database, FTP, API key, other) sets what the secret is called and the
// usual port; the secret is hidden until "Show" is pressed. Saving is the caller's (seal
// and write, off the UI thread); the dialog stays open, fields kept, until it succeeds.
// A stale save — someone changed the entry since the editor opened — is said plainly
// and nothing typed is lost: saving again writes this version over the newer one.
//
// Opened on a sealed entry (the vault locked), it starts empty: what is saved replaces
// the entry whole. An entry's secret is saved as it was unless it is changed in the field.

#include "client/EntryModel.h"
#include "widgets/RequestDialog.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;

namespace credvault::ui {

class EntryEditor : public RequestDialog {
    Q_OBJECT
public:
    using WriteCallback = client::EntryModel::WriteCallback;
    /// Seals and writes; `baseRevision` 0 for a new entry.
    using Save = std::function<void(const client::EntryFields &fields, const SecureBuffer &secret, qint64 baseRevision,
                                    WriteCallback done)>;

    enum class Mode { Add, Edit, ReplaceSealed };
    EntryEditor(Mode mode, Save save, QWidget *parent = nullptr);
    ~EntryEditor() override;

    /// The entry being changed: its fields and secret (Edit) and the revision they are of.
    void setEntry(const client::EntryFields &fields, const SecureBuffer &secret, qint64 revision);
    void setBaseRevision(qint64 revision) { m_baseRevision = revision; }
    qint64 baseRevision() const { return m_baseRevision; }
    client::EntryFields fields() const;
    bool secretShown() const;

    Mode mode() const { return m_mode; }
    /// Closes the editor even while a save is on its way (sign-out, lock): the save's
    /// answer then goes nowhere.
    void abandon();
    /// Abandons every editor under `owner` that shows an opened entry (the vault locked:
    /// its plaintext goes); how many there were.
    static int abandonOpenedEntries(QObject *owner);
    /// While a save is on its way, Cancel and Esc do nothing: the save cannot be called back.
    void done(int result) override;

private:
    void submit() override;
    void kindChanged();
    void setFieldsEnabled(bool enabled);
    void clearSecret();

    Save m_save;
    Mode m_mode;
    qint64 m_baseRevision = 0;
    bool m_saving = false;
    bool m_abandoned = false;
    // The secret the entry held when opened, saved as it was unless the person changes it
    // (so nothing the one-line field cannot hold — long or multi-line keys — is cut off).
    SecureBuffer m_originalSecret;
    bool m_secretEdited = false;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_title = nullptr;
    QLineEdit *m_host = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_username = nullptr;
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secret = nullptr;
    QToolButton *m_show = nullptr;
    QLineEdit *m_url = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLineEdit *m_tags = nullptr;
};

} // namespace credvault::ui
