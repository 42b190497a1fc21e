#include "library/note_saver.h"

#include "store/store_thread.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QSaveFile>

namespace paperboy {

struct NoteSaver::Shared
{
    struct Note
    {
        QString text;
        quint64 generation = 0; // bumped by every save(): a late commit of older text is not it
        QString error;
        QDateTime typed;
    };
    QMutex mutex;
    QHash<QString, Note> notes; // written but not committed yet
};

namespace {

struct WriteResult
{
    bool ok = false;
    QString error;
};

} // namespace

NoteSaver::NoteSaver(StoreThread &writer, const QString &recoveryPath, QObject *parent)
    : QObject(parent), m_writer(writer), m_recoveryPath(recoveryPath),
      m_shared(std::make_shared<Shared>())
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &NoteSaver::retryNow);
}

NoteSaver::~NoteSaver()
{
    // The writer thread has run out its queue by now (the library stops it before its
    // children go): what is still here never committed.
    QList<RecoveredNote> unsaved;
    {
        QMutexLocker lock(&m_shared->mutex);
        for (auto it = m_shared->notes.cbegin(); it != m_shared->notes.cend(); ++it)
            unsaved.append({it.key(), it->text, it->error, it->typed});
    }
    if (unsaved.isEmpty() || m_recoveryPath.isEmpty())
        return;
    // Notes kept from an earlier session and not handled yet stay beside the new ones.
    QList<RecoveredNote> all = readRecovery(m_recoveryPath);
    all.append(unsaved);
    if (!writeRecovery(m_recoveryPath, all))
        qWarning("Could not keep %d unsaved notes in %s", int(unsaved.size()),
                 qPrintable(m_recoveryPath));
}

void NoteSaver::save(const QString &arxivId, const QString &text)
{
    {
        QMutexLocker lock(&m_shared->mutex);
        Shared::Note &note = m_shared->notes[arxivId];
        note.text = text;
        note.error.clear(); // this write is the next try
        ++note.generation;
        note.typed = QDateTime::currentDateTimeUtc();
    }
    post(arxivId);
}

void NoteSaver::post(const QString &arxivId)
{
    QString text;
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_shared->mutex);
        const auto it = m_shared->notes.constFind(arxivId);
        if (it == m_shared->notes.cend())
            return;
        text = it->text;
        generation = it->generation;
    }
    emit writeStarted(arxivId, text);
    m_writer.post(
        this,
        [shared = m_shared, arxivId, text, generation](Store &store) {
            WriteResult result;
            // The editor saves while the user types: pauses in typing are not versions of the
            // note (Store::setNote keeps the text from before the typing in its history).
            result.ok = store.setNote(arxivId, text, NoteChange::Typing);
            if (!result.ok)
                result.error = store.lastError().isEmpty() ? QStringLiteral("unknown error")
                                                           : store.lastError();
            QMutexLocker lock(&shared->mutex);
            const auto it = shared->notes.find(arxivId);
            if (it != shared->notes.end() && it->generation == generation) {
                if (result.ok)
                    shared->notes.erase(it);
                else
                    it->error = result.error;
            }
            return result;
        },
        [this, arxivId, text](const WriteResult &result) {
            emit writeFinished(arxivId);
            if (result.ok)
                emit saved(arxivId, text);
            onWritten(result.error);
        });
}

void NoteSaver::onWritten(const QString &error)
{
    if (!error.isEmpty()) {
        m_lastError = error;
        scheduleRetry();
        emit stateChanged();
        return;
    }
    // A write went through: whatever kept the others out is likely gone too.
    if (unsavedIds().isEmpty()) {
        m_retry.stop();
        m_backoffMs = kFirstRetryMs;
        m_lastError.clear();
    } else if (!m_lastError.isEmpty()) {
        m_backoffMs = kFirstRetryMs;
        m_retry.start(0);
    }
    emit stateChanged();
}

void NoteSaver::scheduleRetry()
{
    if (m_retry.isActive())
        return;
    m_retry.start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, kLastRetryMs);
}

void NoteSaver::retryNow()
{
    m_retry.stop();
    // Only the notes that failed; one still on its way has its own write coming.
    QStringList failed;
    {
        QMutexLocker lock(&m_shared->mutex);
        for (auto it = m_shared->notes.begin(); it != m_shared->notes.end(); ++it)
            if (!it->error.isEmpty()) {
                failed.append(it.key());
                it->error.clear();
            }
    }
    for (const QString &id : failed)
        post(id);
}

bool NoteSaver::isUnsaved(const QString &arxivId) const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->notes.contains(arxivId);
}

QString NoteSaver::unsavedText(const QString &arxivId) const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->notes.value(arxivId).text;
}

QStringList NoteSaver::unsavedIds() const
{
    QMutexLocker lock(&m_shared->mutex);
    return m_shared->notes.keys();
}

int NoteSaver::retryInMs() const
{
    return m_retry.isActive() ? m_retry.remainingTime() : -1;
}

QString NoteSaver::recoveryPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".unsaved-notes.json");
}

QList<RecoveredNote> NoteSaver::readRecovery(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    QList<RecoveredNote> notes;
    const QJsonArray array =
        QJsonDocument::fromJson(file.readAll()).object().value(u"notes").toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        RecoveredNote note{object.value(u"arxivId").toString(), object.value(u"text").toString(),
                           object.value(u"error").toString(),
                           QDateTime::fromString(object.value(u"typed").toString(), Qt::ISODate)};
        if (!note.arxivId.isEmpty())
            notes.append(note);
    }
    return notes;
}

bool NoteSaver::writeRecovery(const QString &path, const QList<RecoveredNote> &notes)
{
    if (notes.isEmpty())
        return !QFile::exists(path) || QFile::remove(path);
    QJsonArray array;
    for (const RecoveredNote &note : notes)
        array.append(QJsonObject{{QStringLiteral("arxivId"), note.arxivId},
                                 {QStringLiteral("text"), note.text},
                                 {QStringLiteral("error"), note.error},
                                 {QStringLiteral("typed"), note.typed.toString(Qt::ISODate)}});
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("notes"), array}}).toJson());
    return file.commit();
}

} // namespace paperboy
