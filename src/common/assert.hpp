// Tier one of three: a broken invariant is a bug, and bugs assert (tier two, bad input and I/O,
// throws eventmap::Error; tier three, main(), reports it). EVENTMAP_ASSERT is on in debug
// builds (no NDEBUG) and in sanitizer builds (EVENTMAP_ASSERTIONS, set by EVENTMAP_SANITIZE),
// off in release builds, where its condition is not evaluated: never put work in it.
//
//   EVENTMAP_ASSERT(first <= last, "a date range ends before it starts");
#pragma once

namespace eventmap::detail {
// Prints "eventmap: assertion failed: <expr> (<message>) at file:line" and aborts.
[[noreturn]] void assertion_failed(const char* expression, const char* message, const char* file,
                                   int line) noexcept;
} // namespace eventmap::detail

#if !defined(NDEBUG) || defined(EVENTMAP_ASSERTIONS)
#define EVENTMAP_ASSERT(condition, message)                                                        \
    ((condition) ? static_cast<void>(0)                                                            \
                 : ::eventmap::detail::assertion_failed(#condition, message, __FILE__, __LINE__))
#else
#define EVENTMAP_ASSERT(condition, message) static_cast<void>(sizeof(condition))
#endif
