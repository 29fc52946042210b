// A look at a YAML text's shape before yaml-cpp builds it into nodes. yaml-cpp shares the node an
// alias names instead of copying it, so `x: &x [*x]` becomes a cycle and ten nested aliases of ten
// make 10^10 nodes to any reader that walks the tree: both would hang or overflow the stack in the
// checks that follow. The parser's events show every alias with the size of what it names, so the
// expanded size, the nesting depth and the cycles are known, with their place, before any walk.

#include "yaml_shape.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

namespace corridor::scenario {
namespace {

struct ShapeError {
    YAML::Mark mark;
    std::string message;
};

class ShapeCounter : public YAML::EventHandler {
  public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { leaf(mark, anchor); }
    void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  const std::string&) override {
        leaf(mark, anchor);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto size = anchor_size_.find(anchor);
        if (size == anchor_size_.end())
            throw ShapeError{mark, "an alias names an anchor whose value it is inside (a cycle of aliases)"};
        // Aliases of aliases nest as deep as their values do, however few levels are written.
        std::size_t height = anchor_height_[anchor];
        if (stack_.size() + height > kMaxYamlDepth)
            throw ShapeError{mark, "aliases nest values more than " + std::to_string(kMaxYamlDepth) +
                                       " levels deep; a scenario is limited to that"};
        grow(height);
        add(mark, size->second);
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor);
    }
    void OnMapEnd() override { close(); }

  private:
    struct Open {
        YAML::anchor_t anchor;
        std::uint64_t expanded;  // values inside, aliases expanded, itself included
        std::size_t height;      // levels of collections, itself included, aliases expanded
    };

    // A child of `height` levels (0 for a scalar) in the innermost open collection.
    void grow(std::size_t height) {
        if (!stack_.empty()) stack_.back().height = std::max(stack_.back().height, height + 1);
    }

    void leaf(const YAML::Mark& mark, YAML::anchor_t anchor) {
        count_written(mark);
        if (anchor != YAML::NullAnchor) {
            anchor_size_[anchor] = 1;
            anchor_height_[anchor] = 0;
        }
        grow(0);
        add(mark, 1);
    }
    void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
        count_written(mark);
        if (stack_.size() >= kMaxYamlDepth)
            throw ShapeError{mark, "values are nested more than " + std::to_string(kMaxYamlDepth) +
                                       " levels deep; a scenario is limited to that"};
        add(mark, 1);
        stack_.push_back({anchor, 1, 1});
    }
    void close() {
        Open done = stack_.back();
        stack_.pop_back();
        if (done.anchor != YAML::NullAnchor) {
            anchor_size_[done.anchor] = done.expanded;
            anchor_height_[done.anchor] = done.height;
        }
        grow(done.height);
        if (!stack_.empty()) stack_.back().expanded += done.expanded - 1;  // (its 1 was added at open)
    }
    void count_written(const YAML::Mark& mark) {
        if (++written_ > kMaxYamlNodes)
            throw ShapeError{mark, "the file has more than " + std::to_string(kMaxYamlNodes) +
                                       " values; a scenario file is limited to that many"};
    }
    // Adds `size` values (a leaf, a collection's own node, or all an alias names) to the whole.
    void add(const YAML::Mark& mark, std::uint64_t size) {
        if (!stack_.empty()) stack_.back().expanded += size;
        expanded_ += size;
        if (expanded_ > kMaxExpandedYamlNodes)
            throw ShapeError{mark, "aliases expand the file to more than " +
                                       std::to_string(kMaxExpandedYamlNodes) +
                                       " values; a scenario is limited to that many"};
    }

    std::vector<Open> stack_;
    std::unordered_map<YAML::anchor_t, std::uint64_t> anchor_size_;
    std::unordered_map<YAML::anchor_t, std::size_t> anchor_height_;
    std::uint64_t written_ = 0;
    std::uint64_t expanded_ = 0;
};

}  // namespace

std::string not_valid_yaml(const std::string& text, const std::string& parser_message) {
    std::string message = "not valid YAML: " + parser_message;
    // The parser's words for a tab in the indentation never say "tab": say it.
    std::size_t line = 1;
    for (std::size_t at = 0; at < text.size(); ++line) {
        std::size_t end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        std::size_t first = text.find_first_not_of(" \t", at);
        if (first != std::string::npos && first <= end && text.find('\t', at) < first)
            return message + " (line " + std::to_string(line) +
                   " is indented with a tab: YAML indents with spaces only)";
        at = end + 1;
    }
    return message;
}

bool check_yaml_shape(const std::string& text, const std::string& file, Diagnostics& diagnostics) {
    std::istringstream in(text);
    try {
        YAML::Parser parser(in);
        ShapeCounter counter;
        parser.HandleNextDocument(counter);
    } catch (const ShapeError& e) {
        diagnostics.error(file, e.mark.line + 1, e.mark.column + 1, e.message);
        return false;
    } catch (const YAML::Exception& e) {
        diagnostics.error(file, e.mark.line + 1, e.mark.column + 1, not_valid_yaml(text, e.msg));
        return false;
    }
    return true;
}

}  // namespace corridor::scenario
