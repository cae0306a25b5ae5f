// Loading the events lexicon. Sections:
//   1. Inflection
//   2. Reading tab-separated files
//   3. EventLexicon::load
#include "events/lexicon.hpp"

#include "build_config.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "common/numbers.hpp"
#include "model/event.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace eventmap::events {

namespace {

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string plural(const std::string& w) {
    if (ends_with(w, "s") || ends_with(w, "x") || ends_with(w, "z") || ends_with(w, "ch") ||
        ends_with(w, "sh")) {
        return w + "es";
    }
    if (w.size() > 1 && w.back() == 'y' && !is_vowel(w[w.size() - 2])) {
        return w.substr(0, w.size() - 1) + "ies";
    }
    return w + "s";
}

std::vector<std::string> split_words(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    std::string w;
    while (in >> w) {
        out.push_back(w);
    }
    return out;
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (true) {
        const std::size_t tab = line.find('\t', from);
        out.push_back(line.substr(from, tab == std::string::npos ? std::string::npos : tab - from));
        if (tab == std::string::npos) {
            return out;
        }
        from = tab + 1;
    }
}

// ---- 2. Reading files ------------------------------------------------------------------------

// Calls row(fields, line_number) for each non-empty, non-comment line.
template <typename Row> void read_rows(const std::string& path, Row row) {
    std::ifstream in(path);
    if (!in) {
        throw InputError("cannot read events lexicon file", path);
    }
    std::string line;
    std::uint64_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty() || line[0] == '#') {
            continue;
        }
        row(split_tabs(line), number);
    }
}

double parse_weight(const std::string& s, const std::string& path, std::uint64_t line) {
    const double w = parse_number(s).value_or(-1);
    if (w < 0 || w > 1) {
        throw InputError("weight must be a number in 0..1, got '" + s + "'", path, line);
    }
    return w;
}

} // namespace

// ---- 1. Inflection ---------------------------------------------------------------------------

namespace {

// Irregular past forms (simple past, then participle when it differs) of the verbs news uses
// for events; every other verb inflects by rule.
const std::unordered_map<std::string, std::vector<std::string>>& irregular_pasts() {
    static const std::unordered_map<std::string, std::vector<std::string>> pasts{
        {"shoot", {"shot"}},
        {"strike", {"struck", "stricken"}},
        {"fight", {"fought"}},
        {"blow", {"blew", "blown"}},
        {"break", {"broke", "broken"}},
        {"take", {"took", "taken"}},
        {"set", {"set"}},
        {"hit", {"hit"}},
        {"burn", {"burnt", "burned"}},
        {"beat", {"beat", "beaten"}},
        {"steal", {"stole", "stolen"}},
        {"overrun", {"overran", "overrun"}},
        {"meet", {"met"}},
        {"withdraw", {"withdrew", "withdrawn"}},
        {"hold", {"held"}},
        {"lead", {"led"}},
        {"run", {"ran", "run"}},
        {"tear", {"tore", "torn"}},
        {"throw", {"threw", "thrown"}},
        {"shake", {"shook", "shaken"}},
        {"begin", {"began", "begun"}},
        {"bring", {"brought"}},
        {"rise", {"rose", "risen"}},
        {"slay", {"slew", "slain"}},
        {"freeze", {"froze", "frozen"}},
        {"sink", {"sank", "sunk"}},
        {"fly", {"flew", "flown"}},
        {"flee", {"fled"}},
        {"seek", {"sought"}},
        {"find", {"found"}},
        {"go", {"went", "gone"}},
        {"cut", {"cut"}},
        {"put", {"put"}},
        {"spread", {"spread"}},
        {"undertake", {"undertook", "undertaken"}},
        {"overthrow", {"overthrew", "overthrown"}},
        {"retake", {"retook", "retaken"}},
        {"sweep", {"swept"}},
        {"drive", {"drove", "driven"}},
        {"stab", {"stabbed"}},
        {"light", {"lit"}},
        {"leave", {"left"}},
        {"come", {"came", "come"}},
        {"lay", {"laid"}},
        {"slit", {"slit"}}};
    return pasts;
}

// Verbs of more than one syllable stressed on the last, which double their final consonant
// (patrol -> patrolled); the short ones (ban, stab) follow the general rule below.
bool doubles_final_consonant(const std::string& lemma) {
    static const std::vector<std::string> verbs{
        "patrol",   "kidnap", "occur", "control", "compel", "rebel", "commit", "admit",
        "transfer", "refer",  "deter", "expel",   "repel",  "equip", "recur",  "propel"};
    return std::find(verbs.begin(), verbs.end(), lemma) != verbs.end();
}

// One short syllable ending consonant-vowel-consonant doubles its consonant: ban -> banned,
// hit -> hitting; a vowel before it makes two syllables with the stress first: open -> opened.
bool short_cvc(const std::string& lemma) {
    const std::size_t n = lemma.size();
    if (n < 3 || n > 4) {
        return false;
    }
    const char last = lemma.back();
    return !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' && is_vowel(lemma[n - 2]) &&
           !is_vowel(lemma[n - 3]) && (n == 3 || !is_vowel(lemma[0]));
}

} // namespace

std::vector<std::string> verb_forms(const std::string& lemma) {
    std::vector<std::string> out{lemma, plural(lemma)};
    const std::size_t n = lemma.size();
    if (n == 0) {
        return out;
    }
    const char last = lemma.back();
    const auto irregular = irregular_pasts().find(lemma);
    if (irregular != irregular_pasts().end()) {
        out.insert(out.end(), irregular->second.begin(), irregular->second.end());
        if (last == 'e' && !ends_with(lemma, "ee")) {
            out.push_back(lemma.substr(0, n - 1) + "ing");
        } else if (short_cvc(lemma)) {
            out.push_back(lemma + last + "ing"); // shoot is no CVC; hit -> hitting, cut
        } else {
            out.push_back(lemma + "ing");
        }
        return out;
    }
    if (doubles_final_consonant(lemma)) {
        out.push_back(lemma + last + "ed");
        out.push_back(lemma + last + "ing");
        return out;
    }
    if (ends_with(lemma, "ie")) {
        out.push_back(lemma + "d"); // die -> died, dying
        out.push_back(lemma.substr(0, n - 2) + "ying");
    } else if (last == 'e') {
        out.push_back(lemma + "d");
        out.push_back(ends_with(lemma, "ee") ? lemma + "ing" : lemma.substr(0, n - 1) + "ing");
    } else if (last == 'y' && n > 1 && !is_vowel(lemma[n - 2])) {
        out.push_back(lemma.substr(0, n - 1) + "ied");
        out.push_back(lemma + "ing");
    } else if (short_cvc(lemma)) {
        out.push_back(lemma + last + "ed");
        out.push_back(lemma + last + "ing");
    } else {
        out.push_back(lemma + "ed");
        out.push_back(lemma + "ing");
    }
    return out;
}

std::vector<std::string> noun_forms(const std::string& noun) {
    return {noun, plural(noun)};
}

// ---- 3. EventLexicon::load -------------------------------------------------------------------

std::string EventLexicon::default_directory() {
    const char* env = std::getenv("EVENTMAP_EVENTS_LEXICON");
    if (env != nullptr && *env != '\0') {
        return env;
    }
    return asset_path("events");
}

const std::vector<std::size_t>* EventLexicon::triggers_starting(const std::string& key) const {
    const auto it = trigger_index_.find(key);
    return it == trigger_index_.end() ? nullptr : &it->second;
}

const std::vector<std::size_t>* EventLexicon::object_phrases_ending(const std::string& key) const {
    const auto it = object_index_.find(key);
    return it == object_index_.end() ? nullptr : &it->second;
}

const std::vector<std::size_t>* EventLexicon::titles_starting(const std::string& key) const {
    const auto it = title_index_.find(key);
    return it == title_index_.end() ? nullptr : &it->second;
}

const std::vector<std::size_t>* EventLexicon::actors_starting(const std::string& word) const {
    const auto it = actor_index_.find(word);
    return it == actor_index_.end() ? nullptr : &it->second;
}

EventLexicon EventLexicon::load(const std::string& directory) {
    EventLexicon lex;

    const std::string types_path = directory + "/plover_types.tsv";
    std::unordered_map<std::string, std::size_t> type_index;
    read_rows(types_path, [&](const std::vector<std::string>& f, std::uint64_t line) {
        if (f.size() < 3 || f[1].size() != 1 || f[1][0] < '1' || f[1][0] > '4') {
            throw InputError("expected: TYPE, quad 1-4, CAMEO root", types_path, line);
        }
        if (!model::parse_plover_type(f[0]) || f[0].empty()) {
            throw InputError("'" + f[0] + "' is not one of PLOVER's event types", types_path, line);
        }
        type_index[f[0]] = lex.types_.size();
        lex.types_.push_back(EventType{f[0], f[1][0] - '0', f[2] == "-" ? "" : f[2]});
    });

    const std::string triggers_path = directory + "/triggers.tsv";
    read_rows(triggers_path, [&](const std::vector<std::string>& f, std::uint64_t line) {
        if (f.size() != 5 && f.size() != 6) {
            throw InputError(
                "expected 5 or 6 tab-separated fields: form, kind, type, CAMEO, weight[, mode]",
                triggers_path, line);
        }
        const auto type = type_index.find(f[2]);
        if (type == type_index.end()) {
            throw InputError("unknown PLOVER type '" + f[2] + "'", triggers_path, line);
        }
        const std::vector<std::string> words = split_words(f[0]);
        if (words.empty()) {
            throw InputError("empty trigger form", triggers_path, line);
        }
        std::vector<std::vector<std::string>> variants;
        const std::string& kind = f[1];
        const bool light_only = kind == "lightnoun";
        const bool nominal = kind == "noun" || kind == "compound" || kind == "name" || light_only;
        if (kind == "exact" || kind == "name") {
            variants.push_back(words);
        } else if (kind == "verb" || kind == "noun" || light_only) {
            if (words.size() != 1) {
                throw InputError("a " + kind + " is one word; use phrase or compound",
                                 triggers_path, line);
            }
            for (const auto& form : kind == "verb" ? verb_forms(words[0]) : noun_forms(words[0])) {
                variants.push_back({form});
            }
        } else if (kind == "phrase" || kind == "compound") {
            if (words.size() < 2) {
                throw InputError("a " + kind + " has several words", triggers_path, line);
            }
            const std::vector<std::string> heads = kind == "phrase"
                                                       ? verb_forms(words.front())
                                                       : std::vector<std::string>{words.front()};
            for (const auto& head : heads) {
                for (const auto& tail : noun_forms(words.back())) {
                    std::vector<std::string> v = words;
                    v.front() = head;
                    v.back() = tail;
                    variants.push_back(std::move(v));
                }
            }
        } else {
            throw InputError("kind must be verb, noun, lightnoun, phrase, compound, exact or name, "
                             "got '" +
                                 kind + "'",
                             triggers_path, line);
        }
        const std::string cameo = f[3] == "-" ? lex.types_[type->second].cameo_root : f[3];
        const double weight = parse_weight(f[4], triggers_path, line);
        const std::string mode = f.size() == 6 && f[5] != "-" ? f[5] : std::string();
        // A particle as the phrase's last word ("fire on", "call for") takes no modifiers.
        static const std::unordered_set<std::string> particles{
            "down", "up", "on", "at", "into", "toward", "towards", "for", "out", "to", "off"};
        const bool object_phrase =
            kind == "phrase" && words.size() == 2 && particles.count(words.back()) == 0;
        const bool particle_phrase =
            kind == "phrase" && words.size() == 2 && particles.count(words.back()) > 0;
        for (auto& v : variants) {
            lex.triggers_.push_back(Trigger{std::move(v), f[0], type->second, cameo, weight,
                                            nominal, mode, object_phrase, particle_phrase,
                                            light_only});
        }
    });

    const std::string actors_path = directory + "/actors.tsv";
    read_rows(actors_path, [&](const std::vector<std::string>& f, std::uint64_t line) {
        if (f.size() != 4) {
            throw InputError("expected 4 tab-separated fields: name, actor, country, kind",
                             actors_path, line);
        }
        lex.actors_.push_back(ActorName{split_words(f[0]), f[1], f[2] == "-" ? "" : f[2], f[3]});
    });

    const std::string titles_path = directory + "/titles.txt";
    read_rows(titles_path, [&](const std::vector<std::string>& f, std::uint64_t) {
        std::vector<std::string> words = split_words(f[0]);
        if (!words.empty()) {
            lex.titles_.push_back(std::move(words));
        }
    });
    std::stable_sort(lex.titles_.begin(), lex.titles_.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });

    for (std::size_t i = 0; i < lex.titles_.size(); ++i) {
        std::string first = lex.titles_[i].front();
        if (first.size() > 1 && first.back() == '.') {
            first.pop_back(); // "gen." is the token "gen" followed by "."
        }
        lex.title_index_[first].push_back(i);
    }
    for (std::size_t i = 0; i < lex.triggers_.size(); ++i) {
        lex.trigger_index_[lex.triggers_[i].words.front()].push_back(i);
        if (lex.triggers_[i].object_phrase) {
            lex.object_index_[lex.triggers_[i].words.back()].push_back(i);
        }
    }
    for (auto& [key, list] : lex.trigger_index_) {
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            const auto& ta = lex.triggers_[a];
            const auto& tb = lex.triggers_[b];
            if (ta.words.size() != tb.words.size()) {
                return ta.words.size() > tb.words.size();
            }
            return ta.weight > tb.weight;
        });
    }
    for (std::size_t i = 0; i < lex.actors_.size(); ++i) {
        lex.actor_index_[lex.actors_[i].words.front()].push_back(i);
    }
    for (auto& [key, list] : lex.actor_index_) {
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            return lex.actors_[a].words.size() > lex.actors_[b].words.size();
        });
    }
    return lex;
}

} // namespace eventmap::events
