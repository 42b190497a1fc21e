#include "detail/ai_summary_view.h"

#include "common/highlight_text.h"
#include "common/palette_colors.h"
#include "common/math_text.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace paperboy {

namespace {

QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

AiSummaryView::AiSummaryView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("aiSummaryView"));
    m_heading = new QLabel(tr("TL;DR (AI summary)"), this);
    m_heading->setObjectName(QStringLiteral("aiSummaryHeading"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_language = plainLabel(QStringLiteral("aiSummaryNote"), this);
    m_language->setWordWrap(false);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    grid->setColumnStretch(1, 1);
    const struct
    {
        const char *name;
        QString caption;
    } fields[] = {{"aiTldrLabel", tr("TL;DR")},
                  {"aiMotivationLabel", tr("Motivation")},
                  {"aiMethodLabel", tr("Method")},
                  {"aiResultLabel", tr("Result")},
                  {"aiConclusionLabel", tr("Conclusion")},
                  {"aiKeywordsLabel", tr("Keywords")}};
    int row = 0;
    for (const auto &field : fields) {
        auto *caption = new QLabel(field.caption, this);
        caption->setAlignment(Qt::AlignRight | Qt::AlignTop);
        auto *text = new MathTextView(this); // summaries carry TeX math as abstracts do
        text->setObjectName(QLatin1String(field.name));
        grid->addWidget(caption, row, 0);
        grid->addWidget(text, row, 1);
        m_rows.append(std::make_pair(caption, text));
        ++row;
    }

    auto *header = new QHBoxLayout;
    header->addWidget(m_heading);
    header->addWidget(m_language, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addLayout(grid);
    updateColours();
    setVisible(false);
}

void AiSummaryView::setSummary(const AiSummary &summary, const QStringList &highlight)
{
    if (summary.isEmpty()) {
        setVisible(false);
        for (const auto &[caption, text] : std::as_const(m_rows))
            text->setSourceText(QString());
        return;
    }
    const QString values[] = {summary.tldr,       summary.motivation,
                              summary.method,     summary.result,
                              summary.conclusion, summary.keywords.join(QStringLiteral(", "))};
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString value = values[row].trimmed();
        auto [caption, text] = m_rows.at(row);
        text->setSourceText(value, highlight);
        caption->setVisible(!value.isEmpty());
        text->setVisible(!value.isEmpty());
    }
    const QString language = summary.language.toLower();
    QString note = tr("written by a language model; check against the abstract");
    if (language.startsWith(QLatin1String("zh")))
        note = tr("中文 · written by a language model; check against the abstract");
    m_language->setText(QStringLiteral("· ") + note);
    setVisible(true);
}

QString AiSummaryView::text() const
{
    QStringList lines;
    for (const auto &[caption, text] : m_rows)
        if (!text->text().isEmpty())
            lines.append(caption->text() + QStringLiteral(": ") + text->text());
    return lines.join(QLatin1Char('\n'));
}

void AiSummaryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateColours();
    QWidget::changeEvent(event);
}

void AiSummaryView::updateColours()
{
    QPalette secondary = palette();
    secondary.setColor(QPalette::WindowText, mixColors(palette().color(QPalette::WindowText),
                                                       palette().color(QPalette::Window), 0.35));
    m_language->setPalette(secondary);
    for (const auto &[caption, text] : std::as_const(m_rows))
        caption->setPalette(secondary);
}

} // namespace paperboy
