#include "library/user_data.h"

#include "core/pdf_files.h"
#include "library/note_saver.h"
#include "store/added_papers.h"
#include "store/pdf_store.h"
#include "store/store_thread.h"
#include "store/version_store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>

namespace paperboy {

namespace {

QString errorOf(bool ok, const Store &store)
{
    return ok ? QString() : store.lastError();
}

QStringList without(const QStringList &list, const QStringList &removed)
{
    QStringList out;
    for (const QString &item : list)
        if (!removed.contains(item))
            out.append(item);
    return out;
}

} // namespace

UserData::UserData(StoreThread &writer, const QString &noteRecoveryPath, QObject *parent)
    : QObject(parent), m_writer(writer), m_notes(new NoteSaver(writer, noteRecoveryPath, this))
{
    // Each try of a note's write is an edit in flight: a read it may predate keeps the text.
    connect(m_notes, &NoteSaver::writeStarted, this,
            [this](const QString &id, const QString &text) { m_edits.setNote(id, text); });
    connect(m_notes, &NoteSaver::writeFinished, this, [this](const QString &id) {
        m_edits.writeDone(id);
        emit committed(UserField::Note);
    });
}

void UserData::applyUnsavedNotes(QList<PaperView> &papers) const
{
    const QStringList unsaved = m_notes->unsavedIds();
    if (unsaved.isEmpty())
        return;
    for (PaperView &view : papers)
        if (unsaved.contains(view.paper.arxivId))
            view.user.note = m_notes->unsavedText(view.paper.arxivId);
}

void UserData::publish(const QString &arxivId, UserField field, const UserState &state)
{
    if (auto it = m_known.find(arxivId); it != m_known.end())
        *it = state;
    UserStateChange change;
    change.papers.append({arxivId, field, state});
    emit changed(change);
}

void UserData::write(const QStringList &ids, UserFields fields, std::function<QString(Store &)> job)
{
    m_writer.post(
        this, [job = std::move(job)](Store &store) { return job(store); },
        [this, ids, fields](QString error) {
            for (const QString &id : ids)
                m_edits.writeDone(id);
            if (!error.isEmpty())
                emit writeFailed(error);
            emit committed(fields);
        });
}

void UserData::setStarred(const QString &arxivId, bool starred)
{
    m_edits.setStarred(arxivId, starred);
    UserState state = this->state(arxivId);
    state.starred = starred;
    publish(arxivId, UserField::Starred, state);
    write({arxivId}, UserField::Starred, [arxivId, starred](Store &store) {
        return errorOf(store.setStarred(arxivId, starred), store);
    });
}

void UserData::setRead(const QStringList &arxivIds, bool read)
{
    if (arxivIds.isEmpty())
        return;
    UserStateChange change;
    for (const QString &id : arxivIds) {
        m_edits.setRead(id, read);
        UserState state = this->state(id);
        state.read = read;
        if (auto it = m_known.find(id); it != m_known.end())
            *it = state;
        change.papers.append({id, UserField::Read, state});
    }
    emit changed(change);
    write(arxivIds, UserField::Read, [arxivIds, read](Store &store) {
        return errorOf(store.setReadMany(arxivIds, read), store);
    });
}

void UserData::setNote(const QString &arxivId, const QString &note)
{
    UserState state = this->state(arxivId);
    state.note = note;
    publish(arxivId, UserField::Note, state);
    // Written, and tried again until it commits, by the saver (which marks each try pending).
    m_notes->save(arxivId, note);
}

void UserData::restoreNoteVersion(const QString &arxivId, const NoteVersion &version)
{
    m_edits.setNote(arxivId, version.text);
    UserState state = this->state(arxivId);
    state.note = version.text;
    publish(arxivId, UserField::Note, state);
    // After any write of the note still queued (the writer runs jobs in order), so the text
    // being replaced is the latest one and lands in the history.
    write({arxivId}, UserField::Note, [arxivId, id = version.id](Store &store) {
        return errorOf(store.restoreNoteVersion(arxivId, id), store);
    });
}

void UserData::readNoteHistory(const QString &arxivId, QObject *context,
                               std::function<void(QList<NoteVersion>)> done)
{
    // On the writer: it reads after every write queued before, the note's last save included.
    m_writer.post(
        context, [arxivId](Store &store) { return store.noteHistory(arxivId); },
        [done = std::move(done)](QList<NoteVersion> versions) { done(versions); });
}

void UserData::setTags(const QString &arxivId, const QStringList &tags)
{
    const QStringList previous = state(arxivId).tags;
    const QStringList added = without(tags, previous);
    const QStringList removed = without(previous, tags);
    if (added.isEmpty() && removed.isEmpty())
        return;
    m_edits.setTags(arxivId, tags);
    UserState state = this->state(arxivId);
    state.tags = tags;
    publish(arxivId, UserField::Tags, state);
    write({arxivId}, UserField::Tags, [arxivId, added, removed](Store &store) {
        if (!added.isEmpty() && !store.addTags(arxivId, added))
            return store.lastError();
        if (!removed.isEmpty() && !store.removeTags(arxivId, removed))
            return store.lastError();
        return QString();
    });
}

void UserData::setTranslation(const QString &arxivId, const QString &title, const QString &abstract)
{
    UserTranslation mine;
    mine.language = QStringLiteral("zh");
    mine.title = title.trimmed();
    mine.abstract = abstract.trimmed();
    mine.changed = QDateTime::currentDateTimeUtc();
    m_edits.setTranslation(arxivId, mine);
    UserState state = this->state(arxivId);
    state.translation = mine;
    publish(arxivId, UserField::Translation, state);
    write({arxivId}, UserField::Translation, [arxivId, mine](Store &store) {
        return errorOf(store.setUserTranslation(arxivId, mine.language, mine.title, mine.abstract),
                       store);
    });
}

int UserData::addTag(const QStringList &arxivIds, const QString &tag)
{
    const QString name = tag.simplified();
    if (name.isEmpty())
        return 0;
    int added = 0;
    for (const QString &id : arxivIds) {
        const QStringList tags = state(id).tags;
        if (tags.contains(name))
            continue;
        setTags(id, tags + QStringList{name});
        ++added;
    }
    return added;
}

void UserData::renameTag(const QString &from, const QString &to)
{
    m_writer.post(
        this,
        [from, to](Store &store) {
            return store.renameTag(from, to) < 0 ? store.lastError() : QString();
        },
        [this](QString error) {
            if (!error.isEmpty())
                emit writeFailed(error);
            emit committed(UserField::Tags);
            emit tagNamesChanged();
            // Which papers carried the tag is only known to the store: read them back.
            refreshTracked(UserStateChange::Origin::Window);
        });
}

void UserData::setDismissed(const QStringList &arxivIds, bool dismissed)
{
    if (arxivIds.isEmpty())
        return;
    UserStateChange change;
    for (const QString &id : arxivIds) {
        m_edits.setDismissed(id, dismissed);
        UserState state = this->state(id);
        state.dismissed = dismissed;
        if (auto it = m_known.find(id); it != m_known.end())
            *it = state;
        change.papers.append({id, UserField::Dismissed, state});
    }
    emit changed(change);
    write(arxivIds, UserField::Dismissed, [arxivIds, dismissed](Store &store) {
        return errorOf(store.setDismissed(arxivIds, dismissed), store);
    });
}

void UserData::setFollowed(const QString &author, bool followed)
{
    m_writer.post(
        this,
        [author, followed](Store &store) {
            return errorOf(store.setFollowed(author, followed), store);
        },
        [this](QString error) {
            if (!error.isEmpty())
                emit writeFailed(error);
            emit committed(UserField::Followed);
            emit followsChanged();
            refreshTracked(UserStateChange::Origin::Window);
        });
}

void UserData::saveTrend(const SavedTrend &trend)
{
    write({}, UserField::SavedTrends, [trend](Store &store) {
        SavedTrends trends(store);
        return trends.save(trend, true) == SavedTrends::SaveResult::Failed ? trends.lastError()
                                                                           : QString();
    });
}

void UserData::removeTrend(const QString &name)
{
    write({}, UserField::SavedTrends, [name](Store &store) {
        SavedTrends trends(store);
        return trends.remove(name) ? QString() : trends.lastError();
    });
}

void UserData::markAdded(const QStringList &arxivIds)
{
    write({}, UserField::Added, [arxivIds](Store &store) {
        return AddedPapers(store.database()).markAdded(arxivIds, QDateTime::currentDateTimeUtc());
    });
}

void UserData::keepPdf(const KeptPdf &pdf, const QStringList &pageTexts)
{
    writePdf(pdf.arxivId, [pdf, pageTexts](Store &store) {
        PdfStore pdfs(store.database());
        return pdfs.keep(pdf, pageTexts) ? QString() : pdfs.lastError();
    });
}

void UserData::removePdf(const QString &arxivId)
{
    writePdf(arxivId, [arxivId](Store &store) {
        PdfStore pdfs(store.database());
        const std::optional<KeptPdf> kept = pdfs.find(arxivId);
        if (!pdfs.remove(arxivId))
            return pdfs.lastError();
        // The row went first: a file left behind is only a file, never a PDF the library
        // believes it has.
        const QString path = kept ? pdfPath(kept->fileName) : QString();
        if (!path.isEmpty() && QFileInfo::exists(path) && !QFile::remove(path))
            return tr("The PDF was removed from the library, but %1 could not be deleted.")
                .arg(path);
        return QString();
    });
}

void UserData::writePdf(const QString &arxivId, std::function<QString(Store &)> job)
{
    m_writer.post(
        this, [job = std::move(job)](Store &store) { return job(store); },
        [this, arxivId](QString error) {
            if (!error.isEmpty())
                emit writeFailed(error);
            UserStateChange change;
            change.papers.append({arxivId, UserField::Pdfs, state(arxivId)});
            emit changed(change);
            emit committed(UserField::Pdfs);
        });
}

void UserData::adoptList(QList<PaperView> &papers, quint64 readPostedAt)
{
    m_edits.settle(readPostedAt);
    m_edits.apply(papers);
    applyUnsavedNotes(papers);
    m_known.clear();
    m_known.reserve(papers.size());
    for (const PaperView &view : papers)
        m_known.insert(view.paper.arxivId, view.user);
}

void UserData::refreshTracked(UserStateChange::Origin origin)
{
    if (!m_reader || m_known.isEmpty())
        return;
    const quint64 postedAt = m_edits.stamp();
    m_reader->post(
        this, [ids = m_known.keys()](Store &store) { return store.userStates(ids); },
        [this, postedAt, origin](QHash<QString, UserState> states) {
            m_edits.settle(postedAt);
            UserStateChange change;
            change.origin = origin;
            for (auto it = states.begin(); it != states.end(); ++it) {
                auto known = m_known.find(it.key());
                if (known == m_known.end())
                    continue; // a newer list replaced the papers on screen
                UserState state = it.value();
                m_edits.apply(it.key(), state); // an edit still on its way wins
                if (m_notes->isUnsaved(it.key()))
                    state.note = m_notes->unsavedText(it.key());
                const UserFields fields = UserStateChange::difference(*known, state);
                if (!fields)
                    continue;
                *known = state;
                change.papers.append({it.key(), fields, state});
            }
            if (!change.isEmpty())
                emit changed(change);
        });
}

void UserData::markVersionSeen(const QString &arxivId, int version)
{
    publish(arxivId, UserField::SeenVersion, state(arxivId));
    // No pending edit: nothing a list read brings back depends on it. The ids stay empty so
    // this write does not end the count of a star or note in flight for the same paper.
    write({}, UserField::SeenVersion, [arxivId, version](Store &store) {
        VersionStore versions(store.database());
        return versions.markSeen(arxivId, version, QDateTime::currentDateTimeUtc())
                   ? QString()
                   : versions.lastError();
    });
}

} // namespace paperboy
