// Event extraction. Sections:
//   1. Ids and small helpers
//   2. Date values: TIMEX3 value -> date, enddate, precision
//   3. Sentence analysis: tokens, mentions on tokens, clauses, actors, triggers
//   4. Modality: negated, hypothetical and planned triggers
//   5. Choosing place, date and actors for a trigger
//   6. EventExtractor
#include "events/extractor.hpp"

#include "common/assert.hpp"
#include "common/utf8.hpp"
#include "dates/date_tagger.hpp"
#include "events/merge.hpp"
#include "events/place_phrases.hpp"
#include "events/sentence.hpp"
#include "events/token.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace eventmap::events {

// ---- 1. Ids and small helpers ----------------------------------------------------------------

namespace {

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = 14695981039346656037ULL) {
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

std::string hex16(std::uint64_t v) {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
    return buf;
}

template <std::size_t N>
bool one_of(const std::string& key, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), key) != list.end();
}

} // namespace

std::string content_hash(const std::string& text) {
    return hex16(fnv1a(text));
}

std::string event_id(const std::string& article_hash, std::size_t byte_begin,
                     std::size_t byte_end) {
    const std::string key =
        article_hash + ':' + std::to_string(byte_begin) + '-' + std::to_string(byte_end);
    return hex16(fnv1a(key));
}

namespace {

// ---- 2. Date values --------------------------------------------------------------------------

struct DateValue {
    std::string date;
    std::string enddate;
    std::string precision; // day | month | year
    int rank = 0;          // 3 day, 2 month, 1 year
};

bool digits(const std::string& s, std::size_t at, std::size_t n) {
    if (s.size() < at + n) {
        return false;
    }
    for (std::size_t i = at; i < at + n; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) {
            return false;
        }
    }
    return true;
}

int days_in_month(int year, int month) {
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// Calendar values only: a day (with or without a clock time), a month or a year. Weeks,
// seasons, decades, durations and references (PRESENT_REF) are not dates an event can take.
std::optional<DateValue> parse_value(const std::string& v) {
    if (!digits(v, 0, 4)) {
        return std::nullopt;
    }
    const std::string year = v.substr(0, 4);
    if (v.size() == 4) {
        // The model's boundary form is a day: a year runs from its first day to its last.
        return DateValue{year + "-01-01", year + "-12-31", "year", 1};
    }
    if (v[4] != '-' || !digits(v, 5, 2)) {
        return std::nullopt;
    }
    const int month = std::stoi(v.substr(5, 2));
    if (month < 1 || month > 12) {
        return std::nullopt;
    }
    const std::string ym = v.substr(0, 7);
    if (v.size() == 7) {
        char last[3];
        std::snprintf(last, sizeof last, "%02d", days_in_month(std::stoi(year), month));
        return DateValue{ym + "-01", ym + "-" + last, "month", 2};
    }
    if (v[7] != '-' || !digits(v, 8, 2)) {
        return std::nullopt;
    }
    const std::string day = v.substr(0, 10);
    DateValue out{day, day, "day", 3};
    // "2013-09-13T15:30": a clock time makes it a full ISO 8601 instant (the issue's `Z`).
    if (v.size() >= 16 && v[10] == 'T' && digits(v, 11, 2) && v[13] == ':' && digits(v, 14, 2)) {
        out.date = day + 'T' + v.substr(11, 5) + ":00Z";
    }
    return out;
}

// ---- 3. Sentence analysis --------------------------------------------------------------------

struct Person {
    std::string name;
    std::string country;
};

// Something that can act: a country (name, demonym, capital standing for its government),
// an organisation or a person. `token` is its position in the sentence.
struct ActorRef {
    std::size_t first = 0;
    std::size_t last = 0;
    std::string name;
    std::string country;
    int mention = -1; // the place mention it stands on (a capital acting for its government)
};

struct PlaceCandidate {
    std::size_t mention = 0; // index into the article's mentions (the container, if unlisted)
    std::size_t first = 0;   // tokens
    std::size_t last = 0;
    bool unlisted = false;   // a name the gazetteer lacks (place_phrases.hpp)
    bool has_mention = true; // false: an unlisted name whose container the text omits
    double offset_km = 0;    // "20 km north of X": the event is this far from X
    double bearing_deg = 0;
};

struct DateCandidate {
    const dates::TimeExpression* expression = nullptr;
    DateValue value;
    std::size_t token = 0;
};

struct TriggerHit {
    std::size_t first = 0;
    std::size_t last = 0;
    const Trigger* trigger = nullptr;
    bool planned = false;
    bool dropped = false;
    bool forced = false; // the span event_at asked about
};

struct Analysis {
    std::vector<Token> tokens;
    std::vector<int> mention_at;                              // token -> mention index or -1
    std::vector<std::pair<std::size_t, std::size_t>> clauses; // token ranges [first, last)
    std::vector<ActorRef> actors;
    std::vector<PlaceCandidate> places;
    std::vector<DateCandidate> dates;
    std::vector<TriggerHit> triggers;
};

constexpr std::array<std::string_view, 16> locative_prepositions{
    "in",   "at",     "near",    "outside", "inside",  "across", "throughout", "around",
    "into", "within", "towards", "toward",  "between", "along",  "over",       "through"};

// Nouns after which "of" introduces where: "the outskirts of Damascus", "the city of Aleppo".
constexpr std::array<std::string_view, 44> area_nouns{
    "outskirts",    "suburbs",   "suburb",    "city",          "town",         "village",
    "province",     "region",    "district",  "neighbourhood", "neighborhood", "area",
    "centre",       "center",    "north",     "south",         "east",         "west",
    "northeast",    "northwest", "southeast", "southwest",     "part",         "streets",
    "capital",      "heart",     "edge",      "countryside",   "stronghold",   "vicinity",
    "states",       "provinces", "districts", "regions",       "cities",       "towns",
    "villages",     "areas",     "parts",     "state",         "county",       "governorate",
    "municipality", "third"};

constexpr std::array<std::string_view, 56> place_modifiers{
    "the",          "a",           "an",           "northern",     "southern",
    "eastern",      "western",     "central",      "north",        "south",
    "east",         "west",        "northeastern", "northwestern", "southeastern",
    "southwestern", "nearby",      "neighbouring", "neighboring",  "besieged",
    "embattled",    "restive",     "occupied",     "disputed",     "border",
    "capital",      "town",        "city",         "village",      "port",
    "coastal",      "downtown",    "suburban",     "rural",        "remote",
    "seaside",      "crowded",     "busy",         "main",         "rebel",
    "mountainous",  "residential", "strategic",    "key",          "small",
    "tiny",         "troubled",    "volatile",     "tense",        "northeast",
    "northwest",    "southeast",   "southwest",    "far",          "upper",
    "lower"};

// Words allowed between a preposition and the place: "in the northern Oakfield district",
// "in rebel-held Norton". Verbs are not: "aimed at ending Freedonia's war" is no place.
bool is_place_modifier(const Token& t) {
    if (!t.word || t.capitalized) {
        return false;
    }
    const std::string& k = t.key;
    auto ends = [&k](std::string_view suffix) {
        return k.size() > suffix.size() && k.compare(k.size() - suffix.size(), suffix.size(),
                                                     suffix.data(), suffix.size()) == 0;
    };
    return one_of(k, place_modifiers) || ends("-held") || ends("-controlled") || ends("-occupied");
}

// Whether the mention starting at token `first` is where something happens: a locative
// preposition, "of" after an area noun, a verb like "hit" or "visit", or "on"/"against"/"of"
// right after an event word ("strikes on Kharkiv"); at most three modifiers in between.
// `trigger_at` marks the tokens that are event triggers.
bool locative_context(const std::vector<Token>& tokens, std::size_t first,
                      const std::vector<bool>& trigger_at, int depth = 0) {
    std::size_t i = first;
    for (int skipped = 0; i > 0 && skipped <= 3; ++skipped) {
        const Token& t = tokens[i - 1];
        if (one_of(t.key, locative_prepositions) || is_locative_verb(t.key) || t.key == "to") {
            return true;
        }
        if (t.key == "of" && i >= 2 && one_of(tokens[i - 2].key, area_nouns)) {
            return true;
        }
        if ((t.key == "on" || t.key == "against" || t.key == "of") && i >= 2 &&
            trigger_at[i - 2]) { // "strikes on Kharkiv", "the shelling of Aleppo"
            return true;
        }
        // "at the edge of X", "seized the airfield of X": "of" after a noun that is
        // itself where something happens.
        if (t.key == "of" && depth == 0 && i >= 2 && tokens[i - 2].word &&
            !tokens[i - 2].capitalized && !trigger_at[i - 2] &&
            locative_context(tokens, i - 2, trigger_at, 1)) {
            return true;
        }
        if (!is_place_modifier(t)) {
            return false;
        }
        --i;
    }
    return false;
}

constexpr std::array<std::string_view, 14> clause_openers{
    "and",      "but",    "while", "which", "where",   "who",   "whereas",
    "although", "though", "whom",  "whose", "because", "since", "when"};

// Clauses: split at ; : and dashes, and at a comma followed by a conjunction or relative
// pronoun. Commas alone do not split ("in western Brambly, on the edge of Lakeport on
// May 3" is one clause).
std::vector<std::pair<std::size_t, std::size_t>> find_clauses(const std::vector<Token>& tokens) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& k = tokens[i].key;
        // A hyphen splits only as a spaced dash ("a ban - a move welcomed"), not in
        // "U.S.-backed".
        const bool spaced = i > 0 && tokens[i].begin > tokens[i - 1].end;
        const bool hard = !tokens[i].word && (k == ";" || k == ":" || (k == "-" && spaced) ||
                                              k == "\xE2\x80\x94" || k == "\xE2\x80\x93");
        const bool soft = !tokens[i].word && k == "," && i + 1 < tokens.size() &&
                          one_of(tokens[i + 1].key, clause_openers);
        if (hard || soft) {
            if (i > begin) {
                out.emplace_back(begin, i);
            }
            begin = i + 1;
        }
    }
    if (begin < tokens.size()) {
        out.emplace_back(begin, tokens.size());
    }
    return out;
}

std::pair<std::size_t, std::size_t> clause_of(const Analysis& a, std::size_t token) {
    for (const auto& c : a.clauses) {
        if (token >= c.first && token < c.second) {
            return c;
        }
    }
    return {0, a.tokens.size()};
}

std::size_t token_at_byte(const std::vector<Token>& tokens, std::size_t byte) {
    const auto it = std::upper_bound(tokens.begin(), tokens.end(), byte,
                                     [](std::size_t b, const Token& t) { return b < t.begin; });
    return it == tokens.begin() ? 0 : static_cast<std::size_t>(it - tokens.begin()) - 1;
}

// Name particles that may be lowercase inside a person's name: "Karim al-Nadir".
bool name_part(const Token& t) {
    if (!t.word) {
        return false;
    }
    if (t.capitalized) {
        return true;
    }
    return t.key.rfind("al-", 0) == 0 || t.key.rfind("el-", 0) == 0 || t.key == "bin" ||
           t.key == "ibn" || t.key == "de" || t.key == "van" || t.key == "von";
}

std::string surname_key(const std::string& lower) {
    for (const char* prefix : {"al-", "el-"}) {
        if (lower.rfind(prefix, 0) == 0 && lower.size() > 3) {
            return lower.substr(3);
        }
    }
    return lower;
}

// ---- 4. Modality -----------------------------------------------------------------------------

constexpr std::array<std::string_view, 9> negations{"not",    "never",  "no",     "without", "deny",
                                                    "denied", "denies", "failed", "nor"};
constexpr std::array<std::string_view, 25> hypotheticals{
    "could",   "might",    "may",        "if",          "unless",   "whether",   "threat",
    "threats", "threaten", "threatened", "threatening", "striving", "avert",     "urged",
    "urge",    "urging",   "called",     "calling",     "demanded", "demanding", "asked",
    "wants",   "want",     "warned",     "risk"};
constexpr std::array<std::string_view, 32> futures{
    "will",      "would",    "shall",    "'ll",     "plan",      "plans",   "planned",  "planning",
    "scheduled", "expected", "due",      "set",     "intend",    "intends", "intended", "hope",
    "hopes",     "hoped",    "efforts",  "effort",  "bid",       "aim",     "aims",     "aimed",
    "next",      "upcoming", "proposed", "prepare", "preparing", "push",    "pushing",  "agreed"};

enum class Modality { factual, planned, hypothetical, negated };

// Looks back from the trigger to the start of its clause (at most eight words) for what
// makes it not a reported fact.
Modality modality_of(const Analysis& a, const TriggerHit& hit, const EventType& type) {
    const auto clause = clause_of(a, hit.first);
    Modality found = Modality::factual;
    std::size_t steps = 0;
    for (std::size_t i = hit.first; i > clause.first && steps < 8; --i, ++steps) {
        const Token& t = a.tokens[i - 1];
        const std::string& k = t.key;
        if (k == "," || k == "and" || k == "but" || k == "or") {
            break; // "failed to reach a deal on Friday and agreed to keep negotiating"
        }
        if (one_of(k, negations) || (k.size() > 3 && k.compare(k.size() - 3, 3, "n't") == 0)) {
            return Modality::negated;
        }
        if (one_of(k, hypotheticals) && !(type.name == "THREATEN" && k.rfind("threat", 0) == 0)) {
            return Modality::hypothetical;
        }
        if (found == Modality::factual && one_of(k, futures)) {
            found = Modality::planned;
        }
    }
    return found;
}

} // namespace

// ---- 6. EventExtractor (5. lives in the Builder below) ---------------------------------------

EventExtractor::EventExtractor(const geoparse::Geoparser& geoparser, ExtractOptions options)
    : geoparser_(geoparser), options_(std::move(options)),
      lexicon_(EventLexicon::load(options_.lexicon_directory.empty()
                                      ? EventLexicon::default_directory()
                                      : options_.lexicon_directory)) {}

std::vector<Event> EventExtractor::extract(const Article& article) const {
    return process(article).events;
}

ArticleEvents EventExtractor::process(const Article& article) const {
    if (!utf8::is_valid(article.text)) {
        Article clean = article;
        clean.text = utf8::sanitize(article.text).text;
        return process(clean);
    }
    ArticleEvents out;
    out.content_hash = content_hash(article.text);
    dates::DateOptions date_options;
    date_options.published = options_.published;
    out.dates = dates::tag_dates(article, date_options);
    out.mentions = geoparser_.parse(article);
    out.events = extract(article, out.mentions, out.dates);
    return out;
}

namespace {

int precision_rank(gazetteer::Precision p) {
    return static_cast<int>(p);
}

int resolution_of(gazetteer::Precision p) {
    switch (p) {
    case gazetteer::Precision::country:
        return 1;
    case gazetteer::Precision::admin1:
        return 2;
    case gazetteer::Precision::admin2:
        return 3;
    case gazetteer::Precision::city:
        return 4;
    case gazetteer::Precision::district:
    case gazetteer::Precision::point:
        return 5;
    default:
        return 0;
    }
}

std::size_t distance(std::size_t token, const TriggerHit& hit) {
    if (token < hit.first) {
        return hit.first - token;
    }
    return token > hit.last ? token - hit.last : 0;
}

// One article's working state.
class Builder {
  public:
    Builder(const EventLexicon& lexicon, const ExtractOptions& options, const Article& article,
            const std::vector<geoparse::Mention>& mentions, const dates::DateResult& dates)
        : lex_(lexicon), options_(options), article_(article), mentions_(mentions), dates_(dates),
          hash_(content_hash(article.text)) {}

    // Takes the words at bytes [begin, end) as the one trigger to report (event_at).
    void force(std::size_t begin, std::size_t end) {
        forced_ = std::make_pair(begin, end);
        // Words the lexicon does not list report an event of unknown kind; ASSAULT stands in.
        const auto& types = lex_.types();
        for (std::size_t t = 0; t < types.size(); ++t) {
            if (types[t].name == "ASSAULT") {
                forced_trigger_.type = t;
                forced_trigger_.cameo_root = types[t].cameo_root;
            }
        }
        forced_trigger_.weight = 0.5;
    }

    std::vector<Event> run() {
        const std::vector<Sentence> sentences = split_sentences(article_.text);
        analyses_.reserve(sentences.size());
        for (const Sentence& s : sentences) {
            analyses_.push_back(analyse(s));
        }
        find_dateline();
        const std::size_t headline = find_headline(sentences);
        std::size_t paragraph = static_cast<std::size_t>(-1);
        std::size_t headline_events = 0;
        for (std::size_t i = 0; i < sentences.size(); ++i) {
            if (sentences[i].paragraph != paragraph) {
                paragraph = sentences[i].paragraph;
                narrative_.reset();
                paragraph_place_ = nullptr;
            }
            resolve_actors(analyses_[i]);
            events_of(sentences[i], analyses_[i]);
            update_narrative(analyses_[i]);
            if (i == headline) {
                headline_events = events_.size();
            }
        }
        if (!forced_) {
            fold_headline(headline_events);
        }
        if (options_.merge) {
            merge_events(events_);
        }
        return std::move(events_);
    }

  private:
    // The headline: the article's title, or a first line without a full stop in a paragraph
    // of its own (a "Date:" header line before it is skipped). Returns sentences.size() when
    // there is none.
    std::size_t find_headline(const std::vector<Sentence>& sentences) const {
        for (std::size_t i = 0; i < sentences.size() && i < 2; ++i) {
            const std::string_view text(article_.text.data() + sentences[i].byte_begin,
                                        sentences[i].byte_end - sentences[i].byte_begin);
            if (text.rfind("Date:", 0) == 0) {
                continue;
            }
            const bool alone =
                i + 1 >= sentences.size() || sentences[i + 1].paragraph != sentences[i].paragraph;
            const char last = text.back();
            const bool unfinished = last != '.' && last != '!' && last != '?' && last != '"';
            if ((!article_.title.empty() && text == article_.title) || (alone && unfinished)) {
                return i;
            }
            return sentences.size();
        }
        return sentences.size();
    }

    // A headline names, in the present tense and without a date, an event the body reports:
    // fold each headline event into the body's event of the same type at the same place (or
    // inside the headline's place: "Air strikes pound southern Idlib" / "... in Kafr Nabl").
    void fold_headline(std::size_t count) {
        std::vector<bool> folded(count, false);
        for (std::size_t h = 0; h < count; ++h) {
            const Event& head = events_[h];
            for (std::size_t b = count; b < events_.size(); ++b) {
                Event& body = events_[b];
                const auto& hl = head.event_loc;
                const auto& bl = body.event_loc;
                const bool same_place = hl.geonameid == bl.geonameid ||
                                        (hl.resolution <= bl.resolution &&
                                         distance_km(hl.position, bl.position) <=
                                             std::max(static_cast<double>(hl.radius_km), 1.0));
                if (body.event == head.event && hl.geonameid != 0 && same_place) {
                    Event moved = head;
                    moved.confidence = 0; // the body's report names and dates the event
                    merge_into(body, std::move(moved));
                    folded[h] = true;
                    break;
                }
            }
        }
        std::vector<Event> kept;
        kept.reserve(events_.size());
        for (std::size_t i = 0; i < events_.size(); ++i) {
            if (i >= count || !folded[i]) {
                kept.push_back(std::move(events_[i]));
            }
        }
        events_.swap(kept);
    }

    // -- 3. analysis: tokens, mentions, clauses, people and organisations, triggers --
    Analysis analyse(const Sentence& s) {
        Analysis a;
        a.tokens = tokenize(article_.text, s.byte_begin, s.byte_end);
        a.mention_at.assign(a.tokens.size(), -1);
        a.clauses = find_clauses(a.tokens);
        if (a.tokens.empty()) {
            return a;
        }
        // Mentions are in text order; find those inside the sentence.
        auto it = std::lower_bound(
            mentions_.begin(), mentions_.end(), s.byte_begin,
            [](const geoparse::Mention& m, std::size_t b) { return m.byte_start < b; });
        for (; it != mentions_.end() && it->byte_end <= s.byte_end; ++it) {
            const std::size_t mi = static_cast<std::size_t>(it - mentions_.begin());
            const std::size_t first = token_at_byte(a.tokens, it->byte_start);
            std::size_t last = first;
            while (last + 1 < a.tokens.size() && a.tokens[last + 1].begin < it->byte_end) {
                ++last;
            }
            for (std::size_t k = first; k <= last; ++k) {
                a.mention_at[k] = static_cast<int>(mi);
            }
        }
        find_organisations(a);
        find_titled_people(a);
        find_triggers(a);
        force_trigger(a);
        return a;
    }

    bool covered(const Analysis& a, std::size_t first, std::size_t last) const {
        for (const ActorRef& r : a.actors) {
            if (!(last < r.first || first > r.last)) {
                return true;
            }
        }
        return false;
    }

    void find_organisations(Analysis& a) const {
        for (std::size_t i = 0; i < a.tokens.size(); ++i) {
            const std::string surface =
                article_.text.substr(a.tokens[i].begin, a.tokens[i].end - a.tokens[i].begin);
            const auto* list = lex_.actors_starting(surface);
            if (list == nullptr) {
                continue;
            }
            for (const std::size_t ai : *list) {
                const ActorName& name = lex_.actors()[ai];
                if (i + name.words.size() > a.tokens.size()) {
                    continue;
                }
                bool match = true;
                for (std::size_t w = 1; w < name.words.size() && match; ++w) {
                    const Token& t = a.tokens[i + w];
                    match = article_.text.compare(t.begin, t.end - t.begin, name.words[w]) == 0;
                }
                if (match) {
                    const std::size_t last = i + name.words.size() - 1;
                    a.actors.push_back(ActorRef{i, last, name.name, name.country});
                    i = last;
                    break;
                }
            }
        }
    }

    // "Freedonian Foreign Minister Ana Holt", "Ruritanian President Jan Vorel", "UN special
    // envoy Mira Castell": a title, then capitalised name words. A demonym, country or
    // organisation right before the title gives the person's country or affiliation.
    void find_titled_people(Analysis& a) {
        const auto& tokens = a.tokens;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            std::size_t title_len = 0;
            const auto* candidates = lex_.titles_starting(tokens[i].key);
            if (candidates == nullptr) {
                continue;
            }
            for (const std::size_t ti : *candidates) {
                const auto& title = lex_.titles()[ti];
                if (i + title.size() >= tokens.size()) {
                    continue;
                }
                bool match = true;
                for (std::size_t w = 0; w < title.size() && match; ++w) {
                    match = tokens[i + w].key == title[w] ||
                            (title[w].back() == '.' && tokens[i + w].key + "." == title[w] &&
                             i + w + 1 < tokens.size() && tokens[i + w + 1].key == ".");
                }
                if (match) {
                    title_len = title.size();
                    break;
                }
            }
            if (title_len == 0) {
                continue;
            }
            std::size_t name_first = i + title_len;
            if (name_first < tokens.size() && tokens[name_first].key == ".") {
                ++name_first; // "Gen. Ali"
            }
            std::size_t name_last = name_first;
            while (name_last < tokens.size() && name_last - name_first < 4 &&
                   name_part(tokens[name_last]) && a.mention_at[name_last] < 0 &&
                   !covered(a, name_last, name_last)) {
                ++name_last;
            }
            if (name_last == name_first || !tokens[name_first].capitalized ||
                covered(a, i, i + title_len - 1)) {
                continue;
            }
            --name_last;
            if (!tokens[name_last].capitalized && tokens[name_last].key.rfind("al-", 0) != 0) {
                continue;
            }
            Person person;
            person.name = article_.text.substr(tokens[name_first].begin,
                                               tokens[name_last].end - tokens[name_first].begin);
            std::size_t first = i;
            // What stands before the title: a country ("US", "Russian") or an organisation.
            if (i > 0 && a.mention_at[i - 1] >= 0) {
                const auto& m = mentions_[static_cast<std::size_t>(a.mention_at[i - 1])];
                if (m.type == geoparse::MentionType::demonym ||
                    m.precision == gazetteer::Precision::country) {
                    person.country = m.country;
                    first = token_at_byte(tokens, m.byte_start);
                }
            }
            std::string affiliation;
            for (auto& r : a.actors) {
                if (i > 0 && r.last == i - 1) {
                    affiliation = r.name;
                    person.country = person.country.empty() ? r.country : person.country;
                }
            }
            register_person(tokens[name_last].key, person);
            a.actors.push_back(ActorRef{first, name_last, display(person), person.country});
            i = name_last;
        }
    }

    void register_person(const std::string& surname, const Person& p) {
        people_[surname_key(surname)] = p;
        people_[surname_key(surname) + "\n" + p.name] = p;
    }

    static std::string display(const Person& p) {
        return p.country.empty() ? p.name : p.name + " (" + p.country + ")";
    }

    // After every sentence was analysed (people are known by surname from anywhere in the
    // article): surnames alone, demonyms, countries and capitals acting for governments.
    void resolve_actors(Analysis& a) {
        const auto& tokens = a.tokens;
        std::vector<bool> trigger_at(tokens.size(), false);
        for (const TriggerHit& hit : a.triggers) {
            for (std::size_t k = hit.first; k <= hit.last; ++k) {
                trigger_at[k] = true;
            }
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!tokens[i].capitalized || a.mention_at[i] >= 0 || covered(a, i, i)) {
                continue;
            }
            const auto it = people_.find(surname_key(tokens[i].key));
            if (it != people_.end()) {
                a.actors.push_back(ActorRef{i, i, display(it->second), it->second.country});
            }
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (a.mention_at[i] < 0 || (i > 0 && a.mention_at[i - 1] == a.mention_at[i])) {
                continue;
            }
            const std::size_t mi = static_cast<std::size_t>(a.mention_at[i]);
            const auto& m = mentions_[mi];
            std::size_t last = i;
            while (last + 1 < tokens.size() && a.mention_at[last + 1] == a.mention_at[i]) {
                ++last;
            }
            if (covered(a, i, last)) {
                continue; // part of a person's introduction ("Russian Foreign Minister")
            }
            const bool locative =
                (locative_context(tokens, i, trigger_at) || possessive_area(tokens, last) ||
                 passive_subject(tokens, last)) &&
                !adjectival(tokens, last);
            if (m.type == geoparse::MentionType::demonym) {
                a.actors.push_back(ActorRef{i, last, country_name(m), m.country});
            } else if (m.role == geoparse::Role::actor) {
                a.actors.push_back(
                    ActorRef{i, last, country_name(m), m.country, static_cast<int>(mi)});
            } else if (locative || m.dateline) {
                if (!m.dateline && !is_qualifier(a, i)) {
                    add_mention_place(a, mi, i, last);
                }
            } else if (m.precision == gazetteer::Precision::country) {
                a.actors.push_back(ActorRef{i, last, m.name, m.country});
            }
            i = last;
        }
        add_unlisted_places(a, trigger_at);
        for (const auto* e : expressions_of(a)) {
            if (e->type != dates::TimexType::date && e->type != dates::TimexType::time) {
                continue;
            }
            auto value = parse_value(e->value);
            if (value) {
                a.dates.push_back(
                    DateCandidate{e, std::move(*value), token_at_byte(tokens, e->byte_start)});
            }
        }
    }

    // A place mention as a candidate. "X, 20 km north of Y": Y only says where X is and is
    // no candidate; "20 km north of Y" alone: the point is moved and the precision lowered.
    static void add_mention_place(Analysis& a, std::size_t mention, std::size_t first,
                                  std::size_t last) {
        PlaceCandidate c{mention, first, last};
        const RelativeOffset offset = relative_offset(a.tokens, first);
        if (offset.found) {
            const std::size_t f = offset.first;
            if (f >= 2 && a.tokens[f - 1].key == "," &&
                (a.mention_at[f - 2] >= 0 || a.tokens[f - 2].capitalized)) {
                return;
            }
            c.offset_km = offset.km;
            c.bearing_deg = offset.bearing_deg;
        }
        // "In X, west of Y, ...": a direction without a distance after a place only says
        // where that place is.
        if (first >= 4 && a.tokens[first - 1].key == "of" &&
            one_of(a.tokens[first - 2].key, area_nouns) && a.tokens[first - 3].key == "," &&
            (a.mention_at[first - 4] >= 0 || a.tokens[first - 4].capitalized)) {
            const std::string& d = a.tokens[first - 2].key;
            if (d == "north" || d == "south" || d == "east" || d == "west" || d == "northeast" ||
                d == "northwest" || d == "southeast" || d == "southwest") {
                return;
            }
        }
        a.places.push_back(c);
    }

    // "handed to Zembian forces", "at Zembian army posts": a name used as an adjective of
    // people or institutions says whose, not where.
    static bool adjectival(const std::vector<Token>& tokens, std::size_t last) {
        static constexpr std::array<std::string_view, 16> heads{
            "forces",   "force",     "troops",   "soldiers",   "officials",   "army",
            "military", "police",    "embassy",  "government", "authorities", "officers",
            "navy",     "diplomats", "citizens", "nationals"};
        static constexpr std::array<std::string_view, 10> facilities{
            "station", "headquarters", "post",     "posts",    "checkpoint",
            "base",    "compound",     "building", "barracks", "academy"};
        return last + 1 < tokens.size() && one_of(tokens[last + 1].key, heads) &&
               !(last + 2 < tokens.size() && one_of(tokens[last + 2].key, facilities));
    }

    // "Quorra was captured", "X is being shelled": a place as the subject of a passive verb
    // of attack or capture is where it happened.
    static bool passive_subject(const std::vector<Token>& tokens, std::size_t last) {
        std::size_t j = last + 1;
        const auto is = [&](std::initializer_list<std::string_view> words) {
            return j < tokens.size() &&
                   std::find(words.begin(), words.end(), tokens[j].key) != words.end();
        };
        if (!is({"was", "were", "is", "are", "has", "have", "had"})) {
            return false;
        }
        ++j;
        while (is({"been", "being", "also", "again", "repeatedly", "heavily", "reportedly",
                   "continuously", "later", "then"})) {
            ++j;
        }
        if (j >= tokens.size()) {
            return false;
        }
        const std::string& k = tokens[j].key;
        const bool participle = (k.size() > 2 && k.compare(k.size() - 2, 2, "ed") == 0) ||
                                k == "hit" || k == "struck" || k == "overrun" || k == "retaken";
        return participle && is_locative_verb(k);
    }

    // "Ardenia's Velmarsh district", "Ardenia's towns": a place owning an area is where.
    static bool possessive_area(const std::vector<Token>& tokens, std::size_t last) {
        if (last + 2 >= tokens.size() || tokens[last + 1].key != "'s") {
            return false;
        }
        for (std::size_t j = last + 2; j < tokens.size() && j <= last + 6; ++j) {
            if (one_of(tokens[j].key, area_nouns) || tokens[j].key == "towns" ||
                tokens[j].key == "villages" || tokens[j].key == "streets" ||
                tokens[j].key == "neighbourhoods" || tokens[j].key == "neighborhoods") {
                return true;
            }
            if (!tokens[j].word) {
                return false;
            }
        }
        return false;
    }

    // Names the gazetteer lacks that a phrase marks as places become candidates, sitting on
    // the container the phrase names ("X district of Y").
    void add_unlisted_places(Analysis& a, const std::vector<bool>& trigger_at) const {
        std::vector<bool> blocked = trigger_at;
        for (const ActorRef& r : a.actors) {
            for (std::size_t k = r.first; k <= r.last && k < blocked.size(); ++k) {
                blocked[k] = true;
            }
        }
        for (const auto* e : expressions_of(a)) {
            for (std::size_t k = token_at_byte(a.tokens, e->byte_start);
                 k < a.tokens.size() && a.tokens[k].begin < e->byte_end; ++k) {
                blocked[k] = true;
            }
        }
        for (const UnlistedPlace& u :
             find_unlisted_places(article_.text, a.tokens, a.mention_at, blocked)) {
            PlaceCandidate c;
            c.first = u.first;
            c.last = u.last;
            c.unlisted = true;
            c.has_mention = u.container >= 0;
            c.mention = u.container >= 0 ? static_cast<std::size_t>(u.container) : 0;
            a.places.push_back(c);
        }
        std::sort(
            a.places.begin(), a.places.end(),
            [](const PlaceCandidate& x, const PlaceCandidate& y) { return x.first < y.first; });
    }

    std::vector<const dates::TimeExpression*> expressions_of(const Analysis& a) const {
        std::vector<const dates::TimeExpression*> out;
        if (a.tokens.empty()) {
            return out;
        }
        for (const std::size_t i :
             dates::expressions_in(dates_, a.tokens.front().begin, a.tokens.back().end)) {
            out.push_back(&dates_.expressions[i]);
        }
        return out;
    }

    // "Damascus, Md.": the state qualifies the town before it and is not a place of its own.
    bool is_qualifier(const Analysis& a, std::size_t first) const {
        if (first < 2 || a.tokens[first - 1].key != "," || a.mention_at[first - 2] < 0) {
            return false;
        }
        const auto& before = mentions_[static_cast<std::size_t>(a.mention_at[first - 2])];
        const auto& self = mentions_[static_cast<std::size_t>(a.mention_at[first])];
        return precision_rank(self.precision) < precision_rank(before.precision) &&
               self.country == before.country;
    }

    // Countries are named by their name where the article names them; a capital standing for
    // its government keeps its own name otherwise ("Damascus").
    std::string country_name(const geoparse::Mention& m) {
        if (m.type != geoparse::MentionType::demonym &&
            m.precision == gazetteer::Precision::country) {
            return m.name;
        }
        for (const auto& other : mentions_) {
            if (other.type == geoparse::MentionType::place &&
                other.precision == gazetteer::Precision::country && other.country == m.country) {
                return other.name;
            }
        }
        return m.name;
    }

    // event_at: the forced span becomes the sentence's trigger there, replacing what the
    // lexicon found on those words but keeping its type; it is reported whatever its modality.
    void force_trigger(Analysis& a) const {
        if (!forced_ || a.tokens.empty() || forced_->first < a.tokens.front().begin ||
            forced_->first >= a.tokens.back().end) {
            return;
        }
        const std::size_t first = token_at_byte(a.tokens, forced_->first);
        std::size_t last = first;
        while (last + 1 < a.tokens.size() && a.tokens[last + 1].begin < forced_->second) {
            ++last;
        }
        TriggerHit hit{first, last, &forced_trigger_};
        hit.forced = true;
        std::vector<TriggerHit> kept;
        for (const TriggerHit& h : a.triggers) {
            if (h.last < first || h.first > last) {
                kept.push_back(h);
            } else {
                hit.trigger = h.trigger;
                hit.planned = h.planned;
            }
        }
        const auto at = std::find_if(kept.begin(), kept.end(),
                                     [&](const TriggerHit& h) { return h.first > last; });
        kept.insert(at, hit);
        a.triggers = std::move(kept);
    }

    void find_triggers(Analysis& a) const {
        const auto& tokens = a.tokens;
        // Words inside a time expression name a time, not an event ("the September 11 attacks").
        std::vector<bool> in_time(tokens.size(), false);
        for (const auto* e : expressions_of(a)) {
            for (std::size_t k = token_at_byte(tokens, e->byte_start);
                 k < tokens.size() && tokens[k].begin < e->byte_end; ++k) {
                in_time[k] = true;
            }
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!tokens[i].word || (tokens[i].capitalized && i > 0) || a.mention_at[i] >= 0 ||
                in_time[i]) {
                continue;
            }
            const auto* list = lex_.triggers_starting(tokens[i].key);
            if (list == nullptr) {
                continue;
            }
            // After a determiner, and the adjectives after it, a word is a noun: "the attack",
            // "a fierce assault" are no verbs.
            bool noun_slot = false;
            for (std::size_t k = i, steps = 0; k > 0 && steps < 3 && !noun_slot; --k, ++steps) {
                const std::string& p = tokens[k - 1].key;
                noun_slot = p == "the" || p == "a" || p == "an" || p == "'s" || p == "this" ||
                            p == "their" || p == "its" || p == "his" || p == "her";
                if (!tokens[k - 1].word || tokens[k - 1].capitalized) {
                    break;
                }
            }
            const bool has_noun =
                noun_slot && std::any_of(list->begin(), list->end(), [&](std::size_t ti) {
                    return lex_.triggers()[ti].nominal && lex_.triggers()[ti].words.size() == 1;
                });
            // "a patrol", "a Zembian patrol": a verb's bare form right after an article or a
            // demonym is a noun, and no event when the lexicon lists no noun for it.
            const bool bare_noun =
                i > 0 && (tokens[i - 1].key == "a" || tokens[i - 1].key == "an" ||
                          tokens[i - 1].key == "the" ||
                          (a.mention_at[i - 1] >= 0 &&
                           mentions_[static_cast<std::size_t>(a.mention_at[i - 1])].type ==
                               geoparse::MentionType::demonym));
            for (const std::size_t ti : *list) {
                const Trigger& t = lex_.triggers()[ti];
                const bool base_form = !t.nominal && t.words.size() == 1 && t.lemma == t.words[0];
                if (i + t.words.size() > tokens.size() ||
                    (noun_slot && has_noun && !t.nominal && t.words.size() == 1) ||
                    (bare_noun && !has_noun && base_form)) {
                    continue;
                }
                bool match = true;
                for (std::size_t w = 1; w < t.words.size() && match; ++w) {
                    match = tokens[i + w].key == t.words[w];
                }
                if (match && !covered(a, i, i + t.words.size() - 1)) {
                    a.triggers.push_back(TriggerHit{i, i + t.words.size() - 1, &t});
                    i += t.words.size() - 1;
                    break;
                }
            }
        }
        attach_light_verbs(a);
        for (std::size_t h = 0; h < a.triggers.size(); ++h) {
            TriggerHit& hit = a.triggers[h];
            const Modality m = modality_of(a, hit, lex_.types()[hit.trigger->type]);
            hit.dropped =
                m == Modality::negated || m == Modality::hypothetical || other_sense(a.tokens, hit);
            hit.planned = m == Modality::planned;
            // "Turkey condemned the attacks": a noun after another event's verb in the same
            // clause is what that verb is about.
            const auto clause = clause_of(a, hit.first);
            for (std::size_t g = 0; g < h && hit.trigger->nominal; ++g) {
                const TriggerHit& verb = a.triggers[g];
                if (!verb.trigger->nominal && verb.first >= clause.first &&
                    verb.trigger->type != hit.trigger->type) {
                    hit.dropped = true;
                }
            }
        }
    }

    // Verbs of violence used in another sense, told by the object that follows closely:
    // "captured the title", "struck a deal", "demonstrated the strength of", "prices shot up".
    static bool other_sense(const std::vector<Token>& tokens, const TriggerHit& hit) {
        if (hit.trigger->nominal || hit.first != hit.last) {
            return false;
        }
        static const std::unordered_map<std::string, std::unordered_set<std::string>> senses{
            {"capture", {"title",     "titles",      "win",          "victory", "pole",  "crown",
                         "gold",      "medal",       "championship", "trophy",  "prize", "award",
                         "attention", "imagination", "headlines",    "moment",  "image", "images",
                         "video",     "camera",      "film",         "footage", "seat",  "seats",
                         "votes",     "share",       "lead",         "hearts",  "mood"}},
            {"strike",
             {"deal", "agreement", "accord", "chord", "balance", "tone", "bargain", "gold", "oil",
              "compromise"}},
            {"demonstrate",
             {"the", "that", "how", "its", "their", "his", "her", "what", "why", "a", "an",
              "strong", "clear", "commitment", "support", "will"}},
            {"shoot", {"up", "film", "video", "scenes", "footage", "episode", "episodes"}},
            {"hit", {"record", "high", "low", "market", "shelves", "headlines", "streets"}},
            {"launch", {"website", "campaign", "satellite", "app", "book", "album", "product"}}};
        const auto sense = senses.find(hit.trigger->lemma);
        if (sense == senses.end()) {
            return false;
        }
        // "demonstrate" is told by the word right after it; the others by their object.
        const std::size_t reach = hit.trigger->lemma == "demonstrate" ? 1 : 4;
        for (std::size_t k = hit.last + 1; k < tokens.size() && k <= hit.last + reach; ++k) {
            if (!tokens[k].word) {
                return false;
            }
            if (sense->second.count(tokens[k].key) > 0) {
                return true;
            }
        }
        return false;
    }

    // "launched a major assault", "carried out an air strike", "clashes took place", "fighting
    // erupted": a verb that only says an event noun happened joins the noun's trigger, so the
    // event is reported on the verb as news writes it and the verb's phrases govern it.
    static void attach_light_verbs(Analysis& a) {
        static const std::unordered_set<std::string> before = [] {
            std::unordered_set<std::string> forms;
            for (const char* lemma : {"launch", "stage", "conduct", "mount", "wage", "begin",
                                      "continue", "resume", "unleash", "intensify", "carry",
                                      "perpetrate", "commit", "hold", "renew", "start"}) {
                for (auto& f : verb_forms(lemma)) {
                    forms.insert(std::move(f));
                }
            }
            return forms;
        }();
        static const std::unordered_set<std::string> after = [] {
            std::unordered_set<std::string> forms;
            for (const char* lemma :
                 {"erupt", "occur", "happen", "break", "take", "rage", "escalate", "continue",
                  "begin", "rock", "rip", "hit", "strike", "target", "resume"}) {
                for (auto& f : verb_forms(lemma)) {
                    forms.insert(std::move(f));
                }
            }
            return forms;
        }();
        const auto in = [](const std::unordered_set<std::string>& set, const std::string& k) {
            return set.count(k) > 0;
        };
        const auto& tokens = a.tokens;
        for (std::size_t h = 0; h < a.triggers.size(); ++h) {
            TriggerHit& hit = a.triggers[h];
            if (!hit.trigger->nominal) {
                continue;
            }
            const std::size_t floor = h > 0 ? a.triggers[h - 1].last + 1 : 0;
            // Back over articles and modifiers ("a powerful", "a Zembian") to the verb.
            for (std::size_t k = hit.first, steps = 0; k > floor && steps < 5; --k, ++steps) {
                const Token& t = tokens[k - 1];
                if (!t.word) {
                    break;
                }
                if (in(before, t.key) ||
                    (t.key == "out" && k >= 2 && k - 2 >= floor && in(before, tokens[k - 2].key))) {
                    hit.first = t.key == "out" ? k - 2 : k - 1;
                    break;
                }
                if (a.mention_at[k - 1] < 0 && t.capitalized) {
                    break; // a name between: "the group claimed the attack" is no light verb
                }
            }
            // Forward: "took place", "broke out", "erupted", "ripped through".
            const std::size_t v = hit.last + 1;
            const std::size_t limit =
                h + 1 < a.triggers.size() ? a.triggers[h + 1].first : tokens.size();
            if (v < limit && in(after, tokens[v].key)) {
                const std::string& k = tokens[v].key;
                const bool particle = k.rfind("too", 0) == 0 || k.rfind("tak", 0) == 0 ||
                                      k.rfind("br", 0) == 0 || k.rfind("rip", 0) == 0;
                if (!particle) {
                    hit.last = v;
                } else if (v + 1 < limit &&
                           (tokens[v + 1].key == "place" || tokens[v + 1].key == "out" ||
                            tokens[v + 1].key == "through")) {
                    hit.last = v + 1;
                }
            }
        }
    }

    void find_dateline() {
        for (const auto& m : mentions_) {
            if (m.dateline && m.type == geoparse::MentionType::place) {
                dateline_ = &m;
                return;
            }
        }
    }

    // -- 5. choosing place, date and actors --

    // A place or time at `token` belongs to a trigger unless a trigger of another type is
    // nearer to it: "the talks ... in response to a raid on May 3".
    // Places and times usually follow their verb ("met Duda in Warsaw on Tuesday and urged
    // allies..."), so a trigger after the candidate counts as twice as far.
    // A coordinated verb after the candidate ("... on Tuesday and urged") never takes it.
    static std::size_t reach(const Analysis& a, std::size_t token, const TriggerHit& hit) {
        const std::size_t d = distance(token, hit);
        if (token >= hit.first) {
            return d;
        }
        bool comma = false;
        for (std::size_t i = token + 1; i < hit.first; ++i) {
            if (a.tokens[i].key == "and" || a.tokens[i].key == "then") {
                return a.tokens.size() + d;
            }
            comma = comma || a.tokens[i].key == ",";
        }
        // "was shot in X, rioting spread": a comma between a place and a later
        // trigger leaves the place to the trigger before it.
        return comma ? 4 * d : 2 * d;
    }

    bool available(const Analysis& a, std::size_t token, const TriggerHit& hit) const {
        const std::size_t d = reach(a, token, hit);
        for (const TriggerHit& other : a.triggers) {
            if (!other.dropped && other.trigger->type != hit.trigger->type &&
                reach(a, token, other) < d) {
                return false;
            }
        }
        return true;
    }

    // Whether place b lies inside place a's extent (a district inside its city).
    // Or, by the gazetteer's hierarchy: a place of the country or first-level region named.
    bool inside(const geoparse::Mention& inner, const geoparse::Mention& outer) const {
        if (!inner.country.empty() && inner.country == outer.country &&
            precision_rank(inner.precision) > precision_rank(outer.precision) &&
            (outer.precision == gazetteer::Precision::country ||
             (outer.precision == gazetteer::Precision::admin1 && !outer.admin1.empty() &&
              inner.admin1 == outer.admin1))) {
            return true;
        }
        return outer.radius_km > inner.radius_km &&
               distance_km(inner.position, outer.position) <= std::max(outer.radius_km, 1.0f);
    }

    // Better place: the one inside the other, then the nearer.
    const PlaceCandidate* best_place(const Analysis& a, const TriggerHit& hit,
                                     std::pair<std::size_t, std::size_t> range) const {
        const PlaceCandidate* best = nullptr;
        for (const PlaceCandidate& c : a.places) {
            if (c.first < range.first || c.last >= range.second || !available(a, c.first, hit)) {
                continue;
            }
            if (best == nullptr) {
                best = &c;
                continue;
            }
            // An unlisted name whose container the text omits has no mention to look up.
            const geoparse::Mention* mc = c.has_mention ? &mentions_[c.mention] : nullptr;
            const geoparse::Mention* mb = best->has_mention ? &mentions_[best->mention] : nullptr;
            // The place inside the other wins (a village of the district the phrase names);
            // else the one nearer the trigger, counted as `reach` counts (places follow
            // their verb).
            // "the Ardenia province town of X", "the X district of Y": two places joined by a
            // type word and "of" are one inside the other; the finer is inside.
            const auto rank = [this](const PlaceCandidate& p) {
                return p.unlisted ? precision_rank(gazetteer::Precision::point) + 1
                                  : precision_rank(mentions_[p.mention].precision);
            };
            const auto of_type = [&](const PlaceCandidate& inner, const PlaceCandidate& outer) {
                const PlaceCandidate& left = inner.first < outer.first ? inner : outer;
                const PlaceCandidate& right = inner.first < outer.first ? outer : inner;
                return right.first == left.last + 3 &&
                       one_of(a.tokens[left.last + 1].key, area_nouns) &&
                       a.tokens[left.last + 2].key == "of" && rank(inner) > rank(outer);
            };
            const auto contains = [&](const PlaceCandidate& inner, const PlaceCandidate& outer,
                                      const geoparse::Mention* mi, const geoparse::Mention* mo) {
                if (of_type(inner, outer)) {
                    return true;
                }
                if (!inner.unlisted && !outer.unlisted) {
                    return mi != nullptr && mo != nullptr && inside(*mi, *mo);
                }
                return inner.unlisted && inner.has_mention && !outer.unlisted &&
                       inner.mention == outer.mention;
            };
            const bool c_in_b = contains(c, *best, mc, mb);
            const bool b_in_c = contains(*best, c, mb, mc);
            if (c_in_b || (!b_in_c && reach(a, c.first, hit) < reach(a, best->first, hit))) {
                best = &c;
            }
        }
        return best;
    }

    const DateCandidate* best_date(const Analysis& a, const TriggerHit& hit,
                                   std::pair<std::size_t, std::size_t> range) const {
        const DateCandidate* best = nullptr;
        for (const DateCandidate& c : a.dates) {
            if (c.token < range.first || c.token >= range.second || !available(a, c.token, hit)) {
                continue;
            }
            if (hit.planned && !after_publication(*c.expression, c.value)) {
                continue;
            }
            if (best == nullptr || c.value.rank > best->value.rank ||
                (c.value.rank == best->value.rank &&
                 distance(c.token, hit) < distance(best->token, hit))) {
                best = &c;
            }
        }
        return best;
    }

    // A planned event takes a time after the publication: marked future by the date tagger,
    // or simply later than the publication date ("agreed to meet in Brussels on February 9").
    bool after_publication(const dates::TimeExpression& e, const DateValue& v) const {
        return e.future || (!dates_.published.value.empty() && v.date > dates_.published.value);
    }

    // Any future expression in the range, calendar value or not ("next week").
    bool future_in(const Analysis& a, std::pair<std::size_t, std::size_t> range) const {
        for (const auto* e : expressions_of(a)) {
            const std::size_t t = token_at_byte(a.tokens, e->byte_start);
            if (e->future && t >= range.first && t < range.second) {
                return true;
            }
        }
        return false;
    }

    model::DateSource source_of(const dates::TimeExpression& e) const {
        if (e.anchor == "absolute" || e.anchor.empty()) {
            return model::DateSource::explicit_date;
        }
        // Resolved against a publication date the dates stage had to infer: as good as that.
        if (dates_.published.inferred && e.anchor.rfind("published", 0) == 0) {
            return model::DateSource::inferred;
        }
        return model::DateSource::relative;
    }

    void set_date(Event& ev, const DateValue& v) const {
        const bool valid = model::set_iso_dates(ev, v.date, v.enddate, v.precision);
        EVENTMAP_ASSERT(valid, "parse_value made a date the model cannot hold");
    }

    std::size_t codepoint_of(const Sentence& s, std::size_t byte) const {
        return s.start +
               utf8::count_codepoints(
                   std::string_view(article_.text).substr(s.byte_begin, byte - s.byte_begin));
    }

    // Where a place the gazetteer lacks is put when no phrase names its container: the
    // nearest place of the sentence (news names the larger place first: "killed in X, and
    // clashes went on near the Y roundabout"), else the paragraph's. Never the dateline: it
    // says where the reporter is.
    const geoparse::Mention* containing_place(const Analysis& a, const PlaceCandidate& u) const {
        const PlaceCandidate* best = nullptr;
        auto gap = [&u](const PlaceCandidate& c) {
            return c.first > u.last ? c.first - u.last : u.first - c.last;
        };
        for (const PlaceCandidate& c : a.places) {
            if (!c.unlisted && (best == nullptr || gap(c) < gap(*best))) {
                best = &c;
            }
        }
        return best != nullptr ? &mentions_[best->mention] : paragraph_place_;
    }

    void set_place(Event& ev, const geoparse::Mention& m) const {
        EventLocation& loc = ev.event_loc;
        loc.extracted_place = m.text;
        loc.resolved_place = m.name;
        loc.geonameid = m.gazetteer_id;
        loc.position = m.position;
        loc.country_code = m.country;
        loc.feature_class = std::string(1, m.feature_class);
        loc.feature_code = m.feature_code;
        loc.resolution = resolution_of(m.precision);
        loc.radius_km = m.radius_km;
        loc.start = m.start;
        loc.end = m.end;
    }

    void events_of(const Sentence& s, const Analysis& a) {
        for (const TriggerHit& hit : a.triggers) {
            if (forced_ ? hit.forced : !hit.dropped) {
                event_of(s, a, hit);
            }
        }
    }

    void event_of(const Sentence& s, const Analysis& a, const TriggerHit& hit) {
        const EventType& type = lex_.types()[hit.trigger->type];
        const auto clause = clause_of(a, hit.first);
        const std::pair<std::size_t, std::size_t> sentence{0, a.tokens.size()};
        Event ev;
        ev.planned = hit.planned || future_in(a, clause);
        double confidence = hit.trigger->weight;

        // Place: the clause, the sentence, the dateline for meetings and agreements. A capital
        // standing for its government ("Damascus formally applied") is an actor, never the
        // place.
        const PlaceCandidate* place = best_place(a, hit, clause);
        double place_factor = 1.0;
        if (place == nullptr) {
            place = best_place(a, hit, sentence);
            place_factor = 0.85;
        }
        std::string basis = place_factor < 1.0 ? "sentence" : "clause";
        const geoparse::Mention* where =
            place != nullptr && place->has_mention ? &mentions_[place->mention] : nullptr;
        if (place != nullptr && place->unlisted && !place->has_mention) {
            where = containing_place(a, *place);
        }
        assign_actors(a, hit, clause, ev);
        // Verbs only: a noun without a place ("blamed them for the attack") mostly refers back
        // to an event already reported.
        if (place == nullptr && paragraph_place_ != nullptr && type.quad_code == 4 &&
            !hit.trigger->nominal) {
            where = paragraph_place_; // "Two soldiers died in the attack." after "... in X"
            place_factor = 0.7;
            basis = "paragraph";
        }
        if (where == nullptr && place == nullptr && dateline_ != nullptr &&
            (type.name == "CONSULT" || type.name == "AGREE")) {
            where = dateline_;
            place_factor = 0.6;
            basis = "dateline";
        }
        const bool named = place != nullptr && place->unlisted;
        if (where == nullptr && !options_.keep_unlocated) {
            return; // a name without coordinates too: only when unlocated events are asked for
        }
        if (where != nullptr) {
            set_place(ev, *where);
            confidence *= place_factor * (0.5 + 0.5 * where->confidence);
        } else {
            confidence *= 0.5; // kept only with keep_unlocated: triggers of weight >= 0.5 survive
        }
        if (where != nullptr && place != nullptr && place->offset_km > 0) {
            // Moved by the phrase's distance and direction; the uncertainty grows with it,
            // and the precision is no better than a district's.
            EventLocation& loc = ev.event_loc;
            loc.position = offset_point(loc.position, place->offset_km, place->bearing_deg);
            loc.radius_km = std::max(loc.radius_km, static_cast<float>(0.25 * place->offset_km));
            loc.resolution = std::min(loc.resolution, 3);
        }
        if (named) {
            // The name the text gives is kept; the point, precision and radius are the
            // container's, honestly coarser.
            const Token& f = a.tokens[place->first];
            const Token& l = a.tokens[place->last];
            ev.event_loc.extracted_place = article_.text.substr(f.begin, l.end - f.begin);
            ev.event_loc.unresolved = ev.event_loc.extracted_place;
            ev.event_loc.start = codepoint_of(s, f.begin);
            ev.event_loc.end = codepoint_of(s, l.end);
            confidence *= 0.9;
        }
        if (where != nullptr || named) {
            ev.event_loc.basis = basis;
        }

        // Date: the clause, the sentence, the paragraph's narrative time, the publication.
        const DateCandidate* when = best_date(a, hit, clause);
        if (when == nullptr) {
            when = best_date(a, hit, sentence);
        }
        if (when != nullptr) {
            set_date(ev, when->value);
            ev.date_source = source_of(*when->expression);
            ev.planned = ev.planned || after_publication(*when->expression, when->value);
            confidence *= ev.date_source == model::DateSource::explicit_date ? 1.0 : 0.95;
        } else if (narrative_ && !hit.planned) {
            set_date(ev, narrative_->value);
            ev.date_source = narrative_->source;
            confidence *= 0.85;
        } else if (!dates_.published.value.empty()) {
            if (auto v = parse_value(dates_.published.value)) {
                set_date(ev, *v);
            }
            ev.date_source = dates_.published.inferred ? model::DateSource::inferred
                                                       : model::DateSource::publication;
            confidence *= dates_.published.inferred ? 0.7 : 0.85;
        }

        if (ev.planned) {
            confidence *= 0.9;
        }
        if (!ev.actor.empty()) {
            last_actors_ = ev.actor;
        }
        ev.confidence = std::round(confidence * 1000.0) / 1000.0;
        if (ev.confidence < options_.min_confidence) {
            return;
        }

        const Token& first = a.tokens[hit.first];
        const Token& last = a.tokens[hit.last];
        ev.id = event_id(hash_, first.begin, last.end);
        ev.event = model::parse_plover_type(type.name).value(); // checked by the lexicon
        ev.quad_code = model::parse_quad_code(type.quad_code).value();
        ev.cameo_root = hit.trigger->cameo_root;
        ev.mode = hit.trigger->mode;
        ev.trigger = article_.text.substr(first.begin, last.end - first.begin);
        ev.trigger_start =
            s.start +
            utf8::count_codepoints(
                std::string_view(article_.text).substr(s.byte_begin, first.begin - s.byte_begin));
        ev.trigger_end = ev.trigger_start + utf8::count_codepoints(ev.trigger);
        ev.event_text = article_.text.substr(s.byte_begin, s.byte_end - s.byte_begin);
        ev.article_id = article_.id;
        ev.article_title = article_.title;
        ev.article_url = article_.url;
        ev.published = dates_.published.value;
        ev.sources.push_back(EventSource{article_.id, ev.event_text, s.start, s.end});
        if (where != nullptr && place != nullptr && place->has_mention) {
            paragraph_place_ = where;
        }
        events_.push_back(std::move(ev));
    }

    // Before the trigger in its clause: actors; after it: recipients. A passive trigger
    // followed by "by" swaps them ("a plan welcomed on Monday by Ruritanian President Vorel").
    // With no actor in the clause, the nearest one before it in the sentence acts
    // ("Holt and Vorel said they agreed").
    void assign_actors(const Analysis& a, const TriggerHit& hit,
                       std::pair<std::size_t, std::size_t> clause, Event& ev) const {
        std::size_t by = a.tokens.size();
        for (std::size_t i = hit.last + 1; i < clause.second && i <= hit.last + 6; ++i) {
            if (a.tokens[i].key == "by") {
                by = i;
                break;
            }
        }
        const std::string& key = a.tokens[hit.last].key;
        const bool passive =
            by < a.tokens.size() && key.size() > 2 && key.compare(key.size() - 2, 2, "ed") == 0;
        // The subject is what stands after the last comma before the trigger ("..., Holt
        // and Vorel said they agreed"); recipients follow the trigger closely.
        std::size_t subject_from = clause.first;
        for (std::size_t i = clause.first; i < hit.first; ++i) {
            if (a.tokens[i].key == ",") {
                subject_from = i + 1;
            }
        }
        constexpr std::size_t recipient_window = 8;
        std::vector<const ActorRef*> before;
        std::vector<const ActorRef*> after;
        const ActorRef* nearest_outside = nullptr;
        for (const ActorRef& r : a.actors) {
            if (r.last < hit.first && r.first >= subject_from) {
                before.push_back(&r);
            } else if (r.last < hit.first) {
                if (nearest_outside == nullptr || r.last > nearest_outside->last) {
                    nearest_outside = &r;
                }
            } else if (r.first > hit.last && r.last < clause.second &&
                       (r.first - hit.last <= recipient_window || (passive && r.first > by))) {
                after.push_back(&r);
            }
        }
        // "They would meet again": a pronoun subject continues the previous event's actors.
        bool pronoun = false;
        for (std::size_t i = subject_from; i < hit.first; ++i) {
            const std::string& k = a.tokens[i].key;
            pronoun = pronoun || k == "they" || k == "he" || k == "she" || k == "we";
        }
        if (before.empty() && pronoun && !last_actors_.empty()) {
            ev.actor = last_actors_;
        } else if (before.empty() && nearest_outside != nullptr) {
            before.push_back(nearest_outside);
        }
        std::vector<const ActorRef*> actors;
        std::vector<const ActorRef*> recipients;
        for (const ActorRef* r : before) {
            (passive ? recipients : actors).push_back(r);
        }
        for (const ActorRef* r : after) {
            (passive && r->first > by ? actors : recipients).push_back(r);
        }
        auto add = [](std::vector<std::string>& list, const std::string& name) {
            if (std::find(list.begin(), list.end(), name) == list.end()) {
                list.push_back(name);
            }
        };
        for (const ActorRef* r : actors) {
            add(ev.actor, r->name);
        }
        for (const ActorRef* r : recipients) {
            if (std::find(ev.actor.begin(), ev.actor.end(), r->name) == ev.actor.end()) {
                add(ev.recipient, r->name);
            }
        }
    }

    struct Narrative {
        DateValue value;
        model::DateSource source;
    };

    void update_narrative(const Analysis& a) {
        for (const DateCandidate& c : a.dates) {
            if (!c.expression->future && c.value.rank >= 2) {
                narrative_ = Narrative{c.value, source_of(*c.expression)};
            }
        }
    }

    std::optional<std::pair<std::size_t, std::size_t>> forced_; // event_at's byte span
    Trigger forced_trigger_;
    const EventLexicon& lex_;
    const ExtractOptions& options_;
    const Article& article_;
    const std::vector<geoparse::Mention>& mentions_;
    const dates::DateResult& dates_;
    std::string hash_;
    std::vector<Analysis> analyses_;
    std::unordered_map<std::string, Person> people_;
    const geoparse::Mention* dateline_ = nullptr;
    const geoparse::Mention* paragraph_place_ = nullptr; // last located event's, this paragraph
    std::optional<Narrative> narrative_;
    std::vector<std::string> last_actors_; // of the previous event, for pronoun subjects
    std::vector<Event> events_;
};

} // namespace

std::vector<Event> EventExtractor::extract(const Article& article,
                                           const std::vector<geoparse::Mention>& mentions,
                                           const dates::DateResult& dates) const {
    Builder builder(lexicon_, options_, article, mentions, dates);
    return builder.run();
}

std::optional<Event> EventExtractor::event_at(const Article& article,
                                              const std::vector<geoparse::Mention>& mentions,
                                              const dates::DateResult& dates,
                                              std::size_t byte_begin, std::size_t byte_end) const {
    ExtractOptions options = options_;
    options.keep_unlocated = true;
    options.min_confidence = 0;
    options.merge = false;
    Builder builder(lexicon_, options, article, mentions, dates);
    builder.force(byte_begin, byte_end);
    std::vector<Event> events = builder.run();
    if (events.empty()) {
        return std::nullopt;
    }
    return std::move(events.front());
}

} // namespace eventmap::events
