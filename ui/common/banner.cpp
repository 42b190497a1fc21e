#include "common/banner.h"

#include "common/palette_colors.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace paperboy {

Banner::Banner(const QString &objectName, QWidget *parent) : QFrame(parent)
{
    setObjectName(objectName);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);
    m_text = new QLabel(this);
    m_text->setObjectName(objectName + QStringLiteral("Text"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_content = new QVBoxLayout;
    m_content->setSpacing(4);
    layout->addLayout(m_content);
    m_buttons = new QHBoxLayout;
    m_buttons->addStretch(1);
    layout->addLayout(m_buttons);
    updateColours();
}

void Banner::setText(const QString &text)
{
    m_text->setText(text);
}

QString Banner::text() const
{
    return m_text->text();
}

void Banner::addContent(QWidget *widget)
{
    m_content->addWidget(widget);
}

QPushButton *Banner::addButton(const QString &objectName, const QString &text)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    m_buttons->addWidget(button);
    return button;
}

void Banner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange && !m_updating)
        updateColours();
    QFrame::changeEvent(event);
}

void Banner::updateColours()
{
    // Setting the palette sends a PaletteChange of its own.
    m_updating = true;
    QPalette palette = parentWidget() ? parentWidget()->palette() : this->palette();
    const QColor window = palette.color(QPalette::Window);
    palette.setColor(QPalette::Window, mixColors(window, warningTextColor(palette), 0.18));
    setPalette(palette);
    m_updating = false;
}

} // namespace paperboy
