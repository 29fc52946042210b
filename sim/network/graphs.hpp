#pragma once
// The Boost.Graph side of the road network, kept out of the public header (Boost.Graph's
// templates are slow to compile). Forward graph: edge index i is arc i. Reverse graph: every arc
// turned around, for searches that run backwards from a destination.

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <vector>

#include "corridor/network/road_network.hpp"

namespace corridor {

using CsrGraph = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                                    boost::no_property, NodeIndex, ArcIndex>;

struct RoadNetwork::Graphs {
    CsrGraph forward;
    CsrGraph reverse;
    std::vector<ArcIndex> reverse_arc;  // reverse edge index -> forward arc
};

/// Fills a CSR graph with its row starts (nodes + 1) and targets (one per arc) as they are, for
/// arcs already grouped by source: Boost's constructors would copy and sort them again.
inline void set_csr(CsrGraph& graph, std::vector<ArcIndex> row_start, std::vector<NodeIndex> column) {
    graph = CsrGraph();
    graph.m_forward.m_rowstart = std::move(row_start);
    graph.m_forward.m_column = std::move(column);
}

}  // namespace corridor
