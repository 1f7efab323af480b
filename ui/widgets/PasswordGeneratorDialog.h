#pragma once

// PasswordGeneratorDialog: a new password from crypto::PasswordGenerator with the
// options in view — length, character classes, look-alikes left out, pronounceable — and
// how many bits of entropy they give. "Use this password" hands it to the editor; opened
// on its own (Entry › Password generator), accepting copies it.

#include "crypto/PasswordGenerator.h"

#include <QtWidgets/QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace credvault::ui {

class PasswordGeneratorDialog : public QDialog {
    Q_OBJECT
public:
    /// `okText`: what accepting does ("Use this password" in the editor, "Copy" standalone).
    explicit PasswordGeneratorDialog(QWidget *parent = nullptr, const QString &okText = {});
    ~PasswordGeneratorDialog() override;

    crypto::PasswordOptions options() const;
    /// The password shown.
    SecureBuffer password() const;
    /// Draws a new password with the options shown.
    void regenerate();

private:
    QSpinBox *m_length = nullptr;
    QCheckBox *m_lower = nullptr;
    QCheckBox *m_upper = nullptr;
    QCheckBox *m_digits = nullptr;
    QCheckBox *m_symbols = nullptr;
    QCheckBox *m_avoidLookAlikes = nullptr;
    QCheckBox *m_pronounceable = nullptr;
    QLineEdit *m_preview = nullptr;
    QLabel *m_strength = nullptr;
};

} // namespace credvault::ui
