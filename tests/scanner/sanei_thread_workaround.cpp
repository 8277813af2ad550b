// Works around a deadlock in sane-backends' sanei_thread, which the `test`
// backend uses for its reader thread: sane_cancel/EOF stop that thread with
// pthread_cancel, and sanei_thread makes its threads asynchronously
// cancellable. Cancelled while it holds the malloc arena lock or the dynamic
// loader lock, the thread dies with the lock held and the process hangs
// (observed here about once in 300 scans: `tcache_thread_shutdown` /
// `_dl_close` waiting forever).
//
// In the test executables only, pthread_cancel becomes a no-op. The backend's
// finish_pass closes the pipe before cancelling, so the reader's next write
// fails with EPIPE (SIGPIPE is ignored below) and the thread returns on its
// own; sanei_thread_waitpid then joins it. Nothing else in these tests
// cancels threads. The executable exports the symbol
// (-Wl,--export-dynamic-symbol) so the dlopen'ed backend binds to it.
#include <pthread.h>

#include <csignal>

extern "C" int pthread_cancel(pthread_t) {
  return 0;
}

namespace {
const bool kSigpipeIgnored = [] {
  std::signal(SIGPIPE, SIG_IGN);
  return true;
}();
}  // namespace
