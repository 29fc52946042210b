// The job's ranks through MPI (ranks.hpp): compiled only when CMake finds MPI.

// MPI's C interface only: from C++, mpi.h would otherwise declare the C++ bindings, which live in
// another library (libmpi_cxx) and were removed from the standard in MPI-3.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "ranks.hpp"

namespace corridor::cli::ranks {

namespace {
bool g_joined = false;
int g_count = 1, g_index = 0;

// mpirun (Open MPI, MPICH) and srun (PMI, PMIx) leave these in each rank's environment. Without
// them corridor does not start MPI at all, so that a plain `corridor run` never pays for it nor
// prints its warnings.
bool launched_by_mpi() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK", "PMI_SIZE"})
        if (std::getenv(name)) return true;
    return false;
}
}  // namespace

void start(int* argc, char*** argv) {
    if (!launched_by_mpi()) return;
    // Funneled: the sweep's threads (oneTBB) never call MPI; only the main thread does.
    int provided = 0;
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
    g_joined = true;
    MPI_Comm_size(MPI_COMM_WORLD, &g_count);
    MPI_Comm_rank(MPI_COMM_WORLD, &g_index);
}

void stop() {
    if (g_joined) MPI_Finalize();
    g_joined = false;
}

int count() { return g_count; }
int index() { return g_index; }

std::string library() {
    char text[MPI_MAX_LIBRARY_VERSION_STRING];
    int length = 0;
    MPI_Get_library_version(text, &length);
    std::string name(text, static_cast<std::size_t>(length));
    return name.substr(0, name.find(','));
}

void wait_for_all() {
    if (!g_joined) return;
    // MPI_Barrier polls at full speed in Open MPI: a rank done early would take a core from the
    // ranks still running on the same machine. A non-blocking barrier, looked at every 10 ms.
    MPI_Request request;
    MPI_Ibarrier(MPI_COMM_WORLD, &request);
    for (int done = 0;;) {
        MPI_Test(&request, &done, MPI_STATUS_IGNORE);
        if (done) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

Verdict agree(bool failed) {
    if (!g_joined) return {failed, failed};
    int mine[2] = {failed ? 1 : 0, failed && g_index == 0 ? 1 : 0}, all[2] = {0, 0};
    MPI_Allreduce(mine, all, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return {all[0] != 0, all[1] != 0};
}

void abort_all(const std::string& message) {
    std::fflush(stdout);
    std::cerr << "corridor: error: rank " << g_index << ": " << message << std::endl;
    if (g_joined) MPI_Abort(MPI_COMM_WORLD, 2);
    std::_Exit(2);
}

}  // namespace corridor::cli::ranks
