#pragma once

// Where translation keys live. The core knows this interface and the environment only: the
// paperboy binary installs the desktop's secret store (QtKeychain, app/keychain/) at start,
// so the core, the tests and a headless command line never need a D-Bus session.
//
// A key is read when a run starts and kept in memory for that run only; it never goes into
// the settings file, the library, a backup, a log line or an error message.

#include "translate/translation_settings.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace paperboy::translate {

class SecretStore
{
public:
    using ReadDone = std::function<void(const QString &secret, const QString &error)>;
    using WriteDone = std::function<void(const QString &error)>;

    virtual ~SecretStore() = default;
    // `done` runs once on the caller's thread, unless `context` is destroyed first. No
    // secret stored under `name`: an empty secret and no error.
    virtual void read(const QString &name, QObject *context, ReadDone done) = 0;
    // An empty secret removes the entry.
    virtual void write(const QString &name, const QString &secret, QObject *context,
                       WriteDone done) = 0;
};

// The process's secret store; null until the binary installs one (tests and tools have none).
SecretStore *secretStore();
void setSecretStore(std::unique_ptr<SecretStore> store);

// The key for `provider`: PAPERBOY_TRANSLATE_KEY when set, else the secret store's entry
// (keyName(provider)). `done` gets the key (maybe empty) and, when none could be read, why.
void findTranslationKey(Provider provider, QObject *context,
                        std::function<void(const QString &key, const QString &problem)> done);

} // namespace paperboy::translate
