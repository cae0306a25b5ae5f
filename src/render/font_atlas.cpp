#include "render/font_atlas.hpp"

#include "common/error.hpp"
#include "render/bidi_text.hpp"
#include "render/render_error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stb_rect_pack.h>
#include <stb_truetype.h>

namespace eventmap::render {

namespace {

struct FaceSpec {
    bool bold;
    float size; // pixels at scale 1
};
constexpr std::array<FaceSpec, static_cast<std::size_t>(Face::count)> face_specs = {{
    {true, 22},  // title
    {false, 14}, // subtitle
    {false, 12}, // body
    {true, 12},  // body_bold
    {false, 10}, // small
}};

struct Range {
    char32_t first, last;
};
// What map text needs: Latin with diacritics, Latin Extended Additional (the letters with dots,
// cedillas and lines below of GeoNames' transliterations: an H with a cedilla starts one Syrian
// city's name), Greek, Cyrillic, dashes/quotes, arrows; Hebrew, Arabic and the Arabic
// presentation forms that shape_for_display() turns Arabic letters into (bidi_text.hpp).
// Only the code points the font has are packed: DejaVu covers about half of these blocks.
constexpr Range ranges[] = {{0x20, 0x24F},    {0x370, 0x3FF},   {0x400, 0x4FF},   {0x590, 0x5FF},
                            {0x600, 0x6FF},   {0x1E00, 0x1EFF}, {0x2010, 0x2044}, {0x2190, 0x2193},
                            {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};

// The code points of `ranges` the font draws (increasing), as stb's pack call takes them.
std::vector<int> present_code_points(const stbtt_fontinfo& info) {
    std::vector<int> out;
    for (const auto& r : ranges) {
        for (char32_t cp = r.first; cp <= r.last; ++cp) {
            if (stbtt_FindGlyphIndex(&info, static_cast<int>(cp)) != 0) {
                out.push_back(static_cast<int>(cp));
            }
        }
    }
    return out;
}

std::vector<unsigned char> read_font(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError("cannot read the font (Debian package fonts-dejavu-core)", path);
    }
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

struct FontAtlas::Packed {
    std::vector<unsigned char> regular, bold;
    // Per face: the packed code points (increasing) and stb's glyph record for each.
    std::array<std::vector<int>, face_specs.size()> code_points;
    std::array<std::vector<stbtt_packedchar>, face_specs.size()> chars;
    std::array<float, face_specs.size()> ascent{};
};

std::string FontAtlas::font_path(bool bold) {
    const char* dir = std::getenv("EVENTMAP_FONT_DIR");
    const std::string base = dir != nullptr && *dir != 0 ? dir : "/usr/share/fonts/truetype/dejavu";
    return base + (bold ? "/DejaVuSans-Bold.ttf" : "/DejaVuSans.ttf");
}

FontAtlas::FontAtlas(float scale) : packed_(std::make_unique<Packed>()), scale_(scale) {
    packed_->regular = read_font(font_path(false));
    packed_->bold = read_font(font_path(true));
    for (std::size_t f = 0; f < face_specs.size(); ++f) {
        const auto& data = face_specs[f].bold ? packed_->bold : packed_->regular;
        stbtt_fontinfo info;
        stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0));
        packed_->code_points[f] = present_code_points(info);
        packed_->chars[f].resize(packed_->code_points[f].size());
        const float size = std::round(face_specs[f].size * scale);
        int ascent = 0, descent = 0, gap = 0;
        stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
        packed_->ascent[f] = static_cast<float>(ascent) * stbtt_ScaleForPixelHeight(&info, size);
    }
    // Grow the texture until everything fits: 1024 at scale 1, larger for large scales.
    for (size_ = 1024; size_ <= 8192; size_ *= 2) {
        pixels_.assign(static_cast<std::size_t>(size_) * size_, 0);
        stbtt_pack_context context;
        if (stbtt_PackBegin(&context, pixels_.data(), size_, size_, 0, 1, nullptr) == 0) {
            continue;
        }
        stbtt_PackSetOversampling(&context, 1, 1);
        bool fits = true;
        for (std::size_t f = 0; f < face_specs.size() && fits; ++f) {
            stbtt_pack_range range{};
            range.font_size = std::round(face_specs[f].size * scale);
            range.array_of_unicode_codepoints = packed_->code_points[f].data();
            range.num_chars = static_cast<int>(packed_->code_points[f].size());
            range.chardata_for_range = packed_->chars[f].data();
            const auto& data = face_specs[f].bold ? packed_->bold : packed_->regular;
            fits = stbtt_PackFontRanges(&context, data.data(), 0, &range, 1) != 0;
        }
        stbtt_PackEnd(&context);
        if (fits) {
            return;
        }
    }
    throw RenderError("text at scale " + std::to_string(scale) + " does not fit an 8192 px atlas");
}

FontAtlas::~FontAtlas() = default;

float FontAtlas::pixel_size(Face face) const {
    return std::round(face_specs[static_cast<std::size_t>(face)].size * scale_);
}

float FontAtlas::ascent(Face face) const {
    return packed_->ascent[static_cast<std::size_t>(face)];
}

char32_t next_code_point(std::string_view text, std::size_t& at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    int extra = lead < 0x80           ? 0
                : (lead >> 5) == 0x6  ? 1
                : (lead >> 4) == 0xE  ? 2
                : (lead >> 3) == 0x1E ? 3
                                      : -1;
    if (extra < 0 || at + static_cast<std::size_t>(extra) >= text.size()) {
        ++at;
        return 0xFFFD;
    }
    char32_t cp = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int i = 1; i <= extra; ++i) {
        const unsigned char c = byte(at + static_cast<std::size_t>(i));
        if ((c & 0xC0) != 0x80) {
            ++at;
            return 0xFFFD;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    at += static_cast<std::size_t>(extra) + 1;
    return cp;
}

namespace {

// The index of the code point's glyph in a face's packed records, or of '?' when the font
// lacks it (every face has '?').
std::size_t glyph_index(const std::vector<int>& code_points, char32_t cp) {
    for (const char32_t wanted : {cp, U'?'}) {
        const auto at =
            std::lower_bound(code_points.begin(), code_points.end(), static_cast<int>(wanted));
        if (at != code_points.end() && *at == static_cast<int>(wanted)) {
            return static_cast<std::size_t>(at - code_points.begin());
        }
    }
    return 0;
}

// The text as glyphs in drawing order; Latin text (the usual case) is not copied.
std::string_view for_display(std::string_view utf8, std::string& storage) {
    if (!needs_bidi(utf8)) {
        return utf8;
    }
    storage = shape_for_display(utf8);
    return storage;
}

} // namespace

float FontAtlas::measure(Face face, std::string_view utf8) const {
    std::string storage;
    const std::string_view shaped = for_display(utf8, storage);
    const auto f = static_cast<std::size_t>(face);
    float width = 0;
    for (std::size_t at = 0; at < shaped.size();) {
        width +=
            packed_->chars[f][glyph_index(packed_->code_points[f], next_code_point(shaped, at))]
                .xadvance;
    }
    return width;
}

void FontAtlas::layout(Face face, std::string_view utf8, float x, float y,
                       const std::function<void(const GlyphQuad&)>& emit) const {
    // Arabic and Hebrew become presentation forms in visual order, drawn left to right.
    std::string storage;
    const std::string_view shaped = for_display(utf8, storage);
    const auto f = static_cast<std::size_t>(face);
    for (std::size_t at = 0; at < shaped.size();) {
        const std::size_t index = glyph_index(packed_->code_points[f], next_code_point(shaped, at));
        stbtt_aligned_quad q;
        stbtt_GetPackedQuad(packed_->chars[f].data(), size_, size_, static_cast<int>(index), &x, &y,
                            &q, 0);
        if (q.x1 > q.x0) {
            emit(GlyphQuad{q.x0, q.y0, q.x1, q.y1, q.s0, q.t0, q.s1, q.t1});
        }
    }
}

} // namespace eventmap::render
