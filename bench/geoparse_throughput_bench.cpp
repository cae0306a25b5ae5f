// Geoparser throughput: synthetic 3-5 KB news-like articles through Geoparser::parse on one
// thread and on N threads, the naive population resolver beside it, and, given a GeoVirus-style
// corpus, both resolvers' accuracy from the same run. Prints figures; asserts nothing.
//
//   geoparse_throughput_bench [--articles N] [--threads N] [--index PATH] [--geovirus PATH]
#include "cli/gazetteer_index.hpp"
#include "eval/geoparse_corpus.hpp"
#include "eval/geoparse_scorer.hpp"
#include "gazetteer/build.hpp"
#include "geoparse/geoparser.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <random>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace eventmap;

namespace {

// ---- Synthetic articles ---------------------------------------------------------------------
// Sentences in the register of wire copy, with slots for places, people and organisations, so
// the matcher, every filter and the resolver all do their usual work.
const char* const templates[] = {
    "{P} - Officials in {C} said on {D} that aid convoys had reached {C} and {C}.",
    "Residents of {C} told reporters that shelling continued overnight near {C}.",
    "{N} {S}, the {X} envoy, met counterparts from {K} and {K} in {C} on {D}.",
    "The {O} said it was monitoring the outbreak in {C}, {K}, where {0} cases were reported.",
    "{S} said the government in {C} would respond once talks in {C} ended.",
    "Health workers from {K} flew to {C} after the ministry in {C} asked for help.",
    "Prices of wheat rose in {K} and {K} as exports through {C} slowed.",
    "A {X} official, declining to give a name, said {C} was left out of the talks.",
    "In {C}, hundreds marched to the parliament; police in {C} used tear gas.",
    "Floods cut the road between {C} and {C}, stranding trucks bound for {K}.",
    "Reading the statement aloud, {N} {S} said May would bring new elections.",
    "He added that the {O} had sent observers to {C} and to the border with {K}.",
};
// Most sentences of a news story name no place at all.
const char* const fillers[] = {
    "The spokesman declined to give further details, saying an inquiry was under way.",
    "Analysts said the decision could take months to implement and would face legal challenges.",
    "\"We are doing everything we can to help the families,\" she told a news conference.",
    "The figures could not be independently verified, and officials cautioned they may rise.",
    "Shares in the company fell 4 percent in early trading before recovering most losses.",
    "Critics argue the plan does too little, too late, and leaves key questions unanswered.",
    "The report, published on its website, runs to more than 300 pages.",
    "It was not immediately clear how many people had been affected by the measures.",
    "Doctors said the patients were in stable condition and expected to recover fully.",
    "The committee will meet again next week to review the evidence and hear witnesses.",
};
const char* const cities[] = {
    "Damascus", "Beirut",     "Geneva",   "Nairobi", "Mombasa",  "Aleppo",  "Homs",   "Cairo",
    "Paris",    "Lyon",       "Moscow",   "Tehran",  "Kabul",    "Lagos",   "Kano",   "Manila",
    "Jakarta",  "Houston",    "Dallas",   "Sydney",  "Brisbane", "Toronto", "Ottawa", "Lima",
    "Quito",    "Bogota",     "Karachi",  "Lahore",  "Dhaka",    "Yangon",  "Hanoi",  "Springfield",
    "Portland", "Georgetown", "Victoria", "Barzeh"};
const char* const countries[] = {
    "Syria",    "Lebanon",   "Kenya",   "Egypt",     "France",
    "Russia",   "Iran",      "Nigeria", "Brazil",    "Peru",
    "Pakistan", "Indonesia", "Canada",  "Australia", "the United States",
    "China",    "Turkey"};
const char* const given[] = {"John",   "Maria",  "Sergei", "Ahmed", "Li",
                             "Fatima", "Pierre", "Ana",    "David", "Olga"};
const char* const surnames[] = {"Kerry",  "Lavrov", "Smith", "Haddad", "Wang",
                                "Okafor", "Dubois", "Silva", "Cohen",  "Petrova"};
const char* const orgs[] = {"World Health Organization",
                            "Arab League",
                            "United Nations",
                            "Red Cross",
                            "New York Times",
                            "European Union"};
const char* const demonyms[] = {"Syrian", "Russian", "Kenyan", "French", "Iranian", "Egyptian"};
const char* const days[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

template <std::size_t N> const char* pick(const char* const (&list)[N], std::mt19937& rng) {
    return list[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

std::string make_article(std::mt19937& rng) {
    const std::size_t target = std::uniform_int_distribution<std::size_t>(3000, 5000)(rng);
    std::string text;
    bool first = true;
    while (text.size() < target) {
        std::string s = rng() % 3 == 0 ? pick(templates, rng) : pick(fillers, rng);
        if (!first && s.rfind("{P}", 0) == 0) {
            continue; // one dateline per article
        }
        std::string out;
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (s[i] != '{' || i + 2 >= s.size()) {
                out += s[i];
                continue;
            }
            const char slot = s[i + 1];
            i += 2;
            switch (slot) {
            case 'P':
                out += "GENEVA";
                break;
            case 'C':
                out += pick(cities, rng);
                break;
            case 'K':
                out += pick(countries, rng);
                break;
            case 'N':
                out += pick(given, rng);
                break;
            case 'S':
                out += pick(surnames, rng);
                break;
            case 'O':
                out += pick(orgs, rng);
                break;
            case 'X':
                out += pick(demonyms, rng);
                break;
            case 'D':
                out += pick(days, rng);
                break;
            default:
                out += std::to_string(std::uniform_int_distribution<int>(2, 900)(rng));
            }
        }
        text += out;
        text += rng() % 4 == 0 ? "\n\n" : " ";
        first = false;
    }
    return text;
}

// ---- Timing ---------------------------------------------------------------------------------

struct Timing {
    double seconds = 0;     // wall clock
    double cpu_seconds = 0; // process CPU time: on a shared machine, what the work itself cost
    std::size_t mentions = 0;
};

double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

Timing time_parse(const geoparse::Geoparser& parser, const std::vector<Article>& articles,
                  unsigned threads) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> mentions{0};
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = process_cpu_seconds();
    auto work = [&] {
        std::size_t found = 0;
        for (std::size_t i = next++; i < articles.size(); i = next++) {
            found += parser.parse(articles[i]).size();
        }
        mentions += found;
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) {
        t.join();
    }
    Timing out;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.cpu_seconds = process_cpu_seconds() - cpu_start;
    out.mentions = mentions;
    return out;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void print_accuracy(const char* label, const eval::GeoparseScore& s, std::size_t articles) {
    std::printf("  %-22s P %.3f  R %.3f  acc@161 matched %.3f  end-to-end %.3f  "
                "mean %.0f km  median %.0f km  AUC %.3f  %.0f articles/s\n",
                label, s.precision(), s.recall(), s.accuracy_matched(), s.accuracy_end_to_end(),
                s.mean_error_km, s.median_error_km, s.auc,
                s.seconds > 0 ? static_cast<double>(articles) / s.seconds : 0.0);
}

} // namespace

int main(int argc, char** argv) {
    std::size_t count = 5000;
    unsigned threads = std::max(2U, std::thread::hardware_concurrency());
    std::string index;
    std::string geovirus;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--articles") {
            count = std::strtoul(argv[i + 1], nullptr, 10);
        } else if (flag == "--threads") {
            threads = static_cast<unsigned>(std::strtoul(argv[i + 1], nullptr, 10));
        } else if (flag == "--index") {
            index = argv[i + 1];
        } else if (flag == "--geovirus") {
            geovirus = argv[i + 1];
        } else {
            std::cerr << "unknown option " << flag << '\n';
            return 2;
        }
    }
    try {
        const gazetteer::Gazetteer g = index.empty()
                                           ? cli::open_or_build(gazetteer::default_index_path(),
                                                                gazetteer::default_sources(), true)
                                           : gazetteer::Gazetteer::open(index);
        const geoparse::Geoparser parser(g);
        geoparse::GeoparseOptions naive_options;
        naive_options.resolver = geoparse::ResolverKind::population;
        const geoparse::Geoparser naive(g, naive_options);

        std::mt19937 rng(20130913);
        std::vector<Article> articles(count);
        std::size_t bytes = 0;
        for (std::size_t i = 0; i < count; ++i) {
            articles[i].id = "synthetic-" + std::to_string(i);
            articles[i].text = make_article(rng);
            bytes += articles[i].text.size();
        }
        std::printf("geoparse throughput: %zu synthetic articles, mean %.1f KB, index %s\n", count,
                    static_cast<double>(bytes) / static_cast<double>(count) / 1024.0,
                    g.path().c_str());
        time_parse(parser,
                   std::vector<Article>(articles.begin(),
                                        articles.begin() + std::min<std::size_t>(200, count)),
                   1); // warm the mapped index
        const Timing one = time_parse(parser, articles, 1);
        std::printf("  context resolver, 1 thread:   %8.0f articles/s  %6.1f MB/s  "
                    "%8.0f articles per CPU-second  (%.1f mentions per article)\n",
                    static_cast<double>(count) / one.seconds,
                    static_cast<double>(bytes) / one.seconds / 1e6,
                    static_cast<double>(count) / one.cpu_seconds,
                    static_cast<double>(one.mentions) / static_cast<double>(count));
        for (unsigned t = 2; t <= threads; t *= 2) {
            const Timing many = time_parse(parser, articles, t);
            std::printf("  context resolver, %u threads:  %8.0f articles/s  (x%.2f wall; "
                        "%.0f articles per CPU-second)\n",
                        t, static_cast<double>(count) / many.seconds, one.seconds / many.seconds,
                        static_cast<double>(count) / many.cpu_seconds);
        }
        const Timing base = time_parse(naive, articles, 1);
        std::printf("  population resolver, 1 thread:%8.0f articles/s  %8.0f articles per "
                    "CPU-second\n",
                    static_cast<double>(count) / base.seconds,
                    static_cast<double>(count) / base.cpu_seconds);
        std::printf("  peak resident memory: %.0f MB (index mapped: %.0f MB)\n", peak_rss_mb(),
                    static_cast<double>(g.stats().file_size) / 1048576.0);

        if (!geovirus.empty()) {
            const auto corpus = eval::read_geo_corpus(geovirus, eval::GeoCorpusFormat::geovirus);
            std::printf("\n%s: %zu articles, %zu gold toponyms\n", geovirus.c_str(),
                        corpus.articles.size(), corpus.toponyms);
            print_accuracy("context resolver", eval::score_geoparser(parser, corpus),
                           corpus.articles.size());
            print_accuracy("population resolver", eval::score_geoparser(naive, corpus),
                           corpus.articles.size());
        }
    } catch (const std::exception& e) {
        std::cerr << "geoparse_throughput_bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
