#include "core/tex_text.h"

#include <QTest>

using namespace paperboy;
using namespace Qt::StringLiterals;

class TestTexText : public QObject
{
    Q_OBJECT

private slots:
    void normalizeWhitespace_data();
    void normalizeWhitespace();
    void texToUnicode_data();
    void texToUnicode();
    void texToUnicodeIsNfc();
    void splitAuthors_data();
    void splitAuthors();
};

void TestTexText::normalizeWhitespace_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only spaces") << u" \t\n "_s << QString();
    QTest::newRow("wrapped title") << u"From stripe to checkerboard order on the square lattice "
                                      u"in the presence\n  of quenched disorder"_s
                                   << u"From stripe to checkerboard order on the square lattice "
                                      u"in the presence of quenched disorder"_s;
    QTest::newRow("nbsp and tabs") << u"\u00A0a\u00A0\u00A0b\t\tc\r\n"_s << u"a b c"_s;
    QTest::newRow("zero survives") << u" 0 "_s << u"0"_s;
}

void TestTexText::normalizeWhitespace()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(paperboy::normalizeWhitespace(input), expected);
}

void TestTexText::texToUnicode_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("umlaut") << uR"(Bj\"orn)"_s << u"Björn"_s;
    QTest::newRow("braced l") << uR"(Przemys{\l}aw)"_s << u"Przemysław"_s;
    QTest::newRow("caron") << uR"(\v{S}imon)"_s << u"Šimon"_s;
    QTest::newRow("group acute") << uR"(Beno{\'e}t)"_s << u"Benoét"_s;
    QTest::newRow("acute group arg") << uR"(Ren\'{e})"_s << u"René"_s;
    QTest::newRow("cedilla") << uR"(Sel\c{c}uk)"_s << u"Selçuk"_s;
    QTest::newRow("cedilla space arg") << uR"(Sel\c cuk)"_s << u"Selçuk"_s;
    QTest::newRow("tilde") << uR"(Guimar\~aes)"_s << u"Guimarães"_s;
    QTest::newRow("tilde n") << uR"(Espa\~na)"_s << u"España"_s;
    QTest::newRow("circumflex") << uR"(H\^otel)"_s << u"Hôtel"_s;
    QTest::newRow("macron") << uR"(\=a)"_s << u"ā"_s;
    QTest::newRow("breve") << uR"(Kad{\i}o\u{g}lu)"_s << u"Kadıoğlu"_s;
    QTest::newRow("double acute") << uR"(Erd\H{o}s)"_s << u"Erdős"_s;
    QTest::newRow("dot above braced") << uR"(\.{z})"_s << u"ż"_s;
    QTest::newRow("dot above capital")
        << uR"(Jaros{\l}aw \.Zygierewicz)"_s << u"Jarosław Żygierewicz"_s;
    QTest::newRow("ring") << uR"(Mar{\aa}k)"_s << u"Maråk"_s;
    QTest::newRow("aa eats space") << uR"(\aa rhus)"_s << u"århus"_s;
    QTest::newRow("o slash") << uR"(J\o rgensen)"_s << u"Jørgensen"_s;
    QTest::newRow("O slash braced") << uR"({\O}stergaard)"_s << u"Østergaard"_s;
    QTest::newRow("ss") << uR"(Stra{\ss}e)"_s << u"Straße"_s;
    QTest::newRow("ae") << uR"(C{\ae}sar)"_s << u"Cæsar"_s;
    QTest::newRow("dotless i") << uR"({\i})"_s << u"ı"_s;
    QTest::newRow("accented dotless i") << uR"(Mart\'{\i}nez)"_s << u"Martínez"_s;
    QTest::newRow("umlaut group") << uR"(M{\"u}ller)"_s << u"Müller"_s;
    QTest::newRow("grave") << uR"(\`a la)"_s << u"à la"_s;
    QTest::newRow("math untouched") << uR"($\"o$ and \"o)"_s << uR"($\"o$ and ö)"_s;
    QTest::newRow("math title") << u"$H^3$Fusion: Helpful"_s << u"$H^3$Fusion: Helpful"_s;
    QTest::newRow("display math") << uR"($$\v{x}$$ \v{s})"_s << uR"($$\v{x}$$ š)"_s;
    QTest::newRow("unknown command")
        << uR"(\emph{text} \cite{x} \textbf{b})"_s << uR"(\emph{text} \cite{x} \textbf{b})"_s;
    QTest::newRow("other braces kept") << uR"({GAN}s for {\"U}bung)"_s << u"{GAN}s for Übung"_s;
    QTest::newRow("escaped dollar") << uR"(costs \$5, Bj\"orn)"_s << uR"(costs \$5, Björn)"_s;
    QTest::newRow("lonely backslash") << uR"(a \)"_s << uR"(a \)"_s;
    QTest::newRow("accent without letter") << uR"(\"{} x)"_s << uR"(\"{} x)"_s;
    QTest::newRow("plain") << u"Adrian Del Maestro"_s << u"Adrian Del Maestro"_s;
}

void TestTexText::texToUnicode()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(paperboy::texToUnicode(input), expected);
}

void TestTexText::texToUnicodeIsNfc()
{
    // A decomposed "o" + U+0308 would compare unequal to the precomposed name in the store.
    const QString converted = paperboy::texToUnicode(uR"(Bj\"orn)"_s);
    QCOMPARE(converted.size(), 5);
    QCOMPARE(converted.at(2), QChar(0x00F6));
}

void TestTexText::splitAuthors_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("brief example")
        << u"A. One, B. Two (Univ. X, Dept. Y), C. Three and D. Four"_s
        << QStringList{u"A. One"_s, u"B. Two"_s, u"C. Three"_s, u"D. Four"_s};
    QTest::newRow("oxford and") << u"D.V. Shetty, S.J. Yennello, and G.A. Souliotis"_s
                                << QStringList{u"D.V. Shetty"_s, u"S.J. Yennello"_s,
                                               u"G.A. Souliotis"_s};
    QTest::newRow("two with and") << u"N.C. Summers and F.M. Nunes"_s
                                  << QStringList{u"N.C. Summers"_s, u"F.M. Nunes"_s};
    QTest::newRow("single") << u"Gavril Farkas"_s << QStringList{u"Gavril Farkas"_s};
    QTest::newRow("empty") << QString() << QStringList{};
    QTest::newRow("empty pieces") << u" , A,, B , "_s << QStringList{u"A"_s, u"B"_s};
    QTest::newRow("tex accents")
        << uR"(D\'enes Berta, Balduin Katzer, P\'eter Dus\'an Isp\'anovity)"_s
        << QStringList{u"Dénes Berta"_s, u"Balduin Katzer"_s, u"Péter Dusán Ispánovity"_s};
    QTest::newRow("affiliations") << uR"(Benjamin R\'emy (LEMTA), Matthieu Urbain (LEMTA))"_s
                                  << QStringList{u"Benjamin Rémy"_s, u"Matthieu Urbain"_s};
    QTest::newRow("nested parentheses")
        << u"A One (Lab (Paris), France), B Two"_s << QStringList{u"A One"_s, u"B Two"_s};
    QTest::newRow("parenthesis inside name") << u"Qiuyi (Richard) Zhang, Gauri Joshi"_s
                                             << QStringList{u"Qiuyi Zhang"_s, u"Gauri Joshi"_s};
    QTest::newRow("unclosed parenthesis")
        << u"A One (Univ, B Two"_s << QStringList{u"A One (Univ"_s, u"B Two"_s};
    QTest::newRow("and inside word") << u"Anderson Sandoval, Alexander Brand"_s
                                     << QStringList{u"Anderson Sandoval"_s, u"Alexander Brand"_s};
    QTest::newRow("newlines") << u"Valeria M. Rosa and\n  Patricio S. letelier"_s
                              << QStringList{u"Valeria M. Rosa"_s, u"Patricio S. letelier"_s};
}

void TestTexText::splitAuthors()
{
    QFETCH(QString, input);
    QFETCH(QStringList, expected);
    QCOMPARE(paperboy::splitAuthors(input), expected);
}

QTEST_APPLESS_MAIN(TestTexText)
#include "tst_tex_text.moc"
