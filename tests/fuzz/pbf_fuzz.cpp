// Fuzz target: an OpenStreetMap PBF file, loaded as net.osm.pbf, then routed on
// (network_checks.hpp).

#include "fuzz_files.hpp"
#include "network_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace corridor::fuzz;
    const std::string& folder = fresh_folder({{"net.osm.pbf", bytes(data, size)}});
    check_routes(corridor::load_network(folder + "/net.osm.pbf"));
    return 0;
}
