#include "fetch/fetch_dialog.h"

#include "fetch/fetch_plan.h"
#include "common/palette_colors.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace paperboy {

FetchDialog::FetchDialog(const QDate &today, const QStringList &categories, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("fetchDialog"));
    setWindowTitle(tr("Fetch Days"));
    auto makeDate = [this, &today](const char *name) {
        auto *edit = new QDateEdit(today, this);
        edit->setObjectName(QLatin1String(name));
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMaximumDate(today);
        connect(edit, &QDateEdit::dateChanged, this, &FetchDialog::validate);
        return edit;
    };
    m_from = makeDate("fetchFromDate");
    m_to = makeDate("fetchToDate");
    m_categories = new QLineEdit(categories.join(QLatin1Char(' ')), this);
    m_categories->setObjectName(QStringLiteral("fetchCategoriesEdit"));
    m_categories->setPlaceholderText(tr("e.g. cs.CV cs.LG"));
    connect(m_categories, &QLineEdit::textChanged, this, &FetchDialog::validate);
    m_force = new QCheckBox(tr("Fetch days the library already has complete again"), this);
    m_force->setObjectName(QStringLiteral("fetchForceCheck"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("fetchProblemLabel"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    QPalette warning = m_problem->palette();
    warning.setColor(QPalette::WindowText, warningTextColor(warning));
    m_problem->setPalette(warning);

    auto *note = new QLabel(tr("Past days come from the arXiv API, a few seconds apart per "
                               "request as arXiv asks; a month of one category takes about "
                               "two minutes."),
                            this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Categories:"), m_categories);
    form->addRow(QString(), m_force);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *fetch = buttons->addButton(tr("Fetch"), QDialogButtonBox::AcceptRole);
    fetch->setObjectName(QStringLiteral("fetchButton"));
    fetch->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    validate();
}

void FetchDialog::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

QStringList FetchDialog::categories() const
{
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    return m_categories->text().split(separators, Qt::SkipEmptyParts);
}

FetchRequest FetchDialog::request() const
{
    QDate from = m_from->date();
    QDate to = m_to->date();
    if (to < from)
        std::swap(from, to);
    FetchRequest request = FetchRequest::days(from, to, categories());
    request.source = FetchSource::Api;
    request.force = m_force->isChecked();
    return request;
}

void FetchDialog::validate()
{
    const QString problem = categories().isEmpty() ? tr("Name at least one category.")
                                                   : validateFetchRequest(request());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
}

void FetchDialog::accept()
{
    validate();
    if (m_problem->isVisible())
        return;
    QDialog::accept();
}

} // namespace paperboy
