#pragma once

// SIGTERM (a logout, `kill`), SIGINT (Ctrl+C in the terminal that started the window) and
// SIGHUP (that terminal closed) would otherwise end the process on the spot, dropping the
// note being typed and the edits still queued for the writer thread. Here they close the
// window the ordinary way instead: the note is saved, the settings kept, and the writer
// thread runs out its queue before the process ends.

class QWidget;

namespace paperboy {

// Closes `window` (then leaves the event loop, also from inside a dialog) when one of those
// signals arrives. A second signal while the first is being handled changes nothing; the
// handler itself only writes a byte to a pipe, the closing happens on the GUI thread.
bool closeOnSignals(QWidget *window);

} // namespace paperboy
