// The rules the tree's shape promises (see README "How it is built"), checked on the sources
// themselves so a change that breaks one fails here rather than in a later review:
// no include cycles between units, nothing below the command line includes cli/, SQL only in
// the store and the search planner, no file over 600 lines, ui/ arranged by feature.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTest>

#include <algorithm>
#include <functional>

namespace {

const QString kRoot = QStringLiteral(PAPERBOY_SOURCE_DIR);

struct Source
{
    QString path; // relative to the project root: "app/store/store.cpp"
    QStringList includes;
    QString code; // the text without // comments
    int lines = 0;
};

QList<Source> readSources(const QStringList &folders)
{
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""),
                                            QRegularExpression::MultilineOption);
    QList<Source> sources;
    for (const QString &folder : folders) {
        QDirIterator it(kRoot + u'/' + folder, {QStringLiteral("*.cpp"), QStringLiteral("*.h")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString file = it.next();
            QFile in(file);
            if (!in.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(in.readAll());
            Source source;
            source.path = QDir(kRoot).relativeFilePath(file);
            source.lines = int(text.count(u'\n'));
            for (auto m = include.globalMatch(text); m.hasNext();)
                source.includes.append(m.next().captured(1));
            static const QRegularExpression lineComment(QStringLiteral("//[^\n]*"));
            source.code = QString(text).remove(lineComment);
            sources.append(source);
        }
    }
    std::sort(sources.begin(), sources.end(),
              [](const Source &a, const Source &b) { return a.path < b.path; });
    return sources;
}

// A unit is a header and its implementation: "app/store/store" for store.h and store.cpp; a
// private header (store_p.h) belongs to its unit.
QString unitOf(const QString &path)
{
    QString unit = path.left(path.lastIndexOf(u'.'));
    if (unit.endsWith(u"_p"))
        unit.chop(2);
    return unit;
}

// Where an #include "..." of `from` lands: beside the including file, then app/, then ui/,
// the order the compiler searches them in.
QString resolve(const QString &from, const QString &include, const QSet<QString> &known)
{
    const QStringList candidates = {
        QDir::cleanPath(QFileInfo(from).path() + u'/' + include),
        QStringLiteral("app/") + include,
        QStringLiteral("ui/") + include,
    };
    for (const QString &candidate : candidates)
        if (known.contains(candidate))
            return candidate;
    return {};
}

} // namespace

class TestArchitecture : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_sources = readSources({QStringLiteral("app"), QStringLiteral("ui")});
        QVERIFY2(m_sources.size() > 100, "the source tree was not found");
        for (const Source &source : std::as_const(m_sources))
            m_known.insert(source.path);
    }

    void noIncludeCycles()
    {
        QHash<QString, QSet<QString>> edges;
        for (const Source &source : std::as_const(m_sources)) {
            const QString from = unitOf(source.path);
            edges[from];
            for (const QString &include : source.includes) {
                const QString target = resolve(source.path, include, m_known);
                if (!target.isEmpty() && unitOf(target) != from)
                    edges[from].insert(unitOf(target));
            }
        }
        // Tarjan's strongly connected components: any with two units or more is a cycle.
        QHash<QString, int> index, low;
        QStringList stack;
        QSet<QString> onStack;
        QStringList cycles;
        int counter = 0;
        std::function<void(const QString &)> visit = [&](const QString &unit) {
            index[unit] = low[unit] = counter++;
            stack.append(unit);
            onStack.insert(unit);
            for (const QString &next : std::as_const(edges[unit])) {
                if (!index.contains(next)) {
                    visit(next);
                    low[unit] = std::min(low[unit], low[next]);
                } else if (onStack.contains(next)) {
                    low[unit] = std::min(low[unit], index[next]);
                }
            }
            if (low[unit] == index[unit]) {
                QStringList component;
                QString member;
                do {
                    member = stack.takeLast();
                    onStack.remove(member);
                    component.append(member);
                } while (member != unit);
                if (component.size() > 1) {
                    component.sort();
                    cycles.append(component.join(QStringLiteral(" <-> ")));
                }
            }
        };
        QStringList units = edges.keys();
        units.sort();
        for (const QString &unit : std::as_const(units))
            if (!index.contains(unit))
                visit(unit);
        QVERIFY2(cycles.isEmpty(), qPrintable(cycles.join(u'\n')));
    }

    void onlyTheCommandLineIncludesCli()
    {
        QStringList offenders;
        for (const Source &source : std::as_const(m_sources)) {
            if (source.path.startsWith(u"app/cli/") || source.path == u"app/main.cpp")
                continue;
            for (const QString &include : source.includes)
                if (include.startsWith(u"cli/"))
                    offenders.append(source.path + QStringLiteral(" includes ") + include);
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    void theCoreNeverSeesWidgets()
    {
        QStringList offenders;
        for (const Source &source : std::as_const(m_sources)) {
            if (!source.path.startsWith(u"app/") || source.path == u"app/main.cpp")
                continue;
            for (const QString &include : source.includes)
                if (include.startsWith(u"ui/") ||
                    resolve(source.path, include, m_known).startsWith(u"ui/"))
                    offenders.append(source.path + QStringLiteral(" includes ") + include);
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    // Poppler pulls in QtGui: its text of PDFs (issue #21) is a library beside the core
    // (app/pdf_text, paperboy_pdf_text), which only the command line and the window use.
    void theCoreNeverReadsPdfsItself()
    {
        QStringList offenders;
        for (const Source &source : std::as_const(m_sources)) {
            if (!source.path.startsWith(u"app/") || source.path.startsWith(u"app/cli/") ||
                source.path.startsWith(u"app/pdf_text/") || source.path == u"app/main.cpp")
                continue;
            for (const QString &include : source.includes)
                if (include.startsWith(u"pdf_text/") || include.startsWith(u"poppler"))
                    offenders.append(source.path + QStringLiteral(" includes ") + include);
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
        for (const Source &source : std::as_const(m_sources))
            if (source.path.startsWith(u"app/pdf_text/"))
                for (const QString &include : source.includes)
                    QVERIFY2(!include.startsWith(u"store/") && !include.startsWith(u"cli/"),
                             qPrintable(source.path + QStringLiteral(" includes ") + include));
    }

    // The store and the search planner are the one home of SQL: everything else calls their
    // functions, so a schema change is reviewed in one place.
    void sqlOnlyInTheStoreAndSearch()
    {
        static const QRegularExpression sql(
            QStringLiteral("\\bQSql(Query|Database)\\b|\\bsqlite3_[a-z_]+\\s*\\(|\\bsqlite3\\s*\\*|"
                           "(\\.|->)(connection|handle)\\(\\)|\\bSqliteStatement\\b"));
        QStringList offenders;
        for (const Source &source : std::as_const(m_sources)) {
            if (source.path.startsWith(u"app/store/") || source.path.startsWith(u"app/search/"))
                continue;
            if (const auto m = sql.match(source.code); m.hasMatch())
                offenders.append(source.path + QStringLiteral(": ") + m.captured());
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    void noFileOver600Lines()
    {
        QStringList offenders;
        for (const Source &source : std::as_const(m_sources))
            if (source.lines > 600)
                offenders.append(QStringLiteral("%1: %2 lines").arg(source.path).arg(source.lines));
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(u'\n')));
    }

    void uiIsArrangedByFeature()
    {
        const QStringList loose =
            QDir(kRoot + QStringLiteral("/ui")).entryList(QDir::Files | QDir::NoDotAndDotDot);
        QVERIFY2(loose.size() <= 12, qPrintable(loose.join(u' ')));
    }

private:
    QList<Source> m_sources;
    QSet<QString> m_known;
};

QTEST_APPLESS_MAIN(TestArchitecture)
#include "tst_architecture.moc"
