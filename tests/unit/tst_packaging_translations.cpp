// The shipped translations are complete: every message of every .ts file under
// resources/translations has a finished, non-empty translation that keeps the source's
// placeholders and its keyboard accelerator, and no stale (vanished or obsolete) entry is left.

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString kTranslations = QStringLiteral(PAPERBOY_TEST_DATA "/../../resources/translations");

struct Message
{
    QString context;
    QString source;
    QString translation; // numerus forms joined by '\n'
    QString type;        // "", "unfinished", "vanished", "obsolete"
    bool numerus = false;
    bool emptyForm = false;
    qint64 line = 0;
};

QList<Message> readTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}, false, false, xml.lineNumber()};
            message.numerus =
                xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            if (message.numerus) {
                QStringList forms;
                while (xml.readNextStartElement()) {
                    forms.append(xml.readElementText());
                    message.emptyForm = message.emptyForm || forms.last().isEmpty();
                }
                message.translation = forms.join(u'\n');
            } else {
                message.translation = xml.readElementText();
            }
            messages.append(message);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%(L?\\d+|n)"));
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found.append(match.captured().remove(u'L'));
    found.sort();
    found.removeDuplicates();
    return found;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression accelerator(QStringLiteral("(^|[^&])&[^&\\s]"));
    QString plain = text;
    return accelerator.match(plain.replace(QStringLiteral("&&"), QString())).hasMatch();
}

// Everything that keeps a message from being shipped as it is. Stale (vanished or obsolete)
// entries count too: lupdate runs with -no-obsolete, so one left behind means the .ts was not
// regenerated after a source string changed.
QStringList problemsOf(const QList<Message> &messages)
{
    QStringList problems;
    for (const Message &m : messages) {
        const QString where =
            QStringLiteral("line %1 [%2] \"%3\"").arg(m.line).arg(m.context, m.source);
        if (m.type == QLatin1String("vanished") || m.type == QLatin1String("obsolete"))
            problems.append(where + QStringLiteral(": stale (%1)").arg(m.type));
        else if (m.type == QLatin1String("unfinished"))
            problems.append(where + QStringLiteral(": unfinished"));
        else if (m.translation.trimmed().isEmpty() || m.emptyForm)
            problems.append(where + QStringLiteral(": empty translation"));
        else if (placeholders(m.source) != placeholders(m.translation))
            problems.append(where + QStringLiteral(": placeholders differ (%1 vs %2)")
                                        .arg(placeholders(m.source).join(u' '),
                                             placeholders(m.translation).join(u' ')));
        else if (hasAccelerator(m.source) && !hasAccelerator(m.translation))
            problems.append(where + QStringLiteral(": the & accelerator is lost"));
    }
    return problems;
}

} // namespace

class TestPackagingTranslations : public QObject
{
    Q_OBJECT

private slots:
    void chineseIsShipped();
    void everyMessageIsTranslated_data();
    void everyMessageIsTranslated();
    void checksCatchProblems();
    void englishHasEveryPluralForm();
};

void TestPackagingTranslations::chineseIsShipped()
{
    QVERIFY2(QFile::exists(kTranslations + QStringLiteral("/paperboy_zh_CN.ts")),
             qPrintable(kTranslations));
}

void TestPackagingTranslations::everyMessageIsTranslated_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(kTranslations).entryList({QStringLiteral("*.ts")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << QDir(kTranslations).filePath(file);
}

void TestPackagingTranslations::everyMessageIsTranslated()
{
    QFETCH(QString, path);
    QString language;
    QString error;
    const QList<Message> messages = readTs(path, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!language.isEmpty(), "the <TS> element names no language");
    QVERIFY2(path.endsWith(QStringLiteral("_%1.ts").arg(language)),
             qPrintable(QStringLiteral("file name and language=\"%1\" disagree").arg(language)));
    QVERIFY(!messages.isEmpty());

    const QStringList problems = problemsOf(messages);
    const auto live = messages.size();
    QVERIFY(live > 0);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 messages need work; run lupdate (cmake --build "
                                       "<dir> --target update_translations), then translate:\n")
                            .arg(problems.size())
                            .arg(live) +
                        problems.join(u'\n')));
}

// English is kept by hand for its plural forms only ("1 day of digests", not "1 days"): every
// %n message the interface has (the Chinese file holds them all, lupdate keeps it current)
// needs a singular and a plural there.
void TestPackagingTranslations::englishHasEveryPluralForm()
{
    QString language;
    QString error;
    const QList<Message> chinese =
        readTs(kTranslations + QStringLiteral("/paperboy_zh_CN.ts"), &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<Message> english =
        readTs(kTranslations + QStringLiteral("/paperboy_en.ts"), &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(language, QStringLiteral("en"));
    QHash<QString, Message> byKey;
    for (const Message &m : english)
        byKey.insert(m.context + u'\x1f' + m.source, m);
    int plurals = 0;
    for (const Message &m : chinese) {
        if (!m.numerus)
            continue;
        ++plurals;
        const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
        const auto found = byKey.constFind(m.context + u'\x1f' + m.source);
        QVERIFY2(found != byKey.constEnd(),
                 qPrintable(where + QStringLiteral(" is missing from paperboy_en.ts")));
        const QStringList forms = found->translation.split(u'\n');
        QVERIFY2(found->numerus && forms.size() == 2 && forms.at(0) != forms.at(1),
                 qPrintable(where + QStringLiteral(" needs a singular and a plural form")));
    }
    QVERIFY(plurals > 0);
    QCOMPARE(english.size(), plurals); // nothing else: English sources need no translation
}

void TestPackagingTranslations::checksCatchProblems()
{
    // The checks above must be able to fail.
    QCOMPARE(placeholders(QStringLiteral("%1 of %L2, %n")),
             (QStringList{QStringLiteral("%1"), QStringLiteral("%2"), QStringLiteral("%n")}));
    QVERIFY(placeholders(QStringLiteral("%1 files")) != placeholders(QStringLiteral("文件")));
    QVERIFY(hasAccelerator(QStringLiteral("&Preferences…")));
    QVERIFY(hasAccelerator(QStringLiteral("首选项(&P)…")));
    QVERIFY(!hasAccelerator(QStringLiteral("Tom && Jerry")));
    QVERIFY(!hasAccelerator(QStringLiteral("首选项…")));

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("x_zh_CN.ts"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE TS>\n"
        "<TS version=\"2.1\" language=\"zh_CN\"><context><name>C</name>"
        "<message><source>A</source><translation type=\"unfinished\"></translation></message>"
        "<message><source>B</source><translation type=\"vanished\">乙</translation></message>"
        "<message numerus=\"yes\"><source>%n papers</source><translation>"
        "<numerusform></numerusform></translation></message>"
        "</context></TS>\n");
    file.close();
    QString language;
    QString error;
    const QList<Message> messages = readTs(path, &language, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(language, QStringLiteral("zh_CN"));
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).type, QStringLiteral("unfinished"));
    QCOMPARE(messages.at(1).type, QStringLiteral("vanished"));
    QVERIFY(messages.at(2).numerus && messages.at(2).emptyForm);
    const QStringList problems = problemsOf(messages);
    QCOMPARE(problems.size(), 3);
    QVERIFY(problems.at(0).endsWith(QStringLiteral(": unfinished")));
    QVERIFY(problems.at(1).endsWith(QStringLiteral(": stale (vanished)")));
    QVERIFY(problems.at(2).endsWith(QStringLiteral(": empty translation")));
    QVERIFY(problemsOf({Message{QStringLiteral("C"),
                                QStringLiteral("&File"),
                                QStringLiteral("文件"),
                                {},
                                false,
                                false,
                                1}})
                .first()
                .endsWith(QStringLiteral("accelerator is lost")));
    QVERIFY(problemsOf({Message{QStringLiteral("C"),
                                QStringLiteral("%n papers"),
                                QStringLiteral("篇论文"),
                                {},
                                true,
                                false,
                                1}})
                .first()
                .contains(QStringLiteral("placeholders differ")));
    QVERIFY(problemsOf({Message{QStringLiteral("C"),
                                QStringLiteral("&File"),
                                QStringLiteral("文件(&F)"),
                                {},
                                false,
                                false,
                                1}})
                .isEmpty());
}

QTEST_APPLESS_MAIN(TestPackagingTranslations)
#include "tst_packaging_translations.moc"
