// Recognition, last step: the filters that drop matches which are not places (acronyms,
// loose matches, organisations, people, non-place words, sentence starts, common nouns,
// proper phrases), each switched on by FilterRules.
#include "geoparse/filters.hpp"

#include "geoparse/match_context.hpp"
#include "geoparse/person_cues.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

namespace eventmap::geoparse::detail {

using gazetteer::NameKind;
using gazetteer::Precision;

namespace {

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
        // "Omar al-Khatib" skips the article; "a doctor at X" does not: "at", "an", "as" are
        // English words first (the plain spelling, since loose keys let "all" meet "al").
        const bool article = gazetteer::is_arabic_article(t.key) &&
                             lex.function_words_plain.count(Lexicon::plain(doc.surface(*p))) == 0;
        if (!article && !t.capitalized) {
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
    // "Dana Orlov, 41, of Brookfield said": the speaker is from the place.
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
            (!m.big && single && person_cue(doc, m)) ||
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
        } else if (rules.organisations && (in_organisation(lex, doc, m) ||
                                           (!m.demonym && organisation_head_follows(lex, doc, m)) ||
                                           (small && !m.demonym && members_of_before(doc, m)))) {
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
