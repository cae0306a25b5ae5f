// The gazetteer index loader on damaged files: truncated, bit-flipped, of another version, or
// crafted. Every open must either refuse with a DataError or give an index whose every lookup
// and trie walk stays inside the mapping.
//
// A bit flip almost always fails the checksum, which would stop the fuzzer at the first check.
// So inputs whose first byte is odd are "re-sealed" before the open: the header's size and
// checksums are recomputed for the mutated bytes, as a crafted file would have them, and the
// bounds checks behind the checksums (at open, on each lookup, and in verify()) get fuzzed.
//
//   EVENTMAP_FUZZ_WRITE_SEEDS=DIR index_loader_fuzz   writes seed files built from the fixture
//   gazetteer into DIR and exits (scripts/fuzz does this, so seeds follow the format).
#include "fuzz_support.hpp"
#include "gazetteer/index_format.hpp"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

using namespace eventmap;
using namespace eventmap::gazetteer;

namespace {

std::vector<std::uint8_t> fixture_index_bytes() {
    fuzz::fuzz_gazetteer(); // builds it when $EVENTMAP_GAZETTEER is unset
    std::ifstream in(fuzz::fuzz_gazetteer().path(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_seed(const std::string& dir, const std::string& name, std::uint8_t mode,
                const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(dir + "/" + name, std::ios::binary);
    out.put(static_cast<char>(mode));
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
}

void write_seeds(const std::string& dir) {
    const auto index = fixture_index_bytes();
    write_seed(dir, "intact", 0, index);
    write_seed(dir, "resealed", 1, index);
    write_seed(dir, "truncated-header", 0, {index.begin(), index.begin() + 100});
    write_seed(dir, "truncated-payload", 1, {index.begin(), index.begin() + index.size() / 2});
    auto version = index;
    version[8] ^= 0x7f; // format_version's low byte
    write_seed(dir, "wrong-version", 1, version);
}

// Recomputes what a writer would have: the file size, each in-bounds section's checksum and
// the header's checksum (index_format.hpp).
void reseal(std::vector<std::uint8_t>& bytes) {
    if (bytes.size() < sizeof(Header)) {
        return;
    }
    Header h;
    std::memcpy(&h, bytes.data(), sizeof(Header));
    h.file_size = bytes.size();
    for (std::uint32_t s = 0; s < Section::count; ++s) {
        if (h.offsets[s] <= bytes.size() && h.sizes[s] <= bytes.size() - h.offsets[s]) {
            h.section_checksums[s] = index_checksum(bytes.data() + h.offsets[s], h.sizes[s]);
        }
    }
    h.header_checksum = header_checksum(h);
    std::memcpy(bytes.data(), &h, sizeof(Header));
}

// Touches everything reachable from the API, as the geoparser and `gazetteer lookup` would.
void exercise(const Gazetteer& g) {
    g.stats();
    for (std::uint32_t i = 0; i < g.size(); ++i) {
        const PlaceView p = g.place(i);
        g.lookup(p.name);
        g.token_id(p.name);
    }
    for (const char* name : {"Damascus", "al-Ghouta", "Syria", "", "  ", "x"}) {
        g.lookup(name, LookupOptions{"SY", 3});
    }
    // Walk the trie breadth-first, a bounded number of nodes so a crafted cycle cannot hang.
    std::vector<std::uint32_t> queue{g.root()};
    for (std::size_t head = 0; head < queue.size() && queue.size() < 10000; ++head) {
        for (const Posting& posting : g.postings(queue[head])) {
            g.name_of(posting);
            g.place(posting.place);
        }
        for (std::uint32_t token = 0; token < 64; ++token) {
            if (auto child = g.child(queue[head], token)) {
                queue.push_back(*child);
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("EVENTMAP_FUZZ_WRITE_SEEDS")) {
        write_seeds(dir);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    std::vector<std::uint8_t> bytes(data + 1, data + size);
    if ((data[0] & 1) != 0) {
        reseal(bytes);
    }
    const std::string path = fuzz::write_scratch("index.emg", bytes.data(), bytes.size());
    fuzz::expect_clean([&] { exercise(Gazetteer::open(path)); });
    fuzz::expect_clean([&] { Gazetteer::open(path).verify(); });
    return 0;
}
