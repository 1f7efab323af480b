#include "widgets/EntryEditor.h"

#include "widgets/EntryKinds.h"
#include "widgets/PasswordGeneratorDialog.h"

#include <QtCore/QPointer>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace credvault::ui {

namespace {

constexpr int kMaxField = 1024;
constexpr int kMaxNotes = 16 * 1024; // the envelope holds 64 KiB in all

} // namespace

EntryEditor::EntryEditor(Mode mode, Save save, QWidget *parent)
    : RequestDialog(parent), m_save(std::move(save)), m_mode(mode)
{
    setObjectName(u"entryEditor"_s);
    setWindowTitle(mode == Mode::Add ? tr("Add an entry") : tr("Edit the entry"));
    auto *layout = new QVBoxLayout(this);
    if (mode == Mode::ReplaceSealed) {
        auto *note = new QLabel(tr("This entry is sealed: unlock the vault to change what it holds, or type a whole "
                                   "new version here to replace it."),
                                this);
        note->setObjectName(u"sealedNote"_s);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    auto *form = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"kind"_s);
    for (const EntryKind &k : entryKinds())
        m_kind->addItem(entryKindIcon(k.id), k.name, k.id);
    m_title = new QLineEdit(this);
    m_title->setObjectName(u"title"_s);
    m_title->setPlaceholderText(tr("What it is, e.g. \"web1 production\""));
    m_host = new QLineEdit(this);
    m_host->setObjectName(u"host"_s);
    m_host->setPlaceholderText(tr("Host name or address"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(u"port"_s);
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("none"));
    auto *hostRow = new QHBoxLayout;
    hostRow->addWidget(m_host, 1);
    hostRow->addWidget(new QLabel(tr("Port:"), this));
    hostRow->addWidget(m_port);
    m_username = new QLineEdit(this);
    m_username->setObjectName(u"username"_s);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(u"secret"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_show = new QToolButton(this);
    m_show->setObjectName(u"showSecret"_s);
    m_show->setText(tr("Show"));
    m_show->setCheckable(true);
    m_show->setToolTip(tr("Show or hide the secret"));
    connect(m_show, &QToolButton::toggled, this, [this](bool on) {
        m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        m_show->setText(on ? tr("Hide") : tr("Show"));
    });
    auto *generate = new QToolButton(this);
    generate->setObjectName(u"generate"_s);
    generate->setText(tr("Generate…"));
    generate->setToolTip(tr("Make a new random password for this entry"));
    connect(generate, &QToolButton::clicked, this, [this] {
        auto *dialog = new PasswordGeneratorDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            m_secret->setText(QString::fromLatin1(dialog->password().view()));
            m_secretEdited = true;
        });
        dialog->open();
    });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_secret, 1);
    secretRow->addWidget(m_show);
    secretRow->addWidget(generate);
    m_secretLabel = new QLabel(this);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(u"https://"_s);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notes"_s);
    m_notes->setTabChangesFocus(true);
    m_tags = new QLineEdit(this);
    m_tags->setObjectName(u"tags"_s);
    m_tags->setPlaceholderText(tr("Separated by commas"));
    for (QLineEdit *e : {m_title, m_host, m_username, m_url, m_tags})
        e->setMaxLength(kMaxField);
    connect(m_secret, &QLineEdit::textEdited, this, [this] { m_secretEdited = true; });

    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Host:"), hostRow);
    form->addRow(tr("User name:"), m_username);
    form->addRow(m_secretLabel, secretRow);
    form->addRow(tr("Address (URL):"), m_url);
    form->addRow(tr("Notes:"), m_notes);
    form->addRow(tr("Tags:"), m_tags);
    layout->addLayout(form);
    addMessageAndButtons(layout, tr("Save"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &EntryEditor::kindChanged);
    kindChanged();
    m_title->setFocus();
}

EntryEditor::~EntryEditor()
{
    clearSecret();
}

void EntryEditor::clearSecret()
{
    // QLineEdit keeps the text in a buffer of its own that no API lets us overwrite (a copy
    // of text() would be wiped, not it): emptied as soon as the editor closes. What this
    // class copies out of it (submit) is wiped after use.
    m_secret->clear();
}

void EntryEditor::abandon()
{
    m_abandoned = true;
    reject();
}

int EntryEditor::abandonOpenedEntries(QObject *owner)
{
    int n = 0;
    for (EntryEditor *editor : owner->findChildren<EntryEditor *>()) {
        if (editor->mode() == Mode::Edit && editor->isVisible()) {
            editor->abandon();
            ++n;
        }
    }
    return n;
}

void EntryEditor::done(int result)
{
    if (m_saving && result == QDialog::Rejected && !m_abandoned)
        return;
    clearSecret();
    m_originalSecret = SecureBuffer();
    m_notes->clear();
    RequestDialog::done(result);
}

void EntryEditor::kindChanged()
{
    const EntryKind kind = entryKind(m_kind->currentData().toString());
    m_secretLabel->setText(kind.secretLabel + u':');
    const bool apiKey = kind.id == u"api_key"_s;
    m_port->setEnabled(!apiKey);
    // A port the person typed stays; an unset one or another kind's usual one follows the kind.
    const int port = m_port->value();
    const QList<EntryKind> kinds = entryKinds();
    if (port == 0 ||
        std::any_of(kinds.cbegin(), kinds.cend(), [port](const EntryKind &k) { return k.defaultPort == port; }))
        m_port->setValue(kind.defaultPort);
}

void EntryEditor::setEntry(const client::EntryFields &f, const SecureBuffer &secret, qint64 revision)
{
    const int k = m_kind->findData(entryKind(f.kind).id);
    m_kind->setCurrentIndex(qMax(0, k));
    m_title->setText(f.title);
    m_host->setText(f.host);
    m_port->setValue(f.port);
    m_username->setText(f.username);
    m_secret->setText(QString::fromUtf8(secret.view()));
    m_originalSecret = SecureBuffer::copyOf(secret.view());
    m_secretEdited = false;
    m_url->setText(f.url);
    m_notes->setPlainText(f.notes);
    m_tags->setText(f.tags.join(u", "_s));
    m_baseRevision = revision;
}

client::EntryFields EntryEditor::fields() const
{
    client::EntryFields f;
    f.kind = m_kind->currentData().toString();
    f.title = m_title->text().trimmed();
    f.host = m_host->text().trimmed();
    f.port = m_port->isEnabled() ? m_port->value() : 0;
    f.username = m_username->text();
    f.url = m_url->text().trimmed();
    f.notes = m_notes->toPlainText();
    for (const QString &t : m_tags->text().split(u',', Qt::SkipEmptyParts)) {
        const QString tag = t.trimmed();
        if (!tag.isEmpty() && !f.tags.contains(tag))
            f.tags.append(tag);
    }
    return f;
}

bool EntryEditor::secretShown() const
{
    return m_secret->echoMode() == QLineEdit::Normal;
}

void EntryEditor::setFieldsEnabled(bool enabled)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_title, m_host, m_port, m_username, m_secret, m_show,
                                                       m_url, m_notes, m_tags})
        w->setEnabled(enabled);
    if (enabled) // the port as it was: kindChanged() would put a kind's usual one back
        m_port->setEnabled(m_kind->currentData().toString() != u"api_key"_s);
}

void EntryEditor::submit()
{
    const client::EntryFields f = fields();
    if (f.title.isEmpty()) {
        showMessage(tr("Give the entry a title."));
        m_title->setFocus();
        return;
    }
    if (f.notes.size() > kMaxNotes) {
        showMessage(tr("The notes are too long (at most %1 characters).").arg(kMaxNotes));
        m_notes->setFocus();
        return;
    }
    SecureBuffer secret;
    if (m_secretEdited || m_mode != Mode::Edit) {
        QByteArray typed = m_secret->text().toUtf8();
        secret = SecureBuffer::copyOf(typed);
        std::memset(typed.data(), 0, std::size_t(typed.size()));
    } else {
        secret = SecureBuffer::copyOf(m_originalSecret.view());
    }
    setFieldsEnabled(false);
    setWorking(true, tr("Sealing and saving…"));
    cancelButton()->setEnabled(false);
    m_saving = true;
    m_save(f, secret, m_baseRevision, [self = QPointer<EntryEditor>(this)](Result<void, ApiError> r) {
        if (!self)
            return;
        self->m_saving = false;
        self->cancelButton()->setEnabled(true);
        self->setFieldsEnabled(true);
        self->setWorking(false);
        if (r) {
            self->accept();
            return;
        }
        const ApiError &e = r.error();
        if (e.code == u"stale_revision"_s) {
            self->m_baseRevision = e.details.value(u"current_revision"_s).toInteger();
            self->showMessage(tr("Someone else changed this entry while you were editing it. Your changes are still "
                                 "here: Save again to replace their version with yours, or Cancel to keep theirs."));
            return;
        }
        if (e.code == u"not_found"_s)
            self->showMessage(tr("This entry was deleted meanwhile; nothing was saved."));
        else if (e.code == u"too_large"_s || e.httpStatus == 413)
            self->showMessage(tr("The entry is too large to be sealed (at most 64 KiB in all)."));
        else
            self->showMessage(
                tr("Not saved: %1").arg(e.httpStatus == 0 ? client::describe(e, tr("vault server")) : e.message));
    });
}

} // namespace credvault::ui
