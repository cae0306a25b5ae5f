// Recognition. Sections:
//   1. Tokens and sentence starts
//   2. The one-pass trie matcher
//   3. Candidates, demonyms, datelines, qualifiers
//   4. Filters: acronyms, loose matches, organisations, people, non-place words, sentence
//      starts, common nouns, proper phrases
#include "geoparse/recognizer.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace eventmap::geoparse::detail {

using gazetteer::NameKind;
using gazetteer::Precision;

// ---- 1. Tokens and sentence starts ---------------------------------------------------------

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_sentence(char c) {
    return c == '.' || c == '!' || c == '?' || c == ':';
}

bool newline_between(std::string_view text, std::size_t from, std::size_t to) {
    return text.substr(from, to - from).find('\n') != std::string_view::npos;
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

// ---- 3. Candidates, demonyms, datelines, qualifiers ----------------------------------------

namespace {

constexpr std::size_t max_candidates = 24;
// An entry that matched only through an alternate name ("Santa Ana" is also an old name of
// Taguig) ranks below entries whose own name is the one written.
constexpr double alternate_name_penalty = 3.0;

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

} // namespace

namespace {

// How far an entry's own name is from what the article wrote, for ASCII spellings: the same
// ("Damascus", or "Washington, D.C." for "Washington"), a longer name that starts with it
// ("Mexico City" for "Mexico"), or another name altogether (an alternate name or a
// transliteration-key collision: "Taguig" for "Santa Ana", "Hee" for "He").
enum class Spelling { same, longer, other };

Spelling spelling(std::string_view own, std::string_view written) {
    if (own == written || starts_with(own, std::string(written) + ",") ||
        starts_with(own, std::string(written) + " (")) {
        return Spelling::same;
    }
    return starts_with(own, std::string(written) + " ") ? Spelling::longer : Spelling::other;
}

constexpr double longer_name_penalty = 2.0;
constexpr std::uint64_t metropolis_population = 1'000'000;
constexpr double country_shadow = 3.0;

} // namespace

void load_candidates(const gazetteer::Gazetteer& g, Document& doc) {
    // A name repeated in the article shares the first mention's list (same trie node, same
    // all-caps form: "US" and "Us" differ in what an acronym may be).
    std::unordered_map<std::uint64_t, std::size_t> seen;
    for (std::size_t index = 0; index < doc.matches.size(); ++index) {
        Match& m = doc.matches[index];
        const std::uint64_t key =
            (std::uint64_t{m.node} << 1) | (doc.tokens[m.first].all_caps ? 1U : 0U);
        const auto [it, fresh] = seen.emplace(key, index);
        if (!fresh) {
            const Match& f = doc.matches[it->second];
            m.candidates = f.candidates;
            m.demonym = f.demonym;
            m.exact = f.exact;
            m.big = f.big;
            continue;
        }
        bool any_demonym = false;
        for (const gazetteer::Posting& p : g.postings(m.node)) {
            any_demonym = any_demonym || p.kind == NameKind::demonym;
        }
        // "Syrian" names Syria only as an adjective or its people; when a name is both (rare),
        // the adjective reading wins because demonyms point at countries.
        m.demonym = any_demonym;
        std::string surface(doc.text.substr(doc.tokens[m.first].begin,
                                            doc.tokens[m.last].end - doc.tokens[m.first].begin));
        while (!surface.empty() && surface.back() == '.') {
            surface.pop_back();
        }
        const std::string written = ascii_lower(surface);
        const bool ascii = is_ascii(written);
        bool exact_exists = !ascii;
        for (const gazetteer::Posting& p : g.postings(m.node)) {
            if (m.candidates->size() >= max_candidates) {
                break;
            }
            if ((p.kind == NameKind::demonym) != m.demonym) {
                continue;
            }
            Candidate c;
            c.place = g.place(p.place);
            c.kind = p.kind;
            c.prior = c.place.importance;
            const std::string own = ascii_lower(c.place.name);
            exact_exists = exact_exists || p.kind != NameKind::name || !is_ascii(own) ||
                           spelling(own, written) == Spelling::same;
            m.candidates->push_back(c);
        }
        m.exact = exact_exists;
        if (ascii && exact_exists) {
            for (Candidate& c : *m.candidates) {
                const std::string own = ascii_lower(c.place.name);
                if (c.kind != NameKind::name || !is_ascii(own)) {
                    continue;
                }
                const Spelling sp = spelling(own, written);
                c.prior -= sp == Spelling::same     ? 0.0
                           : sp == Spelling::longer ? longer_name_penalty
                                                    : alternate_name_penalty;
            }
        }
        // "Egypt", "China": when the name is a country's own name, towns called so (Egypt,
        // Illinois; China, Kagoshima) need more than the document's drift to win.
        const bool names_country =
            std::any_of(m.candidates->begin(), m.candidates->end(), [&](const Candidate& c) {
                return c.place.precision == Precision::country &&
                       (!ascii || spelling(ascii_lower(c.place.name), written) == Spelling::same);
            });
        if (names_country) {
            for (Candidate& c : *m.candidates) {
                if (c.place.precision > Precision::admin1) {
                    c.prior -= country_shadow;
                }
            }
        }
        // "Geneva", "Kano", "Sao Paulo", "New York": a first-level region named after its seat
        // or its metropolis. Unqualified news means the city; "the state" or "province" after
        // the name says otherwise (resolver's type cues).
        bool region_seat = false;
        for (Candidate& seat : *m.candidates) {
            const bool seat_or_metropolis = seat.place.feature_code == "PPLA" ||
                                            seat.place.feature_code == "PPLC" ||
                                            seat.place.population >= metropolis_population;
            if (seat.place.feature_class != 'P' || !seat_or_metropolis) {
                continue;
            }
            for (const Candidate& region : *m.candidates) {
                if (region.place.precision == Precision::admin1 &&
                    region.place.country == seat.place.country &&
                    region.place.admin1 == seat.place.admin1) {
                    seat.prior = std::max(seat.prior, region.prior + 0.1);
                    region_seat = true;
                }
            }
        }
        std::stable_sort(m.candidates->begin(), m.candidates->end(),
                         [](const Candidate& a, const Candidate& b) { return a.prior > b.prior; });
        if (!m.candidates->empty()) {
            const gazetteer::PlaceView& top = m.candidates->front().place;
            // A big place spelt otherwise ("Valley" ~ The Valley) gets no benefit of the doubt.
            const bool spelt = !ascii ||
                               spelling(ascii_lower(top.name), written) == Spelling::same ||
                               m.candidates->front().kind != NameKind::name;
            m.big = spelt && (top.precision <= Precision::admin1 || top.feature_code == "PPLC" ||
                              region_seat);
        }
    }
}

namespace {

// True when a dash or an opening bracket follows byte `at`, after spaces.
bool dash_follows(std::string_view text, std::size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) {
        ++at;
    }
    const std::string_view rest = text.substr(at, 3);
    return starts_with(rest, "-") || starts_with(rest, "\u2014") || starts_with(rest, "\u2013") ||
           starts_with(rest, "(");
}

} // namespace

void mark_datelines(Document& doc) {
    // "GENEVA/BEIRUT - ...", "NAIROBI, Kenya (Reuters) -": all-caps names opening a paragraph,
    // separated by slashes or commas (a comma may introduce a capitalised qualifier), then a
    // dash or an opening bracket.
    const std::size_t n = doc.tokens.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (doc.is_barrier(i) || !doc.sentence_initial[i] || !doc.tokens[i].all_caps) {
            continue;
        }
        if (i > 0 && !newline_between(doc.text, doc.tokens[i - 1].end, doc.tokens[i].begin)) {
            continue;
        }
        std::size_t end = n; // last word of the dateline when one is found
        bool after_comma = false;
        for (std::size_t j = i; j < n && j < i + 12; ++j) {
            if (doc.is_barrier(j)) {
                const char c = doc.barrier_char(j);
                if (c != '/' && c != ',') {
                    break;
                }
                after_comma = c == ',';
                continue;
            }
            const auto& t = doc.tokens[j];
            if (!t.all_caps && !(after_comma && t.capitalized)) {
                break;
            }
            if (dash_follows(doc.text, t.end)) {
                end = j;
                break;
            }
        }
        if (end == n) {
            continue;
        }
        for (std::size_t k = i; k <= end; ++k) {
            if (doc.match_at[k] >= 0) {
                doc.matches[static_cast<std::size_t>(doc.match_at[k])].dateline = true;
            }
        }
        i = end;
    }
}

namespace {} // namespace

void link_qualifiers(Document& doc) {
    // "Damascus, Md.", "Paris, Texas", "Geneva (Switzerland)": a name, one comma or opening
    // bracket, then a larger area containing one of its candidates.
    for (std::size_t k = 0; k + 1 < doc.matches.size(); ++k) {
        Match& a = doc.matches[k];
        Match& b = doc.matches[k + 1];
        if (a.demonym || b.demonym || b.first != a.last + 2) {
            continue;
        }
        const char c = doc.barrier_char(a.last + 1);
        if (c != ',' && c != '(') {
            continue;
        }
        bool linked = false;
        for (const Candidate& area : *b.candidates) {
            for (const Candidate& inner : *a.candidates) {
                linked = linked || area_contains(area.place, inner.place);
            }
        }
        if (linked) {
            a.qualifier = static_cast<int>(k + 1);
            b.qualified = static_cast<int>(k);
        }
    }
}

// ---- 4. Filters ------------------------------------------------------------------------------

namespace {

// The word directly before/after a match, when no punctuation separates them.
std::optional<std::size_t> word_before(const Document& doc, std::size_t first) {
    if (first == 0 || doc.is_barrier(first - 1)) {
        return std::nullopt;
    }
    return first - 1;
}

std::optional<std::size_t> word_after(const Document& doc, std::size_t last) {
    if (last + 1 >= doc.tokens.size() || doc.is_barrier(last + 1)) {
        return std::nullopt;
    }
    return last + 1;
}

const std::unordered_set<std::string>& disease_words() {
    // Lower-case heads that still make "<place> <head>" a name of its own: "Reston
    // ebolavirus", "West Nile virus". Constant data, built once.
    static const std::unordered_set<std::string> words = {"virus",        "ebolavirus", "fever",
                                                          "disease",      "flu",        "influenza",
                                                          "encephalitis", "strain",     "syndrome"};
    return words;
}

// Generic heads of Arabic place names ("spring", "hill", "monastery", "village of", "house",
// "gate"...): "Ain Quorvan", "Tal Quorvan", "Bab el-Quorvan" are names of their own, and the
// head alone is some other place (a French department, a Syrian town). Normalised once, as
// token keys are.
bool generic_head(const std::string& key) {
    static const std::unordered_set<std::string> heads = [] {
        std::unordered_set<std::string> out;
        for (const char* w :
             {"ain",  "ein",  "tal",   "tall",  "tell",    "deir", "dayr", "kafr", "kfar",
              "beit", "bayt", "jabal", "jebel", "bir",     "ras",  "wadi", "khan", "umm",
              "qasr", "jisr", "nahr",  "bab",   "khirbet", "marj", "tel"}) {
            out.insert(gazetteer::normalize_name(w));
        }
        return out;
    }();
    return heads.count(key) != 0;
}

// A generic head written before a capitalised word or an Arabic article ("Ain Quorvan",
// "Bab el-Quorvan") is the start of a longer name the gazetteer lacks.
bool heads_longer_name(const Document& doc, const Match& m) {
    const std::size_t j = m.last + 1;
    if (m.first != m.last || !generic_head(m.key) || j >= doc.tokens.size() || doc.is_barrier(j) ||
        doc.text.substr(doc.tokens[m.last].end, 1) != " ") {
        return false;
    }
    return doc.tokens[j].capitalized || gazetteer::is_arabic_article(doc.tokens[j].key);
}

// Widens the generic head at matches[k] over the rest of its name ("Tal" + "al-Quorvan"):
// capitalised words and Arabic articles, a few at most; a match inside the name is part of it.
void extend_generic(Document& doc, std::size_t k) {
    constexpr std::size_t max_extra_tokens = 4;
    Match& m = doc.matches[k];
    std::size_t last = m.last;
    while (last + 1 < doc.tokens.size() && last + 1 <= m.first + max_extra_tokens &&
           !doc.is_barrier(last + 1) &&
           (doc.tokens[last + 1].capitalized ||
            gazetteer::is_arabic_article(doc.tokens[last + 1].key))) {
        ++last;
    }
    for (std::size_t t = m.last + 1; t <= last; ++t) {
        const int inner = doc.match_at[t];
        if (inner >= 0 && static_cast<std::size_t>(inner) != k) {
            doc.matches[static_cast<std::size_t>(inner)].dropped = true;
        }
        doc.match_at[t] = static_cast<int>(k);
        m.key += ' ';
        m.key += doc.tokens[t].key;
    }
    m.last = last;
    m.generic = true;
}

bool is_acronym(const Document& doc, const Match& m) {
    if (m.first != m.last || !doc.tokens[m.first].all_caps) {
        return false;
    }
    return doc.tokens[m.first].key.size() <= 5;
}

// Restricts a short all-caps match (WHO, FAO, DOH) to entries that are known under that
// abbreviation or are large areas (US, UK, DRC); false when none remains.
bool keep_acronym(Match& m) {
    auto keep = [](const Candidate& c) {
        return c.kind == NameKind::abbreviation || c.place.precision <= Precision::admin1;
    };
    m.candidates->erase(std::remove_if(m.candidates->begin(), m.candidates->end(),
                                       [&](const Candidate& c) { return !keep(c); }),
                        m.candidates->end());
    return !m.candidates->empty();
}

bool in_organisation(const Lexicon& lex, const Document& doc, const Match& m) {
    // Any lexicon phrase covering the whole match, starting up to its length before it.
    const std::size_t span = lex.longest_organisation;
    if (span == 0) {
        return false;
    }
    const std::size_t from = m.first >= span ? m.first - span + 1 : 0;
    for (std::size_t s = from; s <= m.first; ++s) {
        if (!Lexicon::contains(lex.organisation_starts, doc.tokens[s].key)) {
            continue;
        }
        std::string key;
        for (std::size_t e = s; e < doc.tokens.size() && e < s + span; ++e) {
            if (doc.is_barrier(e)) {
                break;
            }
            if (!key.empty()) {
                key += ' ';
            }
            key += doc.tokens[e].key;
            if (e >= m.last && lex.organisations.count(key) != 0 &&
                lex.organisations_plain.count(Lexicon::plain(doc.text.substr(
                    doc.tokens[s].begin, doc.tokens[e].end - doc.tokens[s].begin))) != 0) {
                return true;
            }
        }
    }
    return false;
}

bool possessive(const Document& doc, const Match& m);

bool organisation_head_follows(const Lexicon& lex, const Document& doc, const Match& m) {
    if (possessive(doc, m)) {
        return false;
    }
    const auto next = word_after(doc, m.last);
    if (!next) {
        return false;
    }
    const auto& t = doc.tokens[*next];
    if (disease_words().count(t.key) != 0) {
        return true;
    }
    return t.capitalized && Lexicon::contains(lex.org_heads, t.key);
}

// "President Obama", "Anna Berlin", "Minister Omar al-Khatib": a title, or a capitalised
// given name, right before the name (skipping an Arabic article and one more given name).
bool person_context(const Lexicon& lex, const Document& doc, const Match& m) {
    std::size_t at = m.first;
    for (int steps = 0; steps < 3; ++steps) {
        const auto p = word_before(doc, at);
        if (!p) {
            return false;
        }
        const auto& t = doc.tokens[*p];
        if (Lexicon::contains(lex.person_titles, t.key)) {
            return true;
        }
        // Lexicon keys are loose ("Ann" and "An" meet): a function word is never a given name.
        if (t.capitalized && Lexicon::contains(lex.first_names, t.key) &&
            !Lexicon::contains(lex.function_words, t.key)) {
            return true;
        }
        if (!gazetteer::is_arabic_article(t.key) && !t.capitalized) {
            return false;
        }
        at = *p;
    }
    return false;
}

// A capitalised word that may stand next to a place name without making a longer name of it:
// "The", "In", "Northern", "Monday", titles, acronyms.
bool neutral_neighbour(const Lexicon& lex, const gazetteer::TextToken& t) {
    return Lexicon::contains(lex.function_words, t.key) ||
           Lexicon::contains(lex.place_modifiers, t.key) ||
           Lexicon::contains(lex.person_titles, t.key) || t.all_caps;
}

// A town this large is what its name means even when the name is an English word (Buffalo,
// Mobile, Bath): the English-word rule leaves it alone.
constexpr std::uint64_t english_word_town_limit = 100000;

// A neighbouring word that is itself a country, state or capital name stands on its own
// ("Damascus Syria" in a caption); two small names side by side make one longer name
// ("Maya Harden", "Navarro-Valls", "Socorro Molina").
bool big_match_at(const Document& doc, std::size_t token) {
    const int k = doc.match_at[token];
    return k >= 0 && doc.matches[static_cast<std::size_t>(k)].big;
}

// "U.S.", "W.Va.": a period inside the word, not just closing it ("Mr.", "Ms.").
bool inner_period(std::string_view surface) {
    return surface.size() > 1 &&
           surface.substr(0, surface.size() - 1).find('.') != std::string_view::npos;
}

// "Vicki Harden", "Medical Center": a capitalised word right before the name, inside the
// sentence, that is neither a place nor neutral.
bool capitalised_before(const Lexicon& lex, const Document& doc, const Match& m,
                        bool small_names_count = true) {
    const auto p = word_before(doc, m.first);
    if (!p) {
        return false;
    }
    const auto& t = doc.tokens[*p];
    // "...in Utah. Dugway": a word closing the previous sentence joins nothing.
    const bool neighbour_ok = small_names_count ? !big_match_at(doc, *p) : doc.match_at[*p] < 0;
    return t.capitalized && !doc.sentence_initial[*p] && neighbour_ok &&
           doc.text[t.end - 1] != '.' && !neutral_neighbour(lex, t);
}

// "Canada's Broadcasting Corporation", "Wichita's Wesley Medical Center": a possessive closes
// the name; what follows belongs to the place, it does not extend its name.
bool possessive(const Document& doc, const Match& m) {
    const std::string_view after = doc.text.substr(doc.tokens[m.last].end, 4);
    return starts_with(after, "'s") || starts_with(after, "\u2019s");
}

bool capitalised_after(const Lexicon& lex, const Document& doc, const Match& m) {
    if (doc.text[doc.tokens[m.last].end - 1] == '.' || possessive(doc, m)) {
        return false; // "downtown San Jose. Wikinews reporter...": the sentence ended
    }
    const auto nx = word_after(doc, m.last);
    if (!nx) {
        return false;
    }
    const auto& t = doc.tokens[*nx];
    return t.capitalized && !t.all_caps && !big_match_at(doc, *nx) && !neutral_neighbour(lex, t) &&
           !Lexicon::contains(lex.institution_words, t.key);
}

bool speech_follows(const Document& doc, const Match& m) {
    static constexpr std::string_view verbs[] = {"said",      "says",    "told",   "added",
                                                 "explained", "noted",   "stated", "wrote",
                                                 "asked",     "replied", "spoke",  "declined"};
    const auto nx = word_after(doc, m.last);
    if (!nx || doc.tokens[*nx].capitalized) {
        return false;
    }
    // "Mark Kitsmore, 54, of Tyler said": the speaker is from the place.
    if (const auto p = word_before(doc, m.first)) {
        const std::string& before = doc.tokens[*p].key;
        if (before == "of" || before == "in" || before == "from" || before == "near" ||
            before == "at") {
            return false;
        }
    }
    const std::string& k = doc.tokens[*nx].key;
    return std::find(std::begin(verbs), std::end(verbs), k) != std::end(verbs);
}

// Names of people in the article: a title or given name before them ("John Kerry"), a verb of
// speech after a small place's name ("Franklin said"), or, for small places, the last word of a
// capitalised pair ("Vicki Harden"). Every later mention of such a name is the person too.
std::unordered_set<std::string> people_in(const Lexicon& lex, const FilterRules& rules,
                                          const Document& doc) {
    std::unordered_set<std::string> people;
    for (const Match& m : doc.matches) {
        if (m.demonym || m.qualifier >= 0 || m.qualified >= 0) {
            continue;
        }
        const bool single = m.first == m.last;
        const bool given_name = single && !m.big && Lexicon::contains(lex.first_names, m.key) &&
                                capitalised_after(lex, doc, m); // "Michael Osterholm"
        if (given_name || person_context(lex, doc, m) ||
            (!m.big && single && speech_follows(doc, m)) ||
            // Only an unknown word before makes a surname: "Village Malakal" is not a person.
            (rules.proper_phrases && !m.big && single && capitalised_before(lex, doc, m, false) &&
             !capitalised_after(lex, doc, m))) {
            people.insert(m.key);
        }
    }
    return people;
}

} // namespace

void filter_matches(const Lexicon& lex, const FilterRules& rules, Document& doc) {
    const std::unordered_set<std::string> people =
        rules.persons ? people_in(lex, rules, doc) : std::unordered_set<std::string>();
    // Words the article also writes in lower case; built on first need.
    std::unordered_set<std::string_view> lower_case;
    bool lower_case_ready = false;
    auto written_lower = [&](const std::string& key) {
        if (!lower_case_ready) {
            for (const auto& t : doc.tokens) {
                if (!t.key.empty() && !t.capitalized && !t.all_caps) {
                    lower_case.insert(t.key);
                }
            }
            lower_case_ready = true;
        }
        return lower_case.count(key) != 0;
    };
    for (Match& m : doc.matches) {
        const bool qualified = m.qualifier >= 0 || m.qualified >= 0;
        const bool single = m.first == m.last;
        // "Orange County Sanitation District": a name of several words that is a county or a
        // larger area is a place name even inside a longer one.
        const bool named_area = m.first != m.last && !m.candidates->empty() &&
                                m.candidates->front().place.precision <= Precision::admin2;
        const bool small = !m.big && !qualified && !m.dateline && !named_area;
        if (rules.acronyms && !m.dateline && !m.demonym && is_acronym(doc, m) && !keep_acronym(m)) {
            m.dropped = true;
        } else if (rules.loose_matches && single && !m.exact && !doc.tokens[m.first].all_caps &&
                   doc.tokens[m.first].key.size() <= 4) {
            m.dropped = true;
        } else if (rules.organisations &&
                   (in_organisation(lex, doc, m) ||
                    (!m.demonym && organisation_head_follows(lex, doc, m)))) {
            m.dropped = true;
        } else if (m.demonym) {
            continue;
        } else if (rules.proper_phrases && !m.dateline && heads_longer_name(doc, m)) {
            extend_generic(doc, static_cast<std::size_t>(&m - doc.matches.data()));
        } else if (rules.persons && !qualified && people.count(m.key) != 0) {
            m.dropped = true;
        } else if (rules.not_places && !qualified && single && !doc.tokens[m.first].all_caps &&
                   !inner_period(doc.surface(m.first)) &&
                   (Lexicon::contains(lex.not_places, m.key) ||
                    lex.function_words_plain.count(Lexicon::plain(doc.surface(m.first))) != 0 ||
                    Lexicon::contains(lex.person_titles, m.key))) {
            m.dropped = true;
        } else if (rules.sentence_initial && !qualified && single && m.sentence_initial &&
                   Lexicon::contains(lex.common_words, m.key)) {
            m.dropped = true;
        } else if (rules.common_nouns && small && single &&
                   (written_lower(m.key) ||
                    (Lexicon::contains(lex.english_words, m.key) &&
                     m.candidates->front().place.population < english_word_town_limit))) {
            m.dropped = true;
        } else if (rules.proper_phrases && small &&
                   (capitalised_before(lex, doc, m) || capitalised_after(lex, doc, m))) {
            m.dropped = true;
        }
    }
}

} // namespace eventmap::geoparse::detail
