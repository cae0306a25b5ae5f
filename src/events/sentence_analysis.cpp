#include "events/sentence_analysis.hpp"

#include "events/place_phrases.hpp"

namespace eventmap::events {

namespace {

constexpr std::array<std::string_view, 14> clause_openers{
    "and",      "but",    "while", "which", "where",   "who",   "whereas",
    "although", "though", "whom",  "whose", "because", "since", "when"};

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

} // namespace

std::vector<std::pair<std::size_t, std::size_t>> find_clauses(const std::vector<Token>& tokens,
                                                              const std::vector<int>& mention_at) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string& k = tokens[i].key;
        // A hyphen splits only as a spaced dash ("a ban - a move welcomed"), not in
        // "U.S.-backed".
        const bool spaced = i > 0 && tokens[i].begin > tokens[i - 1].end;
        const bool district = i > 0 && i + 1 < tokens.size() && mention_at[i - 1] >= 0 &&
                              mention_at[i + 1] >= 0 && k == "-";
        // "raided three villages: X, Y and Z": a colon or dashes around a list of places
        // keep the list in the verb's clause.
        if (district || place_list_mark(tokens, i)) {
            continue;
        }
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
        // "no fewer than 30 were killed" and "the failed assault killed" state facts.
        const std::string& next = a.tokens[i].key;
        const bool comparative =
            k == "no" && (next == "fewer" || next == "less" || next == "more" || next == "longer");
        const bool failed_attempt = k == "failed" && next != "to";
        // "not only threw stones but also fired" states both acts.
        const bool not_only = k == "not" && next == "only";
        if ((one_of(k, negations) && !comparative && !failed_attempt && !not_only) ||
            (k.size() > 3 && k.compare(k.size() - 3, 3, "n't") == 0)) {
            return Modality::negated;
        }
        // "in May": a month, no modal.
        const bool month = t.capitalized && k == "may" && i - 1 > clause.first;
        if (one_of(k, hypotheticals) && !month &&
            !(type.name == "THREATEN" && k.rfind("threat", 0) == 0)) {
            return Modality::hypothetical;
        }
        if (found == Modality::factual && one_of(k, futures)) {
            found = Modality::planned;
        }
    }
    return found;
}

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

} // namespace eventmap::events
