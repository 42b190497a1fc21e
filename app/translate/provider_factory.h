#pragma once

// The provider the settings name (translate/provider.h), each in a file of its own.

#include "translate/provider.h"

#include <memory>

namespace paperboy::translate {

// The provider of `settings`, or null with `error` set (no service chosen, a service that
// needs a key without one, an invalid address, no model).
std::unique_ptr<TranslationProvider> makeProvider(const TranslationSettings &settings,
                                                  const QString &key, QString *error);

} // namespace paperboy::translate
