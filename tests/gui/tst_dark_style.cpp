// The dark appearance's check boxes: Fusion alone drew an unchecked box's frame almost in the
// colour of the list behind it (#292a2d on #1e1f21); the dark style's frame must stand out,
// on a plain check box and on a checkable list item (the sidebar's categories), and a checked
// item must still show its mark.

#include "common/dark_style.h"
#include "common/palette_colors.h"

#include <QCheckBox>
#include <QListWidget>
#include <QStyleFactory>
#include <QTest>

#include <memory>

using namespace paperboy;

namespace {

// The largest difference in lightness between a pixel of `area` and the base colour.
int contrastWithBase(const QImage &image, const QRect &area, const QColor &base)
{
    int best = 0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            best =
                std::max(best, std::abs(QColor(image.pixel(x, y)).lightness() - base.lightness()));
    return best;
}

QImage render(QWidget &widget)
{
    widget.resize(widget.sizeHint().expandedTo(QSize(160, 40)));
    return widget.grab().toImage();
}

} // namespace

class TestDarkStyle : public QObject
{
    Q_OBJECT

private slots:
    void uncheckedBoxStandsOut()
    {
        const QPalette dark = darkPalette();
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        std::unique_ptr<QStyle> ours(createDarkStyle());
        auto contrast = [&](QStyle *style) {
            QCheckBox box(QStringLiteral("cs.CV"));
            box.setStyle(style);
            box.setPalette(dark);
            box.setAutoFillBackground(true);
            box.setBackgroundRole(QPalette::Base);
            const QImage image = render(box);
            QStyleOptionButton option;
            option.initFrom(&box);
            const QRect indicator =
                style->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
            return contrastWithBase(image, indicator, dark.color(QPalette::Base));
        };
        const int before = contrast(fusion.get());
        const int after = contrast(ours.get());
        QVERIFY2(before < 30, qPrintable(QString::number(before))); // what the bug looked like
        QVERIFY2(after >= 80, qPrintable(QStringLiteral("%1 against %2").arg(after).arg(before)));
    }

    void listItemsShowTheirBoxAndMark()
    {
        const QPalette dark = darkPalette();
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        std::unique_ptr<QStyle> ours(createDarkStyle());
        auto shot = [&](QStyle *style, Qt::CheckState state) {
            QListWidget list;
            list.setStyle(style);
            list.setPalette(dark);
            // No text: the row holds the indicator alone.
            auto *item = new QListWidgetItem(QString(), &list);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(state);
            list.resize(200, 60);
            list.show();
            if (!QTest::qWaitForWindowExposed(&list))
                return QImage();
            return list.viewport()->grab().toImage();
        };
        const QRect indicator(0, 0, 200, 24);
        const QColor base = dark.color(QPalette::Base);
        const int before = contrastWithBase(shot(fusion.get(), Qt::Unchecked), indicator, base);
        const int after = contrastWithBase(shot(ours.get(), Qt::Unchecked), indicator, base);
        QVERIFY2(after >= 80 && after > before + 40,
                 qPrintable(QStringLiteral("%1 against %2").arg(after).arg(before)));
        // The item's own option (its check state) reaches Fusion: checked differs from unchecked.
        QVERIFY(shot(ours.get(), Qt::Checked).copy(indicator) !=
                shot(ours.get(), Qt::Unchecked).copy(indicator));
    }
};

QTEST_MAIN(TestDarkStyle)
#include "tst_dark_style.moc"
