#include "dates/date_tagger.hpp"

#include "common/utf8.hpp"
#include "dates/calendar.hpp"
#include "dates/known_events.hpp"
#include "dates/lexer.hpp"
#include "dates/publication.hpp"
#include "dates/resolver.hpp"
#include "dates/timex_links.hpp"

#include <algorithm>
#include <limits>

namespace eventmap::dates {

namespace {

// Offsets are 32-bit inside the tagger; longer texts are tagged on their first 4 GiB.
std::string_view bounded(const std::string& text) {
    constexpr std::size_t kMax = std::numeric_limits<std::uint32_t>::max() - 1;
    std::string_view view(text);
    if (view.size() > kMax) {
        view = view.substr(0, kMax);
    }
    return view;
}

PublicationDate given(long day, std::string evidence) {
    PublicationDate p;
    p.value = format_day(day);
    p.inferred = false;
    p.confidence = 1;
    p.evidence = std::move(evidence);
    return p;
}

} // namespace

DateResult tag_dates(const Article& article, const DateOptions& options) {
    const KnownEvents& events =
        options.known_events != nullptr ? *options.known_events : KnownEvents::builtin();
    GrammarOptions grammar_options;
    grammar_options.numeric_order = options.numeric_order;

    DateResult result;
    const std::string_view text = bounded(article.text);
    std::string lower;
    const std::vector<Token> tokens = tokenize(text, lower);
    const std::vector<Mention> mentions = recognise(text, lower, tokens, events, grammar_options);

    // Publication date: given sources first, in order of authority.
    std::string notes;
    if (!options.published.empty()) {
        if (auto d = parse_iso_day(options.published)) {
            result.published = given(*d, "--published");
        } else {
            notes += "ignored --published '" + options.published + "' (not YYYY-MM-DD); ";
        }
    }
    if (result.published.value.empty() && !article.published.empty()) {
        if (auto d = parse_date_field(article.published, events, grammar_options)) {
            result.published = given(*d, "published field");
        } else {
            notes += "ignored unreadable published field; ";
        }
    }
    if (result.published.value.empty()) {
        if (auto header = date_header(text)) {
            if (auto d = parse_date_field(*header, events, grammar_options)) {
                result.published = given(*d, "Date: header line");
            }
        }
    }
    if (result.published.value.empty() && !article.dateline.empty()) {
        if (auto d = parse_date_field(article.dateline, events, grammar_options)) {
            result.published = given(*d, "dateline field");
        }
    }
    if (result.published.value.empty() && options.infer_published) {
        std::optional<MonthDay> dateline = dateline_month_day(tokens, mentions);
        if (!dateline && !article.dateline.empty()) {
            // A dateline field with a month and day but no year still pins the day.
            std::string field_lower;
            const auto field_tokens = tokenize(article.dateline, field_lower);
            for (const Mention& m :
                 recognise(article.dateline, field_lower, field_tokens, events, grammar_options)) {
                if (m.kind == MentionKind::month_day) {
                    dateline = MonthDay{m.month, m.day};
                    break;
                }
            }
        }
        result.published = infer_publication(text, tokens, mentions, dateline);
    }
    if (!notes.empty()) {
        result.published.evidence = notes + result.published.evidence;
    }

    Resolver resolver(parse_iso_day(result.published.value));
    utf8::CodepointCursor cursor(text);
    result.expressions.reserve(mentions.size());
    std::vector<Resolution> resolutions;
    resolutions.reserve(mentions.size());
    for (const Mention& m : mentions) {
        const Resolution& r = resolutions.emplace_back(resolver.resolve(m));
        TimeExpression e;
        e.byte_start = m.byte_begin;
        e.byte_end = m.byte_end;
        e.start = cursor.to_codepoint(m.byte_begin);
        e.end = cursor.to_codepoint(m.byte_end);
        e.text = std::string(text.substr(m.byte_begin, m.byte_end - m.byte_begin));
        e.type = m.type;
        e.value = r.value;
        e.anchor = r.anchor;
        e.future = r.future;
        e.mod = m.mod;
        e.quant = m.quant;
        e.freq = m.freq;
        e.begin_point = r.begin_point;
        e.end_point = r.end_point;
        result.expressions.push_back(std::move(e));
    }
    assign_timex_ids(result, resolutions);
    link_ranges(text, result);
    return result;
}

DateResult tag_text(const std::string& text, const DateOptions& options) {
    Article article;
    article.id = "-";
    article.text = text;
    return tag_dates(article, options);
}

std::vector<std::size_t> expressions_in(const DateResult& result, std::size_t byte_begin,
                                        std::size_t byte_end) {
    std::vector<std::size_t> out;
    const auto& xs = result.expressions;
    auto it =
        std::lower_bound(xs.begin(), xs.end(), byte_begin,
                         [](const TimeExpression& e, std::size_t b) { return e.byte_start < b; });
    for (; it != xs.end() && it->byte_start < byte_end; ++it) {
        if (it->byte_end <= byte_end) {
            out.push_back(static_cast<std::size_t>(it - xs.begin()));
        }
    }
    return out;
}

const TimeExpression* sentence_anchor(const DateResult& result, std::size_t byte_begin,
                                      std::size_t byte_end) {
    for (std::size_t i : expressions_in(result, byte_begin, byte_end)) {
        const TimeExpression& e = result.expressions[i];
        if ((e.type == TimexType::date || e.type == TimexType::time) &&
            period_start(e.value).has_value()) {
            return &e;
        }
    }
    return nullptr;
}

const char* type_name(TimexType type) {
    switch (type) {
    case TimexType::date:
        return "DATE";
    case TimexType::time:
        return "TIME";
    case TimexType::duration:
        return "DURATION";
    case TimexType::set:
        return "SET";
    }
    return "DATE";
}

nlohmann::json expression_json(const std::string& doc, const TimeExpression& e) {
    nlohmann::json j;
    j["doc"] = doc;
    j["start"] = e.start;
    j["end"] = e.end;
    j["text"] = e.text;
    j["type"] = type_name(e.type);
    j["value"] = e.value;
    j["anchor"] = e.anchor;
    j["future"] = e.future;
    if (!e.mod.empty()) {
        j["mod"] = e.mod;
    }
    if (!e.quant.empty()) {
        j["quant"] = e.quant;
    }
    if (!e.freq.empty()) {
        j["freq"] = e.freq;
    }
    if (!e.begin_point.empty()) {
        j["begin_point"] = e.begin_point;
        j["end_point"] = e.end_point;
    }
    // TimeML links (fields added after the first version of the interface; absent when empty)
    const std::pair<const char*, const std::string*> links[] = {
        {"id", &e.id},
        {"anchor_time_id", &e.anchor_time_id},
        {"begin_point_id", &e.begin_point_id},
        {"end_point_id", &e.end_point_id}};
    for (const auto& [key, value] : links) {
        if (!value->empty()) {
            j[key] = *value;
        }
    }
    return j;
}

nlohmann::json range_json(const DateResult& result, const TimeRange& r) {
    nlohmann::json j;
    j["id"] = r.id;
    j["type"] = "DURATION";
    j["value"] = r.value;
    j["start"] = r.start;
    j["end"] = r.end;
    j["text"] = r.text;
    j["begin_point_id"] = result.expressions[r.first].id;
    j["end_point_id"] = result.expressions[r.second].id;
    j["begin_point"] = result.expressions[r.first].value;
    j["end_point"] = result.expressions[r.second].value;
    return j;
}

nlohmann::json publication_json(const std::string& doc, const PublicationDate& p) {
    nlohmann::json j;
    j["doc"] = doc;
    j["published"] = p.value.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.value);
    j["published_inferred"] = p.inferred;
    j["confidence"] = p.confidence;
    j["evidence"] = p.evidence;
    if (!p.value.empty()) {
        j["id"] = "t0"; // TimeML's creation time, what "anchor_time_id": "t0" points at
    }
    return j;
}

void write_jsonl(std::ostream& out, const std::string& doc, const DateResult& result) {
    // Replace invalid UTF-8 in ids rather than letting the JSON writer throw.
    const std::string safe_doc = utf8::sanitize(doc).text;
    out << publication_json(safe_doc, result.published)
               .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << '\n';
    auto range = result.ranges.begin();
    for (std::size_t i = 0; i < result.expressions.size(); ++i) {
        nlohmann::json j = expression_json(safe_doc, result.expressions[i]);
        // A range rides on its first end's line: the stream keeps one line per expression.
        if (range != result.ranges.end() && range->first == i) {
            j["range"] = range_json(result, *range);
            ++range;
        }
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
}

} // namespace eventmap::dates
