#pragma once

// The papers a version check asks arXiv about (#18).

#include <QStringList>

namespace paperboy {

class Store;

// The papers the reader keeps (starred, noted, tagged) and the newest papers of the authors
// the reader follows, sorted, each once.
QStringList watchedPapers(Store &store);

} // namespace paperboy
