#include "gazetteer/name_sort.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <tuple>
#include <unistd.h>

namespace eventmap::gazetteer {

bool record_less(const NameRecord& a, const NameRecord& b) {
    if (const int c = a.key.compare(b.key); c != 0) {
        return c < 0;
    }
    return std::tie(a.place, a.kind, a.order) < std::tie(b.place, b.kind, b.order);
}

namespace {

// An encoded record: key length, surface length, place, order (4 bytes each), kind (1 byte),
// then the key and surface bytes.
constexpr std::size_t fixed_bytes = 4 * 4 + 1;

void put32(std::vector<char>& out, std::uint32_t v) {
    char b[4];
    std::memcpy(b, &v, 4);
    out.insert(out.end(), b, b + 4);
}

std::uint32_t get32(const char* p) {
    std::uint32_t v = 0;
    std::memcpy(&v, p, 4);
    return v;
}

// Decodes the record at `p`; returns its encoded size.
std::size_t decode(const char* p, NameRecord& r) {
    const std::uint32_t key_size = get32(p);
    const std::uint32_t surface_size = get32(p + 4);
    r.place = get32(p + 8);
    r.order = get32(p + 12);
    r.kind = static_cast<NameKind>(static_cast<unsigned char>(p[16]));
    r.key = std::string_view(p + fixed_bytes, key_size);
    r.surface = std::string_view(p + fixed_bytes + key_size, surface_size);
    return fixed_bytes + key_size + surface_size;
}

void write_all(int fd, const char* data, std::size_t size, const std::string& path) {
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            throw OutputError(
                std::string("cannot write a sort run (disk full?): ") + std::strerror(errno), path);
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

} // namespace

// One sorted run on disk, read back through a buffer.
struct NameSorter::Run {
    std::string path;
    int fd = -1;
    std::vector<char> buffer;
    std::size_t begin = 0; // unread bytes are buffer[begin, end)
    std::size_t end = 0;
    bool eof = false;
    NameRecord record;

    ~Run() {
        if (fd >= 0) {
            ::close(fd);
        }
    }

    // Makes the next record current; false at the end of the run.
    bool advance() {
        if (!fill(fixed_bytes)) {
            return false;
        }
        const std::size_t size =
            fixed_bytes + get32(buffer.data() + begin) + get32(buffer.data() + begin + 4);
        if (!fill(size)) {
            throw DataError("sort run ends inside a record", path);
        }
        begin += decode(buffer.data() + begin, record);
        return true;
    }

    // Ensures `need` unread bytes are buffered; false at a clean end of file.
    bool fill(std::size_t need) {
        if (end - begin >= need) {
            return true;
        }
        std::memmove(buffer.data(), buffer.data() + begin, end - begin);
        end -= begin;
        begin = 0;
        if (buffer.size() < need) {
            buffer.resize(need); // a record longer than the buffer
        }
        while (end < need && !eof) {
            const ssize_t n = ::read(fd, buffer.data() + end, buffer.size() - end);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                throw OutputError(
                    std::string("cannot read a sort run back: ") + std::strerror(errno), path);
            }
            eof = n == 0;
            end += static_cast<std::size_t>(n);
        }
        if (end - begin < need && end != begin) {
            throw DataError("sort run ends inside a record", path);
        }
        return end - begin >= need;
    }
};

NameSorter::NameSorter(std::string scratch_dir, std::size_t memory_budget)
    : folder_(std::move(scratch_dir)), budget_(memory_budget) {}

NameSorter::~NameSorter() {
    runs_.clear(); // closes the files
    if (run_count_ > 0) {
        std::error_code ignored;
        std::filesystem::remove_all(folder_, ignored);
    }
}

void NameSorter::add(const NameRecord& r) {
    if (!buffer_.empty() && buffer_.size() + starts_.size() * sizeof(std::uint64_t) + fixed_bytes +
                                    r.key.size() + r.surface.size() >
                                budget_) {
        spill();
    }
    starts_.push_back(buffer_.size());
    put32(buffer_, static_cast<std::uint32_t>(r.key.size()));
    put32(buffer_, static_cast<std::uint32_t>(r.surface.size()));
    put32(buffer_, r.place);
    put32(buffer_, r.order);
    buffer_.push_back(static_cast<char>(r.kind));
    buffer_.insert(buffer_.end(), r.key.begin(), r.key.end());
    buffer_.insert(buffer_.end(), r.surface.begin(), r.surface.end());
    ++record_count_;
}

namespace {

void sort_starts(const std::vector<char>& buffer, std::vector<std::uint64_t>& starts) {
    std::sort(starts.begin(), starts.end(), [&](std::uint64_t a, std::uint64_t b) {
        NameRecord ra;
        NameRecord rb;
        decode(buffer.data() + a, ra);
        decode(buffer.data() + b, rb);
        return record_less(ra, rb);
    });
}

} // namespace

void NameSorter::spill() {
    if (run_count_ == 0) {
        // A private folder (mode 0700) beside the index: nothing else can plant files in it.
        std::string pattern = folder_ + "/.eventmap-sort-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) {
            throw OutputError(std::string("cannot create a scratch folder for sorting: ") +
                                  std::strerror(errno),
                              folder_);
        }
        folder_ = pattern;
    }
    sort_starts(buffer_, starts_);
    auto run = std::make_unique<Run>();
    run->path = folder_ + "/run-" + std::to_string(run_count_);
    const int fd =
        ::open(run->path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) {
        throw OutputError(std::string("cannot create a sort run: ") + std::strerror(errno),
                          run->path);
    }
    run->fd = fd;
    ++run_count_;
    std::vector<char> out;
    out.reserve(std::size_t{4} << 20);
    for (const std::uint64_t start : starts_) {
        NameRecord r;
        const std::size_t size = decode(buffer_.data() + start, r);
        out.insert(out.end(), buffer_.data() + start, buffer_.data() + start + size);
        if (out.size() >= (std::size_t{4} << 20)) {
            write_all(fd, out.data(), out.size(), run->path);
            out.clear();
        }
    }
    write_all(fd, out.data(), out.size(), run->path);
    if (::lseek(fd, 0, SEEK_SET) != 0) {
        throw OutputError(std::string("cannot rewind a sort run: ") + std::strerror(errno),
                          run->path);
    }
    runs_.push_back(std::move(run));
    buffer_.clear();
    starts_.clear();
}

void NameSorter::finish_input() {
    if (reading_) {
        return;
    }
    reading_ = true;
    if (runs_.empty()) {
        sort_starts(buffer_, starts_); // everything fits: merge nothing, read the buffer
        return;
    }
    if (!buffer_.empty()) {
        spill();
    }
    std::vector<char>().swap(buffer_); // give the budget back before the merge
    std::vector<std::uint64_t>().swap(starts_);
    for (std::size_t i = 0; i < runs_.size(); ++i) {
        runs_[i]->buffer.resize(std::size_t{1} << 20);
        if (runs_[i]->advance()) {
            heap_.push_back(i);
        }
    }
    std::make_heap(heap_.begin(), heap_.end(), [&](std::size_t a, std::size_t b) {
        return record_less(runs_[b]->record, runs_[a]->record);
    });
}

const NameRecord* NameSorter::next() {
    if (runs_.empty()) {
        if (memory_cursor_ == starts_.size()) {
            return nullptr;
        }
        decode(buffer_.data() + starts_[memory_cursor_++], current_);
        return &current_;
    }
    const auto greater = [&](std::size_t a, std::size_t b) {
        return record_less(runs_[b]->record, runs_[a]->record);
    };
    if (advance_last_ && runs_[last_run_]->advance()) {
        heap_.push_back(last_run_);
        std::push_heap(heap_.begin(), heap_.end(), greater);
    }
    advance_last_ = false;
    if (heap_.empty()) {
        return nullptr;
    }
    std::pop_heap(heap_.begin(), heap_.end(), greater);
    last_run_ = heap_.back();
    heap_.pop_back();
    advance_last_ = true;
    return &runs_[last_run_]->record;
}

} // namespace eventmap::gazetteer
