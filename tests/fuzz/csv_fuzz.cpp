// Fuzz target: a CSV road network as a bundle (fuzz_files.hpp): nodes.csv, then `#### edges.csv`
// and the edges table. The folder is loaded, then routed on (network_checks.hpp).

#include "fuzz_files.hpp"
#include "network_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corridor::fuzz;
    const std::string& folder = fresh_folder(split_bundle(bytes(data, size), "nodes.csv"));
    check_routes(corridor::load_network(folder));
    return 0;
}
