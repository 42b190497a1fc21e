#include "preferences/translation_page.h"

#include "common/palette_colors.h"
#include "common/settings.h"
#include "translate/secret_store.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace paperboy {

using namespace translate;

namespace {

QLabel *note(const char *objectName)
{
    auto *label = new QLabel;
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, secondaryTextColor(palette));
    label->setPalette(palette);
    return label;
}

QLineEdit *edit(const char *objectName)
{
    auto *line = new QLineEdit;
    line->setObjectName(QLatin1String(objectName));
    line->setClearButtonEnabled(true);
    return line;
}

} // namespace

TranslationPage::TranslationPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("translationPage"));
    auto *layout = new QVBoxLayout(this);

    auto *service = new QGroupBox(tr("Translation service"));
    auto *form = new QFormLayout(service);
    m_provider = new QComboBox;
    m_provider->setObjectName(QStringLiteral("translationProviderCombo"));
    m_provider->addItem(tr("None: nothing is sent anywhere"), providerName(Provider::None));
    m_provider->addItem(tr("DeepL API (Free or Pro)"), providerName(Provider::DeepL));
    m_provider->addItem(tr("OpenAI-compatible (Ollama, llama.cpp, vLLM, DeepSeek, Qwen, …)"),
                        providerName(Provider::OpenAi));
    m_provider->addItem(tr("LibreTranslate"), providerName(Provider::LibreTranslate));
    connect(m_provider, &QComboBox::currentIndexChanged, this, &TranslationPage::providerChanged);
    form->addRow(tr("Service:"), m_provider);
    m_providerNote = note("translationProviderNote");
    form->addRow(QString(), m_providerNote);
    m_baseUrl = edit("translationBaseUrlEdit");
    m_baseUrl->setToolTip(tr("The server's root; /v2/translate, /v1/chat/completions or "
                             "/translate is appended"));
    form->addRow(tr("Server address:"), m_baseUrl);
    m_model = edit("translationModelEdit");
    m_model->setPlaceholderText(QStringLiteral("qwen2.5:7b"));
    form->addRow(tr("Model:"), m_model);
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("translationTargetCombo"));
    m_target->addItem(QStringLiteral("简体中文 (zh-CN)"), QStringLiteral("zh-CN"));
    m_target->addItem(QStringLiteral("繁體中文 (zh-TW)"), QStringLiteral("zh-TW"));
    form->addRow(tr("Into:"), m_target);
    m_key = edit("translationKeyEdit");
    m_key->setEchoMode(QLineEdit::Password);
    form->addRow(tr("API key:"), m_key);
    m_keyNote = note("translationKeyNote");
    form->addRow(QString(), m_keyNote);
    layout->addWidget(service);

    auto *automatic = new QGroupBox(tr("Translate on its own"));
    auto *autoForm = new QFormLayout(automatic);
    m_starred = new QCheckBox(tr("Papers I star"));
    m_starred->setObjectName(QStringLiteral("translateStarredCheck"));
    autoForm->addRow(m_starred);
    m_categories = edit("translateCategoriesEdit");
    m_categories->setPlaceholderText(tr("for example: cs.CL cs.CV"));
    m_categories->setToolTip(tr("New papers of these categories are translated after each fetch"));
    autoForm->addRow(tr("New papers of:"), m_categories);
    m_cap = new QSpinBox;
    m_cap->setObjectName(QStringLiteral("translateCapSpin"));
    m_cap->setRange(0, 10000000);
    m_cap->setSingleStep(10000);
    m_cap->setGroupSeparatorShown(true);
    m_cap->setSuffix(tr(" characters a day"));
    m_cap->setSpecialValueText(tr("Nothing on its own"));
    autoForm->addRow(tr("At most:"), m_cap);
    auto *autoNote = note("translateAutoNote");
    autoNote->setText(tr("Papers with Chinese from a digest or from you are never sent. "
                         "Translate This Day (Paper menu) shows the size of a run before it "
                         "starts."));
    autoForm->addRow(autoNote);
    layout->addWidget(automatic);
    layout->addStretch(1);
    providerChanged();
}

void TranslationPage::providerChanged()
{
    const Provider provider =
        providerFromName(m_provider->currentData().toString()).value_or(Provider::None);
    const bool chosen = provider != Provider::None;
    m_baseUrl->setEnabled(chosen);
    m_model->setEnabled(provider == Provider::OpenAi);
    m_target->setEnabled(chosen);
    m_key->setEnabled(chosen && secretStore());
    switch (provider) {
    case Provider::None:
        m_providerNote->setText(tr("Titles and abstracts without Chinese stay English."));
        m_baseUrl->setPlaceholderText({});
        break;
    case Provider::DeepL:
        m_providerNote->setText(tr("Free keys end in \":fx\" and go to api-free.deepl.com, "
                                   "others to api.deepl.com."));
        m_baseUrl->setPlaceholderText(tr("by the key"));
        break;
    case Provider::OpenAi:
        m_providerNote->setText(tr("A local server needs no key: Ollama listens on "
                                   "http://localhost:11434."));
        m_baseUrl->setPlaceholderText(QStringLiteral("https://api.openai.com"));
        break;
    case Provider::LibreTranslate:
        m_providerNote->setText(tr("Your own LibreTranslate server; a key only if it asks for "
                                   "one."));
        m_baseUrl->setPlaceholderText(QStringLiteral("http://localhost:5000"));
        break;
    }
    m_key->clear();
    m_key->setPlaceholderText(chosen ? tr("unchanged") : QString());
    if (!secretStore())
        m_keyNote->setText(tr("No secret store is available: set PAPERBOY_TRANSLATE_KEY in the "
                              "environment instead."));
    else
        m_keyNote->setText(tr("Kept in the desktop's secret store, never in the settings file. "
                              "Leave empty to keep the stored key."));
}

void TranslationPage::load(const QSettings &settings)
{
    const TranslationSettings translation = loadTranslationSettings(settings);
    const int index = m_provider->findData(providerName(translation.provider));
    m_provider->setCurrentIndex(index < 0 ? 0 : index);
    m_baseUrl->setText(translation.baseUrl);
    m_model->setText(translation.model);
    const int target = m_target->findData(translation.targetLanguage);
    if (target < 0)
        m_target->addItem(translation.targetLanguage, translation.targetLanguage);
    m_target->setCurrentIndex(target < 0 ? m_target->count() - 1 : target);
    m_starred->setChecked(settings::translateStarred.value(settings));
    m_categories->setText(settings::translateCategories.value(settings));
    m_cap->setValue(settings::translateDailyCap.value(settings));
    providerChanged();
}

void TranslationPage::restoreDefaults()
{
    m_provider->setCurrentIndex(0);
    m_baseUrl->clear();
    m_model->clear();
    m_target->setCurrentIndex(0);
    m_starred->setChecked(settings::translateStarred.defaultValue());
    m_categories->setText(settings::translateCategories.defaultValue());
    m_cap->setValue(settings::translateDailyCap.defaultValue());
}

void TranslationPage::save(QSettings &settings, QWidget *reportTo) const
{
    TranslationSettings translation = loadTranslationSettings(settings);
    translation.provider =
        providerFromName(m_provider->currentData().toString()).value_or(Provider::None);
    translation.baseUrl = m_baseUrl->text().trimmed();
    translation.model = m_model->text().trimmed();
    translation.targetLanguage = m_target->currentData().toString();
    saveTranslationSettings(settings, translation);
    settings::translateStarred.setValue(settings, m_starred->isChecked());
    settings::translateCategories.setValue(
        settings, m_categories->text().simplified().replace(QLatin1Char(','), QLatin1Char(' ')));
    settings::translateDailyCap.setValue(settings, m_cap->value());

    const QString key = m_key->text().trimmed();
    SecretStore *store = secretStore();
    if (key.isEmpty() || !store || translation.provider == Provider::None)
        return;
    QPointer<QWidget> window(reportTo);
    store->write(keyName(translation.provider), key, reportTo, [window](const QString &error) {
        if (error.isEmpty() || !window)
            return;
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Key Not Stored"),
                                    tr("The desktop's secret store did not take the key (%1). "
                                       "Set PAPERBOY_TRANSLATE_KEY in the environment instead.")
                                        .arg(error),
                                    QMessageBox::Ok, window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

} // namespace paperboy
