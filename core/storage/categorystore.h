#pragma once
// Finds or creates the category rows of a path "A > B > C" (and each ancestor), caching ids per import.
#include <cstdint>
#include <string>
#include <unordered_map>

struct sqlite3;

namespace mb {

class CategoryStore {
public:
    explicit CategoryStore(sqlite3 *db);
    // Id of the path's deepest category, creating missing levels; 0 for an empty path, -1 on error.
    int64_t idFor(const std::string &path, std::string &error);

private:
    sqlite3 *db_;
    std::unordered_map<std::string, int64_t> ids_;
};

}  // namespace mb
