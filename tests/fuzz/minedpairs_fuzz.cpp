// Any bytes as an engine's result file for `import mined`: refused with the file's name and a line (the
// command then writes nothing); or accepted as rules that hang together (known, distinct SKUs, each pair
// once, counts and shares in range, one basket total).
#include "core/warehouse/minedpairsfile.h"

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string text(reinterpret_cast<const char *>(data), size);
    // One-letter upper-case SKUs are the workspace's products; anything else is unknown.
    const mb::ProductLookup lookup = [](const std::string &sku) -> std::optional<int64_t> {
        if (sku.size() == 1 && sku[0] >= 'A' && sku[0] <= 'Z') return int64_t(sku[0] - 'A' + 1);
        return std::nullopt;
    };
    mb::MinedPairsFile out;
    std::string error;
    const bool ok = mb::readMinedPairs(text, "fuzz.csv", lookup, out, error);
    if (ok != error.empty()) std::abort();
    if (!ok) {
        if (error.rfind("fuzz.csv:", 0) != 0) std::abort();
        return 0;
    }
    if (out.rules.size() != out.rows) std::abort();
    std::set<std::pair<int64_t, int64_t>> seen;
    for (const mb::StoredPairRule &r : out.rules) {
        if (r.antecedentId < 1 || r.antecedentId > 26 || r.consequentId < 1 || r.consequentId > 26) std::abort();
        if (r.antecedentId == r.consequentId || !seen.emplace(r.antecedentId, r.consequentId).second) std::abort();
        if (r.count < 1 || !(r.support > 0 && r.support <= 1) || !(r.confidence > 0 && r.confidence <= 1)) std::abort();
        if (!(r.lift > 0) || !(r.cosine > 0)) std::abort();
        if (out.baskets >= 0 && r.count > out.baskets) std::abort();
    }
    return 0;
}
