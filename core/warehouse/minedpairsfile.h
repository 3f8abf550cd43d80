#pragma once
// The result of the warehouse query (pairsql.h), exported by the engine as CSV, read back for
// `import mined`: every row checked, every SKU resolved to a workspace product, before anything is written.
#include "core/storage/minedstore.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace mb {

struct MinedPairsFile {
    std::vector<StoredPairRule> rules;  // in file order
    int64_t baskets = -1;               // the `baskets` column (the same on every row); -1 when absent
    size_t rows = 0;
    std::set<std::pair<int64_t, int64_t>> pairs;  // every antecedent -> consequent read so far, to refuse repeats
};

// SKU -> workspace product id; nullopt when the workspace has no such product.
using ProductLookup = std::function<std::optional<int64_t>(const std::string &sku)>;

// Reads `data` (UTF-8 CSV with a header naming antecedent, consequent, count, support, confidence, lift,
// cosine and optionally antecedent_count, consequent_count, baskets; any order, case-insensitive) and adds its
// rules to `out`: call it once per file of a result exported in parts (BigQuery's EXPORT DATA, Spark's
// part-*.csv and Snowflake's COPY INTO write several, each with its header), and a pair repeated or a basket
// total differing across parts is refused too. False with `error` = "FILE:LINE: column: what was found, what
// was expected" at the first bad row.
bool readMinedPairs(std::string_view data, const std::string &fileName, const ProductLookup &productId, MinedPairsFile &out,
                    std::string &error);

}  // namespace mb
