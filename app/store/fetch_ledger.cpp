#include "fetch_ledger.h"

#include "core/arxiv_calendar.h"
#include "store/sql_values.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace paperboy {

using namespace Qt::StringLiterals;

using paperboy::sql::textOrNull;

namespace {

QString isoTime(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIsoTime(const QVariant &value)
{
    return value.isNull() ? QDateTime()
                          : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Complete and NoAnnouncement are equally final: both mean "the cache has the day".
int rank(LedgerState state)
{
    return state == LedgerState::Complete ? int(LedgerState::NoAnnouncement) : int(state);
}

const char kColumns[] = "date, category, source, state, papers, reason, recorded_at,"
                        " last_error, last_error_at";

LedgerEntry readEntry(const QSqlQuery &q)
{
    LedgerEntry e;
    e.date = QDate::fromString(q.value(0).toString(), Qt::ISODate);
    e.category = q.value(1).toString();
    e.source = q.value(2).toString();
    e.state = ledgerStateFromName(q.value(3).toString()).value_or(LedgerState::Failed);
    e.papers = q.value(4).toInt();
    e.reason = q.value(5).toString();
    e.recordedAt = fromIsoTime(q.value(6));
    e.lastError = q.value(7).toString();
    e.lastErrorAt = fromIsoTime(q.value(8));
    return e;
}

} // namespace

QString ledgerStateName(LedgerState state)
{
    switch (state) {
    case LedgerState::Missing:
        return u"missing"_s;
    case LedgerState::Failed:
        return u"failed"_s;
    case LedgerState::Partial:
        return u"partial"_s;
    case LedgerState::NoAnnouncement:
        return u"no-announcement"_s;
    case LedgerState::Complete:
        return u"complete"_s;
    }
    return {};
}

std::optional<LedgerState> ledgerStateFromName(const QString &name)
{
    for (const LedgerState state : {LedgerState::Missing, LedgerState::Failed, LedgerState::Partial,
                                    LedgerState::NoAnnouncement, LedgerState::Complete}) {
        if (ledgerStateName(state) == name)
            return state;
    }
    return std::nullopt;
}

FetchLedger::FetchLedger(Database &database) : m_database(database) {}

QDateTime FetchLedger::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

bool FetchLedger::fail(const QString &what) const
{
    m_error = what;
    return false;
}

bool FetchLedger::recordOne(const LedgerEntry &entry)
{
    if (!entry.date.isValid() || entry.category.isEmpty() || entry.source.isEmpty() ||
        entry.state == LedgerState::Missing)
        return fail(u"a ledger entry needs a date, a category, a source and a state"_s);
    const QDateTime when = entry.recordedAt.isValid() ? entry.recordedAt : now();
    const std::optional<LedgerEntry> stored = this->entry(entry.date, entry.category, entry.source);
    if (!m_error.isEmpty())
        return false;
    QSqlQuery q(m_database.connection());
    if (stored && rank(entry.state) < rank(stored->state)) {
        q.prepare(u"UPDATE fetch_ledger SET last_error = ?, last_error_at = ?"
                  " WHERE date = ? AND category = ? AND source = ?"_s);
        q.addBindValue(entry.reason.isEmpty() ? ledgerStateName(entry.state) : entry.reason);
        q.addBindValue(isoTime(when));
    } else {
        q.prepare(u"INSERT OR REPLACE INTO fetch_ledger (state, papers, reason, recorded_at,"
                  " last_error, last_error_at, date, category, source)"
                  " VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)"_s);
        q.addBindValue(ledgerStateName(entry.state));
        q.addBindValue(entry.papers);
        q.addBindValue(textOrNull(entry.reason));
        q.addBindValue(isoTime(when));
    }
    q.addBindValue(entry.date.toString(Qt::ISODate));
    q.addBindValue(entry.category);
    q.addBindValue(entry.source);
    if (!q.exec())
        return fail(u"recording the fetch of %1: %2"_s.arg(entry.date.toString(Qt::ISODate),
                                                           q.lastError().text()));
    return true;
}

bool FetchLedger::record(const LedgerEntry &entry)
{
    return record(QList<LedgerEntry>{entry});
}

bool FetchLedger::record(const QList<LedgerEntry> &entries)
{
    m_error.clear();
    if (m_database.isReadOnly())
        return fail(u"%1 is open read-only"_s.arg(m_database.path()));
    QSqlDatabase db = m_database.connection();
    if (const QString error = Database::beginWrite(db); !error.isEmpty())
        return fail(u"cannot start a transaction: %1"_s.arg(error));
    for (const LedgerEntry &entry : entries) {
        if (!recordOne(entry)) {
            const QString error = m_error;
            db.rollback();
            return fail(error);
        }
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return fail(u"cannot commit: %1"_s.arg(error));
    }
    return true;
}

std::optional<LedgerEntry> FetchLedger::entry(const QDate &date, const QString &category,
                                              const QString &source) const
{
    m_error.clear();
    QSqlQuery q(m_database.connection());
    q.prepare(u"SELECT "_s + QLatin1String(kColumns) +
              u" FROM fetch_ledger WHERE date = ? AND category = ? AND source = ?"_s);
    q.addBindValue(date.toString(Qt::ISODate));
    q.addBindValue(category);
    q.addBindValue(source);
    if (!q.exec()) {
        fail(q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readEntry(q);
}

QList<LedgerEntry> FetchLedger::entries(const QDate &from, const QDate &to,
                                        const QString &source) const
{
    m_error.clear();
    QList<LedgerEntry> result;
    QSqlQuery q(m_database.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT "_s + QLatin1String(kColumns) +
              u" FROM fetch_ledger WHERE date BETWEEN ? AND ?"_s +
              (source.isEmpty() ? QString() : u" AND source = ?"_s) +
              u" ORDER BY date, category, source"_s);
    q.addBindValue(from.toString(Qt::ISODate));
    q.addBindValue(to.toString(Qt::ISODate));
    if (!source.isEmpty())
        q.addBindValue(source);
    if (!q.exec()) {
        fail(q.lastError().text());
        return result;
    }
    while (q.next())
        result.append(readEntry(q));
    return result;
}

QMap<QPair<QDate, QString>, LedgerEntry> FetchLedger::bestByDayAndCategory(const QDate &from,
                                                                           const QDate &to) const
{
    QMap<QPair<QDate, QString>, LedgerEntry> best;
    const QList<LedgerEntry> rows = entries(from, to);
    for (const LedgerEntry &row : rows) {
        const QPair<QDate, QString> key(row.date, row.category);
        const auto it = best.constFind(key);
        if (it == best.cend() || rank(row.state) > rank(it->state))
            best.insert(key, row);
    }
    return best;
}

QList<LedgerEntry> FetchLedger::problems(const QDate &from, const QDate &to,
                                         const QStringList &categories) const
{
    QList<LedgerEntry> result;
    const auto best = bestByDayAndCategory(from, to);
    for (QDate day = from; day.isValid() && day <= to; day = day.addDays(1)) {
        for (const QString &category : categories) {
            const auto it = best.constFind({day, category});
            if (it != best.cend()) {
                if (it->needsFetch())
                    result.append(*it);
            } else if (arxiv_calendar::hasListing(day)) {
                LedgerEntry missing;
                missing.date = day;
                missing.category = category;
                result.append(missing);
            }
        }
    }
    return result;
}

QMap<QDate, LedgerState> FetchLedger::dayStates(const QDate &from, const QDate &to,
                                                const QStringList &categories) const
{
    QMap<QDate, LedgerState> result;
    const auto best = bestByDayAndCategory(from, to);
    for (QDate day = from; day.isValid() && day <= to; day = day.addDays(1)) {
        std::optional<LedgerState> worst;
        for (const QString &category : categories) {
            const auto it = best.constFind({day, category});
            LedgerState state = it != best.cend() ? it->state : LedgerState::Missing;
            if (it == best.cend() && !arxiv_calendar::hasListing(day))
                state = LedgerState::NoAnnouncement;
            if (!worst || rank(state) < rank(*worst))
                worst = state;
        }
        if (worst)
            result.insert(day, *worst);
    }
    return result;
}

} // namespace paperboy
