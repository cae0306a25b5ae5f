#include "geoparse/stream.hpp"

#include "geoparse/mention_json.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace eventmap::geoparse {

namespace {

struct Slot {
    Article article;
    std::string output;
    std::size_t mentions = 0;
};

// Parses slots[0..count) on `threads` threads; each worker takes the next unparsed slot, so
// a long article holds up one thread, not the batch.
void parse_batch(const Geoparser& parser, std::vector<Slot>& slots, std::size_t count,
                 unsigned threads) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    auto work = [&] {
        try {
            for (std::size_t i = next++; i < count; i = next++) {
                Slot& s = slots[i];
                s.output.clear();
                const std::vector<Mention> mentions = parser.parse(s.article);
                s.mentions = mentions.size();
                for (const Mention& m : mentions) {
                    s.output += to_json_line(s.article.id, m);
                    s.output += '\n';
                }
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failure_mutex);
            failure = std::current_exception();
        }
    };
    const unsigned helpers = std::min<std::size_t>(threads, count) > 1
                                 ? static_cast<unsigned>(std::min<std::size_t>(threads, count)) - 1
                                 : 0;
    std::vector<std::thread> pool;
    pool.reserve(helpers);
    for (unsigned t = 0; t < helpers; ++t) {
        pool.emplace_back(work);
    }
    work();
    for (auto& t : pool) {
        t.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

} // namespace

StreamStats geoparse_stream(const Geoparser& parser, ArticleReader& reader, std::ostream& out,
                            const StreamOptions& options) {
    const unsigned threads = std::max(1U, options.threads);
    const std::size_t capacity = std::max<std::size_t>(1, options.batch_articles * threads);
    std::vector<Slot> slots(capacity);
    StreamStats stats;
    bool more = true;
    while (more) {
        std::size_t count = 0;
        std::size_t bytes = 0;
        std::exception_ptr read_error;
        try {
            while (count < capacity && bytes < options.batch_bytes) {
                if (!reader.next(slots[count].article)) {
                    more = false;
                    break;
                }
                bytes += slots[count].article.text.size();
                ++count;
            }
        } catch (...) {
            // Finish and write what came before the bad input, then report it.
            read_error = std::current_exception();
            more = false;
        }
        parse_batch(parser, slots, count, threads);
        for (std::size_t i = 0; i < count; ++i) {
            out << slots[i].output;
            stats.mentions += slots[i].mentions;
            stats.empty_articles += slots[i].article.text.empty() ? 1 : 0;
            slots[i].article = Article{}; // give back a huge article's memory now
            slots[i].output = std::string();
        }
        stats.articles += count;
        stats.bytes += bytes;
        if (read_error) {
            std::rethrow_exception(read_error);
        }
    }
    stats.invalid_utf8 = reader.invalid_utf8();
    stats.skipped_lines = reader.skipped_lines();
    return stats;
}

} // namespace eventmap::geoparse
