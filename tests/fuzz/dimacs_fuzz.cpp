// Fuzz target: a DIMACS shortest-path graph as a bundle (fuzz_files.hpp): net.gr, then
// optionally `#### net.co` and its coordinates. Loaded, then routed on (network_checks.hpp).

#include "fuzz_files.hpp"
#include "network_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corridor::fuzz;
    const std::string& folder = fresh_folder(split_bundle(bytes(data, size), "net.gr"));
    check_routes(corridor::load_network(folder + "/net.gr"));
    return 0;
}
