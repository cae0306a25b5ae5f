// `eventmap view SOURCE --script FILE`: a list of actions, one per line, run in order against
// the open viewer, for tests and reproducible figures. Blank lines and lines starting with '#'
// are skipped; words are separated by spaces, "double quotes" keep spaces in one word.
//
//   window 2018-02-01 2018-02-28      the time window (any YYYY[-MM[-DD]]; one word = a range)
//   mode moving|cumulative
//   step day|week|month [N]           move the window by N units (default 1; negative back)
//   zoom W S E N                      fit the map to a bounding box (degrees)
//   center LAT LON [ZOOM]
//   fly-to NAME... | fly-to LAT,LON   what the search box does with that text: the map
//                                     centred on the gazetteer's best place of that name (else
//                                     an event's place so named); prints "found", "from",
//                                     "message", the map's "center" and "zoom" afterwards (an
//                                     unknown name: found false, the map does not move)
//   display                           the window's scale: "content_scale" (GLFW's, from
//                                     Xft.dpi on X11), "pixel_ratio", "window", "framebuffer",
//                                     "font_px", "menu_height" (window coordinates), "map"
//   content-scale SCALE               what GLFW's content-scale callback does when the window
//                                     moves to a monitor of that scale (fonts, panels,
//                                     markers follow); prints what `display` prints
//   select LAT LON                    pick the nearest visible event (prints it)
//   select-box W S E N                select the visible events inside (prints the count)
//   filter type|country|actor|date_source NAME[,NAME...]   (an empty list clears the facet)
//   filter quad 3,4 | planned any|planned|not_planned | confidence 0.5 | text WORDS... | clear
//   layer basemap|markers|clusters|heatmap|labels|graticule on|off
//   color type|quad|layer
//   panel help|layers|filters|list|details|time on|off   a window shown or hidden (the
//                                     Panels menu; help: the shortcut list, as H opens it)
//   layers [NAME show|hide|up|down|top|bottom]   a source's layer (by name or 1-based number
//                                     in drawing order): shown, hidden, moved up (drawn later)
//                                     or down the drawing order; prints every layer, top first
//   correct EVENT_ID LAT LON          move an event to a point (written to the store)
//   correct EVENT_ID candidate N      ... to the N-th other candidate place (1-based)
//   undo                              undo the last correction
//   export FILE                       the filtered events in the window, format by extension
//   screenshot FILE                   the window's pixels as PNG
//   save-image FILE [WxH]             the map through the renderer's offscreen path
//   save-state FILE
//   frames N                          draw N frames (let loading and animation settle)
//   play SECONDS                      play for that many seconds of simulated time
//   drag DX DY [FILE]                 move the view by hand DX, DY pixels (the map follows
//                                     the pointer): prints whether the frame was a preview
//                                     (the last image moved), its screenshot in FILE
//   wait SECONDS                      run in real time until the sources changed and were
//                                     read again (the map follows the store), or could not be
//                                     looked at, at most SECONDS; prints whether the changed
//                                     rows alone were read ("incremental"), how many
//                                     ("rows_read"), full loads so far and any "problem"
//   quit
// Each action prints one JSON line on stdout with what it did ({"line": 3, "action": "select",
// "id": "..."}): the stable interface tests read.
#pragma once

#include <string>
#include <vector>

namespace eventmap::view {

struct ScriptAction {
    std::size_t line = 0;          // 1-based line in the script
    std::string verb;              // "window", "select", ...
    std::vector<std::string> args; // the words after the verb
    // Parsed numbers for the verbs that take them (in order), so runners do not reparse.
    std::vector<double> numbers;
};

struct Script {
    std::string file;
    std::vector<ScriptAction> actions;
};

// Checks every line (verb known, argument count and kinds right) before anything runs, so a
// typo on line 40 fails before the first 39 actions changed the store. Throws InputError naming
// the file and line.
Script parse_script(const std::string& text, const std::string& file);
Script read_script(const std::string& path);

// Splits a line into words; "quoted words" keep their spaces (\" escapes a quote). Throws
// InputError(file, line) for an unclosed quote.
std::vector<std::string> split_words(const std::string& line, const std::string& file,
                                     std::size_t line_number);

} // namespace eventmap::view
