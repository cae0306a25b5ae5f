// Contents
//   1. Dates written in fields and header lines
//   2. Inference: a lower bound from the latest explicit past date, then every candidate day
//      in a window after it is scored by how well the relative expressions fit it
#include "dates/publication.hpp"

#include "common/numbers.hpp"
#include "dates/calendar.hpp"
#include "dates/resolver.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace eventmap::dates {

// ---------------------------------------------------------------------------------------------
// 1. Fields and header lines
// ---------------------------------------------------------------------------------------------

std::optional<long> parse_date_field(std::string_view field, const KnownEvents& events,
                                     const GrammarOptions& options) {
    std::size_t start = field.find_first_not_of(" \t");
    if (start == std::string_view::npos) {
        return std::nullopt;
    }
    field.remove_prefix(start);
    if (auto d = parse_iso_day(field.substr(0, std::min<std::size_t>(field.size(), 10)))) {
        return d;
    }
    std::string lower;
    const auto tokens = tokenize(field, lower);
    for (const Mention& m : recognise(field, lower, tokens, events, options)) {
        if (m.kind == MentionKind::fixed && m.explicit_day) {
            return parse_iso_day(m.fixed);
        }
    }
    return std::nullopt;
}

std::optional<std::string> date_header(std::string_view text) {
    std::size_t pos = 0;
    for (int line = 0; line < 12 && pos < text.size(); ++line) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) {
            eol = text.size();
        }
        std::string_view l = text.substr(pos, eol - pos);
        pos = eol + 1;
        if (l.size() > 5 && (l[0] == 'D' || l[0] == 'd') && (l[1] | 0x20) == 'a' &&
            (l[2] | 0x20) == 't' && (l[3] | 0x20) == 'e' && l[4] == ':') {
            std::string value(l.substr(5));
            value.erase(0, value.find_first_not_of(" \t"));
            while (!value.empty() && (value.back() == '\r' || value.back() == ' ')) {
                value.pop_back();
            }
            return value;
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// 2. Inference
// ---------------------------------------------------------------------------------------------

namespace {

constexpr long kWindowDays = 45;

std::string quoted(std::string_view text, const Mention& m) {
    return "'" + std::string(text.substr(m.byte_begin, m.byte_end - m.byte_begin)) + "'";
}

const char* tense_name(Tense t) {
    switch (t) {
    case Tense::past:
        return "past";
    case Tense::future:
        return "future";
    case Tense::present:
        return "present";
    case Tense::unknown:
        break;
    }
    return "tense unknown";
}

std::string fmt(double v) {
    return format_fixed(v, 2);
}

// A date standing alone on its own line near the top (a dateline under the headline).
bool alone_on_line(const std::vector<Token>& tokens, const Mention& m) {
    const Token& first = tokens[m.first_token];
    const bool starts_line = m.first_token == 0 || first.newline_before;
    const bool ends_line = m.last_token >= tokens.size() || tokens[m.last_token].newline_before;
    return starts_line && ends_line && m.byte_begin < 600;
}

struct Cue {
    const Mention* mention = nullptr;
    const Mention* partner = nullptr; // the dated expression an "in two weeks" points at
    enum class Kind { weekday, relative, offset } kind = Kind::weekday;
};

} // namespace

std::optional<MonthDay> dateline_month_day(const std::vector<Token>& tokens,
                                           const std::vector<Mention>& mentions) {
    // "CITY, Month Day (Agency) -" or "CITY, Month Day -" opening a line near the top.
    for (const Mention& m : mentions) {
        if (m.byte_begin > 800) {
            break;
        }
        if (m.kind != MentionKind::month_day || m.first_token < 2) {
            continue;
        }
        const Token& comma = tokens[m.first_token - 1];
        const Token& city = tokens[m.first_token - 2];
        const bool after_city = comma.kind == TokenKind::punct && comma.punct == ',' &&
                                city.kind == TokenKind::word && city.all_caps;
        const Token* next = m.last_token < tokens.size() ? &tokens[m.last_token] : nullptr;
        const bool before_agency = next != nullptr && next->kind == TokenKind::punct &&
                                   (next->punct == '(' || next->punct == '-');
        if (after_city && before_agency) {
            return MonthDay{m.month, m.day};
        }
    }
    return std::nullopt;
}

PublicationDate infer_publication(std::string_view text, const std::vector<Token>& tokens,
                                  const std::vector<Mention>& mentions,
                                  std::optional<MonthDay> dateline) {
    PublicationDate out;
    out.inferred = true;

    // Explicit days and months, resolved without any reference.
    Resolver absolute(std::nullopt);
    std::vector<std::pair<const Mention*, long>> days;
    std::set<std::string> explicit_months;
    std::set<long> explicit_day_set;
    for (const Mention& m : mentions) {
        if (m.kind != MentionKind::fixed || m.type == TimexType::duration ||
            m.type == TimexType::set) {
            continue;
        }
        const Resolution r = absolute.resolve(m);
        if (r.day) {
            days.emplace_back(&m, *r.day);
            explicit_day_set.insert(*r.day);
            explicit_months.insert(r.value.substr(0, 7));
        } else if (r.value.size() == 7 && r.value[4] == '-' && r.value[5] != 'W' &&
                   r.value[5] != 'Q') {
            explicit_months.insert(r.value);
        }
    }

    for (const auto& [m, day] : days) {
        if (m->explicit_day && alone_on_line(tokens, *m)) {
            out.value = format_day(day);
            out.confidence = 0.9;
            out.evidence = "date alone on a line near the top (dateline) " + quoted(text, *m);
            return out;
        }
    }

    // Lower bound: the latest day the text reports as past (or without tense); upper bound:
    // the earliest day it reports as still to come.
    std::optional<long> lower;
    const Mention* lower_mention = nullptr;
    std::optional<long> upper;
    for (const auto& [m, day] : days) {
        if (m->tense == Tense::future) {
            if (!upper || day < *upper) {
                upper = day;
            }
        } else if (!lower || day > *lower) {
            lower = day;
            lower_mention = m;
        }
    }
    double weak = 1.0; // scales the confidence when the bound itself is loose or a guess
    if (!lower) {
        // Months only: "in August 2013" bounds the date loosely.
        weak = 0.5;
        for (const Mention& m : mentions) {
            if (m.kind == MentionKind::fixed && m.fixed.size() == 7 && m.fixed[4] == '-' &&
                m.fixed[5] >= '0' && m.fixed[5] <= '1' && m.tense != Tense::future) {
                if (auto start = period_start(m.fixed); start && (!lower || *start > *lower)) {
                    lower = start;
                    lower_mention = &m;
                }
            }
        }
    }
    if (!lower) {
        // A month and day without a year ("on June 1st"), taken in the latest year the text
        // names: weak, and said so.
        int latest_year = 0;
        for (const Mention& m : mentions) {
            if (m.kind == MentionKind::fixed && m.tense != Tense::future && m.fixed.size() >= 4 &&
                (m.fixed.size() == 4 || m.fixed[4] == '-') &&
                std::isdigit(static_cast<unsigned char>(m.fixed[0]))) {
                int year = 0; // four digits, checked above
                std::from_chars(m.fixed.data(), m.fixed.data() + 4, year);
                latest_year = std::max(latest_year, year);
            }
        }
        for (const Mention& m : mentions) {
            if (latest_year > 0 && m.kind == MentionKind::month_day && m.tense != Tense::future &&
                is_valid_date(latest_year, m.month, m.day)) {
                const long d = days_from_civil(latest_year, m.month, m.day);
                if (!lower || d > *lower) {
                    lower = d;
                    lower_mention = &m;
                }
            }
        }
        if (!lower) {
            out.evidence = "no explicit date in the text to infer from";
            return out;
        }
        weak = 0.5;
    }

    // Cues that discriminate between candidate days.
    std::vector<Cue> cues;
    for (std::size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        if (m.kind == MentionKind::weekday) {
            cues.push_back({&m, nullptr, Cue::Kind::weekday});
        } else if (m.kind == MentionKind::relative_unit &&
                   (m.unit == Unit::month || m.unit == Unit::week || m.unit == Unit::day) &&
                   m.rel != 0) {
            cues.push_back({&m, nullptr, Cue::Kind::relative});
        } else if (m.kind == MentionKind::offset_reference && m.amount > 0 &&
                   (m.unit == Unit::day || m.unit == Unit::week)) {
            // "in about ten days, around March 14": the nearest dated expression of the
            // same sentence (mentions are in text order, so only neighbours need looking at).
            auto dated = [&](const Mention& p) {
                return p.sentence == m.sentence &&
                       (p.kind == MentionKind::month_day ||
                        (p.kind == MentionKind::fixed && p.explicit_day));
            };
            const Mention* partner = nullptr;
            for (std::size_t k = i + 1; k < mentions.size() && mentions[k].sentence == m.sentence;
                 ++k) {
                if (dated(mentions[k])) {
                    partner = &mentions[k];
                    break;
                }
            }
            for (std::size_t k = i;
                 partner == nullptr && k-- > 0 && mentions[k].sentence == m.sentence;) {
                if (dated(mentions[k])) {
                    partner = &mentions[k];
                }
            }
            if (partner != nullptr) {
                cues.push_back({&m, partner, Cue::Kind::offset});
            }
        }
    }

    struct Scored {
        long day = 0;
        double score = 0;
        double weekday_part = 0;
        double relative_part = 0;
        double offset_part = 0;
    };
    std::vector<Scored> scored;
    std::vector<long> candidates;
    for (long d = *lower; d <= *lower + kWindowDays; ++d) {
        candidates.push_back(d);
    }
    if (dateline) {
        // The dateline's day may lie beyond the window: try it in the bound's year and the next.
        const int year = civil_from_days(*lower).year;
        for (int y = year; y <= year + 1; ++y) {
            if (is_valid_date(y, dateline->month, dateline->day)) {
                const long d = days_from_civil(y, dateline->month, dateline->day);
                if (d > *lower + kWindowDays) {
                    candidates.push_back(d);
                }
            }
        }
    }
    for (long d : candidates) {
        Scored s;
        s.day = d;
        s.score = 0.05 * static_cast<double>(d - *lower);
        if (upper && d >= *upper) {
            s.score += 3;
        }
        if (dateline) {
            const CivilDate c = civil_from_days(d);
            if (c.month != dateline->month || c.day != dateline->day) {
                s.score += 50; // a dateline names the day itself
            }
        }
        Resolver at_day(d);
        for (const Cue& cue : cues) {
            const Mention& m = *cue.mention;
            switch (cue.kind) {
            case Cue::Kind::weekday: {
                const int wd = weekday(d);
                if (m.rel == 0 || m.rel == 2) {
                    if (m.tense == Tense::future) {
                        s.weekday_part += 0.5 * ((m.weekday - wd + 7) % 7);
                    } else {
                        s.weekday_part +=
                            (m.tense == Tense::past ? 1.0 : 0.7) * ((wd - m.weekday + 7) % 7);
                    }
                } else if (m.rel == -1) {
                    const int back = (wd - m.weekday + 7) % 7;
                    s.weekday_part += 0.3 * ((back == 0 ? 7 : back) - 1);
                }
                break;
            }
            case Cue::Kind::relative: {
                const Resolution r = at_day.resolve(m);
                if (m.unit == Unit::month && explicit_months.count(r.value) != 0) {
                    s.relative_part -= 1.5;
                } else if (m.unit == Unit::day && r.day && explicit_day_set.count(*r.day) != 0) {
                    s.relative_part -= 1.0;
                } else if (m.unit == Unit::week && r.first) {
                    for (long k = *r.first; k < *r.first + 7; ++k) {
                        if (explicit_day_set.count(k) != 0) {
                            s.relative_part -= 1.0;
                            break;
                        }
                    }
                }
                break;
            }
            case Cue::Kind::offset: {
                const Resolution target = at_day.resolve(*cue.partner);
                if (!target.day) {
                    break;
                }
                const long span =
                    static_cast<long>(std::llround(m.amount)) * (m.unit == Unit::week ? 7 : 1);
                const long expected = *target.day - m.rel * span;
                const double weight = m.mod == "APPROX" ? 0.3 : 0.6;
                s.offset_part += weight * static_cast<double>(std::labs(d - expected));
                break;
            }
            }
        }
        s.score += s.weekday_part + s.relative_part + s.offset_part;
        scored.push_back(s);
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < scored.size(); ++i) {
        if (scored[i].score < scored[best].score - 1e-9) {
            best = i;
        }
    }
    double runner_up = 1e9;
    long runner_day = 0;
    for (std::size_t i = 0; i < scored.size(); ++i) {
        if (i != best && scored[i].score < runner_up) {
            runner_up = scored[i].score;
            runner_day = scored[i].day;
        }
    }
    const Scored& b = scored[best];
    out.value = format_day(b.day);
    const CivilDate chosen = civil_from_days(b.day);
    const bool dateline_agrees =
        dateline && chosen.month == dateline->month && chosen.day == dateline->day;
    const double margin = scored.size() > 1 ? runner_up - b.score : 0;
    out.confidence =
        dateline_agrees
            ? 0.9 * weak + 0.05
            : weak * (cues.empty() ? 0.4
                                   : std::min(0.9, 0.45 + 0.08 * std::min<double>(cues.size(), 4) +
                                                       0.05 * std::min(margin, 3.0)));

    // Evidence, for people: what bounded the date and which cues picked the day.
    std::string ev = lower_mention->kind == MentionKind::month_day
                         ? "month and day in the latest year the text names: "
                         : "";
    ev += "latest explicit past date " + format_day(*lower) + " from " +
          quoted(text, *lower_mention) + " (" + tense_name(lower_mention->tense) +
          ") bounds it from below";
    if (upper) {
        ev += "; future " + format_day(*upper) + " bounds it from above";
    }
    if (dateline) {
        ev += "; dateline month and day " + two_digits(dateline->month) + "-" +
              two_digits(dateline->day);
    }
    constexpr std::size_t kShownCues = 12;
    for (std::size_t c = 0; c < cues.size() && c < kShownCues; ++c) {
        const Cue& cue = cues[c];
        const Mention& m = *cue.mention;
        Resolver at_best(b.day);
        switch (cue.kind) {
        case Cue::Kind::weekday:
            ev += "; " + quoted(text, m) + " (" + tense_name(m.tense) + ") -> " +
                  at_best.resolve(m).value;
            break;
        case Cue::Kind::relative: {
            const std::string v = at_best.resolve(m).value;
            ev += "; " + quoted(text, m) + " -> " + v +
                  (explicit_months.count(v) != 0 ? " (matches a dated event)" : "");
            break;
        }
        case Cue::Kind::offset: {
            const Resolution target = at_best.resolve(*cue.partner);
            ev += "; " + quoted(text, m) + " before " + quoted(text, *cue.partner) + " " +
                  target.value + " puts it near " +
                  (target.day ? format_day(*target.day - static_cast<long>(std::llround(m.amount)) *
                                                             (m.unit == Unit::week ? 7 : 1))
                              : std::string("?"));
            break;
        }
        }
    }
    if (cues.size() > kShownCues) {
        ev += "; and " + std::to_string(cues.size() - kShownCues) + " more cues";
    }
    ev += "; best " + out.value + " (score " + fmt(b.score) + ", next " + format_day(runner_day) +
          " " + fmt(runner_up) + ")";
    out.evidence = ev;
    return out;
}

} // namespace eventmap::dates
