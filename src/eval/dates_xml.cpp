#include "eval/dates_xml.hpp"

#include "common/error.hpp"
#include "common/utf8.hpp"

#include <algorithm>
#include <cstdlib>

namespace eventmap::eval {

const std::string& XmlEvent::attribute(std::string_view key, const std::string& fallback) const {
    for (const auto& [k, v] : attributes) {
        if (k == key) {
            return v;
        }
    }
    return fallback;
}

XmlReader::XmlReader(std::string_view document, std::string source)
    : doc_(document), source_(std::move(source)) {
    // Skip a UTF-8 byte order mark.
    if (doc_.substr(0, 3) == "\xEF\xBB\xBF") {
        pos_ = 3;
    }
}

void XmlReader::fail(const std::string& what) const {
    throw InputError(what, source_, line_);
}

void XmlReader::advance_to(std::size_t pos) {
    pos = std::min(pos, doc_.size());
    line_ += static_cast<std::uint64_t>(std::count(doc_.begin() + static_cast<std::ptrdiff_t>(pos_),
                                                   doc_.begin() + static_cast<std::ptrdiff_t>(pos),
                                                   '\n'));
    pos_ = pos;
}

std::string XmlReader::decode(std::string_view raw) const {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '&') {
            out.push_back(raw[i]);
            continue;
        }
        const std::size_t semi = raw.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) {
            out.push_back('&'); // a stray ampersand: keep it, as lenient readers do
            continue;
        }
        const std::string_view name = raw.substr(i + 1, semi - i - 1);
        if (name == "lt") {
            out.push_back('<');
        } else if (name == "gt") {
            out.push_back('>');
        } else if (name == "amp") {
            out.push_back('&');
        } else if (name == "quot") {
            out.push_back('"');
        } else if (name == "apos") {
            out.push_back('\'');
        } else if (name.size() >= 2 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string digits(name.substr(hex ? 2 : 1));
            char* end = nullptr;
            const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
            if (digits.empty() || end == nullptr || *end != '\0' || cp == 0 || cp > 0x10FFFF ||
                (cp >= 0xD800 && cp <= 0xDFFF)) {
                fail("invalid character reference &" + std::string(name) + ";");
            }
            utf8::append(out, static_cast<char32_t>(cp));
        } else {
            out.append(raw.substr(i, semi - i + 1)); // unknown entity: kept as written
        }
        i = semi;
    }
    return out;
}

void XmlReader::parse_tag(XmlEvent& event) {
    // pos_ is at '<' of a start or end tag.
    const std::size_t close = doc_.find('>', pos_);
    if (close == std::string_view::npos) {
        fail("unterminated tag");
    }
    std::string_view tag = doc_.substr(pos_ + 1, close - pos_ - 1);
    event.line = line_;
    advance_to(close + 1);
    const bool is_end = !tag.empty() && tag[0] == '/';
    bool self_closing = !tag.empty() && tag.back() == '/';
    if (is_end) {
        tag.remove_prefix(1);
    }
    if (self_closing) {
        tag.remove_suffix(1);
    }
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    std::size_t i = 0;
    while (i < tag.size() && !is_space(tag[i])) {
        ++i;
    }
    event.name = std::string(tag.substr(0, i));
    if (event.name.empty()) {
        fail("empty tag name");
    }
    if (is_end) {
        event.kind = XmlEvent::Kind::end;
        if (open_.empty() || open_.back() != event.name) {
            fail("end tag </" + event.name + "> does not match " +
                 (open_.empty() ? std::string("any open element") : "<" + open_.back() + ">"));
        }
        open_.pop_back();
        return;
    }
    event.kind = XmlEvent::Kind::start;
    event.attributes.clear();
    while (i < tag.size()) {
        while (i < tag.size() && is_space(tag[i])) {
            ++i;
        }
        if (i >= tag.size()) {
            break;
        }
        const std::size_t eq = tag.find('=', i);
        if (eq == std::string_view::npos) {
            fail("attribute without value in <" + event.name + ">");
        }
        std::string_view key = tag.substr(i, eq - i);
        while (!key.empty() && is_space(key.back())) {
            key.remove_suffix(1);
        }
        std::size_t q = eq + 1;
        while (q < tag.size() && is_space(tag[q])) {
            ++q;
        }
        if (q >= tag.size() || (tag[q] != '"' && tag[q] != '\'')) {
            fail("unquoted attribute value in <" + event.name + ">");
        }
        const std::size_t end = tag.find(tag[q], q + 1);
        if (end == std::string_view::npos) {
            fail("unterminated attribute value in <" + event.name + ">");
        }
        event.attributes.emplace_back(std::string(key), decode(tag.substr(q + 1, end - q - 1)));
        i = end + 1;
    }
    if (self_closing) {
        pending_end_ = true;
        pending_name_ = event.name;
    } else {
        open_.push_back(event.name);
    }
}

bool XmlReader::next(XmlEvent& event) {
    if (pending_end_) {
        pending_end_ = false;
        event.kind = XmlEvent::Kind::end;
        event.name = pending_name_;
        event.attributes.clear();
        return true;
    }
    while (pos_ < doc_.size()) {
        if (doc_[pos_] != '<') {
            const std::size_t lt = std::min(doc_.find('<', pos_), doc_.size());
            event.kind = XmlEvent::Kind::text;
            event.line = line_;
            event.text = decode(doc_.substr(pos_, lt - pos_));
            advance_to(lt);
            return true;
        }
        const std::string_view rest = doc_.substr(pos_);
        if (rest.substr(0, 4) == "<!--") {
            const std::size_t end = doc_.find("-->", pos_ + 4);
            if (end == std::string_view::npos) {
                fail("unterminated comment");
            }
            advance_to(end + 3);
            continue;
        }
        if (rest.substr(0, 9) == "<![CDATA[") {
            const std::size_t end = doc_.find("]]>", pos_ + 9);
            if (end == std::string_view::npos) {
                fail("unterminated CDATA section");
            }
            event.kind = XmlEvent::Kind::text;
            event.line = line_;
            event.text = std::string(doc_.substr(pos_ + 9, end - pos_ - 9));
            advance_to(end + 3);
            return true;
        }
        if (rest.substr(0, 2) == "<?") {
            const std::size_t end = doc_.find("?>", pos_ + 2);
            if (end == std::string_view::npos) {
                fail("unterminated processing instruction");
            }
            advance_to(end + 2);
            continue;
        }
        if (rest.substr(0, 2) == "<!") {
            // DOCTYPE (possibly with an internal subset in brackets).
            std::size_t end = doc_.find('>', pos_);
            const std::size_t bracket = doc_.find('[', pos_);
            if (bracket != std::string_view::npos && bracket < end) {
                end = doc_.find("]>", bracket);
                end = end == std::string_view::npos ? end : end + 1;
            }
            if (end == std::string_view::npos) {
                fail("unterminated declaration");
            }
            advance_to(end + 1);
            continue;
        }
        parse_tag(event);
        return true;
    }
    if (!open_.empty()) {
        fail("document ends inside <" + open_.back() + ">");
    }
    return false;
}

} // namespace eventmap::eval
