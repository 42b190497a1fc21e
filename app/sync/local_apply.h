#pragma once

// Writes another device's changes into the library (issue #20), inside a restore's kind of
// transaction (UserRowsWriter) and by the same rules: a note replaced by a pulled one is kept
// in the note's history (replaced by "sync"), a change carries the server's time of the edit
// as its *_changed time, and removals remove only what they name.

#include "store/user_rows.h"
#include "sync/sync_items.h"

namespace paperboy::sync {

class LocalApplier
{
public:
    explicit LocalApplier(UserRowsWriter &writer) : m_writer(writer) {}

    // Makes the library hold `change` (its value, or nothing). `when` is the server's time.
    bool apply(const ItemChange &change, const QString &when);
    // Keeps `text` in the note history of `id` as replaced by sync at `when`: a note that
    // lost to this library's own newer edit.
    bool keepLosingNote(const QString &id, const QString &text, const QString &when);

    QString error() const { return m_writer.error(); }

private:
    bool applyPaperState(const QString &kind, const QString &id,
                         const std::optional<QString> &value, const QString &when);

    UserRowsWriter &m_writer;
};

} // namespace paperboy::sync
