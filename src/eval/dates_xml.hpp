// A small pull reader for the XML of annotated corpora (MEANTIME's CAT files, TimeML): elements,
// attributes, character data with the predefined and numeric entities, comments, CDATA,
// processing instructions and a DOCTYPE skipped. No DTDs, no namespaces (names are kept as
// written). Malformed input throws InputError with the file and line.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventmap::eval {

struct XmlEvent {
    enum class Kind { start, end, text } kind = Kind::text;
    std::string name;                                            // element name for start/end
    std::vector<std::pair<std::string, std::string>> attributes; // start only, decoded
    std::string text;                                            // character data, decoded
    std::uint64_t line = 1;

    // Value of an attribute, or `fallback` when absent.
    const std::string& attribute(std::string_view key, const std::string& fallback) const;
};

class XmlReader {
  public:
    XmlReader(std::string_view document, std::string source);

    // Fills `event` with the next start tag, end tag or text run; false at the end. A
    // self-closing tag yields a start then an end. Throws InputError on malformed XML.
    bool next(XmlEvent& event);

  private:
    [[noreturn]] void fail(const std::string& what) const;
    void advance_to(std::size_t pos);
    std::string decode(std::string_view raw) const;
    void parse_tag(XmlEvent& event);

    std::string_view doc_;
    std::string source_;
    std::size_t pos_ = 0;
    std::uint64_t line_ = 1;
    bool pending_end_ = false;
    std::string pending_name_;
    std::vector<std::string> open_;
};

} // namespace eventmap::eval
