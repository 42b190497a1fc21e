// The streamed JSON text (JsonTextWriter, writePaperJson) must be, byte for byte, what
// QJsonDocument::toJson(Indented) prints for the same values: `list --json` and
// `search --json` went from Qt's writer to the streamed one (issue #19) and scripts that
// compare outputs must see no change.

#include "cli/paper_json.h"
#include "core/json_text_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace paperboy;

namespace {

QByteArray qtText(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
}

QByteArray streamedText(const QJsonValue &value)
{
    QByteArray bytes;
    JsonTextWriter writer(&bytes);
    writer.value(value);
    return bytes;
}

// Every character class Qt's writer treats apart: controls, quote, backslash, DEL, C1,
// two- and three-byte UTF-8, a surrogate pair, and surrogates without their pair.
QString hostileText()
{
    QString text;
    for (char16_t c = 0; c < 0x20; ++c)
        text += QChar(c);
    text += QStringLiteral("\"\\/\x7f") + QChar(0x85) + QChar(0x9b) + QStringLiteral("é中文");
    text += QString::fromUtf16(u"😀");            // a pair
    text += QChar(0xd800) + QStringLiteral("a"); // a high surrogate before a letter
    text += QChar(0xdc00);                       // a low surrogate alone
    text += QStringLiteral("<script>alert(1)</script>");
    text += QChar(0xdbff); // a high surrogate at the very end
    return text;
}

PaperView fullPaper()
{
    PaperView view;
    Paper &p = view.paper;
    p.arxivId = QStringLiteral("2406.01234");
    p.version = 3;
    p.title = QStringLiteral("Diffusion $x^2$ \"quoted\"\n") + hostileText();
    p.authors = {QStringLiteral("Ada Lovelace"), QStringLiteral("José Núñez"),
                 QStringLiteral("王小明")};
    p.abstract = hostileText() + QStringLiteral(" and more");
    p.categories = {QStringLiteral("cs.CV"), QStringLiteral("cs.LG")};
    p.primaryCategory = QStringLiteral("cs.CV");
    p.comment = QStringLiteral("Accepted at CVPR 2026");
    p.journalRef = QStringLiteral("CVPR 2026");
    p.doi = QStringLiteral("10.1/x");
    p.published = QDate(2024, 6, 3);
    p.updated = QDate(2024, 7, 1);
    p.codeUrl = QStringLiteral("https://github.com/a/b");
    p.codeUrlSource = QStringLiteral("abstract");
    p.projectUrl = QStringLiteral("https://a.github.io");
    p.codeStars = 12;
    view.entry.position = 7;
    view.entry.announceType = QStringLiteral("new");
    view.entry.upvotes = 0;
    view.entry.codeUrlWarning = QStringLiteral("looks like a dataset");
    view.entry.ai.language = QStringLiteral("zh");
    view.entry.ai.tldr = QStringLiteral("一句话");
    view.entry.ai.keywords = {QStringLiteral("diffusion"), hostileText()};
    view.digestDate = QDate(2024, 6, 4);
    view.digestSource = QStringLiteral("arxiv-rss");
    view.digestCategory = QStringLiteral("cs.CV");
    view.user.starred = true;
    view.user.note = QStringLiteral("read this\n\t") + hostileText();
    view.user.tags = {QStringLiteral("to-read"), QStringLiteral("扩散")};
    view.user.dismissed = true;
    view.user.highlighted = true;
    view.user.followedAuthors = {QStringLiteral("José Núñez")};
    view.machineTranslation.language = QStringLiteral("zh");
    view.machineTranslation.title = QStringLiteral("扩散");
    view.machineTranslation.abstract = QStringLiteral("摘要");
    view.machineTranslation.provider = QStringLiteral("deepl");
    view.machineTranslation.created = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);
    view.machineTranslation.stale = true;
    return view;
}

} // namespace

class TestJsonTextWriter : public QObject
{
    Q_OBJECT

private slots:
    void valuesAsQtPrintsThem_data();
    void valuesAsQtPrintsThem();
    void randomStringsAsQtPrintsThem();
    void papersAsQtPrintsThem();
    void drainingBetweenValuesKeepsTheText();
};

void TestJsonTextWriter::valuesAsQtPrintsThem_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("empty object") << QJsonValue(QJsonObject());
    QTest::newRow("empty array") << QJsonValue(QJsonArray());
    QTest::newRow("nested empties") << QJsonValue(
        QJsonObject{{QStringLiteral("a"), QJsonArray()},
                    {QStringLiteral("b"), QJsonObject()},
                    {QStringLiteral("c"), QJsonArray{QJsonArray(), QJsonObject(), QJsonValue()}}});
    QTest::newRow("scalars") << QJsonValue(
        QJsonArray{true, false, QJsonValue(), 0, -1, 42, qint64(1) << 40, 0.5, -2.25, 1e300, 3.0});
    QTest::newRow("hostile keys and text") << QJsonValue(
        QJsonObject{{hostileText(), hostileText()}, {QStringLiteral("z"), QStringLiteral("")}});
    QTest::newRow("deep") << QJsonValue(QJsonArray{QJsonObject{
        {QStringLiteral("x"), QJsonArray{QJsonObject{{QStringLiteral("y"), QJsonArray{1, 2}}}}}}});
}

void TestJsonTextWriter::valuesAsQtPrintsThem()
{
    QFETCH(QJsonValue, value);
    QCOMPARE(streamedText(value), qtText(value));
}

void TestJsonTextWriter::randomStringsAsQtPrintsThem()
{
    // Strings of random UTF-16 units, weighted toward the units Qt's writer treats apart.
    QRandomGenerator random(20261207);
    const char16_t interesting[] = {0x00,   0x08,   0x0a,   0x1f,   '"',    '\\',
                                    0x7f,   0x80,   0x7ff,  0x800,  0xd7ff, 0xd800,
                                    0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff};
    for (int round = 0; round < 2000; ++round) {
        QString text;
        const int length = int(random.bounded(40));
        for (int i = 0; i < length; ++i)
            text += QChar(random.bounded(3) == 0
                              ? interesting[random.bounded(int(std::size(interesting)))]
                              : char16_t(random.bounded(0x10000)));
        const QJsonValue value = QJsonArray{text, QJsonObject{{text, text}}};
        const QByteArray expected = qtText(value);
        const QByteArray actual = streamedText(value);
        if (actual != expected)
            QFAIL(qPrintable(
                QStringLiteral("differs for units %1")
                    .arg(QString::fromLatin1(
                        QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2)
                            .toHex(' ')))));
    }
}

void TestJsonTextWriter::papersAsQtPrintsThem()
{
    const PaperView full = fullPaper();
    PaperView bare;
    bare.paper.arxivId = QStringLiteral("math/0211159");
    PaperView fromDigest = full;
    fromDigest.entry.codeUrlAsGiven = QStringLiteral("https://github.com/digest/given");
    fromDigest.entry.translatedTitle = QStringLiteral("人的翻译");
    fromDigest.entry.translationLanguage = QStringLiteral("zh");
    fromDigest.machineTranslation = {};
    fromDigest.entry.ai = {};
    PaperVersion v1;
    v1.version = 1;
    v1.date = QDate(2024, 6, 3);
    v1.title = QStringLiteral("Old title");
    v1.abstract = hostileText();
    v1.authors = {QStringLiteral("Ada Lovelace")};
    PaperVersion v2 = v1;
    v2.version = 2;
    v2.doi = QStringLiteral("10.2/y");
    const QList<std::pair<PaperView, QList<PaperVersion>>> cases = {
        {full, {}}, {full, {v1, v2}}, {bare, {}}, {fromDigest, {v1}}};

    QByteArray streamed;
    JsonTextWriter writer(&streamed);
    writer.beginArray();
    QJsonArray objects;
    for (const auto &[view, versions] : cases) {
        writePaperJson(writer, view, versions);
        objects.append(paperToJson(view, versions));
    }
    writer.endArray();
    QCOMPARE(writer.depth(), 0);
    QCOMPARE(streamed, qtText(objects));
    // The parts a reader looks for, read back.
    const QJsonArray parsed = QJsonDocument::fromJson(streamed).array();
    QCOMPARE(parsed.size(), 4);
    QCOMPARE(parsed.at(0)[QStringLiteral("translation")][QStringLiteral("provider")].toString(),
             QStringLiteral("deepl"));
    QCOMPARE(parsed.at(1)[QStringLiteral("versions")].toArray().size(), 2);
    QVERIFY(parsed.at(2)[QStringLiteral("title")].isNull());
    QCOMPARE(parsed.at(3)[QStringLiteral("code_url_source")].toString(), QStringLiteral("digest"));
}

void TestJsonTextWriter::drainingBetweenValuesKeepsTheText()
{
    // The command line writes out and clears the buffer between papers.
    QByteArray buffer;
    QByteArray printed;
    JsonTextWriter writer(&buffer);
    writer.beginObject();
    writer.key(QLatin1String("a"));
    writer.beginArray();
    for (int i = 0; i < 5; ++i) {
        writer.string(QStringLiteral("中%1").arg(i));
        printed += buffer;
        buffer.clear();
    }
    writer.endArray();
    writer.key(QLatin1String("b"));
    writer.textOrNull(QString());
    writer.endObject();
    printed += buffer;
    const QJsonObject expected{
        {QStringLiteral("a"),
         QJsonArray{QStringLiteral("中0"), QStringLiteral("中1"), QStringLiteral("中2"),
                    QStringLiteral("中3"), QStringLiteral("中4")}},
        {QStringLiteral("b"), QJsonValue()}};
    QCOMPARE(printed, qtText(expected));
}

QTEST_GUILESS_MAIN(TestJsonTextWriter)
#include "tst_json_text_writer.moc"
