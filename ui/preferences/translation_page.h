#pragma once

// Preferences > Translation: which service translates titles and abstracts (none until the
// user picks one), its address, model and key, and what is translated on its own. The key
// goes to the desktop's secret store, never to the settings file; the field shows only
// whether one is stored.

#include "translate/translation_settings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace paperboy {

class TranslationPage : public QWidget
{
    Q_OBJECT
public:
    explicit TranslationPage(QWidget *parent = nullptr);

    void load(const QSettings &settings);
    // Writes the settings; a key typed in goes to the secret store (asynchronously: a
    // failure is reported to `reportTo`, which outlives the dialog).
    void save(QSettings &settings, QWidget *reportTo) const;
    void restoreDefaults();

private:
    void providerChanged();

    QComboBox *m_provider = nullptr;
    QLineEdit *m_baseUrl = nullptr;
    QLineEdit *m_model = nullptr;
    QComboBox *m_target = nullptr;
    QLineEdit *m_key = nullptr;
    QLabel *m_keyNote = nullptr;
    QLabel *m_providerNote = nullptr;
    QCheckBox *m_starred = nullptr;
    QLineEdit *m_categories = nullptr;
    QSpinBox *m_cap = nullptr;
};

} // namespace paperboy
