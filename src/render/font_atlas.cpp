#include "render/font_atlas.hpp"

#include "common/error.hpp"
#include "render/render_error.hpp"

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
// city's name), Greek, Cyrillic, dashes/quotes, arrows.
constexpr Range ranges[] = {{0x20, 0x24F},    {0x370, 0x3FF},   {0x400, 0x4FF},
                            {0x1E00, 0x1EFF}, {0x2010, 0x2044}, {0x2190, 0x2193}};

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
    // Per face, per range: stb's packed glyph records.
    std::vector<std::vector<std::vector<stbtt_packedchar>>> chars;
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
    // Grow the texture until everything fits: 1024 at scale 1, larger for large scales.
    for (size_ = 1024; size_ <= 8192; size_ *= 2) {
        pixels_.assign(static_cast<std::size_t>(size_) * size_, 0);
        stbtt_pack_context context;
        if (stbtt_PackBegin(&context, pixels_.data(), size_, size_, 0, 1, nullptr) == 0) {
            continue;
        }
        stbtt_PackSetOversampling(&context, 1, 1);
        packed_->chars.assign(face_specs.size(), {});
        bool fits = true;
        for (std::size_t f = 0; f < face_specs.size() && fits; ++f) {
            const auto& spec = face_specs[f];
            std::vector<stbtt_pack_range> pack_ranges;
            packed_->chars[f].resize(std::size(ranges));
            for (std::size_t r = 0; r < std::size(ranges); ++r) {
                packed_->chars[f][r].resize(ranges[r].last - ranges[r].first + 1);
                stbtt_pack_range pr{};
                pr.font_size = std::round(spec.size * scale);
                pr.first_unicode_codepoint_in_range = static_cast<int>(ranges[r].first);
                pr.num_chars = static_cast<int>(packed_->chars[f][r].size());
                pr.chardata_for_range = packed_->chars[f][r].data();
                pack_ranges.push_back(pr);
            }
            const auto& data = spec.bold ? packed_->bold : packed_->regular;
            fits = stbtt_PackFontRanges(&context, data.data(), 0, pack_ranges.data(),
                                        static_cast<int>(pack_ranges.size())) != 0;
            stbtt_fontinfo info;
            stbtt_InitFont(&info, data.data(), stbtt_GetFontOffsetForIndex(data.data(), 0));
            int ascent = 0, descent = 0, gap = 0;
            stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
            packed_->ascent[f] = static_cast<float>(ascent) *
                                 stbtt_ScaleForPixelHeight(&info, pack_ranges[0].font_size);
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

const stbtt_packedchar* find_glyph(const std::vector<std::vector<stbtt_packedchar>>& face,
                                   char32_t cp, int& index, std::size_t& range) {
    for (range = 0; range < std::size(ranges); ++range) {
        if (cp >= ranges[range].first && cp <= ranges[range].last) {
            index = static_cast<int>(cp - ranges[range].first);
            return &face[range][static_cast<std::size_t>(index)];
        }
    }
    return nullptr;
}

} // namespace

float FontAtlas::measure(Face face, std::string_view utf8) const {
    float width = 0;
    const auto& chars = packed_->chars[static_cast<std::size_t>(face)];
    for (std::size_t at = 0; at < utf8.size();) {
        int index = 0;
        std::size_t range = 0;
        const char32_t cp = next_code_point(utf8, at);
        if (const auto* g = find_glyph(chars, cp, index, range)) {
            width += g->xadvance;
        } else if (const auto* q = find_glyph(chars, U'?', index, range)) {
            width += q->xadvance;
        }
    }
    return width;
}

void FontAtlas::layout(Face face, std::string_view utf8, float x, float y,
                       const std::function<void(const GlyphQuad&)>& emit) const {
    const auto& chars = packed_->chars[static_cast<std::size_t>(face)];
    for (std::size_t at = 0; at < utf8.size();) {
        char32_t cp = next_code_point(utf8, at);
        int index = 0;
        std::size_t range = 0;
        if (find_glyph(chars, cp, index, range) == nullptr) {
            cp = U'?';
            find_glyph(chars, cp, index, range);
        }
        stbtt_aligned_quad q;
        stbtt_GetPackedQuad(chars[range].data(), size_, size_, index, &x, &y, &q, 0);
        if (q.x1 > q.x0) {
            emit(GlyphQuad{q.x0, q.y0, q.x1, q.y1, q.s0, q.t0, q.s1, q.t1});
        }
    }
}

} // namespace eventmap::render
