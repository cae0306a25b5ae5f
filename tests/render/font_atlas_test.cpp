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
    // A letter outside every range (Devanagari ka: Indic scripts need full OpenType
    // shaping) still falls back to '?'.
    const auto indic = quads(font, "\xE0\xA4\x95");
    REQUIRE(indic.size() == 1);
    CHECK(same_glyph(indic[0], question[0]));
}

TEST_CASE("an Arabic name is drawn as its joined forms, right to left, not as '?'",
          "[render][font][text]") {
    for (const float scale : {1.0F, 2.0F}) {
        const FontAtlas font(scale);
        const auto question = quads(font, "?");
        // hah lam beh, logical order; drawn leftmost first: final beh U+FE90, medial lam
        // U+FEE0, initial hah U+FEA3.
        const char* name = "\xD8\xAD\xD9\x84\xD8\xA8";
        const auto drawn = quads(font, name);
        const char* expected[] = {"\xEF\xBA\x90", "\xEF\xBB\xA0", "\xEF\xBA\xA3"};
        REQUIRE(drawn.size() == 3);
        float advances = 0;
        for (std::size_t i = 0; i < 3; ++i) {
            const auto form = quads(font, expected[i]);
            REQUIRE(form.size() == 1);
            CHECK(same_glyph(drawn[i], form[0]));
            CHECK_FALSE(same_glyph(drawn[i], question[0]));
            advances += font.measure(Face::body, expected[i]);
        }
        // Left to right on the page, and as wide as the shaped glyphs' advances.
        CHECK(drawn[0].x0 < drawn[1].x0);
        CHECK(drawn[1].x0 < drawn[2].x0);
        CHECK(font.measure(Face::body, name) == Approx(advances));
        CHECK(font.measure(Face::body, name) != Approx(font.measure(Face::body, "???")));
        // Hebrew and the bold face (capital labels) have their letters too.
        const auto alef = quads(font, "\xD7\x90");
        REQUIRE(alef.size() == 1);
        CHECK_FALSE(same_glyph(alef[0], question[0]));
        std::vector<GlyphQuad> bold, bold_question;
        font.layout(Face::body_bold, name, 0, 0, [&](const GlyphQuad& q) { bold.push_back(q); });
        font.layout(Face::body_bold, "?", 0, 0,
                    [&](const GlyphQuad& q) { bold_question.push_back(q); });
        REQUIRE(bold.size() == 3);
        REQUIRE(bold_question.size() == 1);
        for (const auto& q : bold) {
            CHECK_FALSE(same_glyph(q, bold_question[0]));
        }
    }
}

TEST_CASE("Hebrew and Arabic keep the atlas at its size", "[render][font][text]") {
    // Only the code points DejaVu has are packed: with Hebrew, Arabic and the presentation
    // forms the five faces still fit 1024 px at scale 1 and 2048 px at scale 2, as before.
    CHECK(FontAtlas(1.0F).width() == 1024);
    CHECK(FontAtlas(2.0F).width() == 2048);
}
