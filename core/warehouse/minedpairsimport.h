#pragma once
// `import mined`: a warehouse's pair rules (minedpairsfile.h) saved as the workspace's "pairs" mining run,
// replacing the previous one in one transaction, with where they came from in the run's parameters.
#include "core/warehouse/minedpairsfile.h"

#include <string>

namespace mb {

class Workspace;

struct MinedProvenance {
    std::string engine;      // "postgres", "bigquery", ... (the query's dialect unless told otherwise)
    std::string file;        // the result file imported
    std::string query;       // the query's text when given ("" otherwise): its SHA-256 and parameters are kept
    std::string queryFile;   // where it was read from
    std::string minedAt;     // when the engine ran it (ISO 8601, as given; "" = unknown)
};

// The run's parameters: the thresholds the query's "-- merchbench:" line recorded (so `mine run` without
// options and "Re-run" repeat them), the baskets counted, and the provenance: engine, query SHA-256 and file,
// result file, when it was mined and imported. "" with `error` set when the query's parameter line is unreadable.
std::string minedRunParameters(const MinedPairsFile &file, const MinedProvenance &from, int64_t importedAt, std::string &error);

// Replaces the "pairs" run with the file's rules; the EASE and re-buy runs are left as they are. False with
// `error` set when nothing was written.
bool saveMinedPairs(Workspace &ws, const MinedPairsFile &file, const std::string &parameters, std::string &error);

}  // namespace mb
