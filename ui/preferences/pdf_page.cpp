#include "preferences/pdf_page.h"

#include "pdf/pdf_settings.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace paperboy {

PdfPage::PdfPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("pdfPage"));
    auto *layout = new QVBoxLayout(this);
    auto *box = new QGroupBox(tr("PDFs kept offline"));
    auto *form = new QFormLayout(box);
    m_starred = new QCheckBox(tr("Download the PDF of every paper I star"));
    m_starred->setObjectName(QStringLiteral("pdfStarredCheck"));
    form->addRow(m_starred);
    m_maxMegabytes = new QSpinBox;
    m_maxMegabytes->setObjectName(QStringLiteral("pdfMaxMegabytesSpin"));
    m_maxMegabytes->setRange(1, 2000);
    m_maxMegabytes->setSuffix(tr(" MB"));
    form->addRow(tr("Largest PDF:"), m_maxMegabytes);
    m_urlTemplate = new QLineEdit;
    m_urlTemplate->setObjectName(QStringLiteral("pdfUrlTemplateEdit"));
    form->addRow(tr("PDF address:"), m_urlTemplate);
    auto *note = new QLabel(tr("{id} becomes the paper's arXiv ID. Press P on a paper to open its "
                               "PDF, or to download it; the text of kept PDFs is searchable, "
                               "and fulltext:WORD searches only there."));
    note->setWordWrap(true);
    form->addRow(note);
    layout->addWidget(box);
    layout->addStretch(1);
    restoreDefaults();
}

void PdfPage::load(const QSettings &settings)
{
    m_starred->setChecked(settings::pdfForStarred.value(settings));
    m_maxMegabytes->setValue(settings::pdfMaxMegabytes.value(settings));
    m_urlTemplate->setText(settings::pdfUrlTemplate.value(settings));
}

void PdfPage::save(QSettings &settings) const
{
    settings::pdfForStarred.setValue(settings, m_starred->isChecked());
    settings::pdfMaxMegabytes.setValue(settings, m_maxMegabytes->value());
    if (problem().isEmpty())
        settings::pdfUrlTemplate.setValue(settings, m_urlTemplate->text().trimmed());
}

void PdfPage::restoreDefaults()
{
    m_starred->setChecked(settings::pdfForStarred.defaultValue());
    m_maxMegabytes->setValue(settings::pdfMaxMegabytes.defaultValue());
    m_urlTemplate->setText(settings::pdfUrlTemplate.defaultValue());
}

QString PdfPage::problem() const
{
    const QString text = m_urlTemplate->text().trimmed();
    QString example = text;
    example.replace(QStringLiteral("{id}"), QStringLiteral("2306.05544"));
    const QUrl url(example);
    if (!text.contains(QStringLiteral("{id}")) || !url.isValid() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return tr("The PDF address must be an http(s) address with {id} in it.");
    return {};
}

} // namespace paperboy
