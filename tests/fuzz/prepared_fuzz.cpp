// Fuzz target: a prepared network file (corridor prepare) as raw bytes, saved as net.cnet, loaded
// (refused with a message, or loaded and routed on: network_checks.hpp). No bundle: the file is
// binary and travels alone.

#include "fuzz_files.hpp"
#include "network_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corridor::fuzz;
    const std::string& folder = fresh_folder({{"net.cnet", bytes(data, size)}});
    check_routes(corridor::load_network(folder + "/net.cnet"));
    return 0;
}
