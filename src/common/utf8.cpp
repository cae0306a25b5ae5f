#include "common/utf8.hpp"

#include <algorithm>

namespace eventmap::utf8 {

namespace {

// Length of the valid sequence starting at s[i], or 0 if it is invalid.
std::size_t valid_sequence_length(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, min = 0x80, cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, min = 0x800, cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, cp = b0 & 0x07;
    } else {
        return 0;
    }
    if (i + len > s.size()) {
        return 0;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

} // namespace

Sanitized sanitize(std::string_view bytes) {
    Sanitized out;
    out.text.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t len = valid_sequence_length(bytes, i);
        if (len == 0) {
            out.text += "\xEF\xBF\xBD";
            ++out.replaced;
            ++i;
        } else {
            out.text.append(bytes.data() + i, len);
            i += len;
        }
    }
    return out;
}

bool is_valid(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t len = valid_sequence_length(bytes, i);
        if (len == 0) {
            return false;
        }
        i += len;
    }
    return true;
}

bool looks_binary(std::string_view bytes) {
    const std::size_t n = std::min<std::size_t>(bytes.size(), 8192);
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == 0) {
            return true;
        }
        if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
            ++control;
        }
    }
    return n > 0 && control * 10 > n; // more than 10% control bytes: not prose
}

char32_t next(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    std::size_t len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : 4;
    char32_t cp = b0 & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    i += len;
    return cp;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::size_t count_codepoints(std::string_view valid) {
    std::size_t n = 0;
    for (char c : valid) {
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    return n;
}

std::size_t CodepointCursor::to_codepoint(std::size_t byte_offset) {
    if (byte_offset < byte_) {
        byte_ = 0;
        cp_ = 0;
    }
    byte_offset = std::min(byte_offset, text_.size());
    for (; byte_ < byte_offset; ++byte_) {
        cp_ += (static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80;
    }
    return cp_;
}

} // namespace eventmap::utf8
