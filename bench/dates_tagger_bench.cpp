// Throughput of the date tagger on synthetic news-like text (one core). Articles of about
// 4 KB are generated from sentence templates mixing ordinary prose, numbers that are not dates
// and every family of temporal expression, then tagged with and without a given date.
#include "common/article.hpp"
#include "dates/date_tagger.hpp"

#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

namespace {

const char* const kProse[] = {
    "The foreign ministers met in Geneva to discuss the proposal",
    "Officials said the talks had made progress on a broader effort",
    "More than 1,400 people were killed and 2,300 homes were damaged",
    "The council urged both sides to accept a verifiable agreement",
    "Warplanes and artillery were bombing the suburbs of the capital",
    "Shares of the company fell 3.5 percent to $24.10 in heavy trading",
    "The envoy, who also represents the regional league, spoke to reporters",
    "Analysts expect the central bank to hold interest rates steady",
    "Residents said clashes continued in the northern neighbourhoods",
    "The proposal would remove the weapons and avert military action"};

const char* const kTemporal[] = {"on Friday",
                                 "on August 21, 2013",
                                 "last month",
                                 "in roughly two weeks, near October 2",
                                 "a week before the third anniversary of the harbour fire",
                                 "last year",
                                 "since 2011",
                                 "two days later",
                                 "in 30 days",
                                 "yesterday",
                                 "next week",
                                 "every Friday",
                                 "at 14:30 GMT",
                                 "in the third quarter of 2012",
                                 "for two and a half years",
                                 "earlier this year",
                                 "on 21/08/2013",
                                 "three years ago",
                                 "in the 1990s",
                                 "this morning"};

std::string make_article(std::mt19937& rng, std::size_t target_bytes) {
    std::uniform_int_distribution<std::size_t> prose(0, std::size(kProse) - 1);
    std::uniform_int_distribution<std::size_t> temporal(0, std::size(kTemporal) - 1);
    std::uniform_int_distribution<int> coin(0, 2);
    std::string text = "Ministers to resume talks\n\n";
    while (text.size() < target_bytes) {
        text += kProse[prose(rng)];
        if (coin(rng) == 0) {
            text += " ";
            text += kTemporal[temporal(rng)];
        }
        text += ", ";
        text += kProse[prose(rng)];
        text += coin(rng) == 0 ? ".\n\n" : ". ";
    }
    return text;
}

// CPU seconds of this process: the machine is shared, so wall time would measure neighbours.
double run(const std::vector<eventmap::Article>& articles, const std::string& published,
           std::size_t& expressions) {
    eventmap::dates::DateOptions options;
    options.published = published;
    expressions = 0;
    const std::clock_t start = std::clock();
    for (const auto& a : articles) {
        expressions += eventmap::dates::tag_dates(a, options).expressions.size();
    }
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

} // namespace

int main() {
    std::mt19937 rng(13092013);
    std::vector<eventmap::Article> articles;
    std::size_t bytes = 0;
    while (bytes < 32u * 1024 * 1024) {
        eventmap::Article a;
        a.id = std::to_string(articles.size());
        a.text = make_article(rng, 4096);
        bytes += a.text.size();
        articles.push_back(std::move(a));
    }
    eventmap::dates::tag_dates(articles[0], {}); // load the lexicon outside the timing
    const double mb = static_cast<double>(bytes) / 1e6;
    std::size_t given_count = 0;
    std::size_t inferred_count = 0;
    const double given = run(articles, "2013-09-13", given_count);
    const double inferred = run(articles, "", inferred_count);
    std::printf("dates_tagger_bench: %zu articles, %.1f MB of text, one core\n", articles.size(),
                mb);
    std::printf("  publication date given:    %.2f CPU s, %.1f MB/s, %zu expressions\n", given,
                mb / given, given_count);
    std::printf("  publication date inferred: %.2f CPU s, %.1f MB/s, %zu expressions\n", inferred,
                mb / inferred, inferred_count);
    return 0;
}
