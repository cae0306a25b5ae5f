#include "eval/dates_eval.hpp"

#include "common/article.hpp"
#include "common/error.hpp"
#include "dates/calendar.hpp"
#include "dates/date_tagger.hpp"
#include "dates/resolver.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string_view>

namespace eventmap::eval {

namespace {

// The leading digits of a field of an event id ("12" of "doc-12-3"), 0 when there are none.
std::size_t leading_count(std::string_view digits) {
    std::size_t out = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), out);
    return out;
}

// Drops lines near the top that hold nothing but a date (the dateline), so inference has to
// work from the story itself.
std::string without_dateline(const std::string& text, const dates::DateOptions& options) {
    std::string out;
    std::size_t pos = 0;
    for (int line = 0; pos <= text.size(); ++line) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) {
            eol = text.size();
        }
        const std::string l = text.substr(pos, eol - pos);
        bool drop = false;
        if (line < 4) {
            const auto r = dates::tag_text(l, options);
            const std::size_t first = l.find_first_not_of(" \t");
            const std::size_t last = l.find_last_not_of(" \t\r");
            drop = r.expressions.size() == 1 && first != std::string::npos &&
                   r.expressions[0].byte_start == first && r.expressions[0].byte_end == last + 1 &&
                   r.expressions[0].value.size() == 10;
        }
        if (!drop) {
            out += l;
            if (eol < text.size()) {
                out += '\n';
            }
        }
        pos = eol + 1;
    }
    return out;
}

void count_inference(InferenceCounts& c, const dates::PublicationDate& p, long gold) {
    ++c.documents;
    const auto d = dates::parse_iso_day(p.value);
    if (!d) {
        ++c.none;
        return;
    }
    c.exact += *d == gold ? 1 : 0;
    c.within_one_day += (*d >= gold - 1 && *d <= gold + 1) ? 1 : 0;
}

// A TIMEX3 value as a timeline date: YYYY-MM-DD with XX for what it leaves open.
std::string timeline_date(const std::string& value) {
    auto start = dates::period_start(value);
    if (!start || value.size() < 4) {
        return "";
    }
    const std::string year = value.substr(0, 4);
    if (value.size() == 4) {
        return year + "-XX-XX";
    }
    if (value.size() >= 10 && value[4] == '-' && value[7] == '-') {
        return value.substr(0, 10);
    }
    if (value.size() == 7 && value[4] == '-' && value[5] >= '0' && value[5] <= '1') {
        return value + "-XX";
    }
    return year + "-XX-XX"; // weeks, quarters, halves: the year is what they settle
}

struct TimelineEvent {
    std::string doc;
    std::size_t sentence = 0;
    std::string date;
};

std::vector<TimelineEvent> read_timelines(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        throw InputError("not a directory of timelines", dir);
    }
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".txt") {
            files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    std::vector<TimelineEvent> events;
    for (const std::string& f : files) {
        std::istringstream in(read_text_file(f));
        std::string line;
        std::uint64_t line_no = 0;
        while (std::getline(in, line)) {
            ++line_no;
            if (line_no == 1) {
                continue; // the entity name
            }
            std::vector<std::string> cells;
            std::size_t pos = 0;
            while (pos <= line.size()) {
                std::size_t tab = line.find('\t', pos);
                if (tab == std::string::npos) {
                    tab = line.size();
                }
                cells.push_back(line.substr(pos, tab - pos));
                pos = tab + 1;
            }
            if (cells.size() < 3) {
                continue;
            }
            const std::string& date = cells[1];
            if (date.size() != 10 || date.substr(0, 4) == "XXXX") {
                continue; // undatable events say nothing about our dates
            }
            for (std::size_t k = 2; k < cells.size(); ++k) {
                const std::string& ev = cells[k];
                const std::size_t a = ev.find('-');
                const std::size_t b = a == std::string::npos ? a : ev.find('-', a + 1);
                if (b == std::string::npos) {
                    throw InputError("event id must be doc-sentence-token: '" + ev + "'", f,
                                     line_no);
                }
                events.push_back({ev.substr(0, a),
                                  leading_count(std::string_view(ev).substr(a + 1, b - a - 1)),
                                  date});
            }
        }
    }
    return events;
}

} // namespace

DatesEvalReport evaluate_dates(const DatesEvalOptions& options) {
    DatesEvalReport report;
    struct Tagged {
        GoldDocument gold;
        dates::DateResult result;
    };
    // Read everything first: the half of a document depends on the sorted ids of all of them.
    std::map<std::string, GoldDocument> gold_by_id;
    for (const std::string& path : corpus_files(options.corpus, options.format)) {
        GoldDocument doc =
            options.format == CorpusFormat::meantime ? read_meantime(path) : read_timeml(path);
        const std::string id = doc.id;
        if (!gold_by_id.emplace(id, std::move(doc)).second) {
            ++report.duplicates;
        }
    }
    std::map<std::string, Tagged> by_id;
    std::size_t position = 0;
    for (auto& [doc_id, doc] : gold_by_id) {
        const Half half = half_of(position++);
        ++report.documents;
        ++(half == Half::dev ? report.dev_documents : report.test_documents);
        const auto dct = dates::parse_iso_day(doc.creation_time);
        dates::DateOptions date_options;
        if (dct) {
            date_options.published = dates::format_day(*dct);
        }
        Article article;
        article.id = doc.id;
        article.text = doc.text;
        dates::DateResult result = dates::tag_dates(article, date_options);

        const bool list_errors = options.show_errors &&
                                 (options.errors_from == Half::all || options.errors_from == half);
        std::vector<TimexError> errors;
        const TimexCounts counts =
            score_document(doc, result.expressions, false, list_errors ? &errors : nullptr);
        const TimexCounts no_dct = score_document(doc, result.expressions, true, nullptr);
        report.all.add(counts);
        report.without_creation_time.add(no_dct);
        (half == Half::dev ? report.dev : report.test).add(counts);
        (half == Half::dev ? report.dev_no_dct : report.test_no_dct).add(no_dct);
        for (const TimexError& e : errors) {
            report.error_lines.push_back(doc.id + "\t" + e.kind + "\t" + e.gold_text + "\t" +
                                         e.gold_value + "\t" + e.system_text + "\t" +
                                         e.system_value);
        }

        if (dct) {
            dates::DateOptions infer_options;
            count_inference(report.inference_as_is,
                            dates::tag_dates(article, infer_options).published, *dct);
            Article stripped = article;
            stripped.text = without_dateline(article.text, infer_options);
            count_inference(report.inference_no_dateline,
                            dates::tag_dates(stripped, infer_options).published, *dct);
        }
        by_id[doc_id] = Tagged{std::move(doc), std::move(result)};
    }

    if (!options.timelines.empty()) {
        for (const TimelineEvent& ev : read_timelines(options.timelines)) {
            auto it = by_id.find(ev.doc);
            if (it == by_id.end()) {
                ++report.timeline.missing_docs;
                continue;
            }
            ++report.timeline.events;
            const GoldDocument& doc = it->second.gold;
            const auto dct = dates::parse_iso_day(doc.creation_time);
            const std::string dct_date = dct ? dates::format_day(*dct) : "";
            std::string predicted = dct_date;
            if (ev.sentence < doc.sentences.size()) {
                const auto& range = doc.sentences[ev.sentence];
                if (const auto* e =
                        dates::sentence_anchor(it->second.result, range.first, range.second)) {
                    const std::string d = timeline_date(e->value);
                    if (!d.empty()) {
                        predicted = d;
                    }
                }
            }
            report.timeline.sentence_date += predicted == ev.date ? 1 : 0;
            // Narrative: an undated sentence inherits the date of the closest earlier one
            // (the dateline excluded: it is the creation date anyway).
            std::string narrative = predicted;
            if (predicted == dct_date) {
                for (std::size_t k = std::min(ev.sentence, doc.sentences.size()); k-- > 2;) {
                    const auto& range = doc.sentences[k];
                    if (const auto* e =
                            dates::sentence_anchor(it->second.result, range.first, range.second)) {
                        if (const std::string d = timeline_date(e->value); !d.empty()) {
                            narrative = d;
                            break;
                        }
                    }
                }
            }
            report.timeline.narrative += narrative == ev.date ? 1 : 0;
            report.timeline.dct_only += dct_date == ev.date ? 1 : 0;
        }
    }
    return report;
}

std::string three_decimals(double value) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 3);
    return std::string(buf, r.ptr);
}

namespace {

std::string f3(double v) {
    return three_decimals(v);
}

void print_counts(std::ostream& out, const TimexCounts& c) {
    const PRF s = c.strict_prf();
    const PRF r = c.relaxed_prf();
    const PRF v = c.value_prf();
    out << "  gold " << c.gold << ", system " << c.system << ", relaxed matches " << c.relaxed
        << ", strict matches " << c.strict << "\n";
    out << "                 P      R      F1\n";
    out << "  strict       " << f3(s.precision) << "  " << f3(s.recall) << "  " << f3(s.f1) << "\n";
    out << "  relaxed      " << f3(r.precision) << "  " << f3(r.recall) << "  " << f3(r.f1) << "\n";
    out << "  value        " << f3(v.precision) << "  " << f3(v.recall) << "  " << f3(v.f1)
        << "   (value accuracy on matches " << f3(c.value_accuracy()) << ", type accuracy "
        << f3(c.type_accuracy()) << ")\n";
}

void print_inference(std::ostream& out, const char* label, const InferenceCounts& c) {
    out << "  " << label << ": exact " << c.exact << "/" << c.documents << ", within one day "
        << c.within_one_day << "/" << c.documents << ", none inferred " << c.none << "\n";
}

} // namespace

void print_report(std::ostream& out, const DatesEvalOptions& options, const DatesEvalReport& r) {
    out << "eval dates: " << options.corpus << " ("
        << (options.format == CorpusFormat::meantime ? "meantime" : "timeml") << "), "
        << r.documents << " documents";
    if (r.duplicates > 0) {
        out << ", " << r.duplicates << " duplicate ids skipped";
    }
    out << "\nTIMEX3 (TempEval-3 measures), all gold expressions in the text:\n";
    if (r.all.gold == 0) {
        out << "  (no gold TIMEX3 inside the text of these files: only the creation time is "
               "annotated, so the extraction scores below say nothing)\n";
    }
    print_counts(out, r.all);
    out << "without the creation-time expression (the dateline):\n";
    print_counts(out, r.without_creation_time);
    out << "publication date inferred with the creation time hidden:\n";
    print_inference(out, "text as given", r.inference_as_is);
    print_inference(out, "dateline line removed", r.inference_no_dateline);
    if (!options.timelines.empty()) {
        const TimelineCounts& t = r.timeline;
        out << "timeline event dates (" << t.events << " dated gold events";
        if (t.missing_docs > 0) {
            out << ", " << t.missing_docs << " in documents not in the corpus";
        }
        out << "):\n  sentence expression else creation date: " << t.sentence_date << "/"
            << t.events << " = " << f3(t.events ? double(t.sentence_date) / t.events : 0)
            << "\n  ... else the closest earlier sentence's:  " << t.narrative << "/" << t.events
            << " = " << f3(t.events ? double(t.narrative) / t.events : 0)
            << "\n  creation date alone (baseline):          " << t.dct_only << "/" << t.events
            << " = " << f3(t.events ? double(t.dct_only) / t.events : 0) << "\n";
    }
    if (options.show_errors) {
        out << "errors (doc, kind, gold text, gold value, system text, system value):\n";
        for (const std::string& l : r.error_lines) {
            out << l << "\n";
        }
    }
}

namespace {

std::string padded(const std::string& s, std::size_t width) {
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

void print_split_row(std::ostream& out, const char* label, std::size_t documents,
                     const TimexCounts& c, const TimexCounts& no_dct) {
    out << "  " << padded(label, 6) << padded(std::to_string(documents), 6)
        << padded(std::to_string(c.gold), 6) << padded(f3(c.strict_prf().f1), 8)
        << padded(f3(c.relaxed_prf().f1), 8) << padded(f3(c.type_accuracy()), 8)
        << padded(f3(c.value_prf().f1), 8) << f3(no_dct.value_prf().f1) << "\n";
}

} // namespace

void print_split_table(std::ostream& out,
                       const std::vector<std::pair<std::string, DatesEvalReport>>& corpora) {
    out << "TempEval-3 scores by half (dev: 1st, 3rd... of the sorted document ids; test: 2nd, "
           "4th...)\n";
    for (const auto& [name, r] : corpora) {
        TimexCounts all_no_dct = r.dev_no_dct;
        all_no_dct.add(r.test_no_dct);
        out << name << "\n";
        out << "  half  docs  gold  strict  relaxed type    value   value w/o DCT in text\n";
        print_split_row(out, "dev", r.dev_documents, r.dev, r.dev_no_dct);
        print_split_row(out, "test", r.test_documents, r.test, r.test_no_dct);
        print_split_row(out, "all", r.documents, r.all, all_no_dct);
    }
}

} // namespace eventmap::eval
