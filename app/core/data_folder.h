#pragma once

// Where Paperboy keeps its files: the library, backups, recovery files. On Linux
// $XDG_DATA_HOME/paperboy (~/.local/share/paperboy).
//
// Versions before 0.2 kept them one level deeper, in ~/.local/share/paperboy/paperboy (Qt's
// application data folder with organisation and application both named "paperboy"). Their
// files are moved up once, at start, so nobody's library is left behind.

#include <QString>

namespace paperboy {

QString dataFolder();

// The folder earlier versions used.
QString legacyDataFolder();

// Moves the legacy folder's files into dataFolder() when that holds no library yet and the
// legacy library is not open (no write-ahead log beside it). Returns an error text naming
// the file that could not be moved; empty when there was nothing to do or all went well.
QString adoptLegacyDataFolder();

} // namespace paperboy
