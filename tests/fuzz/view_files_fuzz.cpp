// The viewer's own files, which users write by hand and share: `--state FILE` (JSON) and
// `--script FILE` (one action a line). The first byte chooses which reader gets the rest, so
// one corpus holds both. A state that parses must survive its own round trip: written back
// and read again it gives the same JSON (a file the viewer saves must open next time).
#include "fuzz_support.hpp"
#include "view/script.hpp"
#include "view/view_state.hpp"

#include <cstdio>
#include <cstdlib>

using namespace eventmap;

namespace {

void state(const std::string& text) {
    const view::ViewState parsed = view::parse_view_state(text, "state.json");
    const std::string saved = view::view_state_to_json(parsed);
    const std::string again = view::view_state_to_json(view::parse_view_state(saved, "saved"));
    if (saved != again) {
        std::fprintf(stderr, "fuzz finding: a saved view state reads back differently\n%s\n%s\n",
                     saved.c_str(), again.c_str());
        std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    fuzz::expect_clean([&] {
        if (data[0] % 2 == 0) {
            state(text);
        } else {
            view::parse_script(text, "script.txt");
        }
    });
    return 0;
}
