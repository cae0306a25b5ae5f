// The time slider's model, with no GUI inside: day numbers, the window the map shows, playback.
//
// Days are counted from 1970-01-01 (day 0) in the proleptic Gregorian calendar, as int32: the
// renderer's time uniforms and the histogram use the same numbers. A window is inclusive at both
// ends ([first, last], in days). Events with month or year precision cover their whole period,
// so an event is in the window when its [start, end] overlaps [first, last].
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace eventmap::view {

using Day = std::int32_t;

// Days since 1970-01-01 for a valid civil date (Howard Hinnant's days_from_civil).
Day day_from_civil(int year, int month, int day);
struct CivilDate {
    int year = 1970, month = 1, day = 1;
};
CivilDate civil_from_day(Day day);
// "YYYY-MM-DD".
std::string format_day(Day day);

// A typed date or range: "2018", "2018-03", "2018-03-05", or two of them joined by ".." or
// " to " ("2018-02 .. 2018-03-15"). A coarse date covers its whole period. nullopt when the
// text is none of these (or names an impossible date such as 2018-02-30).
struct DayRange {
    Day first = 0, last = 0;
};
std::optional<DayRange> parse_day_range(const std::string& text);

enum class WindowMode { moving, cumulative }; // cumulative: the start stays at the data's start
enum class StepUnit { day, week, month };

const char* to_string(WindowMode mode);
const char* to_string(StepUnit unit);
std::optional<WindowMode> window_mode_from(const std::string& text);
std::optional<StepUnit> step_unit_from(const std::string& text);

// Moves `day` by `count` units; a month step keeps the day of month where it exists
// (Jan 31 + 1 month = Feb 28/29).
Day add_steps(Day day, StepUnit unit, int count);

class TimeModel {
  public:
    // The data's extent; the window is clamped into it. An empty data set (first > last) is
    // treated as the single day 0.
    void set_extent(Day first, Day last);
    DayRange extent() const { return extent_; }

    DayRange window() const { return window_; }
    // Sets both ends (swapped when reversed) clamped to the extent.
    void set_window(Day first, Day last);
    void set_mode(WindowMode mode);
    WindowMode mode() const { return mode_; }

    // Moves the window by `count` units, keeping its length (moving mode), or the end alone
    // (cumulative mode). At the extent's end it stops, or wraps to the start when looping.
    void step(StepUnit unit, int count);

    // Playback: `speed_days` days of data per second of wall time.
    void play() { playing_ = true; }
    void pause() { playing_ = false; }
    void toggle_play() { playing_ = !playing_; }
    bool playing() const { return playing_; }
    void set_speed(double days_per_second) { speed_ = days_per_second; }
    double speed() const { return speed_; }
    void set_loop(bool loop) { loop_ = loop; }
    bool loop() const { return loop_; }
    // Advances by elapsed wall time; returns true when the window changed. Fractions of a day
    // accumulate so slow speeds still move. Stops at the end unless looping.
    bool advance(double seconds);

  private:
    void shift_to_end(Day new_last);

    DayRange extent_{0, 0};
    DayRange window_{0, 0};
    WindowMode mode_ = WindowMode::moving;
    bool playing_ = false;
    bool loop_ = false;
    double speed_ = 7.0;
    double pending_days_ = 0;
};

} // namespace eventmap::view
