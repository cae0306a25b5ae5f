// Sentences and tense: sentence boundaries over tokens, and the tense of the clause around an
// expression from the nearest cue (will/would/expected..., was/said/-ed, is/are).
#include "dates/tense.hpp"

#include <array>

namespace eventmap::dates {

namespace {

bool is_tense_subordinator(std::string_view w) {
    return w == "that" || w == "which" || w == "who" || w == "when" || w == "if" ||
           w == "because" || w == "while" || w == "where" || w == "but" || w == "whether" ||
           w == "although" || w == "unless";
}

Tense word_tense(std::string_view w, bool capitalized) {
    // Irregular and auxiliary cues first; then the regular past "-ed".
    static constexpr std::string_view future[] = {
        "will",   "shall",    "would", "wo",      "expected", "expects",  "scheduled", "due",
        "plans",  "planned",  "plan",  "intends", "intend",   "aims",     "could",     "might",
        "should", "upcoming", "next",  "ll",      "hopes",    "tomorrow", "later"};
    static constexpr std::string_view past[] = {
        "was",   "were",      "had",     "did",        "said",   "told",    "came",    "went",
        "took",  "made",      "gave",    "saw",        "met",    "left",    "held",    "won",
        "lost",  "sold",      "bought",  "began",      "became", "fell",    "rose",    "broke",
        "spoke", "wrote",     "ran",     "found",      "got",    "thought", "brought", "led",
        "paid",  "sent",      "spent",   "built",      "struck", "fought",  "shot",    "ago",
        "last",  "yesterday", "earlier", "previously", "hit",    "saw",     "knew",    "grew",
        "drew",  "threw",     "flew",    "fled",       "wore",   "chose",   "froze",   "stood",
        "sat",   "felt",      "kept",    "meant",      "heard",  "lay",     "rang",    "sang",
        "sank",  "swam",      "drove",   "rode",       "ate"};
    static constexpr std::string_view present[] = {"is", "are", "says", "am", "does", "remains"};
    static constexpr std::string_view not_past[] = {
        "need",     "speed",      "feed",      "seed",     "indeed",   "proceed",   "succeed",
        "exceed",   "hundred",    "embed",     "based",    "united",   "limited",   "related",
        "detailed", "interested", "concerned", "armed",    "advanced", "bed",       "red",
        "shed",     "wed",        "breed",     "greed",    "steed",    "weed",      "unprecedented",
        "expected", "scheduled",  "planned",   "supposed", "alleged",  "so-called", "reed",
        "creed",    "bleed"};
    for (auto f : future) {
        if (w == f) {
            return Tense::future;
        }
    }
    for (auto p : past) {
        if (w == p) {
            return Tense::past;
        }
    }
    for (auto p : present) {
        if (w == p) {
            return Tense::present;
        }
    }
    if (!capitalized && w.size() >= 5 && w.substr(w.size() - 2) == "ed") {
        for (auto n : not_past) {
            if (w == n) {
                return Tense::unknown;
            }
        }
        return Tense::past;
    }
    return Tense::unknown;
}

// Verbs of scheduled events whose simple present, right before a date, reads as a timetable:
// "the strike ends on the 31st", "talks resume Monday" (TimeML's schedule reading: what is to
// come). A closed list, since most words ending in -s are plural nouns.
bool schedule_verb(std::string_view w) {
    // Not "strike", "march", "vote", "visit", "play", "face": their plurals are common nouns
    // before a date ("air strikes on Monday")
    static constexpr std::string_view kVerbs[] = {
        "begin",  "start",  "end",    "resume",  "open",      "close",   "meet",
        "rule",   "return", "expire", "convene", "reconvene", "adjourn", "testify",
        "arrive", "depart", "reopen", "sit",     "hear",      "decide",  "go"};
    const auto third_person = [](std::string_view base, std::string_view form) {
        const bool sibilant = base.back() == 'h' || base.back() == 's' || base.back() == 'o';
        return form.size() == base.size() + (sibilant ? 2 : 1) &&
               form.substr(0, base.size()) == base &&
               form.substr(base.size()) == (sibilant ? "es" : "s");
    };
    for (std::string_view v : kVerbs) {
        if (w == v || third_person(v, w)) {
            return true;
        }
    }
    return false;
}

// Words that make the -s form a plural noun ("the rules", "new talks", "its ends") or the base
// form something other than a finite present ("to meet", "did not return", "will meet").
bool blocks_schedule(std::string_view before) {
    static constexpr std::string_view kBlockers[] = {
        "the", "a",    "an",   "its",   "his",   "her",   "their", "our", "my",   "your", "new",
        "no",  "of",   "for",  "and",   "to",    "not",   "n't",   "did", "does", "do",   "'s",
        "s",   "this", "that", "these", "those", "whose", "in",    "on",  "at",   "by",   "with"};
    for (std::string_view b : kBlockers) {
        if (before == b) {
            return true;
        }
    }
    return false;
}

} // namespace

namespace {

bool full_month_name(std::string_view w) {
    static constexpr std::string_view kNames[] = {"january",   "february", "march",    "april",
                                                  "may",       "june",     "july",     "august",
                                                  "september", "october",  "november", "december"};
    for (std::string_view name : kNames) {
        if (w == name) {
            return true;
        }
    }
    return false;
}

} // namespace

std::vector<std::uint32_t> sentence_ids(std::string_view lower, const std::vector<Token>& tokens) {
    std::vector<std::uint32_t> ids(tokens.size());
    std::uint32_t current = 0;
    bool end_pending = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (end_pending || (t.newline_before && i > 0)) {
            // A '.' after an abbreviation or a single letter does not end the sentence unless
            // a line break follows.
            ++current;
            end_pending = false;
        }
        ids[i] = current;
        if (t.kind == TokenKind::punct &&
            (t.punct == '.' || t.punct == '!' || t.punct == '?' || t.punct == ';')) {
            bool abbreviation = false;
            if (t.punct == '.' && i > 0 && tokens[i - 1].kind == TokenKind::word &&
                tokens[i - 1].end == t.begin) {
                const std::string_view w =
                    lower.substr(tokens[i - 1].begin, tokens[i - 1].end - tokens[i - 1].begin);
                // "Aug." abbreviates a month; "in June." ends a sentence
                abbreviation =
                    w.size() == 1 || (tokens[i - 1].lex == Lex::month && !full_month_name(w)) ||
                    w == "mr" || w == "mrs" || w == "ms" || w == "dr" || w == "st" || w == "gen" ||
                    w == "sen" || w == "rep" || w == "gov" || w == "lt" || w == "col" ||
                    w == "inc" || w == "corp" || w == "co" || w == "ltd" || w == "jr" ||
                    w == "sr" || w == "no" || w == "vs" || w == "prof" || w == "sgt" || w == "capt";
            }
            if (t.punct == '.' && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::word &&
                !tokens[i + 1].capitalized && !tokens[i + 1].newline_before) {
                abbreviation = true;
            }
            // "in Mobile, Ala., a fire...": a comma right after the '.' continues the sentence
            if (t.punct == '.' && i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::punct &&
                tokens[i + 1].punct == ',' && !tokens[i + 1].newline_before) {
                abbreviation = true;
            }
            end_pending = !abbreviation;
        }
    }
    return ids;
}

Tense clause_tense(std::string_view lower, const std::vector<Token>& tokens,
                   const std::vector<std::uint32_t>& sentences, std::size_t first,
                   std::size_t last) {
    if (first >= tokens.size()) {
        return Tense::unknown;
    }
    const std::uint32_t sentence = sentences[first];
    auto word = [&](std::size_t i) {
        return lower.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    };
    // A scheduled event's verb in the simple present just before the date, after its subject:
    // only prepositions and articles between ("ends on the 31st", "resume Monday").
    auto schedule = [&](std::size_t i) {
        const std::string_view w = word(i);
        if (i == 0 || i + 3 < first || tokens[i - 1].kind != TokenKind::word ||
            sentences[i - 1] != sentence || !schedule_verb(w) || blocks_schedule(word(i - 1))) {
            return false;
        }
        for (std::size_t k = i + 1; k < first; ++k) {
            const std::string_view between = word(k);
            if (between != "on" && between != "at" && between != "the" && between != "this") {
                return false;
            }
        }
        // a noun phrase whose verb follows the date is no schedule: "new hearings on Monday
        // drew crowds" (a comma closes the clause: "ends on the 31st, the union said")
        for (std::size_t k = last; k < tokens.size() && k < last + 6; ++k) {
            if (sentences[k] != sentence || is_tense_subordinator(word(k)) ||
                (tokens[k].kind == TokenKind::punct && tokens[k].punct == ',')) {
                break;
            }
            if (tokens[k].kind == TokenKind::word &&
                word_tense(word(k), tokens[k].capitalized) == Tense::past) {
                return false;
            }
        }
        // the base form needs a plural subject ("talks resume", "they meet"); the -s form a
        // singular one, which the blockers above keep from being a determiner
        if (w.back() != 's' || w == "does") {
            const std::string_view subject = word(i - 1);
            return subject == "they" || subject == "we" ||
                   (subject.size() > 3 && subject.back() == 's' && subject != "was" &&
                    subject != "has" && subject != "is");
        }
        return true;
    };
    auto cue = [&](std::size_t i) {
        const Token& t = tokens[i];
        if (t.kind != TokenKind::word) {
            return Tense::unknown;
        }
        // 'll (we'll) arrives as a quote then "ll"
        if (word(i) == "ll" && i > 0 && tokens[i - 1].kind == TokenKind::punct &&
            tokens[i - 1].punct == '\'') {
            return Tense::future;
        }
        const bool to_next = i + 1 < tokens.size() && word(i + 1) == "to";
        const std::string_view w = word(i);
        if (to_next && (w == "set" || w == "planning" || w == "preparing" || w == "going" ||
                        w == "likely" || w == "unlikely")) {
            // "is set to begin", "were planning to march on Monday", "is likely to sign
            // on Monday": what is to come
            return Tense::future;
        }
        // "the bank is to resume trading Tuesday": be + to + verb is an arrangement ahead
        if (to_next && (w == "is" || w == "are" || w == "was" || w == "were") &&
            i + 2 < tokens.size() && tokens[i + 2].kind == TokenKind::word) {
            return Tense::future;
        }
        // "will last through the weekend", "expected to last until May": the verb "last",
        // not the "last" of "last week"; the modal or the verb before it decides
        if (w == "last" && i > 0) {
            static constexpr std::string_view kBeforeVerb[] = {
                "will", "would", "to", "may", "might", "can", "could", "should", "must", "ll"};
            for (std::string_view b : kBeforeVerb) {
                if (word(i - 1) == b) {
                    return Tense::unknown;
                }
            }
        }
        // "the plan", "a plan", "its plans": a noun, not "plans to" looking ahead
        if ((w == "plan" || w == "plans") && i > 0) {
            static constexpr std::string_view kDeterminers[] = {"the", "a",     "its", "his",
                                                                "her", "their", "our"};
            for (std::string_view d : kDeterminers) {
                if (word(i - 1) == d) {
                    return Tense::unknown;
                }
            }
        }
        // "could not" is the past of "cannot": "could not be reached Wednesday"; so is a
        // "could" whose subject is negated ("neither the mayor nor his aides could be reached")
        auto negated_could = [&](std::size_t k) {
            if (k + 1 >= tokens.size() || word(k) != "could") {
                return false;
            }
            if (word(k + 1) == "not" || word(k + 1) == "n't") {
                return true;
            }
            for (std::size_t back = 1; back <= 8 && back <= k; ++back) {
                const std::string_view earlier = word(k - back);
                if (sentences[k - back] != sentence || is_tense_subordinator(earlier)) {
                    break;
                }
                if (earlier == "neither" || earlier == "nor" || earlier == "nobody" ||
                    earlier == "no-one") {
                    return true;
                }
            }
            return false;
        };
        if (negated_could(i)) {
            return Tense::past;
        }
        if (i < first && schedule(i)) {
            return Tense::future;
        }
        const Tense tense = word_tense(w, t.capitalized);
        // The past perfect of a plan is past: "had been due to lapse Wednesday", "had planned
        // to meet Monday" (the time has come and gone, or the plan changed).
        if (tense == Tense::future && i > 0 &&
            (word(i - 1) == "had" || (i > 1 && word(i - 1) == "been" && word(i - 2) == "had"))) {
            return Tense::past;
        }
        // so is a plan carried out as made: "the march began as previously planned on
        // Saturday" ("originally planned" is left alone: it often announces a new date)
        if (tense == Tense::future && i > 0 && word(i - 1) == "previously") {
            return Tense::past;
        }
        // A participle after a bare "be" follows a modal or "to": "will be finalized", "to be
        // held", "may be signed" all look ahead.
        if (tense == Tense::past && i > 0 && word(i - 1) == "be") {
            const bool negated = (i >= 3 && negated_could(i - 3)) ||
                                 (i >= 2 && word(i - 2) == "could" && negated_could(i - 2));
            return negated ? Tense::past : Tense::future;
        }
        // the present passive: "when the bill is read in June", "the polls are closed"
        if (tense == Tense::past && i > 0 &&
            (word(i - 1) == "is" || word(i - 1) == "are" || word(i - 1) == "am")) {
            return Tense::present;
        }
        return tense;
    };
    constexpr std::size_t kReach = 12;
    // A time fronted before the clause ("In February, nine days after the verdict, a blaze at the
    // capital destroyed...") is followed by the whole subject before its verb: look further.
    constexpr std::size_t kFrontedReach = 40;
    const bool fronted = first == 0 || sentences[first - 1] != sentence ||
                         (first >= 1 && (first == 1 || sentences[first - 2] != sentence) &&
                          tokens[first - 1].kind == TokenKind::word);
    const bool comma_after =
        last < tokens.size() && tokens[last].kind == TokenKind::punct && tokens[last].punct == ',';
    const std::size_t reach = fronted && comma_after ? kFrontedReach : kReach;
    auto right_cue = [&]() {
        for (std::size_t i = last; i < tokens.size() && i < last + reach; ++i) {
            if (sentences[i] != sentence || is_tense_subordinator(word(i))) {
                break;
            }
            if (Tense t = cue(i); t != Tense::unknown) {
                return t;
            }
        }
        return Tense::unknown;
    };
    // A plan's participle with no auxiliary before it opens a reduced relative clause ("a
    // rally planned for Saturday was called off"): the main verb after the date decides, the
    // plan only when no verb follows.
    auto reduced_plan = [&](std::size_t i) {
        const std::string_view w = word(i);
        if (w != "planned" && w != "scheduled" && w != "expected") {
            return false;
        }
        // "protesters planned a march": a finite verb with its object, not a modifier
        static constexpr std::string_view kPrepositions[] = {"for", "at", "in", "on", "to", "by"};
        bool preposition = false;
        for (std::string_view p : kPrepositions) {
            preposition = preposition || (i + 1 < tokens.size() && word(i + 1) == p);
        }
        if (!preposition) {
            return false;
        }
        static constexpr std::string_view kAuxiliaries[] = {
            "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will"};
        for (std::string_view a : kAuxiliaries) {
            if (i > 0 && word(i - 1) == a) {
                return false;
            }
        }
        return true;
    };
    for (std::size_t k = 1; k <= kReach && k <= first; ++k) {
        const std::size_t i = first - k;
        if (sentences[i] != sentence) {
            break;
        }
        if (Tense t = cue(i); t != Tense::unknown) {
            if (t == Tense::future && reduced_plan(i) && right_cue() == Tense::past) {
                return Tense::past;
            }
            return t;
        }
    }
    return right_cue();
}

} // namespace eventmap::dates
