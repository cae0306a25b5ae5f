// The font atlas draws the letters of place names GeoNames transliterates, not a '?'.
#include "render/font_atlas.hpp"

#include <catch2/catch.hpp>
#include <vector>

using namespace eventmap::render;

namespace {

std::vector<GlyphQuad> quads(const FontAtlas& font, const char* utf8) {
    std::vector<GlyphQuad> out;
    font.layout(Face::body, utf8, 0, 0, [&](const GlyphQuad& q) { out.push_back(q); });
    return out;
}

bool same_glyph(const GlyphQuad& a, const GlyphQuad& b) {
    return a.u0 == b.u0 && a.v0 == b.v0 && a.u1 == b.u1 && a.v1 == b.v1;
}

} // namespace

TEST_CASE("letters with marks below are in the atlas, not drawn as '?'", "[render][font]") {
    const FontAtlas font(1.0F);
    const auto question = quads(font, "?");
    REQUIRE(question.size() == 1);
    // H with cedilla, d with dot below, t with cedilla, s with dot below (U+1E28, U+1E0D,
    // U+0163, U+1E63), and a Greek and a Cyrillic letter.
    for (const char* letter :
         {"\xE1\xB8\xA8", "\xE1\xB8\x8D", "\xC5\xA3", "\xE1\xB9\xA3", "\xCE\xA9", "\xD0\x96"}) {
        INFO(letter);
        const auto q = quads(font, letter);
        REQUIRE(q.size() == 1);
        CHECK_FALSE(same_glyph(q[0], question[0]));
    }
    // A letter outside every range (an Arabic one) still falls back to '?'.
    const auto arabic = quads(font, "\xD8\xA8");
    REQUIRE(arabic.size() == 1);
    CHECK(same_glyph(arabic[0], question[0]));
}
