#pragma once

// The desktop's secret store (GNOME Keyring, KWallet, or whatever Secret Service runs)
// through QtKeychain. Its own small library, linked into the paperboy binary only: the core
// and its tests stay free of QtKeychain and D-Bus (translate/secret_store.h).

#include "translate/secret_store.h"

#include <memory>

namespace paperboy {

// Never falls back to a plain-text file when no secret service answers: the caller is told,
// and PAPERBOY_TRANSLATE_KEY remains.
std::unique_ptr<translate::SecretStore> makeKeychainSecretStore();

} // namespace paperboy
