// The non-template helpers of section_helpers.hpp, shared by the section readers: a mass in
// tonnes for messages, and a quantity read with its unit that must be more than zero.

#include "section_helpers.hpp"

#include "corridor/engine/format.hpp"

namespace corridor::scenario {

std::string format_tonnes(double t) { return format_number(t) + " t"; }

std::optional<double> positive(MapReader& m, const std::string& key,
                               Result<double> (*parse)(std::string_view), bool required) {
    auto value = m.parsed<double>(key, parse, required);
    if (value && *value <= 0) {
        m.source().error(*m.get(key), key + " must be more than zero");
        return std::nullopt;
    }
    return value;
}

}  // namespace corridor::scenario
