#include "dark_style.h"

#include "palette_colors.h"

#include <QApplication>
#include <QProxyStyle>
#include <QStyleFactory>
#include <QStyleOption>

#include <memory>

namespace paperboy {

namespace {

class DarkStyle : public QProxyStyle
{
public:
    DarkStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (!option || !isCheckIndicator(element)) {
            QProxyStyle::drawPrimitive(element, option, painter, widget);
            return;
        }
        // Fusion's frame is Window.darker(140): a window colour this light gives a frame
        // about #8c8f96, clearly apart from the base and still quieter than the text.
        std::unique_ptr<QStyleOption> lent = copyOf(element, option);
        lent->palette.setColor(QPalette::Window, QColor(0xc4, 0xc8, 0xd2));
        QProxyStyle::drawPrimitive(element, lent.get(), painter, widget);
    }

private:
    static bool isCheckIndicator(PrimitiveElement element)
    {
        return element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck ||
               element == PE_IndicatorRadioButton;
    }

    // The option keeps its real type: Fusion reads a view item's check state from it.
    static std::unique_ptr<QStyleOption> copyOf(PrimitiveElement element,
                                                const QStyleOption *option)
    {
        if (element == PE_IndicatorItemViewItemCheck) {
            if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option))
                return std::make_unique<QStyleOptionViewItem>(*item);
        }
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option))
            return std::make_unique<QStyleOptionButton>(*button);
        return std::make_unique<QStyleOption>(*option);
    }
};

} // namespace

QStyle *createDarkStyle()
{
    return new DarkStyle;
}

void applyDarkAppearance()
{
    QApplication::setStyle(createDarkStyle());
    QApplication::setPalette(darkPalette());
}

} // namespace paperboy
