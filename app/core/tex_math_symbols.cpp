#include "tex_math_symbols.h"

#include <QFile>
#include <QHash>

namespace paperboy::texmath {

namespace {

MathClass classFromName(QStringView name)
{
    static const QHash<QString, MathClass> classes = {
        {QStringLiteral("mathord"), MathClass::Ord},
        {QStringLiteral("mathalpha"), MathClass::Alpha},
        {QStringLiteral("mathbin"), MathClass::Bin},
        {QStringLiteral("mathrel"), MathClass::Rel},
        {QStringLiteral("mathop"), MathClass::Op},
        {QStringLiteral("mathopen"), MathClass::Open},
        {QStringLiteral("mathclose"), MathClass::Close},
        {QStringLiteral("mathfence"), MathClass::Fence},
        {QStringLiteral("mathpunct"), MathClass::Punct},
        {QStringLiteral("mathaccent"), MathClass::Accent},
        {QStringLiteral("mathaccentwide"), MathClass::Accent},
        {QStringLiteral("mathbotaccent"), MathClass::BottomAccent},
        {QStringLiteral("mathbotaccentwide"), MathClass::BottomAccent},
    };
    return classes.value(name.toString(), MathClass::Other);
}

struct Table
{
    QHash<QString, MathSymbol> byName;
    QHash<char32_t, QString> nameByCode;
};

// The resource is generated from unicode-math by resources/math/generate-symbols.py; its
// format is fixed there: name, hex code point, class; or name, "=", the name it stands for.
Table loadTable()
{
    Table table;
    QFile file(QStringLiteral(":/math/unicode-math-symbols.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return table; // without the table only commands handled in code convert
    const QString text = QString::fromUtf8(file.readAll());
    QList<std::pair<QString, QString>> aliases;
    for (QStringView line : QStringView(text).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(u'#'))
            continue;
        const QList<QStringView> fields = line.split(u'\t');
        if (fields.size() != 3)
            continue;
        if (fields[1] == u"=") {
            aliases.append({fields[0].toString(), fields[2].toString()});
            continue;
        }
        bool ok = false;
        const uint code = fields[1].toUInt(&ok, 16);
        if (!ok || code == 0 || code > 0x10FFFF)
            continue;
        const QString name = fields[0].toString();
        table.byName.insert(name, {char32_t(code), classFromName(fields[2])});
        if (!table.nameByCode.contains(char32_t(code)))
            table.nameByCode.insert(char32_t(code), name);
    }
    for (const auto &[alias, target] : std::as_const(aliases)) {
        const auto it = table.byName.constFind(target);
        if (it == table.byName.constEnd() || table.byName.contains(alias))
            continue;
        // A copy first: insert() may grow the hash and free the node `it` points into before
        // it reads the value (ASan saw it in fuzz_restore's start-up, when QHash's per-process
        // seed put the alias into a full span).
        const MathSymbol symbol = it.value();
        table.byName.insert(alias, symbol);
    }
    return table;
}

const Table &table()
{
    static const Table instance = loadTable(); // thread-safe, loaded at first use
    return instance;
}

} // namespace

const MathSymbol *findMathSymbol(QStringView name)
{
    const Table &t = table();
    const auto it = t.byName.constFind(name.toString());
    return it == t.byName.constEnd() ? nullptr : &it.value();
}

QString mathSymbolName(char32_t code)
{
    return table().nameByCode.value(code);
}

} // namespace paperboy::texmath
