// The crash harness's jobs: which process to start and what it writes.

#include "crash_harness.h"
#include "crash_inputs.h"

#include "store/database.h"
#include "test_http_server.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

namespace paperboy::crash {

using namespace Qt::StringLiterals;

void CrashHarness::startLoader()
{
    auto *job = new Job;
    job->loader = true;
    QStringList arguments;
    const QString base = m_server->baseUrl();
    switch (m_random.bounded(9)) {
    case 0:
        job->kind = QStringLiteral("fetch");
        job->digests = m_fetchDigests;
        arguments = {QStringLiteral("fetch"), QStringLiteral("--force"),
                     QStringLiteral("--rss-url"), base + QStringLiteral("/rss/")};
        break;
    case 1:
        job->kind = QStringLiteral("fetch-hf");
        job->digests = m_hfDigests;
        arguments = {QStringLiteral("fetch"),    QStringLiteral("--force"),
                     QStringLiteral("--source"), QStringLiteral("hf"),
                     QStringLiteral("--date"),   QStringLiteral("2026-06-12"),
                     QStringLiteral("--hf-url"), base + QStringLiteral("/api/daily_papers")};
        break;
    case 2:
        job->kind = QStringLiteral("fetch-digest");
        job->digests = m_digestDigests;
        arguments = {QStringLiteral("fetch"),
                     QStringLiteral("--force"),
                     QStringLiteral("--source"),
                     QStringLiteral("digest"),
                     QStringLiteral("--date"),
                     QStringLiteral("2026-06-12"),
                     QStringLiteral("--digest-url"),
                     base + QStringLiteral("/data/{date}_AI_enhanced_{lang}.jsonl")};
        break;
    case 3:
        // Chunk by chunk; a kill resumes at the last chunk stored.
        job->kind = QStringLiteral("snapshot");
        job->digests = m_snapshotDigests;
        arguments = {QStringLiteral("import"), m_snapshot};
        break;
    case 4:
        startUpgrade(job);
        return;
    default: {
        job->kind = QStringLiteral("import");
        // Not the window's day (the last file): the window's papers stay its own.
        const QString file = m_importFiles.at(int(m_random.bounded(int(m_importFiles.size()) - 1)));
        job->digests = m_digestsOfFile.value(file);
        arguments = {QStringLiteral("import"), file};
        break;
    }
    }
    launch(job, arguments);
}

// A copy of the version 6 library, upgraded by the first command that opens it to write.
void CrashHarness::startUpgrade(Job *job)
{
    job->kind = QStringLiteral("upgrade");
    job->database = m_dir->filePath(QStringLiteral("upgrade-%1.sqlite").arg(++m_sequence));
    if (!QFile::copy(m_upgradeTemplate, job->database)) {
        m_stats.problems.append(QStringLiteral("cannot copy the version 6 library"));
        delete job;
        return;
    }
    // Starred already: the upgrade is the only change.
    launch(job, {QStringLiteral("star"), QStringLiteral("2306.05544")});
}

QStringList CrashHarness::checkUpgrade(const QString &path, bool acknowledged)
{
    QStringList problems;
    const QString name = QStringLiteral("crash-upgrade-check");
    int version = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        QSqlQuery q(db);
        if (!db.open()) {
            problems.append(QStringLiteral("the upgraded library does not open"));
        } else {
            q.exec(QStringLiteral("PRAGMA integrity_check"));
            const QString integrity = q.next() ? q.value(0).toString() : q.lastError().text();
            if (integrity != QLatin1String("ok"))
                problems.append(QStringLiteral("upgrade integrity_check: %1").arg(integrity));
            q.exec(QStringLiteral("PRAGMA user_version"));
            version = q.next() ? q.value(0).toInt() : -1;
            q.exec(QStringLiteral("SELECT count(*) FROM papers"));
            const qint64 papers = q.next() ? q.value(0).toLongLong() : -1;
            if (papers != m_upgradePapers)
                problems.append(QStringLiteral("the upgraded library holds %1 papers, not %2")
                                    .arg(papers)
                                    .arg(m_upgradePapers));
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    // Either not upgraded at all or upgraded whole; done once it said so.
    if (version != 6 && version != Database::latestSchemaVersion())
        problems.append(QStringLiteral("the library is at schema version %1").arg(version));
    if (acknowledged && version != Database::latestSchemaVersion())
        problems.append(QStringLiteral("an acknowledged upgrade left version %1").arg(version));
    QString error;
    if (readUserKeys(path, &error) != m_upgradeUser)
        problems.append(QStringLiteral("the upgrade changed user data %1").arg(error));
    // And the app takes it from there.
    if (problems.isEmpty() && !acknowledged) {
        Database db;
        if (!db.open(path))
            problems.append(
                QStringLiteral("the app cannot open it after the kill: %1").arg(db.error()));
    }
    m_stats.upgradesChecked += 1;
    return problems;
}

void CrashHarness::startWriter()
{
    auto *job = new Job;
    const int roll = int(m_random.bounded(17));
    if (roll == 16) {
        // Added papers (issue #21): `paperboy add` of a paper the library holds asks arXiv
        // nothing and marks it added, for good (adding again keeps the first time).
        QStringList free;
        for (const QString &paper : std::as_const(m_papers))
            if (!m_busyPapers.contains(paper))
                free.append(paper);
        if (!free.isEmpty()) {
            const QString paper = free.at(int(m_random.bounded(int(free.size()))));
            job->kind = QStringLiteral("add");
            job->papers = {paper};
            job->writes = {{QStringLiteral("added:") + paper, u"1"_s}};
            launch(job, {QStringLiteral("add"), QStringLiteral("--no-enrich"), paper});
            return;
        }
    }
    if (roll == 15) {
        // Kept PDFs (issue #21) by paper: `pdf ID` downloads one from the harness's server and
        // keeps it with its text, `pdf ID --remove` takes it away; neither is an error when
        // there is nothing to do. After a killed write the state is unknown until a check.
        static const QStringList ids = {u"2306.05544"_s, u"2306.01667"_s, u"2306.04634"_s};
        const QString id = ids.at(int(m_random.bounded(int(ids.size()))));
        const QString key = u"pdf:"_s + id;
        if (!m_busyPapers.contains(key)) {
            const bool keep = m_expected.isUnsettled(key) ||
                              m_expected.expectedValue(key).isEmpty() || m_random.bounded(3) != 0;
            job->kind = u"pdf"_s;
            job->papers = {key};
            job->writes = {{key, keep ? u"1"_s : QString()}};
            launch(job, keep ? QStringList{u"pdf"_s, id, u"--pdf-url"_s,
                                           m_server->baseUrl() + u"/pdf/{id}"_s}
                             : QStringList{u"pdf"_s, id, u"--remove"_s});
            return;
        }
    }
    if (roll == 14) {
        // Saved trends (issue #22) are keyed by name, held like a followed author. Deleting a
        // trend nobody saved is an error; saving with --replace never is. After a killed
        // write the state is unknown until a check: save.
        const QString name = QStringLiteral("crash-trend-%1").arg(m_random.bounded(3));
        const QString key = QStringLiteral("trend:") + name;
        if (!m_busyPapers.contains(key)) {
            const bool save = m_expected.isUnsettled(key) ||
                              m_expected.expectedValue(key).isEmpty() || m_random.bounded(3) != 0;
            const QString query = QStringLiteral("crash run %1 趋势").arg(++m_sequence);
            job->kind = QStringLiteral("trend");
            job->papers = {key};
            job->writes = {{key, save ? query : QString()}};
            launch(job, save ? QStringList{QStringLiteral("trends"), QStringLiteral("--save"), name,
                                           query, QStringLiteral("--replace")}
                             : QStringList{QStringLiteral("trends"),
                                           QStringLiteral("--delete-saved"), name});
            return;
        }
    }
    if (roll == 13) {
        // Followed authors (issue #16) are keyed by name, not by paper: the name is held.
        const QString name = QStringLiteral("Crash Author %1").arg(m_random.bounded(3));
        const QString key = QStringLiteral("follow:crash author ") + name.right(1);
        if (!m_busyPapers.contains(key)) {
            // Unfollowing a name nobody follows is an error; following again is not. After a
            // killed write the state is unknown until a check: follow.
            const bool follow =
                m_expected.isUnsettled(key) || m_expected.expectedValue(key) != QLatin1String("1");
            job->kind = QStringLiteral("follow");
            job->papers = {key};
            job->writes = {{key, follow ? u"1"_s : u"0"_s}};
            launch(job, {follow ? QStringLiteral("follow") : QStringLiteral("unfollow"), name});
            return;
        }
    }
    if (roll == 10 && startRestore(job))
        return;
    if (roll == 11 && startRename(job))
        return;
    if (roll == 9 && !m_busyPapers.contains(QStringLiteral("search:*"))) {
        startSearchWrite(job);
        return;
    }
    QStringList free;
    for (const QString &paper : std::as_const(m_papers))
        if (!m_busyPapers.contains(paper))
            free.append(paper);
    if (free.isEmpty()) {
        delete job;
        return;
    }
    const QString paper = free.at(int(m_random.bounded(int(free.size()))));
    job->papers = {paper};
    QStringList arguments;
    const int sequence = ++m_sequence;
    if (roll < 4) {
        const bool star = m_random.bounded(3) != 0;
        job->kind = QStringLiteral("star");
        job->writes = {{QStringLiteral("star:") + paper, star ? u"1"_s : u"0"_s}};
        arguments = {star ? QStringLiteral("star") : QStringLiteral("unstar"), paper};
    } else if (roll == 12) {
        const bool dismiss = m_random.bounded(3) != 0;
        job->kind = QStringLiteral("dismiss");
        job->writes = {{QStringLiteral("dismiss:") + paper, dismiss ? u"1"_s : u"0"_s}};
        arguments = {dismiss ? QStringLiteral("dismiss") : QStringLiteral("undismiss"), paper};
    } else if (roll < 7) {
        job->kind = QStringLiteral("note");
        // Multi-line, non-ASCII, and long now and then: a note is years of reading.
        const QString note = QStringLiteral("note %1 on %2: 第%1次批注\nsecond line %3")
                                 .arg(sequence)
                                 .arg(paper)
                                 .arg(QString(int(m_random.bounded(2000)), QLatin1Char('x')));
        job->writes = {{QStringLiteral("note:") + paper, note}};
        arguments = {QStringLiteral("note"), paper, note};
    } else {
        const bool add = m_random.bounded(3) != 0;
        const QString tag = QStringLiteral("crash-tag-%1").arg(m_random.bounded(3));
        job->kind = QStringLiteral("tag");
        job->writes = {{QStringLiteral("tag:%1:%2").arg(paper, tag), add ? u"1"_s : u"0"_s}};
        arguments = {add ? QStringLiteral("tag") : QStringLiteral("untag"), paper, tag};
    }
    launch(job, arguments);
}

// A backup of newer stars, notes and tags for the restore papers, and a saved search.
bool CrashHarness::startRestore(Job *job)
{
    for (const QString &paper : std::as_const(m_restorePapers))
        if (m_busyPapers.contains(paper))
            return false;
    const int sequence = ++m_sequence;
    QList<RestoreValues> values;
    for (const QString &paper : std::as_const(m_restorePapers)) {
        if (m_random.bounded(2) == 0)
            continue;
        RestoreValues value;
        value.paper = paper;
        value.starred = m_random.bounded(2) == 0;
        value.note = QStringLiteral("restored %1 on %2\n恢复的笔记").arg(sequence).arg(paper);
        value.tag = QStringLiteral("restored-%1").arg(m_random.bounded(3));
        values.append(value);
        job->writes.append({QStringLiteral("star:") + paper, value.starred ? u"1"_s : u"0"_s});
        job->writes.append({QStringLiteral("note:") + paper, value.note});
        job->writes.append({QStringLiteral("tag:%1:%2").arg(paper, value.tag), u"1"_s});
    }
    const QString search = QStringLiteral("restored-%1").arg(sequence);
    const QString query = QStringLiteral("tag:restored-%1").arg(sequence % 3);
    job->writes.append({QStringLiteral("search:") + search, query});
    const QString file = m_dir->filePath(QStringLiteral("restore-%1.json").arg(sequence));
    // A millisecond apart at least: each restore is newer than the one before.
    const QDateTime when = QDateTime::currentDateTimeUtc().addMSecs(sequence);
    QString error;
    if (!writeRestoreFile(file, values, search, query, when, &error)) {
        m_stats.problems.append(error);
        return false;
    }
    job->kind = QStringLiteral("restore");
    job->papers = m_restorePapers;
    launch(job, {QStringLiteral("restore"), file});
    return true;
}

// Moves the rename papers' tag from one name to the other, all in one transaction.
bool CrashHarness::startRename(Job *job)
{
    for (const QString &paper : std::as_const(m_renamePapers))
        if (m_busyPapers.contains(paper))
            return false;
    // Settled by the check after any earlier kill: where the tag is now.
    const bool onA =
        m_expected.expectedValue(QStringLiteral("tag:%1:rename-a").arg(m_renamePapers.first())) ==
        QLatin1String("1");
    const QString from = onA ? QStringLiteral("rename-a") : QStringLiteral("rename-b");
    const QString to = onA ? QStringLiteral("rename-b") : QStringLiteral("rename-a");
    for (const QString &paper : std::as_const(m_renamePapers)) {
        job->writes.append({QStringLiteral("tag:%1:%2").arg(paper, from), u"0"_s});
        job->writes.append({QStringLiteral("tag:%1:%2").arg(paper, to), u"1"_s});
    }
    job->kind = QStringLiteral("rename-tag");
    job->papers = m_renamePapers;
    launch(job, {QStringLiteral("tag"), QStringLiteral("--rename"), from, to});
    return true;
}

// Saves a search under one of three names, or renames one to another.
void CrashHarness::startSearchWrite(Job *job)
{
    const int sequence = ++m_sequence;
    const QString name = QStringLiteral("crash-search-%1").arg(m_random.bounded(3));
    const QString other = QStringLiteral("crash-search-%1").arg(m_random.bounded(3));
    const QString query = QStringLiteral("crash run %1 is:starred").arg(sequence);
    job->kind = QStringLiteral("search");
    job->papers = {QStringLiteral("search:*")};
    const QString current = m_expected.expectedValue(QStringLiteral("search:") + name);
    QStringList arguments;
    if (!current.isEmpty() && other != name &&
        m_expected.expectedValue(QStringLiteral("search:") + other).isEmpty() &&
        m_random.bounded(2) == 0) {
        job->writes = {{QStringLiteral("search:") + name, QString()},
                       {QStringLiteral("search:") + other, current}};
        arguments = {QStringLiteral("rename"), name, other};
    } else {
        job->writes = {{QStringLiteral("search:") + name, query}};
        arguments = {QStringLiteral("save"), name, query};
    }
    launch(job, m_options.writerBinary, arguments);
}

void CrashHarness::startWindow()
{
    auto *job = new Job;
    job->kind = QStringLiteral("window");
    job->papers = m_windowPapers;
    launch(job, m_options.windowBinary,
           QStringList{m_database, QString::number(m_random.generate())} + m_windowPapers);
}

// "start KEY VALUE" and "saved KEY VALUE" lines from the window (value escaped: \n, \\).
void CrashHarness::windowOutput(Job *job)
{
    job->process->waitForReadyRead(0);
    job->output += job->process->readAllStandardOutput();
    qsizetype end;
    while ((end = job->output.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(job->output.left(end));
        job->output.remove(0, end + 1);
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        const qsizetype second = line.indexOf(QLatin1Char(' '), space + 1);
        if (space < 0 || second < 0)
            continue; // "ready"
        const QString verb = line.left(space);
        const QString key = line.mid(space + 1, second - space - 1);
        QString value;
        const QString escaped = line.mid(second + 1);
        for (qsizetype i = 0; i < escaped.size(); ++i) {
            if (escaped.at(i) == QLatin1Char('\\') && i + 1 < escaped.size()) {
                value += escaped.at(++i) == QLatin1Char('n') ? QLatin1Char('\n') : escaped.at(i);
                continue;
            }
            value += escaped.at(i);
        }
        if (verb == QLatin1String("start")) {
            job->writes = {{key, value}};
            m_expected.writeStarted(key, value);
        } else if (verb == QLatin1String("saved")) {
            // During a check, a "saved" read now may be of a commit after its snapshot.
            if (m_inCheck) {
                m_deferredAcks.append({key, value});
            } else {
                m_expected.writeAcknowledged(key, value);
                ++m_stats.windowSaves;
            }
            job->writes.clear();
        }
    }
}

} // namespace paperboy::crash
