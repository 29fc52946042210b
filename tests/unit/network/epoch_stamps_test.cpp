#include "network/epoch_stamps.hpp"

#include <catch2/catch.hpp>
#include <limits>

using namespace corridor;

TEST_CASE("An epoch counter that wraps clears the stamps instead of reviving old ones", "[network][router]") {
    std::vector<std::uint32_t> stamp{0, 1, 7, 0}, settled{1, 0, 0, 1};
    std::uint32_t epoch = 7;
    next_epoch(epoch, stamp, settled);
    CHECK(epoch == 8);
    CHECK(stamp == std::vector<std::uint32_t>{0, 1, 7, 0});  // untouched: no entry is stamped 8

    // Four billion searches later the counter comes back to 1 and then to 7: entries stamped 1 and
    // 7 long ago would read as current.
    epoch = std::numeric_limits<std::uint32_t>::max();
    next_epoch(epoch, stamp, settled);
    CHECK(epoch == 1);
    CHECK(stamp == std::vector<std::uint32_t>(4, 0));
    CHECK(settled == std::vector<std::uint32_t>(4, 0));
}
