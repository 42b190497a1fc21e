#pragma once

// glibc keeps the memory a thread frees in that thread's arena, and gives back to the kernel
// only what lies at the arena's top. After a ranking and the list it fills (the views read
// for For You, Qt's glyph caches of their titles) about 10 MB of freed pages stayed in the
// window's memory at a million papers. This returns the freed pages of every arena (glibc's
// malloc_trim); elsewhere it does nothing.

namespace paperboy {

// A few milliseconds at a window's heap: call it off the GUI thread, after a burst of work.
void releaseFreedMemory();

} // namespace paperboy
