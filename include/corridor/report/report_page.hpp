#pragma once
// One self-contained report.html: a title, sections of figures (from corridor::chart or the map),
// tables and paragraphs, and the one <style> every chart's CSS classes refer to. No script, no
// font, image or link to the network; printable to A4.

#include <string>
#include <string_view>
#include <vector>

namespace corridor {

struct TableColumn {
    std::string header;  // carries the unit: "Mean wait (min)"
    bool numeric = false;
};

class ReportPage {
  public:
    ReportPage(std::string title, std::string subtitle);  // subtitle: scenario, seed, version
    void section(std::string_view heading, std::string_view intro = {});
    void figure(std::string figure_markup);  // from corridor::chart or the map
    void table(const std::vector<TableColumn>& columns, const std::vector<std::vector<std::string>>& rows,
               std::string_view caption);
    void paragraph(std::string_view text);  // escaped
    std::string html() const;               // <!DOCTYPE html> ... with the one <style>

  private:
    std::string title_, subtitle_;
    std::vector<std::string> headings_;  // for the contents list
    std::string body_;
};

/// The stylesheet of every report page (also what the chart classes mean).
std::string_view report_stylesheet();

}  // namespace corridor
