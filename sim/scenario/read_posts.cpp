// The `posts` section: each post a unit moves to, with its road node and setup time, entered in the
// name table the units refer to. Its keys are documented in docs/scenario-reference.md, section
// `posts`.

#include <optional>

#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {

void read_posts(const Section& s, Build& build) {
    for_each_entry(s, "posts", [&](const YAML::Node& key, const YAML::Node& value) {
        Post post;
        post.name = key.Scalar();
        MapReader m(value, s.source, "post '" + post.name + "'");
        std::optional<NodeIndex> node = read_place_node(m, value, build, true);
        post.setup = m.duration("setup").value_or(post.setup);
        m.finish();
        post.node = node.value_or(0);
        build.post.emplace(post.name, build.theatre.posts.size());
        build.theatre.posts.push_back(post);
    });
}

}  // namespace corridor::scenario
