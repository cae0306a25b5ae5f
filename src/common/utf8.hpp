// UTF-8 hygiene for untrusted text. Every stage reports spans as Unicode code-point offsets
// (what Python, JavaScript's Array.from and the gold corpora count), while working on bytes
// internally; this file owns that conversion.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace eventmap::utf8 {

struct Sanitized {
    std::string text;         // valid UTF-8; each invalid byte sequence became U+FFFD
    std::size_t replaced = 0; // how many replacements were made
};

// Replaces every invalid sequence (bad lead byte, truncated, overlong, surrogate, > U+10FFFF)
// with U+FFFD, so offsets computed afterwards are stable and consistent.
Sanitized sanitize(std::string_view bytes);

bool is_valid(std::string_view bytes);

// True for data that is not text: NUL bytes, or mostly control bytes, in the first 8 KiB.
bool looks_binary(std::string_view bytes);

// Decodes the code point starting at bytes[i] (which must be valid UTF-8) and advances i.
char32_t next(std::string_view bytes, std::size_t& i);

void append(std::string& out, char32_t cp);

std::size_t count_codepoints(std::string_view valid);

// Converts byte offsets into code-point offsets in O(total distance walked). Queries are
// cheapest in non-decreasing order (the order spans are produced in); a query behind the
// cursor restarts from the beginning.
class CodepointCursor {
  public:
    explicit CodepointCursor(std::string_view valid) : text_(valid) {}
    std::size_t to_codepoint(std::size_t byte_offset);

  private:
    std::string_view text_;
    std::size_t byte_ = 0;
    std::size_t cp_ = 0;
};

} // namespace eventmap::utf8
