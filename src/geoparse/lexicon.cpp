#include "geoparse/lexicon.hpp"

#include "build_config.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"
#include "gazetteer/normalize.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace eventmap::geoparse {

namespace {

enum class Layout { phrase_per_line, words };

// Reads one list: '#' starts a comment; blank lines are skipped. With Layout::words every
// whitespace-separated word is an entry (first_names.txt keeps many per line).
// Lower-cased ASCII letters, other bytes kept: the spelling as written, before the loose
// transliteration key (which lets "Somme" meet "some" and "Al Jazirah" meet "Al Jazeera").
std::string plain_lower(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\t') {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::unordered_set<std::string> read_list(const std::string& path, Layout layout,
                                          std::size_t* longest = nullptr,
                                          std::unordered_set<std::string>* plain = nullptr) {
    std::ifstream in(path);
    if (!in) {
        throw InputError(std::string("cannot open geoparser lexicon (") + std::strerror(errno) +
                             "); set EVENTMAP_GEOPARSE_LEXICON to assets/geoparse",
                         path);
    }
    std::unordered_set<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        const auto hash = line.find('#');
        if (hash != std::string::npos) {
            line.erase(hash);
        }
        auto add = [&](const std::string& entry) {
            const std::vector<std::string> tokens = gazetteer::normalize_tokens(entry);
            if (tokens.empty()) {
                return;
            }
            if (longest != nullptr) {
                *longest = std::max(*longest, tokens.size());
            }
            out.insert(gazetteer::normalize_name(entry));
            if (plain != nullptr) {
                plain->insert(plain_lower(entry));
            }
        };
        if (layout == Layout::words) {
            std::istringstream words(line);
            std::string word;
            while (words >> word) {
                add(word);
            }
        } else {
            add(line);
        }
    }
    return out;
}

} // namespace

std::string Lexicon::plain(std::string_view written) {
    return plain_lower(written);
}

Lexicon Lexicon::load(const std::string& directory) {
    const std::string d = directory + "/";
    Lexicon lex;
    lex.person_titles = read_list(d + "person_titles.txt", Layout::phrase_per_line);
    lex.first_names = read_list(d + "first_names.txt", Layout::words);
    lex.not_places = read_list(d + "not_places.txt", Layout::phrase_per_line);
    lex.common_words = read_list(d + "common_words.txt", Layout::phrase_per_line);
    lex.english_words = read_list(d + "english_words.txt", Layout::words);
    lex.org_heads = read_list(d + "org_heads.txt", Layout::phrase_per_line);
    lex.organisations = read_list(d + "organisations.txt", Layout::phrase_per_line,
                                  &lex.longest_organisation, &lex.organisations_plain);
    for (const std::string& phrase : lex.organisations) {
        lex.organisation_starts.insert(phrase.substr(0, phrase.find(' ')));
    }
    lex.metonymy_verbs = read_list(d + "metonymy_verbs.txt", Layout::phrase_per_line);
    lex.function_words =
        read_list(d + "function_words.txt", Layout::words, nullptr, &lex.function_words_plain);
    lex.place_modifiers = read_list(d + "place_modifiers.txt", Layout::words);
    lex.institution_words = read_list(d + "institution_words.txt", Layout::words);
    return lex;
}

std::string Lexicon::default_directory() {
    const char* env = std::getenv("EVENTMAP_GEOPARSE_LEXICON");
    if (env != nullptr && *env != '\0') {
        return env;
    }
    return asset_path("geoparse");
}

} // namespace eventmap::geoparse
