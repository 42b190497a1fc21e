#pragma once

// The window's sync settings (issue #20). The server's URL is kept without its password; the
// password lives in the desktop's secret store under kSyncPasswordName (or PGPASSWORD,
// ~/.pgpass), never in the settings file.

#include "common/settings.h"

#include <QString>

namespace paperboy {

namespace settings {

// postgresql://user@host:port/database[?sslmode=...]; empty: no sync.
inline const SettingKey<QString> syncServerUrl{"sync/serverUrl", {}};
// Minutes between rounds besides start, close and the server's wake-ups; 0: none.
inline const SettingKey<int> syncIntervalMinutes{"sync/intervalMinutes", 5};

} // namespace settings

inline const QString kSyncPasswordName = QStringLiteral("sync-server");

} // namespace paperboy
