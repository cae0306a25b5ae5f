// The one exception family for bad input and I/O (tier two of three: bugs assert, bad input
// throws this, main() reports it). Each error carries the file and, where known, the line or
// record so the user can find what to fix.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace eventmap {

// Process exit codes, documented in README.md. Core code never exits; the CLI maps errors here.
enum class ExitCode : int {
    ok = 0,
    failure = 1,     // the work ran but a check failed (e.g. too many malformed rows)
    usage = 2,       // bad command line
    input_error = 3, // unreadable, missing or malformed input
    data_error = 4,  // corrupt or stale index/store
    io_error = 5,    // cannot write output
};

class Error : public std::runtime_error {
  public:
    // `what` by reference: std::runtime_error copies it into its own storage either way.
    Error(const std::string& what, ExitCode code, std::string file = {}, std::uint64_t line = 0)
        : std::runtime_error(what), code_(code), file_(std::move(file)), line_(line) {}

    ExitCode code() const noexcept { return code_; }
    const std::string& file() const noexcept { return file_; }
    // 1-based line or record number; 0 when the error is about the file as a whole.
    std::uint64_t line() const noexcept { return line_; }

    // "file:line: what", the form main() prints after "eventmap <cmd>: ".
    std::string located() const;

  private:
    ExitCode code_;
    std::string file_;
    std::uint64_t line_;
};

// Input that cannot be read or parsed.
class InputError : public Error {
  public:
    explicit InputError(const std::string& what, std::string file = {}, std::uint64_t line = 0)
        : Error(what, ExitCode::input_error, std::move(file), line) {}
};

// An index or store that exists but is corrupt, stale, or of another version.
class DataError : public Error {
  public:
    explicit DataError(const std::string& what, std::string file = {})
        : Error(what, ExitCode::data_error, std::move(file), 0) {}
};

// Output that cannot be written (read-only target, disk full...).
class OutputError : public Error {
  public:
    explicit OutputError(const std::string& what, std::string file = {})
        : Error(what, ExitCode::io_error, std::move(file), 0) {}
};

} // namespace eventmap
