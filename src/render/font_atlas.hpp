// Text for labels and overlays: DejaVu from Debian's fonts-dejavu-core packed by stb_truetype
// into one alpha texture (Latin with Latin Extended Additional, Greek, Cyrillic, punctuation,
// arrows, Hebrew, Arabic with its presentation forms), at pixel sizes multiplied by the
// output's scale, so a 4K export has sharper text, not smaller text. measure() and layout()
// shape Arabic and put right-to-left text in visual order first (bidi_text.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventmap::render {

enum class Face { title, subtitle, body, body_bold, small, count };

struct GlyphQuad {
    float x0, y0, x1, y1; // pixels, y down
    float u0, v0, u1, v1; // atlas texture coordinates
};

class FontAtlas {
  public:
    // Throws InputError naming the font file when DejaVu is missing (fonts-dejavu-core).
    explicit FontAtlas(float scale);
    ~FontAtlas();
    FontAtlas(const FontAtlas&) = delete;
    FontAtlas& operator=(const FontAtlas&) = delete;

    float scale() const noexcept { return scale_; }
    float pixel_size(Face face) const;
    float ascent(Face face) const; // pixels above the baseline
    float measure(Face face, std::string_view utf8) const;
    // Calls `emit` for each drawable glyph of the text with its baseline starting at (x, y).
    void layout(Face face, std::string_view utf8, float x, float y,
                const std::function<void(const GlyphQuad&)>& emit) const;

    int width() const noexcept { return size_; }
    int height() const noexcept { return size_; }
    const std::vector<std::uint8_t>& pixels() const noexcept { return pixels_; }

    static std::string font_path(bool bold);

  private:
    struct Packed;
    std::unique_ptr<Packed> packed_;
    std::vector<std::uint8_t> pixels_;
    int size_ = 0;
    float scale_ = 1;
};

// The next code point of UTF-8 text, advancing `at`; U+FFFD for a bad byte.
char32_t next_code_point(std::string_view text, std::size_t& at);

} // namespace eventmap::render
