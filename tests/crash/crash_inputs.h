#pragma once

// What the crash harness's processes work on, made before the first kill: digests large
// enough to kill mid-transaction, a metadata snapshot for the bulk import, a version 6
// library large enough that its upgrade (migration 007 rebuilds the search index) takes a
// while, and backup files for restores.

#include <QByteArray>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace paperboy::crash {

// A 每日学术速递 digest of `entries` papers with ids from `idBase`.
QByteArray syntheticDigest(const QDate &date, int entries, int idBase);

// An arXiv metadata snapshot (JSON Lines) of `papers` records first published over `days`
// days from 2019-03-01, ids 1903.xxxxx.
QByteArray syntheticSnapshot(int papers, int days);

// tests/data/upgrades/schema-v006.sqlite with `papers` more papers, stored through version
// 6's own triggers (a plain sqlite3 connection): what migration 007 has to rebuild.
bool buildOldLibrary(const QString &fixture, const QString &path, int papers, QString *error);

// The user data a restore brings for one paper.
struct RestoreValues
{
    QString paper;
    bool starred = false;
    QString note;
    QString tag;
};

// A backup file (the app's own format) with these values, changed at `when`, and one saved
// search.
bool writeRestoreFile(const QString &path, const QList<RestoreValues> &values,
                      const QString &searchName, const QString &searchQuery,
                      const QDateTime &when, QString *error);

// User data as the checker keys it ("star:ID", "read:ID", "note:ID", "tag:ID:TAG",
// "search:NAME"), read on a plain connection from a library of any schema version.
QHash<QString, QString> readUserKeys(const QString &path, QString *error);

} // namespace paperboy::crash
