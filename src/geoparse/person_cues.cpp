// News syntax that shows a gazetteer match to be a person or a group (see person_cues.hpp).
#include "geoparse/person_cues.hpp"

#include "gazetteer/normalize.hpp"
#include "geoparse/match_context.hpp"

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_set>

namespace eventmap::geoparse::detail {

namespace {

// Normalised once, as token keys are.
std::unordered_set<std::string> normalised(std::initializer_list<const char*> words) {
    std::unordered_set<std::string> out;
    for (const char* w : words) {
        out.insert(gazetteer::normalize_name(w));
    }
    return out;
}

// "Varno's comrades", "Varno's widow", "Varno's spokesman": kin, retinue and what befalls only
// a person, after a possessive. A town has residents and officials, not a widow or
// bodyguards (its spokesman is "the city's", and a country is no small place).
bool person_relation_follows(const Document& doc, const Match& m) {
    static const std::unordered_set<std::string> nouns = normalised(
        {"comrade",    "comrades",    "bodyguard",   "bodyguards",    "wife",       "widow",
         "husband",    "son",         "sons",        "daughter",      "daughters",  "brother",
         "brothers",   "sister",      "sisters",     "father",        "mother",     "parents",
         "nephew",     "niece",       "cousin",      "uncle",         "aides",      "aide",
         "lawyer",     "lawyers",     "attorney",    "attorneys",     "loyalists",  "followers",
         "associates", "assassin",    "assassins",   "assassination", "funeral",    "arrest",
         "trial",      "spokesman",   "spokeswoman", "adviser",       "advisers",   "advisor",
         "successor",  "predecessor", "entourage",   "motorcade",     "girlfriend", "boyfriend",
         "fiancee"});
    if (!possessive(doc, m)) {
        return false;
    }
    const auto nx = word_after(doc, m.last);
    return nx && !doc.tokens[*nx].capitalized && nouns.count(doc.tokens[*nx].key) != 0;
}

// A word before a name that makes it the object of a phrase of place ("in X", "near X") or
// one of a list ("X and Y").
bool governs_place(const std::string& key) {
    static const std::unordered_set<std::string> words =
        normalised({"in", "at", "of", "from", "near", "to", "into", "outside", "inside", "across",
                    "toward", "towards", "around", "through", "on", "for", "via", "and", "or"});
    return words.count(key) != 0;
}

// "surrounded Varno in his office", "shot Varno at her home": a name that is a verb's object
// (no preposition before it) and is then placed by a phrase about him or her is a person. "lived
// in Varno in his youth" keeps Varno: a preposition governs it.
bool pronoun_place_follows(const Document& doc, const Match& m) {
    auto nx = word_after(doc, m.last);
    // "Varno was shot dead at his home": a passive between the name and the phrase.
    if (nx && (doc.tokens[*nx].key == "was" || doc.tokens[*nx].key == "were")) {
        for (int skip = 0; skip < 3 && nx && doc.tokens[*nx].key != "in" &&
                           doc.tokens[*nx].key != "at" && !doc.tokens[*nx].capitalized;
             ++skip) {
            nx = word_after(doc, *nx);
        }
    }
    if (!nx || *nx + 1 >= doc.tokens.size() || doc.is_barrier(*nx + 1)) {
        return false;
    }
    const std::string& prep = doc.tokens[*nx].key;
    const std::string& pronoun = doc.tokens[*nx + 1].key;
    if ((prep != "in" && prep != "at") || (pronoun != "his" && pronoun != "her")) {
        return false;
    }
    const auto p = word_before(doc, m.first);
    return p && !doc.tokens[*p].capitalized && !governs_place(doc.tokens[*p].key);
}

// "Varno bin Laden", "Varno ibn Saud": a given name before an Arabic patronymic ("son of") is
// a person; a place's name would run on through it as one match.
bool patronymic_follows(const Document& doc, const Match& m) {
    const auto nx = word_after(doc, m.last);
    if (!nx) {
        return false;
    }
    const std::string& k = doc.tokens[*nx].key;
    return k == "bin" || k == "ibn" || k == "bint";
}

// "Varno, 34, was arrested": news gives a person's age in commas after the name.
bool age_follows(const Document& doc, const Match& m) {
    const std::size_t k = m.last + 1;
    if (k + 2 >= doc.tokens.size() || doc.barrier_char(k) != ',' ||
        doc.barrier_char(k + 2) != ',') {
        return false;
    }
    // "X, 2,300 km away" is a number split at its comma, no age: a space follows the age's comma.
    const std::size_t after = doc.tokens[k + 2].end;
    if (after >= doc.text.size() || doc.text[after] != ' ') {
        return false;
    }
    const std::string_view age = doc.surface(k + 1);
    return !age.empty() && age.size() <= 2 && std::all_of(age.begin(), age.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

// "Varno, a 34-year-old teacher, was shot": an age in apposition makes a person; a place's
// apposition is a kind of place ("Varno, a town of 5,000").
bool year_old_follows(const Document& doc, const Match& m) {
    const std::size_t k = m.last + 1;
    if (k + 2 >= doc.tokens.size() || doc.barrier_char(k) != ',') {
        return false;
    }
    const std::string& article = doc.tokens[k + 1].key;
    if (article != "a" && article != "an") {
        return false;
    }
    // The tokenizer may split "34-year-old" at its hyphens: read the text from the number on.
    const std::string_view from = doc.text.substr(doc.tokens[k + 2].begin, 16);
    std::size_t digits = 0;
    while (digits < from.size() && std::isdigit(static_cast<unsigned char>(from[digits])) != 0) {
        ++digits;
    }
    return digits > 0 && digits <= 3 && from.substr(digits, 9) == "-year-old";
}

// Nouns for a person in news appositions: "the bomber, X,", "X, a local trader,".
bool person_noun(const std::string& key) {
    static const std::unordered_set<std::string> nouns = normalised(
        {"bomber",   "gunman",       "victim",      "suspect",   "attacker",    "assailant",
         "driver",   "commander",    "leader",      "spokesman", "spokeswoman", "journalist",
         "reporter", "photographer", "soldier",     "officer",   "policeman",   "activist",
         "student",  "teacher",      "doctor",      "son",       "daughter",    "wife",
         "husband",  "brother",      "sister",      "father",    "mother",      "boy",
         "girl",     "man",          "woman",       "widow",     "militant",    "fighter",
         "hostage",  "trader",       "businessman", "farmer",    "shopkeeper",  "lawyer",
         "cleric",   "preacher",     "politician",  "lawmaker",  "candidate",   "official",
         "resident", "villager",     "worker",      "nurse",     "engineer",    "priest",
         "imam"});
    return nouns.count(key) != 0;
}

// "the bomber, Varno, detonated": a name in commas after a noun for a person is that person.
bool apposed_to_person(const Document& doc, const Match& m) {
    const std::size_t k = m.last + 1;
    if (m.first < 2 || k >= doc.tokens.size() || doc.barrier_char(k) != ',' ||
        doc.barrier_char(m.first - 1) != ',') {
        return false;
    }
    const auto& noun = doc.tokens[m.first - 2];
    return !noun.capitalized && person_noun(noun.key);
}

// "Varno, who led the raid": a relative "who" after the comma refers to a person (a place
// takes "which" or "where"), unless a preposition governs the name ("residents of X, who").
bool who_follows(const Document& doc, const Match& m) {
    const std::size_t k = m.last + 1;
    if (k + 1 >= doc.tokens.size() || doc.barrier_char(k) != ',') {
        return false;
    }
    const std::string& rel = doc.tokens[k + 1].key;
    if (rel != "who" && rel != "whose" && rel != "whom") {
        return false;
    }
    const auto p = word_before(doc, m.first);
    return !p || !governs_place(doc.tokens[*p].key);
}

// "the killing of Varno", "relatives of Varno", "troops loyal to Varno", "militants led by
// Varno": what only a person has or undergoes, or whom a force follows.
bool person_phrase_before(const Document& doc, const Match& m) {
    static const std::unordered_set<std::string> nouns = normalised(
        {"killing",   "murder",   "assassination", "arrest",    "kidnapping", "abduction",
         "detention", "funeral",  "body",          "relatives", "family",     "wife",
         "widow",     "son",      "daughter",      "brother",   "sister",     "father",
         "mother",    "lawyer",   "lawyers",       "aides",     "bodyguards", "supporters",
         "followers", "loyalists"});
    const auto p = word_before(doc, m.first);
    if (!p) {
        return false;
    }
    const auto q = word_before(doc, *p);
    if (!q || doc.tokens[*q].capitalized) {
        return false;
    }
    const std::string& prep = doc.tokens[*p].key;
    const std::string& word = doc.tokens[*q].key;
    return (prep == "of" && nouns.count(word) != 0) || (prep == "to" && word == "loyal") ||
           (prep == "by" && word == "led");
}

// "Varno, a local trader, was": an apposition of "a/an", up to two modifiers and a noun for
// a person ("Varno, a town of 5,000" stays a place).
bool person_apposition_follows(const Document& doc, const Match& m) {
    const std::size_t k = m.last + 1;
    if (k + 2 >= doc.tokens.size() || doc.barrier_char(k) != ',') {
        return false;
    }
    const std::string& article = doc.tokens[k + 1].key;
    if (article != "a" && article != "an") {
        return false;
    }
    for (std::size_t w = k + 2; w < doc.tokens.size() && w <= k + 4 && !doc.is_barrier(w); ++w) {
        if (person_noun(doc.tokens[w].key)) {
            return true;
        }
    }
    return false;
}

// "Varno was arrested", "Varno had been shot": what befalls only a person, in the passive
// right after a lone name that no preposition governs. Towns are shelled, captured or hit,
// never arrested, shot or born.
bool person_passive_follows(const Document& doc, const Match& m) {
    static const std::unordered_set<std::string> participles = normalised(
        {"arrested",     "detained",   "kidnapped", "abducted",  "shot",         "killed",
         "wounded",      "injured",    "stabbed",   "murdered",  "assassinated", "executed",
         "hanged",       "jailed",     "sentenced", "convicted", "charged",      "released",
         "freed",        "born",       "elected",   "appointed", "fired",        "sacked",
         "interrogated", "questioned", "tortured",  "beheaded"});
    auto nx = word_after(doc, m.last);
    if (!nx || (doc.tokens[*nx].key != "was" && doc.tokens[*nx].key != "had")) {
        return false;
    }
    nx = word_after(doc, *nx);
    if (nx && doc.tokens[*nx].key == "been") {
        nx = word_after(doc, *nx);
    }
    if (!nx || participles.count(doc.tokens[*nx].key) == 0) {
        return false;
    }
    const auto p = word_before(doc, m.first);
    return !p || !governs_place(doc.tokens[*p].key);
}

} // namespace

bool person_cue(const Document& doc, const Match& m) {
    return person_relation_follows(doc, m) || pronoun_place_follows(doc, m) ||
           patronymic_follows(doc, m) || age_follows(doc, m) || year_old_follows(doc, m) ||
           apposed_to_person(doc, m) || person_passive_follows(doc, m) || who_follows(doc, m) ||
           person_phrase_before(doc, m) || person_apposition_follows(doc, m);
}

// "members of Varno", "the militants of the Varno": a group's members and ranks belong to an
// organisation; a town's people are its residents or inhabitants, not its members.
bool members_of_before(const Document& doc, const Match& m) {
    static const std::unordered_set<std::string> nouns =
        normalised({"member", "members", "militants", "leader", "leaders", "founder", "founders",
                    "supporters", "followers", "ranks", "cadres", "affiliates", "loyalists",
                    "spokesman", "spokeswoman", "cell", "cells"});
    auto p = word_before(doc, m.first);
    if (p && doc.tokens[*p].key == "the") {
        p = word_before(doc, *p);
    }
    if (!p || doc.tokens[*p].key != "of") {
        return false;
    }
    const auto noun = word_before(doc, *p);
    return noun && !doc.tokens[*noun].capitalized && nouns.count(doc.tokens[*noun].key) != 0;
}

} // namespace eventmap::geoparse::detail
