// An Arabic title rendered headless (EGL) is drawn as the shaped glyphs in visual order: the
// same pixels as its joined presentation forms typed out, not the '?' of missing glyphs and
// not the unjoined letters left to right.
#include "render/png_probe.hpp"
#include "render/render_job.hpp"
#include "support/test_support.hpp"

#include <catch2/catch.hpp>
#include <cstring>

using namespace eventmap;
using eventmap::test::fixture;
using eventmap::test::read_png;
using eventmap::test::scratch_dir;

namespace {

test::Png render_titled(const std::string& title, const std::string& name) {
    render::RenderJob job;
    job.source = fixture("mapdata/events.geojson");
    job.output = scratch_dir("rtl_render") + "/" + name + ".png";
    job.width = 320;
    job.height = 200;
    job.view.kind = render::ViewSpec::Kind::bbox;
    job.view.bbox = {30, 28, 42, 38};
    job.options.title = title;
    job.options.legend = false;
    job.settings.gazetteer_index = "-";
    render::run_render_job(job);
    return read_png(job.output);
}

bool same_pixels(const test::Png& a, const test::Png& b) {
    return a.width == b.width && a.height == b.height &&
           std::memcmp(a.data.get(), b.data.get(),
                       static_cast<std::size_t>(a.width) * a.height * 3) == 0;
}

} // namespace

TEST_CASE("an Arabic title renders shaped and right to left, not as '?'", "[render][text]") {
    // "in" + hah lam beh (logical order), and the joined forms it must be drawn with typed
    // out: initial hah, medial lam, final beh (in logical order too: presentation forms are
    // right-to-left letters, reordered like any other).
    const auto arabic = render_titled("in \xD8\xAD\xD9\x84\xD8\xA8", "arabic");
    const auto expected = render_titled("in \xEF\xBA\xA3\xEF\xBB\xA0\xEF\xBA\x90", "expected");
    const auto unknown = render_titled("in ???", "unknown");
    // Unjoined letters in logical order left to right (isolated hah, lam, beh on the page).
    const auto unshaped = render_titled("in \xEF\xBA\x8F\xEF\xBB\x9D\xEF\xBA\xA1", "unjoined");
    CHECK(same_pixels(arabic, expected));
    CHECK_FALSE(same_pixels(arabic, unknown));
    CHECK_FALSE(same_pixels(arabic, unshaped));
}
