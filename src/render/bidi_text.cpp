#include "render/bidi_text.hpp"

#include "render/font_atlas.hpp"

#include <cstdint>
#include <memory>
#include <numeric>
#include <unicode/ubidi.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>

namespace eventmap::render {

namespace {

struct BidiCloser {
    void operator()(UBiDi* bidi) const noexcept { ubidi_close(bidi); }
};
using BidiPtr = std::unique_ptr<UBiDi, BidiCloser>;

// Right-to-left blocks (Hebrew to Arabic Extended-A, the presentation forms, the historic and
// Adlam blocks of plane 1) and the explicit right-to-left marks and embeddings.
bool right_to_left_code_point(char32_t cp) noexcept {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
           (cp >= 0xFE70 && cp <= 0xFEFF) || cp == 0x200F || cp == 0x202B || cp == 0x202E ||
           cp == 0x2067 || (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

icu::UnicodeString utf16(std::string_view utf8) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
}

// Letters to presentation forms, in logical order (u_shapeArabic's contexts are logical
// neighbours); the lam-alef ligature makes the text shorter. Presentation forms already in
// the text are kept as written (ICU would otherwise reshape them by their new neighbours).
// ICU failing (it does not for valid UTF-16) leaves the letters unshaped rather than losing
// the text.
icu::UnicodeString shape_arabic(const icu::UnicodeString& text) {
    // U_SHAPE_LENGTH_GROW_SHRINK and U_SHAPE_TEXT_DIRECTION_LOGICAL, ICU's zero defaults,
    // apply too: the ligature shortens the text; the input is in logical order.
    static_assert(U_SHAPE_LENGTH_GROW_SHRINK == 0 && U_SHAPE_TEXT_DIRECTION_LOGICAL == 0);
    constexpr std::uint32_t options = U_SHAPE_LETTERS_SHAPE | U_SHAPE_PRESERVE_PRESENTATION;
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t needed =
        u_shapeArabic(text.getBuffer(), text.length(), nullptr, 0, options, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR || needed <= 0) {
        return text;
    }
    status = U_ZERO_ERROR;
    icu::UnicodeString out;
    UChar* buffer = out.getBuffer(needed);
    const std::int32_t length =
        u_shapeArabic(text.getBuffer(), text.length(), buffer, needed, options, &status);
    out.releaseBuffer(U_SUCCESS(status) ? length : 0);
    return U_SUCCESS(status) ? out : text;
}

// ICU's paragraph level: 0 left to right, 1 right to left, or found from the first strong
// letter (left to right when there is none).
UBiDiLevel paragraph_level(Direction direction) {
    switch (direction) {
    case Direction::left_to_right:
        return 0;
    case Direction::right_to_left:
        return 1;
    case Direction::automatic:
        break;
    }
    return UBIDI_DEFAULT_LTR;
}

// One paragraph's bidi analysis; `text` must outlive it (ICU keeps a pointer).
BidiPtr analyse(const icu::UnicodeString& text, Direction direction) {
    UErrorCode status = U_ZERO_ERROR;
    BidiPtr bidi(ubidi_openSized(text.length(), 0, &status));
    if (U_FAILURE(status)) {
        return nullptr;
    }
    ubidi_setPara(bidi.get(), text.getBuffer(), text.length(), paragraph_level(direction), nullptr,
                  &status);
    return U_SUCCESS(status) ? std::move(bidi) : nullptr;
}

// Logical to visual order: mirrored brackets, direction marks dropped (fonts lack them),
// combining marks kept after their base letter, where a left-to-right drawer wants them.
icu::UnicodeString visual(const icu::UnicodeString& logical, Direction direction) {
    const BidiPtr bidi = analyse(logical, direction);
    if (!bidi || logical.isEmpty()) {
        return logical;
    }
    constexpr std::uint16_t options =
        UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS | UBIDI_KEEP_BASE_COMBINING;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out;
    UChar* buffer = out.getBuffer(logical.length());
    const std::int32_t length =
        ubidi_writeReordered(bidi.get(), buffer, logical.length(), options, &status);
    out.releaseBuffer(U_SUCCESS(status) ? length : 0);
    return U_SUCCESS(status) ? out : logical;
}

} // namespace

bool needs_bidi(std::string_view utf8) noexcept {
    for (std::size_t at = 0; at < utf8.size();) {
        if (static_cast<unsigned char>(utf8[at]) < 0x80) {
            ++at; // ASCII: the common case, no decoding
        } else if (right_to_left_code_point(next_code_point(utf8, at))) {
            return true;
        }
    }
    return false;
}

std::string shape_for_display(std::string_view utf8, Direction direction) {
    // Left-to-right letters alone need nothing, unless they sit in a right-to-left paragraph
    // (brackets at their edge then mirror and move).
    if (direction != Direction::right_to_left && !needs_bidi(utf8)) {
        return std::string(utf8);
    }
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t start = 0;;) {
        const std::size_t end = utf8.find('\n', start);
        const std::string_view line =
            utf8.substr(start, end == std::string_view::npos ? end : end - start);
        visual(shape_arabic(utf16(line)), direction).toUTF8String(out);
        if (end == std::string_view::npos) {
            return out;
        }
        out += '\n';
        start = end + 1;
    }
}

bool is_right_to_left(std::string_view utf8) {
    if (!needs_bidi(utf8)) {
        return false;
    }
    const icu::UnicodeString text = utf16(utf8);
    return ubidi_getBaseDirection(text.getBuffer(), text.length()) == UBIDI_RTL;
}

std::vector<std::size_t> visual_word_order(std::string_view line,
                                           const std::vector<std::size_t>& word_starts,
                                           Direction direction) {
    std::vector<std::size_t> order(word_starts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (word_starts.empty() || (direction != Direction::right_to_left && !needs_bidi(line))) {
        return order;
    }
    const icu::UnicodeString text = utf16(line);
    const BidiPtr bidi = analyse(text, direction);
    if (!bidi) {
        return order;
    }
    // Each word takes the embedding level of its first letter and each gap between two words
    // that of the space before the next (a space between a number and a Latin word in a
    // right-to-left line sits lower and splits them into two runs); ICU then reorders these
    // levels as it would letters (odd levels reversed, nested runs restored).
    const auto level_at = [&](std::size_t byte) {
        const std::int32_t at = utf16(line.substr(0, byte)).length();
        return at < text.length() ? ubidi_getLevelAt(bidi.get(), at)
                                  : ubidi_getParaLevel(bidi.get());
    };
    std::vector<UBiDiLevel> levels;
    for (std::size_t i = 0; i < word_starts.size(); ++i) {
        levels.push_back(level_at(word_starts[i]));
        if (i + 1 < word_starts.size()) {
            levels.push_back(level_at(word_starts[i + 1] - 1));
        }
    }
    std::vector<std::int32_t> map(levels.size());
    ubidi_reorderVisual(levels.data(), static_cast<std::int32_t>(levels.size()), map.data());
    order.clear();
    for (const std::int32_t item : map) {
        if (item % 2 == 0) { // words are the even items, gaps the odd
            order.push_back(static_cast<std::size_t>(item / 2));
        }
    }
    return order;
}

} // namespace eventmap::render
