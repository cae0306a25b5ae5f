// What every fuzz target shares: a scratch file for readers that take a path, the fixture
// gazetteer the text pipeline runs against, and the one rule of the harness: an
// eventmap::Error is the expected answer to bad input, anything else escaping is a finding.
#pragma once

#include "gazetteer/gazetteer.hpp"
#include "gazetteer/index_builder.hpp"
#include "gazetteer/sources.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace eventmap::fuzz {

// Writes the bytes to this process's scratch file `name` (under $TMPDIR, else /tmp) and
// returns its path. The same path is reused on every call so a run leaves one file behind.
std::string write_scratch(const std::string& name, const std::uint8_t* data, std::size_t size);

// A directory of this process for scratch files.
const std::string& scratch_dir();

// Path of a file under tests/fixtures.
std::string fixture(const std::string& relative);

// The gazetteer the text targets use: $EVENTMAP_GAZETTEER when set (the real index, as CI has
// it after the build), else one built once from tests/fixtures/gazetteer into scratch_dir().
const gazetteer::Gazetteer& fuzz_gazetteer();

// Places the reference-resolving readers (alternate names, aliases, divisions) join against:
// the fixture GeoNames table and countries, read once. Targets copy it per input.
struct SourceBase {
    gazetteer::IndexBuilder builder;
    gazetteer::SourceIndex index;
};
const SourceBase& fixture_sources();

// True for one input in `one_in`, always the same inputs: the costly steps below run on a
// deterministic sample so a target still makes its 100,000 executions quickly.
bool sampled(const std::uint8_t* data, std::size_t size, unsigned one_in);

// Writes what a reader collected as an index, opens it and looks up every place's name, so
// hostile names also go through ranking, the trie builder and the loader. Errors are allowed
// (eventmap::Error); nothing else is.
void build_and_query(gazetteer::IndexBuilder& builder);

// Runs `body`; returns normally when it finishes or throws an eventmap::Error, aborts (a
// finding libFuzzer records) on any other exception, printing what escaped.
template <typename F> void expect_clean(F&& body);

// What the gazetteer source targets share: under expect_clean, `read(base, diag)` reads the
// scratch file into a copy of `start` (empty, or fixture_sources() for the readers that join
// against places), then for one input in eight build_and_query runs on what was read.
template <typename Read>
void read_source_and_query(const std::uint8_t* data, std::size_t size, const SourceBase& start,
                           Read&& read);

[[noreturn]] void escaped(const char* what);

// Aborts (a finding libFuzzer records), naming the invariant, when `ok` is false: what a target
// checks of a result that returned normally.
void require_invariant(bool ok, const char* what);

} // namespace eventmap::fuzz

#include "common/error.hpp"

#include <exception>

template <typename F> void eventmap::fuzz::expect_clean(F&& body) {
    try {
        body();
    } catch (const eventmap::Error&) {
        // the documented answer to bad input
    } catch (const std::exception& e) {
        escaped(e.what());
    } catch (...) {
        escaped("a non-standard exception");
    }
}

template <typename Read>
void eventmap::fuzz::read_source_and_query(const std::uint8_t* data, std::size_t size,
                                           const SourceBase& start, Read&& read) {
    expect_clean([&] {
        SourceBase base = start;
        gazetteer::Diagnostics diag;
        read(base, diag);
        if (sampled(data, size, 8)) {
            build_and_query(base.builder);
        }
    });
}
