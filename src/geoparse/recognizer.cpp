// Recognition, first step: tokens with their sentence starts, and the one-pass trie matcher
// that finds the spans naming a place in the gazetteer. What those spans may mean is loaded
// in candidates.cpp; which are not places is decided in filters.cpp.
#include "geoparse/recognizer.hpp"

#include <algorithm>
#include <optional>

namespace eventmap::geoparse::detail {

// ---- 1. Tokens and sentence starts ---------------------------------------------------------

namespace {

bool ends_sentence(char c) {
    return c == '.' || c == '!' || c == '?' || c == ':';
}

} // namespace

void tokenize(const gazetteer::Gazetteer& g, std::string_view text, Document& doc) {
    doc.text = text;
    gazetteer::tokenize_text(text, doc.tokens);
    const std::size_t n = doc.tokens.size();
    doc.ids.assign(n, std::nullopt);
    doc.sentence_initial.assign(n, false);
    doc.match_at.assign(n, -1);
    doc.possessive_ids.clear();
    bool boundary = true;
    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& t = doc.tokens[i];
        if (newline_between(text, previous_end, t.begin)) {
            boundary = true;
        }
        previous_end = t.end;
        if (doc.is_barrier(i)) {
            boundary = boundary || ends_sentence(doc.barrier_char(i));
            continue;
        }
        doc.ids[i] = g.token_id(t.key);
        // "People's Republic of China": the tokenizer drops the possessive, names keep the s.
        const std::string_view after = text.substr(t.end, 4);
        if (starts_with(after, "'s") || starts_with(after, "\u2019s")) {
            doc.possessive_ids.emplace_back(i, g.token_id(t.key + "s"));
        }
        doc.sentence_initial[i] = boundary;
        // "in Iran. The" keeps the period inside the word token; it still ends the sentence.
        boundary = text[t.end - 1] == '.';
    }
}

// ---- 2. The one-pass trie matcher ----------------------------------------------------------

namespace {

constexpr std::size_t max_name_tokens = 8;

bool name_like(const gazetteer::TextToken& t) {
    return t.capitalized || t.all_caps;
}

// "d'Ivoire", "al-Qusayr": a word ending a name may start lower case when it is a particle
// glued to a capitalised word.
bool name_like_end(const Document& doc, std::size_t j) {
    const auto& t = doc.tokens[j];
    if (name_like(t)) {
        return true;
    }
    const std::string_view s = doc.surface(j);
    const auto apostrophe = s.find_first_of("'\xE2");
    return apostrophe <= 2 && // npos is larger: no apostrophe fails here too
           std::any_of(s.begin() + static_cast<std::ptrdiff_t>(apostrophe), s.end(),
                       [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The child through the possessive form of token j ("people" -> "peoples"), if it has one.
std::optional<std::uint32_t> possessive_child(const gazetteer::Gazetteer& g, const Document& doc,
                                              std::uint32_t node, std::size_t j) {
    // possessive_ids is in token order: a binary search keeps huge articles linear.
    const auto it =
        std::lower_bound(doc.possessive_ids.begin(), doc.possessive_ids.end(), j,
                         [](const std::pair<std::size_t, std::optional<std::uint32_t>>& p,
                            std::size_t token) { return p.first < token; });
    if (it != doc.possessive_ids.end() && it->first == j && it->second) {
        return g.child(node, *it->second);
    }
    return std::nullopt;
}

} // namespace

namespace {

struct Walk {
    std::size_t last = 0; // last token of the longest complete name; npos when none
    std::uint32_t node = 0;
};

// The longest complete name starting at token i. With `possessive`, tokens written with "'s"
// step through their form with the s ("People's Republic of China").
Walk walk_trie(const gazetteer::Gazetteer& g, const Document& doc, std::size_t i, bool possessive) {
    const std::size_t n = doc.tokens.size();
    Walk best{std::string::npos, 0};
    std::uint32_t node = g.root();
    for (std::size_t j = i; j < n && j < i + max_name_tokens; ++j) {
        if (doc.is_barrier(j) || !doc.ids[j]) {
            break;
        }
        std::optional<std::uint32_t> next;
        if (possessive) {
            next = possessive_child(g, doc, node, j);
        }
        if (!next) {
            next = g.child(node, *doc.ids[j]);
        }
        if (!next) {
            break;
        }
        node = *next;
        // A name ends on a capitalised word: "Bosnia and Herzegovina", not "Syria said".
        if (name_like_end(doc, j) && !g.postings(node).empty()) {
            best = Walk{j, node};
        }
    }
    return best;
}

} // namespace

void find_matches(const gazetteer::Gazetteer& g, Document& doc) {
    const std::size_t n = doc.tokens.size();
    doc.matches.clear();
    std::size_t next_possessive = 0; // index into doc.possessive_ids, advancing with i
    std::size_t i = 0;
    while (i < n) {
        if (doc.is_barrier(i) || !doc.ids[i] || !name_like(doc.tokens[i])) {
            ++i;
            continue;
        }
        Walk best = walk_trie(g, doc, i, false);
        while (next_possessive < doc.possessive_ids.size() &&
               doc.possessive_ids[next_possessive].first < i) {
            ++next_possessive;
        }
        if (next_possessive < doc.possessive_ids.size() &&
            doc.possessive_ids[next_possessive].first < i + max_name_tokens) {
            const Walk other = walk_trie(g, doc, i, true);
            if (other.last != std::string::npos &&
                (best.last == std::string::npos || other.last > best.last)) {
                best = other;
            }
        }
        if (best.last == std::string::npos) {
            ++i;
            continue;
        }
        Match m;
        m.first = i;
        m.last = best.last;
        m.node = best.node;
        for (std::size_t k = i; k <= best.last; ++k) {
            if (!m.key.empty()) {
                m.key += ' ';
            }
            m.key += doc.tokens[k].key;
            doc.match_at[k] = static_cast<int>(doc.matches.size());
        }
        m.sentence_initial = doc.sentence_initial[i];
        doc.matches.push_back(std::move(m));
        i = best.last + 1;
    }
}

} // namespace eventmap::geoparse::detail
