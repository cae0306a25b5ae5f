#include "eval/dates_scorer.hpp"

#include "dates/date_tagger.hpp"

namespace eventmap::eval {

PRF make_prf(std::size_t true_system, std::size_t system, std::size_t true_gold, std::size_t gold) {
    PRF p;
    p.precision = system ? double(true_system) / double(system) : 0;
    p.recall = gold ? double(true_gold) / double(gold) : 0;
    p.f1 = p.precision + p.recall > 0 ? 2 * p.precision * p.recall / (p.precision + p.recall) : 0;
    return p;
}

void TimexCounts::add(const TimexCounts& o) {
    gold += o.gold;
    system += o.system;
    strict += o.strict;
    relaxed += o.relaxed;
    value_correct += o.value_correct;
    type_correct += o.type_correct;
}

TimexCounts score_document(const GoldDocument& gold,
                           const std::vector<dates::TimeExpression>& system,
                           bool skip_creation_time, std::vector<TimexError>* errors) {
    auto overlaps = [](std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
        return a0 < b1 && b0 < a1;
    };
    std::vector<const GoldTimex*> g;
    for (const GoldTimex& t : gold.timexes) {
        if (!(skip_creation_time && t.creation_time)) {
            g.push_back(&t);
        }
    }
    std::vector<const dates::TimeExpression*> s;
    for (const dates::TimeExpression& e : system) {
        bool skip = gold.annotated_end != std::string::npos && e.byte_start >= gold.annotated_end;
        if (skip_creation_time) {
            for (const GoldTimex& t : gold.timexes) {
                skip = skip || (t.creation_time &&
                                overlaps(e.byte_start, e.byte_end, t.byte_begin, t.byte_end));
            }
        }
        if (!skip) {
            s.push_back(&e);
        }
    }
    TimexCounts c;
    c.gold = g.size();
    c.system = s.size();
    std::vector<int> gold_match(g.size(), -1);
    std::vector<int> system_match(s.size(), -1);
    // Exact spans first, then any overlap: one-to-one.
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            if (system_match[i] >= 0) {
                continue;
            }
            for (std::size_t j = 0; j < g.size(); ++j) {
                if (gold_match[j] >= 0) {
                    continue;
                }
                const bool exact =
                    s[i]->byte_start == g[j]->byte_begin && s[i]->byte_end == g[j]->byte_end;
                const bool hit = pass == 0 ? exact
                                           : overlaps(s[i]->byte_start, s[i]->byte_end,
                                                      g[j]->byte_begin, g[j]->byte_end);
                if (hit) {
                    system_match[i] = static_cast<int>(j);
                    gold_match[j] = static_cast<int>(i);
                    c.strict += exact ? 1 : 0;
                    break;
                }
            }
        }
    }
    auto text_of = [&](std::size_t b, std::size_t e) { return gold.text.substr(b, e - b); };
    // A window of text around a gold span, for people reading --show-errors.
    auto context = [&](std::size_t b, std::size_t e) {
        const std::size_t from = b > 150 ? b - 150 : 0;
        std::string window = gold.text.substr(from, std::min(gold.text.size(), e + 60) - from);
        for (char& ch : window) {
            ch = ch == '\n' ? ' ' : ch;
        }
        return window;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (system_match[i] < 0) {
            if (errors != nullptr) {
                errors->push_back({"spurious", "", "", s[i]->text,
                                   s[i]->value + "\t" + context(s[i]->byte_start, s[i]->byte_end)});
            }
            continue;
        }
        const GoldTimex& t = *g[static_cast<std::size_t>(system_match[i])];
        ++c.relaxed;
        if (s[i]->value == t.value) {
            ++c.value_correct;
        } else if (errors != nullptr) {
            errors->push_back({"value", text_of(t.byte_begin, t.byte_end), t.value, s[i]->text,
                               s[i]->value + "\t" + context(t.byte_begin, t.byte_end)});
        }
        if (t.type == dates::type_name(s[i]->type)) {
            ++c.type_correct;
        }
    }
    if (errors != nullptr) {
        for (std::size_t j = 0; j < g.size(); ++j) {
            if (gold_match[j] < 0) {
                errors->push_back({"missed", text_of(g[j]->byte_begin, g[j]->byte_end), g[j]->value,
                                   "", "\t" + context(g[j]->byte_begin, g[j]->byte_end)});
            }
        }
    }
    return c;
}

} // namespace eventmap::eval
