#include "core/storage/categorystore.h"

#include "core/io/categorypath.h"
#include "core/storage/statement.h"

namespace mb {

CategoryStore::CategoryStore(sqlite3 *db) : db_(db)
{
    Statement s(db_, "SELECT id, path FROM categories");
    while (s.step()) ids_.emplace(s.text(1), s.int64(0));
}

int64_t CategoryStore::idFor(const std::string &rawPath, std::string &error)
{
    const std::string path = normaliseCategoryPath(rawPath);
    if (path.empty()) return 0;
    if (auto it = ids_.find(path); it != ids_.end()) return it->second;
    int64_t parent = 0;
    std::string name = path;
    if (const auto cut = path.rfind(" > "); cut != std::string::npos) {
        parent = idFor(path.substr(0, cut), error);
        if (parent < 0) return -1;
        name = path.substr(cut + 3);
    }
    Statement ins(db_, "INSERT INTO categories(parent_id, name, path) VALUES (?1, ?2, ?3)");
    if (parent > 0) ins.bind(1, parent); else ins.bindNull(1);
    ins.bind(2, name).bind(3, path);
    if (!ins.exec()) {
        error = "cannot store category \"" + path + "\": " + ins.error();
        return -1;
    }
    const int64_t id = sqlite3_last_insert_rowid(db_);
    ids_.emplace(path, id);
    return id;
}

}  // namespace mb
