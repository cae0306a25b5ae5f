#include "dates/known_events.hpp"

#include "build_config.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "dates/calendar.hpp"

#include <fstream>
#include <sstream>

namespace eventmap::dates {

KnownEvents KnownEvents::parse(std::string_view tsv, const std::string& source) {
    KnownEvents out;
    std::size_t line_no = 0;
    std::size_t pos = 0;
    while (pos < tsv.size()) {
        std::size_t eol = tsv.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = tsv.size();
        }
        std::string_view line = tsv.substr(pos, eol - pos);
        pos = eol + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0) {
            throw DataError("line " + std::to_string(line_no) + ": expected phrase<TAB>date",
                            source);
        }
        const auto day = parse_iso_day(line.substr(tab + 1, 10));
        if (!day) {
            throw DataError("line " + std::to_string(line_no) + ": date must be YYYY-MM-DD",
                            source);
        }
        KnownEvent event;
        event.name = std::string(line.substr(0, tab));
        event.day = *day;
        std::string lower;
        for (const Token& t : tokenize(event.name, lower)) {
            event.tokens.emplace_back(lower.substr(t.begin, t.end - t.begin));
            event.date_like = event.date_like || t.kind == TokenKind::number ||
                              t.lex == Lex::month || t.lex == Lex::weekday;
        }
        if (event.tokens.empty()) {
            throw DataError("line " + std::to_string(line_no) + ": empty phrase", source);
        }
        out.events_.push_back(std::move(event));
    }
    out.build_index();
    return out;
}

void KnownEvents::build_index() {
    by_first_token_.clear();
    for (std::size_t i = 0; i < events_.size(); ++i) {
        const std::string& first = events_[i].tokens.front();
        by_first_token_[first].push_back(i);
        first_byte_[static_cast<unsigned char>(first.front())] = true;
    }
}

KnownEvents KnownEvents::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw DataError("cannot open the known-events lexicon", path);
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path);
}

const KnownEvents& KnownEvents::builtin() {
    static const KnownEvents events = load(asset_path("dates/known_events.tsv"));
    return events;
}

const KnownEvent* KnownEvents::match(std::string_view lower, const std::vector<Token>& tokens,
                                     std::size_t i, std::size_t& length) const {
    if (i >= tokens.size() || by_first_token_.empty()) {
        return nullptr;
    }
    const Token& first = tokens[i];
    if (!first_byte_[static_cast<unsigned char>(lower[first.begin])]) {
        return nullptr;
    }
    auto it = by_first_token_.find(lower.substr(first.begin, first.end - first.begin));
    if (it == by_first_token_.end()) {
        return nullptr;
    }
    const KnownEvent* best = nullptr;
    for (std::size_t index : it->second) {
        const KnownEvent& e = events_[index];
        if (i + e.tokens.size() > tokens.size()) {
            continue;
        }
        bool ok = true;
        for (std::size_t k = 1; k < e.tokens.size() && ok; ++k) {
            const Token& t = tokens[i + k];
            ok = lower.substr(t.begin, t.end - t.begin) == e.tokens[k];
        }
        if (ok && (best == nullptr || e.tokens.size() > best->tokens.size())) {
            best = &e;
        }
    }
    if (best != nullptr) {
        length = best->tokens.size();
    }
    return best;
}

} // namespace eventmap::dates
