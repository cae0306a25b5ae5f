// The words of place names the gazetteer lacks, and the runs that are no such name.
#include "events/unlisted_names.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace eventmap::events::detail {

namespace {

// Words that begin a capitalised run without being a name ("The", "On Monday").
const std::unordered_set<std::string>& not_names() {
    static const std::unordered_set<std::string> words{
        "the", "a", "an", "on", "in", "at", "of", "and", "but", "he", "she", "they", "it", "we",
        "i", "this", "that", "these", "those", "his", "her", "their", "its", "after", "before",
        "during", "when", "while", "meanwhile", "earlier", "later", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr",
        "president", "prime", "minister", "army", "police", "government", "forces", "force",
        "islamic", "state", "brigade", "division", "front", "movement", "party", "council",
        "congress", "parliament", "ministry", "court", "senate", "university", "reuters", "afp",
        "ap", "xinhua", "un", "u.n", "nato", "eu", "god", "allah", "christmas", "ramadan", "eid",
        // Days, months and feasts: "killed on Fridays", "during Ashura" (no "May": a name too).
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "easter", "ashura", "passover", "hanukkah", "diwali", "nowruz",
        // Titles no place's name starts with: "around Mullah X", "with Col. Y".
        "mullah", "ayatollah", "col", "colonel", "lt", "lieutenant", "sgt", "sergeant", "capt",
        "maj"};
    return words;
}

// The lowercase end of "Sunni-majority", "UN-protected", "Varda-style": a participle or a
// noun of kind.
bool adjective_tail(std::string_view tail) {
    static const std::unordered_set<std::string_view> kinds{
        "majority", "minority", "era",  "style", "type", "run",   "owned",
        "free",     "wide",     "like", "born",  "made", "built", "age"};
    const auto ends = [&](std::string_view suffix) {
        return tail.size() > suffix.size() + 1 &&
               tail.compare(tail.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    return !tail.empty() && std::all_of(tail.begin(), tail.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) != 0;
    }) && (kinds.count(tail) > 0 || ends("ed") || ends("ing"));
}

} // namespace

bool starts_no_name(const std::string& key) {
    return not_names().count(key) > 0;
}

bool name_word(std::string_view text, const Token& t) {
    if (!t.word) {
        return false;
    }
    // "KLF", "XTR": an acronym before a noun names an organisation or a thing.
    if (t.key.size() >= 2 && t.key.size() <= 5 &&
        std::all_of(text.begin() + static_cast<std::ptrdiff_t>(t.begin),
                    text.begin() + static_cast<std::ptrdiff_t>(t.end),
                    [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; })) {
        return false;
    }
    // "a Sunni mosque", "the Christian quarter": creeds and communities, no places.
    static const std::unordered_set<std::string> creeds{
        "sunni",      "sunnis",   "shia",      "shiia",    "muslim",     "muslims",     "christian",
        "christians", "catholic", "catholics", "hindu",    "hindus",     "sikh",        "sikhs",
        "druze",      "coptic",   "copts",     "orthodox", "protestant", "arab",        "arabs",
        "yazidi",     "yazidis",  "bedouin",   "turkmen",  "islamic",    "evangelical", "maronite"};
    if (creeds.count(t.key) > 0) {
        return false;
    }
    // "Jewish", "Shiite", "Shiites", "Islamist": peoples and creeds, no places.
    for (const char* suffix : {"ish", "ite", "ites", "ist", "ists", "ese"}) {
        const std::size_t n = std::char_traits<char>::length(suffix);
        if (t.key.size() > n + 2 && t.key.compare(t.key.size() - n, n, suffix) == 0) {
            return false;
        }
    }
    // "Islamist-controlled", "Kurdish-led": says who holds a place, is none.
    for (const char* suffix : {"-controlled", "-held", "-led", "-backed", "-based", "-run"}) {
        const std::size_t n = std::char_traits<char>::length(suffix);
        if (t.key.size() > n && t.key.compare(t.key.size() - n, n, suffix) == 0) {
            return false;
        }
    }
    // "Sunni-majority", "UN-protected", "Cold War-era": a name joined to a participle or a
    // word of kind makes an adjective, which says who lives in, guards or dates a place; it
    // names none. A transliteration's lowercase part ("Almash-had") is no such word.
    if (t.capitalized) {
        const std::string_view surface = text.substr(t.begin, t.end - t.begin);
        const std::size_t dash = surface.rfind('-');
        const std::string_view tail =
            dash == std::string_view::npos ? std::string_view() : surface.substr(dash + 1);
        return !adjective_tail(tail);
    }
    // "al-Qorvan", "el-Marsa": a lowercase article before a capitalised name.
    const bool article = t.key.rfind("al-", 0) == 0 || t.key.rfind("el-", 0) == 0 ||
                         t.key.rfind("ad-", 0) == 0 || t.key.rfind("ash-", 0) == 0;
    if (article) {
        const std::size_t at = t.begin + t.key.find('-') + 1;
        return at < t.end && std::isupper(static_cast<unsigned char>(text[at])) != 0;
    }
    // "T-7", a digit inside a facility's name ("2-1", a fraction, has no letter).
    return std::isdigit(static_cast<unsigned char>(t.key[0])) != 0 &&
           t.key.find('-') != std::string::npos &&
           std::any_of(t.key.begin(), t.key.end(),
                       [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

// "the Varda News Agency", "Korlo Petroleum", "the Varda Executive Force": a capitalised run
// ending in the head of a body, a firm or a publication names it, not a place where something
// happens (a type word after it, "the Korlo Petroleum compound", still marks a place).
bool organisation_head(const Token& t) {
    static const std::unordered_set<std::string> heads{
        "agency",      "authority",    "institute",    "institution", "petroleum",  "oil",
        "post",        "times",        "news",         "force",       "forces",     "group",
        "union",       "party",        "front",        "council",     "committee",  "commission",
        "ministry",    "organisation", "organization", "association", "foundation", "company",
        "corporation", "corp",         "inc",          "ltd",         "bank",       "network",
        "federation",  "league",       "movement",     "guard",       "army",       "brigade",
        "brigades",    "battalion",    "regiment",     "radio",       "television", "tech"};
    return t.word && t.capitalized && heads.count(t.key) > 0;
}

// "the Varda Day Parade", "the Quorra Summit", "Operation Velmar": a run that names an event,
// a war or an accord (by its head, or "Operation" before it) is no place; where it happened is
// said elsewhere ("the Quorra Summit in Y").
bool names_event(const std::vector<Token>& tokens, std::size_t first, std::size_t last) {
    static const std::unordered_set<std::string> heads{
        "parade",       "festival",      "summit",    "conference", "games",  "cup",
        "championship", "championships", "olympics",  "marathon",   "war",    "revolution",
        "uprising",     "massacre",      "offensive", "intifada",   "accord", "accords",
        "agreement",    "treaty",        "talks",     "initiative", "award",  "prize"};
    const bool operation = tokens[first].key == "operation" || tokens[first].key == "operations";
    return (operation && last > first) ||
           (tokens[last].capitalized && heads.count(tokens[last].key) > 0);
}

// "members of Varda Front", "the militants of Korlo Jund", "Varda Front suspects": a group's
// members and ranks belong to an organisation; a town has residents, not members.
bool members_of(const std::vector<Token>& tokens, std::size_t first) {
    static const std::unordered_set<std::string> nouns{
        "member",    "members",    "militants", "leader",    "leaders",    "founder",
        "founders",  "supporters", "followers", "ranks",     "cadres",     "affiliates",
        "loyalists", "fighters",   "rebels",    "jihadists", "insurgents", "spokesman"};
    std::size_t k = first;
    if (k > 0 && tokens[k - 1].key == "the") {
        --k;
    }
    if (k >= 2 && tokens[k - 1].key == "of" && nouns.count(tokens[k - 2].key) > 0) {
        return true;
    }
    // "hundreds of Varda Front suspects", "Korlo Jund fighters": the run before its people.
    static const std::unordered_set<std::string> people{
        "suspects",   "fighters", "militants", "members",   "leaders",    "operatives",
        "commanders", "gunmen",   "jihadists", "loyalists", "supporters", "insurgents"};
    std::size_t j = first;
    while (j < tokens.size() && j < first + 5 && tokens[j].word &&
           (tokens[j].capitalized || tokens[j].key.rfind("al-", 0) == 0)) {
        ++j;
    }
    return j > first && j < tokens.size() && people.count(tokens[j].key) > 0;
}

bool ground_subject(const std::vector<Token>& tokens, std::size_t last) {
    static const std::unordered_set<std::string> ground{
        "overrun",   "shelled",  "bombarded", "stormed",     "besieged",
        "encircled", "occupied", "invaded",   "infiltrated", "overran"};
    static const std::unordered_set<std::string> taken{"captured", "seized", "taken", "retaken",
                                                       "recaptured"};
    static const std::unordered_set<std::string> pushes{"assault", "offensive", "onslaught",
                                                        "advance", "push",      "counteroffensive"};
    std::size_t j = last + 1;
    if (j + 1 >= tokens.size() || (tokens[j].key != "was" && tokens[j].key != "has")) {
        return false;
    }
    j += tokens[j + 1].key == "been" ? 2 : 1;
    if (j >= tokens.size()) {
        return false;
    }
    if (ground.count(tokens[j].key) > 0) {
        return true;
    }
    if (taken.count(tokens[j].key) == 0 || j + 2 >= tokens.size() || tokens[j + 1].key != "in") {
        return false;
    }
    // "in an assault", "in a lightning offensive", "in a joint army push".
    for (std::size_t k = j + 2; k < tokens.size() && k <= j + 5; ++k) {
        if (pushes.count(tokens[k].key) > 0) {
            return true;
        }
        if (!tokens[k].word || tokens[k].key == "by") {
            return false;
        }
    }
    return false;
}

} // namespace eventmap::events::detail
