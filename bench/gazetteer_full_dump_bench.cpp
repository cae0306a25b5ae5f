// The full GeoNames dump at its real size (issue 13): 12 million places in allCountries.txt
// and 15 million rows of alternateNamesV2.txt. The bench writes a synthetic dump of that shape
// under a scratch folder, builds the index from it in a child process (so the peak resident
// memory, VmHWM, is the build's alone), opens the result cold and warm, and deletes everything
// it wrote. Nothing it generates is kept or committed.
//
//   gazetteer_full_dump_bench [--places N] [--alternate-names M] [--dir DIR] [--keep]
//       defaults: 12,000,000 places, 15,000,000 alternate names, DIR /tmp (a folder is made
//       inside it). Iterate with --places 1000000 --alternate-names 1250000.
#include "bench_support.hpp"
#include "gazetteer/build.hpp"
#include "gazetteer/gazetteer.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace eventmap;
using namespace eventmap::gazetteer;
using bench::Clock;
using bench::seconds_since;

namespace {

constexpr const char* syllables[] = {"ka",  "ro", "mi",  "sel", "dan", "vo",  "tur", "li",
                                     "ash", "be", "qa",  "zor", "el",  "pri", "mun", "sta",
                                     "gor", "ne", "wil", "ha",  "ost", "ri",  "bu",  "lan"};
constexpr std::size_t syllable_count = sizeof(syllables) / sizeof(syllables[0]);
constexpr const char* countries[] = {"SY", "IQ", "US", "DE", "FR", "RU", "CN", "IN", "BR", "NG",
                                     "EG", "TR", "IR", "UA", "PK", "MX", "ID", "JP", "GB", "IT"};
constexpr const char* codes[] = {"PPL", "PPL", "PPL", "PPLA", "PPLX", "STM",
                                 "HLL", "SCH", "FRM", "MT",   "LK",   "ADM3"};
constexpr char classes[] = {'P', 'P', 'P', 'P', 'P', 'H', 'T', 'S', 'S', 'T', 'H', 'A'};

// A pronounceable name of 1-3 words; a share carries diacritics or another script, as the
// dump's names do.
std::string make_name(std::mt19937_64& rng) {
    std::string name;
    const int words = 1 + static_cast<int>(rng() % 7 == 0) + static_cast<int>(rng() % 15 == 0);
    for (int w = 0; w < words; ++w) {
        if (w > 0) {
            name += ' ';
        }
        const std::size_t start = name.size();
        for (int s = 0, n = 2 + static_cast<int>(rng() % 3); s < n; ++s) {
            name += syllables[rng() % syllable_count];
        }
        name[start] = static_cast<char>(name[start] - 'a' + 'A');
    }
    switch (rng() % 10) {
    case 0:
        name += " \xC5\x9E\xC4\xB1r"; // " Şır": Latin with marks
        break;
    case 1:
        name = "\xD0\x9C\xD0\xB8\xD1\x80"; // Cyrillic: filtered out by the builder
        break;
    default:
        break;
    }
    return name;
}

void write_places(const std::string& path, std::size_t places, std::mt19937_64& rng) {
    std::ofstream out(path, std::ios::binary);
    std::string line;
    for (std::size_t i = 1; i <= places; ++i) {
        const std::size_t kind = rng() % (sizeof(classes));
        const std::string name = make_name(rng);
        std::string alternates;
        for (int a = 0, n = static_cast<int>(rng() % 4); a < n; ++a) {
            alternates += (a > 0 ? "," : "") + make_name(rng);
        }
        const std::size_t cc = rng() % (sizeof(countries) / sizeof(countries[0]));
        const double lat = -60.0 + static_cast<double>(rng() % 1200000) / 10000.0;
        const double lon = -180.0 + static_cast<double>(rng() % 3600000) / 10000.0;
        // Most places have no population; a few large ones.
        const std::uint64_t population =
            rng() % 4 == 0 ? (rng() % 1000) * (rng() % 1000) / (1 + rng() % 50) : 0;
        line = std::to_string(i) + '\t' + name + '\t' + name + '\t' + alternates + '\t' +
               std::to_string(lat) + '\t' + std::to_string(lon) + '\t' + classes[kind] + '\t' +
               codes[kind] + '\t' + countries[cc] + "\t\t" + std::to_string(1 + rng() % 20) + '\t' +
               std::to_string(100 + rng() % 60) + "\t\t\t" + std::to_string(population) + "\t\t" +
               std::to_string(rng() % 3000) + "\tAsia/Damascus\t2020-01-01\n";
        out << line;
    }
    if (!out.flush()) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        std::exit(1);
    }
}

void write_alternate_names(const std::string& path, std::size_t rows, std::size_t places,
                           std::mt19937_64& rng) {
    static const char* const langs[] = {"en", "de", "fr",   "ru",   "ar",  "",
                                        "",   "es", "link", "post", "abbr"};
    std::ofstream out(path, std::ios::binary);
    for (std::size_t i = 1; i <= rows; ++i) {
        const char* lang = langs[rng() % (sizeof(langs) / sizeof(langs[0]))];
        const std::size_t place = 1 + rng() % places;
        std::string name = std::strcmp(lang, "link") == 0
                               ? "https://en.wikipedia.org/wiki/Place_" + std::to_string(place)
                           : std::strcmp(lang, "post") == 0 ? std::to_string(10000 + rng() % 90000)
                                                            : make_name(rng);
        out << i << '\t' << place << '\t' << lang << '\t' << name << "\t\t\t\t\t\t\n";
    }
    if (!out.flush()) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        std::exit(1);
    }
}

void write_division_codes(const std::string& admin1, const std::string& admin2) {
    std::ofstream a1(admin1, std::ios::binary);
    std::ofstream a2(admin2, std::ios::binary);
    std::uint64_t id = 4'000'000'000ULL; // above any synthetic place id
    for (const char* cc : countries) {
        for (int r = 1; r <= 20; ++r) {
            const std::string code = std::string(cc) + "." + std::to_string(r);
            a1 << code << "\tRegion " << cc << r << "\tRegion " << cc << r << '\t' << ++id << '\n';
            for (int d = 100; d < 160; ++d) {
                a2 << code << '.' << d << "\tDistrict " << cc << r << '-' << d << "\tDistrict "
                   << cc << r << '-' << d << '\t' << ++id << '\n';
            }
        }
    }
}

void drop_cache(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

// Builds in a child process and returns its exit status; `peak_mib` gets its VmHWM.
int build_in_child(const BuildOptions& options, double& peak_mib, double& cpu_s) {
    std::fflush(stdout);
    const pid_t pid = ::fork();
    if (pid == 0) {
        try {
            const BuildReport report = build_index(options);
            std::printf("  %u places, %u names, %u postings, %u tokens, %.1f MiB index; "
                        "%zu malformed rows\n",
                        report.written.places, report.written.names, report.written.postings,
                        report.written.tokens, report.written.file_size / 1048576.0,
                        report.diagnostics.count());
            std::fflush(stdout);
            ::_exit(report.index_written ? 0 : 1);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "build failed: %s\n", e.what());
            ::_exit(2);
        }
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    peak_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
    cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

} // namespace

int main(int argc, char** argv) {
    std::size_t places = 12'000'000;
    std::size_t alternate_names = 15'000'000;
    std::string parent = "/tmp";
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--places" && i + 1 < argc) {
            places = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--alternate-names" && i + 1 < argc) {
            alternate_names = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--dir" && i + 1 < argc) {
            parent = argv[++i];
        } else if (arg == "--keep") {
            keep = true;
        } else {
            std::fprintf(stderr,
                         "usage: %s [--places N] [--alternate-names M] [--dir DIR] "
                         "[--keep]\n",
                         argv[0]);
            return 2;
        }
    }
    if (places == 0) {
        std::fprintf(stderr, "--places must be at least 1\n");
        return 2;
    }
    const std::string dir = parent + "/eventmap-full-dump-" + std::to_string(::getpid());
    std::filesystem::create_directories(dir);

    auto t0 = Clock::now();
    std::mt19937_64 rng(13);
    BuildOptions options;
    options.sources = default_sources();
    options.sources.geonames = {dir + "/allCountries.txt"};
    options.sources.alternate_names = {dir + "/alternateNamesV2.txt"};
    options.sources.admin1 = dir + "/admin1CodesASCII.txt";
    options.sources.admin2 = dir + "/admin2Codes.txt";
    // The project's own rows name real GeoNames ids, which the synthetic ids would collide with.
    options.sources.states.clear();
    options.sources.supplement.clear();
    options.sources.aliases.clear();
    options.sources.user.clear();
    options.index_path = dir + "/full.emg";
    write_places(options.sources.geonames[0], places, rng);
    write_alternate_names(options.sources.alternate_names[0], alternate_names, places, rng);
    write_division_codes(options.sources.admin1, options.sources.admin2);
    std::printf(
        "synthetic dump: %zu places, %zu alternate names, %.1f MiB, written in %.0f s\n", places,
        alternate_names,
        static_cast<double>(std::filesystem::file_size(options.sources.geonames[0]) +
                            std::filesystem::file_size(options.sources.alternate_names[0])) /
            1048576.0,
        seconds_since(t0));

    double peak = 0;
    double cpu = 0;
    t0 = Clock::now();
    const int rc = build_in_child(options, peak, cpu);
    const double build_s = seconds_since(t0);
    std::printf("build:  %.1f s wall, %.1f s CPU, peak RSS %.0f MiB (exit %d)\n", build_s, cpu,
                peak, rc);
    if (rc == 0) {
        drop_cache(options.index_path);
        t0 = Clock::now();
        std::optional<Gazetteer> g(Gazetteer::open(options.index_path));
        const double cold_ms = seconds_since(t0) * 1000.0;
        const auto hits = g->lookup(g->place(g->size() / 2).name).size();
        g.reset();
        std::vector<double> warm;
        for (int i = 0; i < 20; ++i) {
            t0 = Clock::now();
            const Gazetteer again = Gazetteer::open(options.index_path);
            warm.push_back(seconds_since(t0) * 1000.0);
        }
        std::sort(warm.begin(), warm.end());
        std::printf("open:   %.3f ms cold, %.3f ms warm median (max %.3f); a lookup found %zu\n",
                    cold_ms, warm[warm.size() / 2], warm.back(), hits);
    }
    if (!keep) {
        std::filesystem::remove_all(dir);
    } else {
        std::printf("kept %s\n", dir.c_str());
    }
    return rc;
}
