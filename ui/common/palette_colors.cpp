#include "common/palette_colors.h"

namespace paperboy {

QColor mixColors(const QColor &a, const QColor &b, qreal amount)
{
    const qreal keep = 1.0 - amount;
    return QColor::fromRgbF(float(a.redF() * keep + b.redF() * amount),
                            float(a.greenF() * keep + b.greenF() * amount),
                            float(a.blueF() * keep + b.blueF() * amount));
}

QColor secondaryTextColor(const QPalette &palette, bool selected)
{
    if (selected)
        return mixColors(palette.color(QPalette::HighlightedText),
                         palette.color(QPalette::Highlight), 0.25);
    return mixColors(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.4);
}

QColor accentColor(const QPalette &palette, bool selected)
{
    if (selected)
        return palette.color(QPalette::HighlightedText);
    // A highlight too close to the base (some themes) would vanish; fall back to the link hue.
    const QColor highlight = palette.color(QPalette::Highlight);
    const QColor base = palette.color(QPalette::Base);
    if (qAbs(highlight.lightnessF() - base.lightnessF()) < 0.2)
        return palette.color(QPalette::Link);
    return highlight;
}

QColor warningTextColor(const QPalette &palette)
{
    // Orange-red hue; saturation and lightness follow the text so it stays legible on dark
    // backgrounds as well as light ones.
    const QColor text = palette.color(QPalette::WindowText);
    const bool darkTheme = text.lightnessF() > 0.5;
    return QColor::fromHslF(0.07f, 0.85f, darkTheme ? 0.65f : 0.38f);
}

QColor matchBackgroundColor(const QPalette &palette)
{
    const bool darkTheme = palette.color(QPalette::Base).lightnessF() < 0.5;
    return darkTheme ? QColor(0x8a, 0x6d, 0x10) : QColor(0xff, 0xe5, 0x70);
}

QColor matchTextColor(const QPalette &palette)
{
    const bool darkTheme = palette.color(QPalette::Base).lightnessF() < 0.5;
    return darkTheme ? QColor(0xff, 0xff, 0xff) : QColor(0x10, 0x10, 0x10);
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x3a, 0x3c, 0x40);
    const QColor base(0x1e, 0x1f, 0x21);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    const QColor highlight(0x3d, 0x7e, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb4, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb4, 0x9a, 0xff));
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace paperboy
